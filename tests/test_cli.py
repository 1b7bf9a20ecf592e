import shutil

from click.testing import CliRunner

from tests.conftest import HISTORY, ROOT
from writer.cli import main

GOLDEN = ROOT / "tests" / "golden" / "reference-week.md"


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def test_draft_with_no_arguments_prints_the_sample_week():
    result = run("draft")
    assert result.exit_code == 0
    assert result.output == GOLDEN.read_text()


def test_draft_out_writes_markdown_and_html(tmp_path):
    result = run("draft", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    md = (tmp_path / "2026-01-26.md").read_text()
    html = (tmp_path / "2026-01-26.html").read_text()
    assert md == GOLDEN.read_text()
    assert html.startswith("<!doctype html>") and "<h2>Risk notice</h2>" in html
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_draft_never_overwrites_a_hand_edited_draft_without_force(tmp_path):
    assert run("draft", "--out", tmp_path).exit_code == 0
    path = tmp_path / "2026-01-26.md"
    path.write_text(path.read_text().replace("Risk notice", "Risk note"))
    result = run("draft", "--out", tmp_path)
    assert result.exit_code == 2
    assert "edited after it was generated" in result.output and "--force" in result.output
    assert "Risk note" in path.read_text()
    assert run("draft", "--out", tmp_path, "--force").exit_code == 0
    assert "Risk notice" in path.read_text()


def test_regenerating_an_untouched_draft_is_allowed(tmp_path):
    assert run("draft", "--out", tmp_path).exit_code == 0
    assert run("draft", "--out", tmp_path).exit_code == 0


def test_unknown_week_is_a_clear_error():
    result = run("draft", "--week", "2026-01-27")
    assert result.exit_code == 2
    assert (
        result.output.strip() == "error: no data for week 2026-01-27; nearest week with data: 2026-01-26 "
        "(expected a week_ending present in the data)"
    )


def test_bad_date_option_is_a_usage_error():
    result = run("draft", "--week", "last monday")
    assert result.exit_code == 2 and "is not a date" in result.output


def test_bad_data_lists_problems_without_traceback(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("week_ending,scope,key,metric,usd_m,source\n2026-01-26,total,all,net_flow,abc,A\n")
    result = run("draft", "--data", bad)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"{bad}:2:usd_m:" in result.output


def test_draft_for_a_week_of_the_real_history():
    result = run("draft", "--data", HISTORY, "--week", "2026-02-02")
    assert result.exit_code == 0, result.output
    assert "the week to February 2, 2026" in result.output
    # the total (five publications) is corroborated: the repeat flag is for Ethereum only, in the body
    headline = next(line for line in result.output.splitlines() if line.startswith("# "))
    assert "week before" not in headline and "(" not in headline
    repeat = next(s for s in result.output.split(". ") if "the same figure was reported the week before" in s)
    assert "Ethereum" in repeat and "$1.7 billion" not in repeat


def test_facts_prints_the_reconciled_table():
    result = run("facts")
    assert result.exit_code == 0
    assert "Ethereum" in result.output and "-308: Source A | -630: Source C" in result.output
    assert "conflicting" in result.output and "sign flip: yes" in result.output


def test_templates_folder_with_a_missing_section(tmp_path):
    folder = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", folder)
    (folder / "sections" / "watch.md.j2").unlink()
    result = run("draft", "--templates", folder)
    assert result.exit_code == 2
    assert (
        result.output.strip() == "error: template not found: sections/watch.md.j2 "
        "(expected the shipped file set (see templates/))"
    )


def test_templates_folder_with_a_broken_section(tmp_path):
    folder = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", folder)
    (folder / "sections" / "risk.md.j2").write_text("## Risk\n{{ f.no_such_fact }}\n")
    result = run("draft", "--templates", folder)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "no_such_fact" in result.output
    (folder / "sections" / "risk.md.j2").write_text("{% if %}\n")
    result = run("draft", "--templates", folder)
    assert result.exit_code == 2 and "risk.md.j2" in result.output and "syntax" in result.output


def test_broken_notes_yaml_is_one_located_line(tmp_path):
    notes = tmp_path / "notes.yaml"
    notes.write_text("week_ending: [\n")
    result = run("draft", "--notes", notes)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {notes}:2:") and "not valid YAML" in lines[0]
