"""The same rows reconcile identically from CSV, JSON (with nulls) and Parquet."""

import json

import pandas as pd
import pytest

from tests.conftest import HISTORY
from writer.data.facts import History
from writer.data.load import cell_text, load_frame


def _exports(tmp_path):
    """The real history as a pandas user would export it: typed columns, blanks as nulls."""
    frame = pd.read_csv(HISTORY)  # usd_m float64, empty bound/url/status/note as NaN
    assert frame["bound"].isna().any() and frame["usd_m"].dtype.kind == "f"
    as_json = tmp_path / "rows.json"
    as_json.write_text(frame.to_json(orient="records"))
    assert "null" in as_json.read_text() and ".0," in as_json.read_text()  # the shape that used to fail
    paths = {"json": as_json}
    try:
        import pyarrow  # noqa: F401
    except ImportError:  # pragma: no cover - the test extra installs it
        return paths
    paths["parquet"] = tmp_path / "rows.parquet"
    frame.to_parquet(paths["parquet"])
    return paths


def test_json_and_parquet_reconcile_like_the_csv(tmp_path, setup, real_history):
    paths = _exports(tmp_path)
    assert "parquet" in paths, "pyarrow is part of the test extra"
    for name, path in paths.items():
        other = History.from_files([path], setup.style, setup.vocabulary)
        assert other.weeks == real_history.weeks, name
        for week in real_history.weeks:
            assert other.week(week).figures == real_history.week(week).figures, (name, week)


def test_written_precision_survives_typed_cells(setup, tmp_path):
    rows = [
        {"week_ending": "2026-01-26", "scope": "total", "key": "all", "metric": "net_flow", "usd_m": -1700.0},
        {"week_ending": "2026-01-26", "scope": "asset", "key": "Solana", "metric": "net_flow", "usd_m": 17.1},
    ]
    path = tmp_path / "rows.json"
    path.write_text(json.dumps([{**r, "source": "A", "bound": None, "status": None} for r in rows]))
    frame = load_frame([path], setup.vocabulary)
    assert frame["precision"].tolist() == [100, pytest.approx(0.1)]
    assert frame["bound"].tolist() == ["approx", "approx"]


@pytest.mark.parametrize(
    ("value", "text"),
    [(1700.0, "1700"), (17.1, "17.1"), (-0.5, "-0.5"), (1700, "1700"), (None, ""), (float("nan"), ""), ("x", "x")],
)
def test_cell_text(value, text):
    assert cell_text(value) == text
