import re
import textwrap

import pytest

from writer.errors import UserError
from writer.lint.engine import example_runner
from writer.lint.rules import load_rules
from writer.rulesfile import load_rules_document

BASE = "version: 1\nextends: {base}\nrules:\n"


def rules_file(tmp_path, body, base=True):
    from writer.resources import default_rules

    head = BASE.format(base=default_rules()) if base else "version: 1\nhouse_style: {}\nrules:\n"
    path = tmp_path / "rules.yaml"
    path.write_text(head + textwrap.indent(textwrap.dedent(body), "  "))
    return path


def load(path, setup):
    return load_rules(load_rules_document(path), example_runner(setup.style, setup.vocabulary))


def errors(path, setup):
    with pytest.raises(UserError) as err:
        load(path, setup)
    return [str(p) for p in err.value.problems]


GOOD = """
- id: no-moon
  level: warning
  kind: forbid
  message: No moon talk
  patterns: ['\\bto the moon\\b']
  examples: {fail: ['Bitcoin to the moon.'], pass: ['Bitcoin fell.']}
"""


def test_a_newsroom_adds_a_rule_in_yaml(tmp_path, setup):
    ruleset = load(rules_file(tmp_path, GOOD), setup)
    assert "no-moon" in [r.id for r in ruleset.rules]
    assert "no-causal-attribution" in [r.id for r in ruleset.rules]  # inherited through extends


def test_extends_can_disable_a_rule(tmp_path, setup):
    ruleset = load(rules_file(tmp_path, "- id: soft-causal-framing\n  disable: true\n"), setup)
    assert "soft-causal-framing" not in [r.id for r in ruleset.rules]


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (GOOD.replace("kind: forbid", "kind: prohibit"), "unknown kind 'prohibit'"),
        (GOOD.replace("  message: No moon talk", "  message: No moon talk\n  colour: red"), "unknown field colour"),
        (GOOD.replace("level: warning", "level: fatal"), "level is 'fatal'"),
        (GOOD.replace("patterns: ['\\bto the moon\\b']", "patterns: 42"), "field 'patterns' is 42"),
        (GOOD.replace("\\bto the moon\\b", "(unclosed"), "does not compile"),
        (GOOD + GOOD, "duplicate id"),
        (GOOD.replace("Bitcoin fell.", "To the moon!"), "pass example gives a finding"),
        (GOOD.replace("Bitcoin to the moon.", "Bitcoin fell."), "fail example gives no finding"),
        (
            GOOD.replace("patterns: ['\\bto the moon\\b']", "patterns: ['(a|aa)+$']").replace(
                "Bitcoin to the moon.", "a" * 40 + "b"
            ),
            "catastrophic",
        ),
    ],
)
def test_load_errors_name_file_line_and_rule(tmp_path, setup, body, needle):
    path = rules_file(tmp_path, body, base=False)
    found = errors(path, setup)
    assert any(needle in p for p in found), found
    assert all(p.startswith(f"{path}:") for p in found), found
    assert any(re.search(r":(5|12): rule 'no-moon'", p) for p in found), found  # 12: the duplicate


def test_yaml_syntax_error_names_the_line(tmp_path, setup):
    path = tmp_path / "rules.yaml"
    path.write_text("rules:\n  - id: x\n    kind: [unclosed\n")
    with pytest.raises(UserError) as err:
        load_rules_document(path)
    assert str(err.value).startswith(f"{path}:")
    assert "not valid YAML" in str(err.value)
