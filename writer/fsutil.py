"""Atomic file writes: a temporary file in the same folder, then a rename.

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
