import json
import os

import pytest
from click.testing import CliRunner

from bench.synthetic import write as write_synthetic
from tests.conftest import HISTORY, ROOT
from writer.backfill import backfill
from writer.cli import main

NOTES = ROOT / "samples" / "notes"


def run_backfill(data, out, **kw):
    statuses = {}
    summary = backfill([data], out, on_week=lambda w, s: statuses.__setitem__(w, s), jobs=kw.pop("jobs", 1), **kw)
    return summary, statuses


def outputs(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_second_run_renders_nothing_and_touched_data_renders_only_affected_weeks(tmp_path):
    data = tmp_path / "history.csv"
    data.write_text(HISTORY.read_text())
    out = tmp_path / "out"
    first, written = run_backfill(data, out, notes=NOTES)
    assert first.written == first.weeks == 23 and first.exit_code == 0
    assert {"index.md", "index.html", "manifest.json"} <= set(os.listdir(out))

    again, written = run_backfill(data, out, notes=NOTES)
    assert again.written == 0 and again.skipped == 23 and written == {}

    # an asset figure of one week: only that week's facts change
    data.write_text(
        data.read_text().replace("2026-02-16,asset,Bitcoin,net_flow,-133,", "2026-02-16,asset,Bitcoin,net_flow,-150,")
    )
    _, written = run_backfill(data, out, notes=NOTES)
    assert set(written) == {"2026-02-16"}

    # a week's total turns to an inflow: that week, and the later weeks whose streak it changes
    # (02-16 and 02-23 lose their run of outflows; 03-02 now ends a run of two, not five);
    # 03-16 follows a gap, so its facts stay the same
    text = data.read_text()
    for source in ("Dzilla", "Serrari Group"):
        text = text.replace(
            f"2026-02-09,total,all,net_flow,-187,,{source}", f"2026-02-09,total,all,net_flow,187,,{source}"
        )
    data.write_text(text)
    _, written = run_backfill(data, out, notes=NOTES)
    assert set(written) == {"2026-02-09", "2026-02-16", "2026-02-23", "2026-03-02"}


def test_rules_or_template_change_rerenders_everything(tmp_path):
    out = tmp_path / "out"
    run_backfill(HISTORY, out, start=_d("2026-01-19"), end=_d("2026-02-09"))
    templates = tmp_path / "templates"
    import shutil

    shutil.copytree(ROOT / "templates", templates)
    risk = templates / "sections" / "risk.md.j2"
    risk.write_text(risk.read_text().replace("for information only", "for information purposes only"))
    summary, _ = run_backfill(HISTORY, out, start=_d("2026-01-19"), end=_d("2026-02-09"), templates=templates)
    assert summary.written == summary.weeks == 4


def test_hand_edited_draft_is_kept_and_reported(tmp_path):
    out = tmp_path / "out"
    run_backfill(HISTORY, out)
    edited = out / "2026-01-26.md"
    edited.write_text(edited.read_text().replace("## Risk notice", "## Risk notice (edited)"))
    summary, written = run_backfill(HISTORY, out)
    assert summary.edited == ["2026-01-26"] and "2026-01-26" not in written
    assert "(edited)" in edited.read_text()
    result = CliRunner().invoke(main, ["backfill", "--data", str(HISTORY), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0 and "kept" in result.output and "2026-01-26.md" in result.output
    summary, written = run_backfill(HISTORY, out, force=True)
    assert "2026-01-26" in written and "(edited)" not in edited.read_text()
    index = (out / "index.md").read_text()
    assert index.index("2026-03-16") < index.index("2025-02-24")  # newest first


def test_backfilled_week_is_byte_identical_to_draft(tmp_path):
    out = tmp_path / "out"
    run_backfill(HISTORY, out, notes=NOTES, jobs=2)
    for week in ("2025-03-17", "2026-01-26", "2026-02-02"):
        draft = tmp_path / "draft"
        result = CliRunner().invoke(
            main, ["draft", "--data", str(HISTORY), "--week", week, "--notes", str(NOTES), "--out", str(draft)]
        )
        assert result.exit_code == 0, result.output
        assert (draft / f"{week}.md").read_bytes() == (out / f"{week}.md").read_bytes()
        assert (draft / f"{week}.html").read_bytes() == (out / f"{week}.html").read_bytes()


def test_one_bad_week_does_not_stop_the_batch(tmp_path):
    data = tmp_path / "bad.csv"
    data.write_text(
        HISTORY.read_text().replace("2026-02-23,asset,Solana,net_flow,3.3,", "2026-02-23,asset,Solana,net_flow,three,")
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["backfill", "--data", str(data), "--out", str(out), "--jobs", "1", "--json"])
    summary = json.loads(result.output)
    assert result.exit_code == 1 and summary["exit_code"] == 1
    assert list(summary["failed"]) == ["2026-02-23"] and "not a number 'three'" in summary["failed"]["2026-02-23"]
    assert summary["written"] == 22 and not (out / "2026-02-23.md").exists()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["weeks"]["2026-02-23"]["status"] == "failed"
    assert "failed" in (out / "index.md").read_text()


def test_template_error_fails_weeks_not_the_run(tmp_path):
    import shutil

    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    (templates / "sections" / "lead.md.j2").write_text("{{ f.nope }}")  # every draft, brief or article
    summary, _ = run_backfill(HISTORY, tmp_path / "out", templates=templates, start=_d("2026-01-19"))
    assert summary.exit_code == 1 and len(summary.failed) == summary.weeks
    assert all("lead.md.j2" in why for why in summary.failed.values())


def test_synthetic_history_drafts_cleanly_in_parallel(tmp_path):
    data = write_synthetic(tmp_path / "synthetic.csv", weeks=160, seed=3)
    summary, _ = run_backfill(data, tmp_path / "out", jobs=2)
    assert summary.failed == {} and summary.written == summary.weeks > 140


def _d(text):
    import datetime as dt

    return dt.date.fromisoformat(text)


@pytest.mark.parametrize("args", [["--from", "2026-02-01", "--to", "2026-01-01"], ["--jobs", "0"]])
def test_usage_errors(tmp_path, args):
    result = CliRunner().invoke(main, ["backfill", "--data", str(HISTORY), "--out", str(tmp_path), *args])
    assert result.exit_code == 2


def test_progress_bar_on_a_terminal_only():
    import io

    from writer.backfill import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen, pipe = Terminal(), io.StringIO()
    for stream in (screen, pipe):
        bar = Progress(4, stream)
        bar.step()
        bar.step(failed=True)
        bar.close()
    assert "2/4" in screen.getvalue() and "1 failed" in screen.getvalue()
    assert pipe.getvalue() == ""
