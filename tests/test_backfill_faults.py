"""Backfill under faults: signals, a second run, a bad week, edits, removals, modes."""

import json
import os
import signal
import stat
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from bench.synthetic import write as write_synthetic
from tests.conftest import HISTORY, ROOT
from writer.backfill import backfill
from writer.cli import main


def outputs(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.suffix != ".lock"}


def children_of(pid: int) -> list[int]:
    """Live processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _start(data, out, jobs=2):
    cmd = [sys.executable, "-m", "writer", "backfill", "--data", str(data), "--out", str(out), "--jobs", str(jobs)]
    return cmd, subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _wait_for_files(out, count, proc, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        if out.is_dir() and len(list(out.glob("*.md"))) >= count:
            return
        time.sleep(0.02)


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs Linux /proc to list processes")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_killed_backfill_leaves_no_workers_and_a_rerun_equals_a_clean_run(tmp_path, sig):
    data = write_synthetic(tmp_path / "synthetic.csv", weeks=60, seed=11)
    clean = tmp_path / "clean"
    backfill([data], clean, jobs=1)
    out = tmp_path / "out"
    cmd, proc = _start(data, out)
    _wait_for_files(out, 8, proc)
    workers = children_of(proc.pid)
    assert proc.poll() is None and workers, "the run ended before it could be interrupted"
    proc.send_signal(sig)
    proc.wait(timeout=30)
    if sig == signal.SIGTERM:
        assert proc.returncode == 130 and "interrupted" in proc.stderr.read()
        manifest = json.loads((out / "manifest.json").read_text())  # saved, and consistent with the files
        for record in manifest["weeks"].values():
            for name in record["outputs"]:
                assert (out / name).exists()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(w) for w in workers):
        time.sleep(0.1)
    assert not [w for w in workers if alive(w)], "worker processes outlived their parent"
    rerun = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    got, want = outputs(out), outputs(clean)
    got.pop("manifest.json"), want.pop("manifest.json")
    assert got == want


def test_a_second_backfill_into_the_same_folder_exits_2(tmp_path):
    data = write_synthetic(tmp_path / "synthetic.csv", weeks=600, seed=4)  # long enough to be caught running
    out = tmp_path / "out"
    cmd, first = _start(data, out, jobs=1)
    _wait_for_files(out, 3, first)
    assert first.poll() is None, "the first run ended too soon"
    second = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    still_running = first.poll() is None
    first.send_signal(signal.SIGTERM)
    first.wait(timeout=60)
    assert still_running, "the first run ended before the second asked for the lock"
    assert second.returncode == 2
    assert "another writer backfill is writing to this folder" in second.stderr and "Traceback" not in second.stderr
    manifest = json.loads((out / "manifest.json").read_text())  # what the first run finished, whole
    for week in manifest["weeks"]:
        assert (out / f"{week}.md").exists() and (out / f"{week}.html").exists()
    assert not list(out.glob(".*.tmp"))


def test_one_bad_notes_file_fails_its_week_only(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2026-02-02.yaml").write_text("commentary: [oops\n")
    (notes / "2026-02-09.yaml").write_text("week_ending: 2026-02-30\n")
    result = CliRunner().invoke(
        main, ["backfill", "--data", str(HISTORY), "--out", str(tmp_path / "out"), "--notes", str(notes), "--jobs", "1"]
    )
    assert result.exit_code == 1, result.output
    assert "failed 2026-02-02:" in result.output and "2026-02-02.yaml" in result.output
    assert "failed 2026-02-09:" in result.output and "2026-02-30" in result.output
    assert "Traceback" not in result.output
    assert len(list((tmp_path / "out").glob("*.md"))) == 23 - 2 + 1  # every other week, and the index


def test_front_matter_edit_is_kept_like_a_body_edit(tmp_path):
    out = tmp_path / "out"
    backfill([HISTORY], out, jobs=1)
    page = out / "2026-01-26.md"
    page.write_text(page.read_text().replace("title: ", "title: Edited "))
    summary = backfill([HISTORY], out, jobs=1)
    assert summary.edited == ["2026-01-26"] and "title: Edited" in page.read_text()


def test_written_files_follow_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        backfill([HISTORY], tmp_path / "out", jobs=1, start=_d("2026-01-26"), end=_d("2026-01-26"))
    finally:
        os.umask(old)
    for name in ("2026-01-26.md", "2026-01-26.html", "index.md", "index.html", "manifest.json"):
        assert stat.S_IMODE((tmp_path / "out" / name).stat().st_mode) == 0o640, name


def test_weeks_gone_from_the_data_are_removed_unless_edited(tmp_path):
    out = tmp_path / "out"
    backfill([HISTORY], out, jobs=1)
    edited = out / "2026-03-09.md"
    edited.write_text(edited.read_text() + "\nAn editor's line.\n")
    fewer = tmp_path / "fewer.csv"
    fewer.write_text(
        "".join(
            line
            for line in HISTORY.read_text().splitlines(keepends=True)
            if not line.startswith(("2026-03-16", "2026-03-09"))
        )
    )
    summary = backfill([fewer], out, jobs=1)
    assert summary.removed == ["2026-03-16"] and "2026-03-09" in summary.edited
    assert not (out / "2026-03-16.md").exists() and not (out / "2026-03-16.html").exists()
    assert "An editor's line." in edited.read_text()
    manifest = json.loads((out / "manifest.json").read_text())["weeks"]
    assert "2026-03-16" not in manifest and manifest["2026-03-09"]["status"] == "edited"
    index = (out / "index.md").read_text()
    assert "2026-03-16" not in index and "| 2026-03-09 |" in index and "edited by hand" in index


def test_index_is_a_template_with_the_articles_risk_notice(tmp_path):
    out = tmp_path / "out"
    backfill([HISTORY], out, jobs=1, start=_d("2026-01-26"), end=_d("2026-02-02"))
    article = (out / "2026-01-26.md").read_text()
    notice = article[article.index("## Risk notice") :].strip()  # the article's own section, as rendered
    assert len(notice) > 100 and notice in (out / "index.md").read_text()
    lint = CliRunner().invoke(main, ["lint", str(out / "index.md")])
    assert lint.exit_code == 0, lint.output


def test_out_under_a_file_is_one_line_exit_2(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(main, ["backfill", "--data", str(HISTORY), "--out", str(blocker / "out")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert str(blocker) in result.output and len(result.output.strip().splitlines()) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_out_is_one_line_exit_2(tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = CliRunner().invoke(main, ["draft", "--out", str(out)])
    finally:
        out.chmod(0o755)
    assert result.exit_code == 2 and "Traceback" not in result.output and str(out) in result.output


def _d(text):
    import datetime as dt

    return dt.date.fromisoformat(text)
