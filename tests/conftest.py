from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

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
