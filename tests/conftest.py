from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from writer.cli import main
from writer.data.facts import History
from writer.setup import load_setup

ROOT = Path(__file__).resolve().parent.parent
HEADER = "week_ending,scope,key,metric,usd_m,bound,source,url,status,note\n"
HISTORY = ROOT / "samples" / "history" / "reported-flows.csv"


@pytest.fixture(scope="session")
def setup():
    return load_setup()


@pytest.fixture
def write_csv(tmp_path):
    """Write contract rows (without header) to a CSV and return its path."""

    def make(rows: str, name: str = "data.csv", header: str = HEADER) -> Path:
        path = tmp_path / name
        path.write_text(header + "\n".join(line.strip() for line in rows.strip().splitlines()) + "\n")
        return path

    return make


@pytest.fixture
def history_of(write_csv, setup):
    def make(rows: str) -> History:
        return History.from_files([write_csv(rows)], setup.style, setup.vocabulary)

    return make


@pytest.fixture(scope="session")
def real_history(setup) -> History:
    return History.from_files([HISTORY], setup.style, setup.vocabulary)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


HOSTILE = {
    "key": "<script>alert(3)</script>",
    "source": 'Wire "><img src=x onerror=alert(1)>',
    "url": '"https://example.org/"><script>alert(2)</script>"',
    "note": '"</td><script>alert(4)</script>"',
    "country": '"Land""\'><svg onload=alert(5)>"',
}


@pytest.fixture
def hostile_page(tmp_path, write_csv):
    data = write_csv(
        f"""
        2026-01-19,total,all,net_flow,500,,{HOSTILE["source"]},javascript:alert(9),,{HOSTILE["note"]}
        2026-01-26,total,all,net_flow,-1700,,{HOSTILE["source"]},{HOSTILE["url"]},,{HOSTILE["note"]}
        2026-01-26,total,all,net_flow,-1700,,Wire <b>Two</b>,javascript:alert(8),,
        2026-01-26,asset,{HOSTILE["key"]},net_flow,-900,,Wire <b>Two</b>,,,
        2026-01-26,asset,Bitcoin $x$ {{{{7*7}}}},net_flow,-300,,Wire <b>Two</b>,,,
        2026-01-26,country,{HOSTILE["country"]},net_flow,-1600,over,Wire <b>Two</b>,,,
        """
    )
    notes = tmp_path / "notes.yaml"
    notes.write_text(
        'week_ending: 2026-01-26\ncommentary:\n  - source: "Desk <script>alert(6)</script>"\n'
        '    quote: "flows were <img src=x onerror=alert(7)> notable"\n'
    )
    article = tmp_path / "hostile.md"
    article.write_text(
        "---\nweek: 2026-01-26\n---\n\n# Funds lose $1.7 billion <script>alert(10)</script>\n\n"
        '<img src=x onerror="alert(11)"> [click](javascript:alert(12)) <iframe src="https://example.org"></iframe>\n'
        "Funds lost $1.7 billion, according to Wire.\n"
    )
    out = tmp_path / "page.html"
    review = ["review", "--data", str(data), "--notes", str(notes)]
    result = CliRunner().invoke(main, [*review, "--out", str(out)])
    assert result.exit_code == 0, result.output
    edited = tmp_path / "edited.html"
    result = CliRunner().invoke(main, [*review, "--article", str(article), "--out", str(edited)])
    assert result.exit_code == 0, result.output
    return out.read_text(), edited.read_text()
