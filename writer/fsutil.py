"""Reading a person's files safely, and writing files atomically.

``read_text_input`` is the one check every reader of user files goes through
(articles, data files, notes, rules, the vocabulary): a binary, non-UTF-8 or
oversized file is one line naming the path and what was expected, never a
codec traceback or a read of gigabytes.

Atomic file writes: a temporary file in the same folder, then a rename.

An interrupted run leaves either the old file or the new one, never half of one.
The file gets the mode any other new file gets (0666 less the umask, or the
mode of the file it replaces), not ``mkstemp``'s private 0600. An OS error
(a read-only folder, a full disk, a file where a folder should be) becomes a
UserError naming the path.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from writer.errors import Problem, UserError

MAX_TEXT_BYTES = 5 * 1024 * 1024  # an article, notes or rules file is kilobytes; past this it is not one


DATA_MB = 64  # a data file (CSV, JSON, Parquet): 20 years of weekly rows are about 1 MB
DATA_MB_VARIABLE = "WRITER_MAX_DATA_MB"  # a newsroom with a larger history raises the cap here


def data_limit() -> int:
    """The size cap of a data file in bytes: ``WRITER_MAX_DATA_MB`` if set, else 64 MB."""
    raw = os.environ.get(DATA_MB_VARIABLE, "").strip()
    if not raw:
        return DATA_MB * 1024 * 1024
    try:
        megabytes = float(raw)
    except ValueError:
        megabytes = -1.0
    if not 0 < megabytes < 1024 * 1024:
        raise UserError(
            Problem(f"{DATA_MB_VARIABLE}={raw!r} is not a size", expected="a positive number of megabytes, e.g. 256")
        )
    return int(megabytes * 1024 * 1024)


def decode_text(raw: bytes, name: str, kind: str, limit: int = MAX_TEXT_BYTES) -> str:
    """Bytes already read (at most ``limit + 1`` of them) as text, or a UserError saying why not.

    ``kind`` names what the file should have been ("YAML", "CSV or JSON", "a text article"):
    it ends the binary message ("binary file, not YAML") and is what was expected.
    """
    if len(raw) > limit:
        size = f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit:,} bytes"
        raise UserError(Problem(f"file is larger than {size}; not read as {kind}", path=name))
    if b"\x00" in raw[:8192]:
        raise UserError(Problem(f"binary file, not {kind}", path=name))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UserError(
            Problem(
                f"not UTF-8: invalid byte 0x{raw[exc.start]:02x}",
                path=name,
                line=line,
                expected=f"{kind}, as UTF-8 text",
            )
        ) from None


def read_text_input(path: Path | str, kind: str, limit: int = MAX_TEXT_BYTES, missing: str = "no such file") -> str:
    """A user's text file ('-' is stdin), checked by ``decode_text``; reads at most ``limit + 1`` bytes."""
    import sys

    name = "<stdin>" if str(path) == "-" else str(path)
    try:
        if str(path) == "-":
            raw = sys.stdin.buffer.read(limit + 1)
        else:
            with open(path, "rb") as handle:
                raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise UserError(Problem(missing, path=name)) from None
    except IsADirectoryError:
        raise UserError(Problem("is a folder, not a file", path=name, expected=kind)) from None
    except OSError as exc:
        raise UserError(Problem(f"cannot read: {exc.strerror or exc}", path=name)) from None
    return decode_text(raw, name, kind, limit)


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it: put it straight back
    os.umask(mask)
    return mask


def os_problem(exc: OSError, path: Path | str) -> UserError:
    """An OSError as one line: the path and what the system said."""
    return UserError(Problem(f"cannot write: {exc.strerror or exc}", path=str(exc.filename or path)))


def make_folder(path: Path) -> Path:
    path = Path(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UserError(Problem("is a file, not a folder", path=str(path))) from None
    except OSError as exc:
        raise os_problem(exc, path) from None
    return path


def atomic_write(path: Path, text: str, sync: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), sync)


def atomic_write_bytes(path: Path, data: bytes, sync: bool = True) -> None:
    """Write then rename; ``sync=False`` leaves flushing to a caller that syncs once per batch."""
    path = Path(path)
    import tempfile  # not at import time: the lint path rarely writes

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise os_problem(exc, path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise os_problem(exc, path) from None
        raise


def sha(text: str | bytes, length: int = 16) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()[:length]
