"""Which files to lint and how to read them without a traceback or a hang."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from writer.errors import Problem, UserError
from writer.fsutil import MAX_TEXT_BYTES as MAX_BYTES
from writer.fsutil import read_text_input  # an article is kilobytes

SUFFIXES = (".md", ".markdown", ".mdown")


class Input(NamedTuple):
    path: str
    text: str | None  # None when unreadable
    problem: str = ""  # why it could not be read


def expand(paths: tuple[str, ...]) -> list[str]:
    """Files as given; folders recursively (Markdown files only); '-' for stdin."""
    out: list[str] = []
    for raw in paths:
        if raw == "-":
            out.append("-")
            continue
        path = Path(raw)
        if path.is_dir():
            found = [str(p) for p in sorted(path.rglob("*")) if p.suffix.lower() in SUFFIXES and p.is_file()]
            if not found:  # a mistyped folder must not pass CI in silence
                raise UserError(Problem("no Markdown files in this folder", path=raw, expected=" or ".join(SUFFIXES)))
            out.extend(found)
        elif path.is_file():
            out.append(str(path))
        else:
            raise UserError(Problem("no such file or folder", path=raw))
    return out


def read(path: str, max_bytes: int = MAX_BYTES) -> Input:
    """One file (or '-', stdin) through the shared check (``fsutil.read_text_input``);
    a file that is not a text article is an Input with the reason, linted as a finding."""
    name = "<stdin>" if path == "-" else path
    try:
        return Input(name, read_text_input(path, "a text article", max_bytes))
    except UserError as err:
        problem = err.problems[0]
        return Input(name, None, problem.message + (f" on line {problem.line}" if problem.line else ""))


def iter_inputs(paths: list[str], max_bytes: int = MAX_BYTES) -> Iterator[Input]:
    for path in paths:
        yield read(path, max_bytes)
