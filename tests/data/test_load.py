import pytest

from writer.data.load import load_frame
from writer.errors import UserError


def problems(paths, setup):
    with pytest.raises(UserError) as err:
        load_frame(paths, setup.vocabulary)
    return [str(p) for p in err.value.problems]


def test_every_problem_is_reported_in_one_pass(write_csv, setup):
    path = write_csv("""
        2026-01-26,total,all,net_flow,-1700,,A,,,
        2026-13-01,total,all,net_flow,-1700,,A,,,
        2026-01-26,planet,Mars,net_flow,5,,A,,,
        2026-01-26,asset,Bitcoin,net_flow,lots,,A,,,
        2026-01-26,asset,Bitcoin,net_flow,5,roughly,A,,,
    """)
    found = problems([path], setup)
    assert len(found) == 4
    assert f"{path}:3:week_ending: line 3: column week_ending: not a date '2026-13-01'" in found[0]
    assert "expected an ISO date YYYY-MM-DD" in found[0]
    assert any(":4:scope:" in p and "'planet'" in p for p in found)
    assert any(":5:usd_m:" in p and "not a number 'lots'" in p for p in found)
    assert any(":6:bound:" in p and "'roughly'" in p for p in found)


def test_missing_column(write_csv, setup):
    path = write_csv("2026-01-26,total,all,-1700,A", header="week_ending,scope,key,usd_m,source\n")
    assert problems([path], setup) == [
        f"{path}:1: missing column metric (expected columns week_ending, scope, key, metric, usd_m, source)"
    ]


def test_empty_file(tmp_path, setup):
    path = tmp_path / "empty.csv"
    path.write_text("")
    assert "file is empty" in problems([path], setup)[0]


def test_header_only(write_csv, setup):
    path = write_csv("")
    assert "no data rows" in problems([path], setup)[0]


def test_duplicate_header(write_csv, setup):
    path = write_csv(
        "2026-01-26,total,all,net_flow,-1,-2,A", header="week_ending,scope,key,metric,usd_m,usd_m,source\n"
    )
    assert "duplicate column usd_m" in problems([path], setup)[0]


def test_not_csv(tmp_path, setup):
    binary = tmp_path / "data.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    prose = tmp_path / "notes.csv"
    prose.write_text("This is a letter to the editor.\nIt has no columns.\n")
    found = problems([binary, prose], setup)
    assert "binary file" in found[0]
    assert "not a CSV file" in found[1]


def test_non_utf8(tmp_path, setup):
    path = tmp_path / "latin.csv"
    path.write_bytes("week_ending,scope\nZürich,x\n".encode("latin-1"))
    assert "not UTF-8" in problems([path], setup)[0]


def test_json_records_are_read(tmp_path, setup):
    path = tmp_path / "rows.json"
    path.write_text(
        '[{"week_ending": "2026-01-26", "scope": "total", "key": "all", "metric": "net_flow",'
        ' "usd_m": -1700, "source": "A"}]'
    )
    frame = load_frame([path], setup.vocabulary)
    assert frame["usd_m"].tolist() == [-1700] and frame["bound"].tolist() == ["approx"]


def test_several_files_are_combined(write_csv, setup):
    a = write_csv("2026-01-19,total,all,net_flow,2170,,A,,,", name="a.csv")
    b = write_csv("2026-01-26,total,all,net_flow,-1700,,A,,,", name="b.csv")
    assert len(load_frame([a, b], setup.vocabulary)) == 2
