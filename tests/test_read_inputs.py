"""One check for every file a person hands the tool (writer.fsutil.read_text_input):
binary, not UTF-8 or too large is one line naming the path, exit 2, whichever command reads it."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import HISTORY, ROOT
from writer.cli import main
from writer.errors import UserError
from writer.fsutil import DATA_MB_VARIABLE, decode_text, read_text_input

BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
ARTICLE = ROOT / "samples" / "articles" / "advice.md"


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def one_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("draft", "--notes", "{bad}"), "binary file, not YAML"),
        (("draft", "--data", "{bad}"), "binary file, not CSV or JSON"),
        (("lint", ARTICLE, "--rules", "{bad}"), "binary file, not a YAML rules file"),
        (("lint", ARTICLE, "--entities", "{bad}"), "binary file, not a YAML vocabulary"),
        (("extract", "{bad}", "--week", "2026-01-26"), "binary file, not a text article"),
    ],
    ids=["notes", "data", "rules", "vocabulary", "extract"],
)
def test_a_binary_file_is_one_line_naming_it_and_what_was_expected(tmp_path, args, expected):
    bad = tmp_path / "input.bin"
    bad.write_bytes(BINARY)
    result = run(*(str(a).replace("{bad}", str(bad)) for a in args))
    assert result.exit_code == 2
    line = one_line(result)
    assert str(bad) in line and expected in line and "codec" not in line


def test_binary_notes_in_a_notes_folder_name_the_file(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "2026-01-26.yaml").write_bytes(BINARY)
    result = run("draft", "--notes", folder)
    assert result.exit_code == 2
    assert one_line(result) == f"error: {folder / '2026-01-26.yaml'}: binary file, not YAML"


def test_a_newsroom_template_goes_through_the_same_check(tmp_path):
    import shutil

    folder = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", folder)
    (folder / "article.md.j2").write_bytes(BINARY)
    result = run("draft", "--templates", folder)
    assert result.exit_code == 2
    assert one_line(result) == f"error: {folder / 'article.md.j2'}: binary file, not a Jinja template"


@pytest.mark.parametrize("first_line", [b"extends: \xff\xfe", b"include: [\xff]"])
def test_a_rules_file_not_in_utf8_is_one_line_before_anything_reads_it(tmp_path, first_line):
    rules = tmp_path / "rules.yaml"
    rules.write_bytes(first_line + b"\nrules: []\n")
    result = run("lint", ARTICLE, "--rules", rules)
    assert result.exit_code == 2
    assert (
        one_line(result)
        == f"error: {rules}:1: not UTF-8: invalid byte 0xff (expected a YAML rules file, as UTF-8 text)"
    )


def test_not_utf8_names_the_line_and_the_byte(tmp_path):
    path = tmp_path / "notes.yaml"
    path.write_bytes("commentary: []\n# Z\xfcrich\n".encode("latin-1"))
    with pytest.raises(UserError) as err:
        read_text_input(path, "YAML")
    assert str(err.value) == f"{path}:2: not UTF-8: invalid byte 0xfc (expected YAML, as UTF-8 text)"


def test_the_size_limit_reads_no_more_than_it_needs(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a" * 2048)
    assert read_text_input(path, "YAML", limit=2048) == "a" * 2048
    with pytest.raises(UserError, match=r"big.yaml: file is larger than 1,024 bytes; not read as YAML"):
        read_text_input(path, "YAML", limit=1024)
    with pytest.raises(UserError, match="larger than 5 MB"):
        decode_text(b"a" * (5 * 1024 * 1024 + 1), "x", "YAML")


def test_a_missing_file_and_a_folder_are_one_line(tmp_path):
    with pytest.raises(UserError, match="notes file not found"):
        read_text_input(tmp_path / "none.yaml", "YAML", missing="notes file not found")
    with pytest.raises(UserError, match="is a folder, not a file"):
        read_text_input(tmp_path, "YAML")


def test_data_files_have_a_size_cap(tmp_path):
    history = Path(HISTORY)
    size_mb = history.stat().st_size / (1024 * 1024)
    smaller = f"{size_mb / 2:.6f}"
    result = run("facts", "--data", history, env={DATA_MB_VARIABLE: smaller})
    assert result.exit_code == 2
    line = one_line(result)
    assert str(history) in line and "file is larger than" in line and DATA_MB_VARIABLE in line
    assert run("facts", "--data", history, env={DATA_MB_VARIABLE: f"{size_mb * 2:.6f}"}).exit_code == 0
    # JSON goes through the same cap
    big = tmp_path / "rows.json"
    big.write_text("[" + ",".join(["{}"] * 400_000) + "]")
    result = run("facts", "--data", big, env={DATA_MB_VARIABLE: "0.5"})
    assert result.exit_code == 2 and "larger than 0.5 MB" in one_line(result)


def test_a_bad_cap_setting_is_a_usage_error():
    result = run("facts", "--data", HISTORY, env={DATA_MB_VARIABLE: "lots"})
    assert result.exit_code == 2
    assert f"{DATA_MB_VARIABLE}='lots' is not a size" in one_line(result)


def test_the_binary_check_is_written_once():
    """One check, one place: no other module of the program tests for NUL bytes itself."""
    package = ROOT / "writer"
    holders = [p.relative_to(package).as_posix() for p in package.rglob("*.py") if 'b"\\x00"' in p.read_text()]
    assert holders == ["fsutil.py"]
