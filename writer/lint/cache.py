"""A cache of validated rule sets, so the linter starts fast in CI and pre-commit.

Loading a rules file compiles every pattern and runs every rule's examples.
The result depends only on the rules file's bytes (with what it extends), the
vocabulary and this package's code, so it is stored under a hash of exactly
those: change any of them and the examples run again. Compiled ``regex``
patterns pickle to their compiled code, so loading the cache skips the
pattern parser too. A cache that cannot be read or written is ignored.
Set WRITER_NO_CACHE=1 to bypass it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from writer.fsutil import atomic_write_bytes

_PACKAGE = Path(__file__).resolve().parent.parent
_code_hash: str | None = None


def cache_dir() -> Path:
    base = os.environ.get("WRITER_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "fundflow-writer"


def _code() -> str:
    global _code_hash
    if _code_hash is None:
        digest = hashlib.sha256()
        for path in sorted(_PACKAGE.rglob("*.py")):
            digest.update(path.read_bytes())
        _code_hash = digest.hexdigest()
    return _code_hash


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha256(_code().encode())
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def load(name: str) -> object | None:
    if os.environ.get("WRITER_NO_CACHE"):
        return None
    try:
        return pickle.loads((cache_dir() / f"{name}.pickle").read_bytes())
    except Exception:  # missing, stale format, unreadable: just rebuild
        return None


def store(name: str, value: object) -> None:
    if os.environ.get("WRITER_NO_CACHE"):
        return
    try:
        atomic_write_bytes(cache_dir() / f"{name}.pickle", pickle.dumps(value))
    except Exception:  # a read-only home or full disk must not break linting
        return
