"""Every --format is a view of the same findings."""

import json
import re
from xml.etree import ElementTree as ET

import pytest

from tests.conftest import ROOT
from writer.lint.api import lint_input
from writer.lint.files import expand, iter_inputs
from writer.lint.report import FORMATS
from writer.setup import load_setup

ARTICLES = ROOT / "samples" / "articles"


@pytest.fixture(scope="module")
def linted():
    setup = load_setup()
    results = [
        lint_input(i, setup.ruleset, setup.style, setup.vocabulary) for i in iter_inputs(expand((str(ARTICLES),)))
    ]
    expected = {(f.path, f.line, f.column, f.rule) for r in results for f in r.findings}
    assert len(expected) > 5 and any(r.suppressed for r in results)
    return results, setup.ruleset, expected


def _text(out):
    return {
        (p, int(line), int(col), rule) for p, line, col, rule in re.findall(r"^(.*?):(\d+):(\d+): \w+ (\S+)", out, re.M)
    }


def _json(out):
    return {(f["path"], f["line"], f["column"], f["rule"]) for f in json.loads(out)["findings"]}


def _github(out):
    pattern = r"^::\w+ file=(.*?),line=(\d+),col=(\d+),.*?title=(.*?)::"
    return {(p, int(line), int(col), rule) for p, line, col, rule in re.findall(pattern, out, re.M)}


def _sarif(out):
    found = set()
    for r in json.loads(out)["runs"][0]["results"]:
        if r["suppressions"]:
            continue
        loc = r["locations"][0]["physicalLocation"]
        region = loc["region"]
        found.add((loc["artifactLocation"]["uri"], region["startLine"], region["startColumn"], r["ruleId"]))
    return found


def _codeclimate(out):
    issues = json.loads(out)
    for issue in issues:  # the fields GitLab requires
        assert issue["description"] and issue["check_name"] and issue["fingerprint"]
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    return {
        (i["location"]["path"], i["location"]["positions"]["begin"]["line"],
         i["location"]["positions"]["begin"]["column"], i["check_name"])
        for i in issues
    }  # fmt: skip


def _junit(out):
    root = ET.fromstring(out)
    found = set()
    for case in root.iter("testcase"):
        if case.find("failure") is not None:
            rule, pos = case.get("name").split(" ")
            line, col = pos.split(":")
            found.add((case.get("file"), int(line), int(col), rule))
    assert int(root.get("failures")) == len(found)
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in root.iter("testsuite"))
    assert any(case.find("skipped") is not None for case in root.iter("testcase"))  # suppressions show as skipped
    return found


READERS = {
    "text": _text,
    "json": _json,
    "github": _github,
    "sarif": _sarif,
    "codeclimate": _codeclimate,
    "junit": _junit,
}


def test_every_format_is_read_back():
    assert set(FORMATS) == set(READERS)


@pytest.mark.parametrize("name", sorted(READERS))
def test_format_shows_the_same_findings(linted, name):
    results, ruleset, expected = linted
    assert READERS[name](FORMATS[name](results, ruleset)) == expected


def test_junit_survives_control_characters_and_markup(tmp_path):
    article = tmp_path / "a<b>&.md"
    article.write_text("Funds fell due to \x07 fear & <loathing>.\n")
    setup = load_setup()
    results = [lint_input(i, setup.ruleset, setup.style, setup.vocabulary) for i in iter_inputs([str(article)])]
    root = ET.fromstring(FORMATS["junit"](results, setup.ruleset))
    assert root.find("testsuite").get("name") == str(article)
    assert "no-causal-attribution" in {c.get("name").split()[0] for c in root.iter("testcase")}
