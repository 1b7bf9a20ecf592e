import json
import shutil
import time

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT
from writer.cli import main

ARTICLES = ROOT / "samples" / "articles"
DATA = ROOT / "samples" / "reference-week.csv"


def run(*args, stdin=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=stdin)


def test_exit_codes():
    assert run("lint", ARTICLES / "suppressed.md").exit_code == 0  # a warning only
    assert run("lint", ARTICLES / "causal.md").exit_code == 1
    assert run("lint", ARTICLES / "no-such.md").exit_code == 2


def test_text_format_is_path_line_col_level_rule():
    result = run("lint", ARTICLES / "causal.md", "--min-level", "error")
    first = result.output.splitlines()[0]
    assert first.startswith(f"{ARTICLES / 'causal.md'}:9:22: error no-causal-attribution ")
    assert "\x1b[" not in result.output  # plain in pipes


def test_min_level_hides_warnings_but_exit_code_follows_errors():
    result = run("lint", ARTICLES / "suppressed.md", "--min-level", "error")
    assert result.exit_code == 0 and "suppression-reason" not in result.output


def test_folder_is_linted_recursively_with_data_and_front_matter_week():
    result = run("lint", ARTICLES, "--data", DATA, "--format", "json")
    report = json.loads(result.output)
    assert result.exit_code == 1
    assert report["version"] == 1 and report["summary"]["files"] == 7
    assert {f["rule"] for f in report["findings"]} >= {"grounded-figures", "flag-unverified-figures"}
    assert report["suppressions"][0]["suppression"]["reason"].startswith("the sentence quotes")


def test_stdin():
    result = run("lint", "-", stdin="Funds fell due to fear, says no one.\n")
    assert result.exit_code == 1 and "<stdin>:1:12: error no-causal-attribution" in result.output


def test_data_without_week_is_a_finding_and_the_other_files_are_linted(tmp_path):
    (tmp_path / "a.md").write_text("Funds fell.\n")
    (tmp_path / "b.md").write_text("---\nweek: 2026-01-26\n---\n\nFunds fell due to fear.\n")
    result = run("lint", tmp_path, "--data", DATA)
    assert result.exit_code == 1, result.output
    assert f"{tmp_path / 'a.md'}:1:1: error no-week" in result.output
    assert f"{tmp_path / 'b.md'}:5:12: error no-causal-attribution" in result.output


def test_sarif_is_2_1_0_with_rules_and_regions():
    sarif = json.loads(run("lint", ARTICLES / "wrong-figures.md", "--data", DATA, "--format", "sarif").output)
    assert sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    result = run_["results"][0]
    assert ids[result["ruleIndex"]] == result["ruleId"] == "grounded-figures"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (7, 61) and result["level"] == "error"


def test_github_annotations():
    out = run("lint", ARTICLES / "advice.md", "--format", "github").output.splitlines()
    assert out[0].startswith("::error file=") and ",line=1,col=1," in out[0] and "title=risk-notice::" in out[0]


def test_unreadable_inputs_are_findings_not_tracebacks(tmp_path):
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "latin.md").write_bytes("Zürich\n".encode("latin-1"))
    (tmp_path / "empty.md").write_text("")
    big = tmp_path / "huge.md"
    big.write_text("Funds fell. " * (20 * 1024 * 1024 // 12))
    (tmp_path / "advice.md").write_text((ARTICLES / "advice.md").read_text(encoding="utf-8"), encoding="utf-8")
    started = time.monotonic()
    result = run("lint", tmp_path, "--format", "json")
    assert time.monotonic() - started < 10
    report = json.loads(result.output)
    by_file = {f["path"].rsplit("/", 1)[1]: f for f in report["findings"] if f["rule"] in ("unreadable", "empty-file")}
    assert "binary" in by_file["binary.md"]["message"]
    assert "not UTF-8" in by_file["latin.md"]["message"] and "line 1" in by_file["latin.md"]["message"]
    assert by_file["empty.md"]["rule"] == "empty-file"
    assert "larger than" in by_file["huge.md"]["message"]
    # an unreadable file is a data error, as in extract (exit 2), and the readable ones are still linted
    assert any(f["path"].endswith("advice.md") and f["rule"] == "risk-notice" for f in report["findings"])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_lint_and_extract_agree_on_a_binary_file(tmp_path):
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    linted, extracted = run("lint", binary), run("extract", binary, "--week", "2026-01-26")
    assert linted.exit_code == extracted.exit_code == 2
    assert f"{binary}:1:1: error unreadable binary file, not a text article" in linted.output
    assert f"{binary}: binary file, not a text article" in extracted.output


def test_catastrophic_rule_is_a_load_error_not_a_hang(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        f"extends: {ROOT / 'rules' / 'editorial.yaml'}\nrules:\n"
        "  - id: slow\n    level: error\n    kind: forbid\n    message: slow\n    patterns: ['(a|aa)+$']\n"
        f"    examples: {{fail: ['{'a' * 40}b', 'a'], pass: ['b']}}\n"
    )
    started = time.monotonic()
    result = run("lint", ARTICLES / "causal.md", "--rules", rules)
    assert time.monotonic() - started < 10
    assert result.exit_code == 2 and "catastrophic" in result.output and f"{rules}:3:" in result.output


def test_rules_list_and_test():
    listing = run("rules", "list")
    assert listing.exit_code == 0 and "no-causal-attribution" in listing.output
    table = run("rules", "test")
    assert table.exit_code == 0 and table.output.count(" ok") >= 7


def test_draft_refuses_to_write_a_draft_that_breaks_the_rules(tmp_path):
    folder = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", folder)
    risk = folder / "sections" / "risk.md.j2"
    risk.write_text(risk.read_text() + "\nThe outflow was driven by fear.\n")
    out = tmp_path / "out"
    result = run("draft", "--templates", folder, "--out", out)
    assert result.exit_code == 1
    assert "no-causal-attribution" in result.output and "nothing written" in result.output
    assert not out.exists()


def test_lint_path_does_not_import_pandas():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "writer", "lint", str(ARTICLES / "advice.md")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1  # advice.md has errors
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "writer.lint.engine" in imported
    assert "pandas" not in imported and "jinja2" not in imported
    # a plain article on the click-free path: no click, no markdown-it (writer.entry, writer.lint.blocks)
    assert "click" not in imported and "markdown_it" not in imported


def test_json_report_matches_its_published_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "docs" / "lint-report.schema.json").read_text())
    report = json.loads(run("lint", ARTICLES, "--data", DATA, "--format", "json").output)
    jsonschema.validate(report, schema)
    assert report["suppressions"] and report["findings"]


def test_folder_without_articles_is_a_usage_error(tmp_path):
    result = run("lint", tmp_path)
    assert result.exit_code == 2
    expected = f"error: {tmp_path}: no Markdown files in this folder (expected .md or .markdown or .mdown)"
    assert result.output.strip() == expected
