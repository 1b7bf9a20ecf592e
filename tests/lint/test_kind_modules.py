"""Rule kinds stand alone: discovered from their modules by the loader, engine and schema."""

import functools
import json
import sys
import textwrap

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import writer.lint.kinds as kinds_package
from writer.cli import main
from writer.errors import UserError
from writer.lint.findings import LEVELS
from writer.lint.kinds import registry
from writer.lint.rules import load_rules
from writer.lint.schema import schema
from writer.rulesfile import house_style, load_rules_document

SHOUT = '''
"""shout: a word written in capitals, longer than ``min_length`` letters."""

import regex

from writer.lint.kinds import Field, Kind
from writer.lint.rules import make_finding


def run(rule, doc, ctx):
    for m in regex.finditer(rf"\\b[A-Z]{{{rule.params['min_length']},}}\\b", doc.prose):
        yield make_finding(rule, doc, m.start(), m.end())


KIND = Kind(name="shout", fields={"min_length": Field("integer", default=4, minimum=2)}, run=run)
'''

RULES = """
extends: editorial.yaml
rules:
  - id: no-shouting
    level: warning
    kind: shout
    message: Write words in capitals only when they are names
    min_length: 5
    examples:
      fail: [Bitcoin funds saw HUGE OUTFLOWS.]
      pass: [Bitcoin funds saw outflows.]
"""


@pytest.fixture
def shout_kind(tmp_path, monkeypatch):
    """A new kind: one module in a folder on the kinds package path, nothing else edited."""
    folder = tmp_path / "kinds"
    folder.mkdir()
    (folder / "shout.py").write_text(textwrap.dedent(SHOUT))
    monkeypatch.setattr(kinds_package, "__path__", [*kinds_package.__path__, str(folder)])
    monkeypatch.setenv("WRITER_NO_CACHE", "1")
    yield
    sys.modules.pop("writer.lint.kinds.shout", None)


def test_the_shipped_kinds_are_found_from_their_modules():
    assert set(registry()) == {
        "forbid",
        "limit",
        "require",
        "causal",
        "qualify-figures",
        "grounded-figures",
        "attribute-figures",
        "attribute-figures-lead",
        "reasons",
    }
    assert {k for k, v in registry().items() if v.needs_data} == {"qualify-figures", "grounded-figures"}


def test_a_kind_added_as_one_module_loads_shows_in_the_schema_and_runs(shout_kind, tmp_path):
    rules = tmp_path / "newsroom.yaml"
    rules.write_text(RULES)
    article = tmp_path / "a.md"
    article.write_text("Bitcoin funds saw MASSIVE outflows, according to CoinShares. This is not investment advice.\n")
    runner = CliRunner()
    printed = runner.invoke(main, ["rules", "schema"])
    assert printed.exit_code == 0
    kinds = [
        r["properties"].get("kind", {}).get("const")
        for r in json.loads(printed.output)["properties"]["rules"]["items"]["oneOf"]
    ]
    assert "shout" in kinds
    listed = runner.invoke(main, ["rules", "test", "--rules", str(rules)])
    assert listed.exit_code == 0, listed.output
    assert "no-shouting" in listed.output
    linted = runner.invoke(main, ["lint", str(article), "--rules", str(rules), "--format", "json"])
    found = [f["rule"] for f in json.loads(linted.output)["findings"]]
    assert found == ["no-shouting"]


# -- the schema accepts exactly what the loader accepts --------------------------------

OMIT = object()


def _valid(field):
    if field.type == "string":
        return field.choices[0] if field.choices else "text"
    if field.type == "integer":
        return max(field.minimum or 0, 1)
    if field.type == "boolean":
        return True
    return ["\\bmoon\\b"]


def _bad(field):
    bad = {"string": [3, ["x"]], "integer": [True, "1", 1.5], "boolean": ["yes", 1], "strings": [[1], {"a": 1}, 3]}[
        field.type
    ]
    if field.choices:
        bad.append("not-a-choice")
    if field.minimum is not None:
        bad.append(field.minimum - 1)
    return bad


EXAMPLES = {"fail": ["a"], "pass": ["b"]}
BAD_COMMON = {
    "id": [OMIT, "Moon Talk", 3],
    "level": [OMIT, "fatal"],
    "message": [OMIT, "   ", 5],
    "description": [7],
    "examples": [
        OMIT,
        {"fail": [], "pass": ["b"]},
        {"fail": ["a"]},
        {"fail": ["a"], "pass": ["b"], "data": "none"},
        {"fail": ["a"], "pass": [3]},
        {"fail": ["a"], "pass": ["b"], "notes": 1},
        "a and b",
    ],
    "disable": [False],
    "bogus": [1],
    "kind": ["nonsense", 3],
}
HOUSE_STYLES = [
    ({}, True),
    ({"en": {"qualifiers": ["unverified"]}}, True),
    ({"agreement": {"verified_sources": 3}}, True),
    ({"en": {"qualifiers": "unverified"}}, False),
    ({"en": {"qualifier": ["unverified"]}}, False),
    ({"agreement": {"sources": 3}}, False),
    ({"en": {"direction": {"plural": {"outflow": "outflows", "inflow": "inflows", "flat": "flat"}}}}, False),
]


@st.composite
def rules_files(draw):
    """A valid rules file with a random kind and optional fields, then at most one defect."""
    kind = draw(st.sampled_from(sorted(registry())))
    fields = registry()[kind].fields
    rule = {"id": "moon-talk", "level": draw(st.sampled_from(LEVELS)), "kind": kind, "message": "No moon talk"}
    rule["examples"] = draw(st.sampled_from([EXAMPLES, {**EXAMPLES, "data": [{"key": "Bitcoin", "value": 1}]}]))
    if draw(st.booleans()):
        rule["description"] = "why"
    for name, field in fields.items():
        if field.required or draw(st.booleans()):
            one_string = field.type == "strings" and draw(st.booleans())
            rule[name] = "\\bmoon\\b" if one_string else _valid(field)
    house, house_ok = draw(st.sampled_from(HOUSE_STYLES))
    data = {"version": 1, "house_style": house, "rules": [rule]}
    if draw(st.booleans()):
        data["_anchors"] = {"anything": [1, 2]}
    defect = draw(st.sampled_from(["none", "common", "field", "top", "house"]))
    if defect == "common":
        name = draw(st.sampled_from(sorted(BAD_COMMON)))
        value = draw(st.sampled_from(BAD_COMMON[name]))
        if value is OMIT:
            rule.pop(name, None)
        else:
            rule[name] = value
    elif defect == "field" and fields:
        name = draw(st.sampled_from(sorted(fields)))
        rule[name] = draw(st.sampled_from(_bad(fields[name])))
    elif defect == "top":
        data[draw(st.sampled_from(["rulez", "version"]))] = "one"
    elif defect == "house" and house_ok:
        data["house_style"] = draw(st.sampled_from([h for h, ok in HOUSE_STYLES if not ok]))
    return data


def _loader_accepts(data, path) -> bool:
    path.write_text(yaml.safe_dump(data))
    try:
        doc = load_rules_document(path)
        house_style(doc)
        load_rules(doc)  # structure, types, patterns; examples are run separately at load
    except UserError:
        return False
    return True


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=rules_files())
def test_schema_and_loader_agree_on_generated_rules_files(data, tmp_path):
    assert _validator().is_valid(data) == _loader_accepts(data, tmp_path / "rules.yaml"), data


@functools.cache
def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    return jsonschema.Draft202012Validator(schema())
