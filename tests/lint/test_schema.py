import json

import pytest
import yaml

from tests.conftest import ROOT
from writer.lint.schema import schema_text

SHIPPED = ROOT / "rules" / "editorial.schema.json"


def test_shipped_schema_is_the_generated_one():
    assert SHIPPED.read_text() == schema_text(), "run: writer rules schema > rules/editorial.schema.json"


def test_shipped_rules_validate_and_a_typo_does_not():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SHIPPED.read_text())
    rules = yaml.safe_load((ROOT / "rules" / "editorial.yaml").read_text())
    jsonschema.validate(rules, schema)
    rules["rules"][0]["levl"] = "error"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(rules, schema)


def test_pre_commit_hook_runs_the_linter():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hooks[0]["entry"] == "writer lint" and hooks[0]["types"] == ["markdown"]
