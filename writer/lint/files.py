"""Which files to lint and how to read them without a traceback or a hang."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from writer.errors import Problem, UserError

SUFFIXES = (".md", ".markdown", ".mdown")
MAX_BYTES = 5 * 1024 * 1024  # an article is kilobytes; past this it is not an article


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
    if path == "-":
        raw = sys.stdin.buffer.read(max_bytes + 1)
        name = "<stdin>"
    else:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
        name = path
    if len(raw) > max_bytes:
        return Input(name, None, f"file is larger than {max_bytes // (1024 * 1024)} MB; not linted as an article")
    if b"\x00" in raw[:8192]:
        return Input(name, None, "binary file, not a text article")
    try:
        return Input(name, raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Input(name, None, f"not UTF-8: invalid byte 0x{raw[exc.start]:02x} on line {line}")


def iter_inputs(paths: list[str], max_bytes: int = MAX_BYTES) -> Iterator[Input]:
    for path in paths:
        try:
            yield read(path, max_bytes)
        except OSError as exc:
            yield Input(path, None, f"cannot read: {exc.strerror}")
