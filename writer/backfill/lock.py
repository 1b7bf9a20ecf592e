"""One backfill per output folder: a second run into the same folder exits 2 at once.

Two runs would race on the same temporary files, manifest and index. The
lock is ``flock`` on a file in the folder, released by the kernel when the
process ends however it ends, so a killed run never leaves a stale lock.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from writer.errors import Problem, UserError
from writer.fsutil import os_problem

LOCK = ".writer-backfill.lock"


@contextlib.contextmanager
def folder_lock(out: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # no flock on this platform: run unlocked
        yield
        return
    path = out / LOCK
    try:
        handle = open(path, "a+")  # noqa: SIM115 -- held open for the whole run
    except OSError as exc:
        raise os_problem(exc, path) from None
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UserError(
                Problem(
                    "another writer backfill is writing to this folder",
                    path=str(out),
                    expected="one run per --out folder; wait for it to finish or choose another folder",
                )
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
