"""Defects found in review, one test each (issue 8, section 3)."""

import datetime as dt
import json

from click.testing import CliRunner

import writer.setup
from tests.conftest import ROOT
from writer.articlefile import article_name, compose, front_matter_week, page_name, written_body
from writer.cli import main
from writer.draft import render_week, write_draft
from writer.lint.document import parse
from writer.lint.report import JSON_SCHEMA, sarif
from writer.resources import default_rules
from writer.rulesfile import extends_chain, load_rules_document

WEEK = dt.date(2026, 1, 26)


def test_a_claim_source_keeps_its_capitals(tmp_path):
    notes = tmp_path / "notes.yaml"
    notes.write_text(
        "week_ending: 2026-01-26\nclaims:\n  - kind: superlative\n    source: CoinShares\n"
        "    text: the largest outflow since November\n"
    )
    result = CliRunner().invoke(main, ["draft", "--notes", str(notes)])
    assert result.exit_code == 0, result.output
    assert "CoinShares described the result" in result.output
    assert "Coinshares" not in result.output


def test_conflict_sides_that_round_alike_print_finer(history_of, setup):
    history = history_of(
        """
        2026-01-26,total,all,net_flow,-1710,,Source A,,,
        2026-01-26,total,all,net_flow,-1740,,Source B,,,
        """
    )
    total = history.week(WEEK).total
    assert total.is_range
    draft = render_week(history.week(WEEK), setup)
    body = draft.article.body
    assert "approximately $1.71 billion to $1.74 billion" in body
    assert "Source A: $1.71 billion; Source B: $1.74 billion" in body
    assert "$1.7 billion to $1.7 billion" not in body
    assert not draft.has_errors, draft.findings


def test_every_command_sets_up_through_one_path(monkeypatch, tmp_path):
    calls = []
    real = writer.setup.load_setup

    def spy(rules=None, entities=None, templates=None, examples=True):
        calls.append(str(entities))
        return real(rules, entities, templates, examples)

    monkeypatch.setattr(writer.setup, "load_setup", spy)
    entities = str(ROOT / "rules" / "entities.yaml")
    article = tmp_path / "a.md"
    article.write_text("Bitcoin products recorded a net outflow, according to CoinShares. Not investment advice.\n")
    runner = CliRunner()
    for args in (["draft"], ["facts"], ["lint", str(article)], ["rules", "list"], ["rules", "test"]):
        result = runner.invoke(main, [*args, "--entities", entities])
        assert result.exit_code == 0, (args, result.output)
    assert calls == [entities] * 5  # rules list/test used to ignore --entities


def test_front_matter_is_written_and_read_by_one_module():
    text = compose({"title": "T", "week": "2026-01-26", "body_hash": "abc"}, "# T\n\nBody.\n")
    assert front_matter_week(text) == WEEK
    assert written_body(text) == ("abc", "# T\n\nBody.\n")
    doc = parse(text)
    assert doc.prose.strip().startswith("T") and "week" not in doc.prose  # masked, offsets kept
    assert len(doc.prose) == len(text)
    assert written_body("# No front matter\n") == (None, None)


def test_week_files_are_named_in_one_place(tmp_path, setup, real_history):
    assert (article_name(WEEK), page_name(WEEK)) == ("2026-01-26.md", "2026-01-26.html")
    draft = render_week(real_history.week(real_history.weeks[0]), setup)
    written = write_draft(draft, tmp_path)
    assert [p.name for p in written] == [article_name(draft.week), page_name(draft.week)]
    assert draft.findings == () or all(f.path == article_name(draft.week) for f in draft.findings)


def test_extends_by_bare_name_resolves_once_for_loading_and_caching(tmp_path):
    rules = tmp_path / "ours.yaml"
    rules.write_text("extends: editorial.yaml\nrules:\n  - {id: risk-notice, disable: true}\n")
    doc = load_rules_document(rules)
    assert "risk-notice" not in {r["id"] for r in doc.data["rules"]}
    assert extends_chain(rules) == [rules, default_rules()]


def test_report_comments_are_true():
    schema = json.loads((ROOT / "docs" / "lint-report.schema.json").read_text())
    assert schema["$id"] == JSON_SCHEMA
    driver = json.loads(sarif([], _ruleset()))["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver or "example" not in driver["informationUri"]
    assert driver.get("informationUri") != "https://github.com/"


def _ruleset():
    return writer.setup.load_setup().ruleset
