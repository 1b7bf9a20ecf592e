"""A cache of validated rule sets, so the linter starts fast in CI and pre-commit.

Loading a rules file compiles every pattern and runs every rule's examples.
The result depends only on the rules file's bytes (with what it extends), the
vocabulary and this package's code (each module's size and change time), so it
is stored under a hash of exactly those: change any of them and the examples
run again. Compiled ``regex``
patterns pickle to their compiled code, so loading the cache skips the
pattern parser too. A cache that cannot be read or written is ignored.
Set WRITER_NO_CACHE=1 to bypass it.

Unpickling runs code named by the bytes, so a cache file is trusted only when
(1) its folder is a real folder owned by this user that no one else may write,
and (2) it carries an HMAC-SHA256 made with a per-user random key kept in that
folder (mode 0600, owned by this user). A file planted or altered by another
local process fails the check and is rebuilt, never unpickled.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import pickle
import stat
import sys
from pathlib import Path
from types import ModuleType

_PACKAGE = Path(__file__).resolve().parent.parent
_MAGIC = b"FFWC1"  # format of a signed cache file: magic, 32-byte MAC, pickle
_KEY_BYTES = 32
_code_hash: str | None = None


def cache_dir() -> Path:
    base = os.environ.get("WRITER_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "fundflow-writer"


def _code() -> str:
    """A fingerprint of this package's source: every module's path, size and change time.

    Stat calls, not reading and hashing every file: this runs at each start-up.
    """
    global _code_hash
    if _code_hash is None:
        digest = hashlib.sha256()
        for folder, subfolders, files in os.walk(_PACKAGE):
            subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
            for name in sorted(files):
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    st = os.stat(path)
                    digest.update(f"{os.path.relpath(path, _PACKAGE)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        engine = _regex_extension()  # compiled patterns are pickled: a new regex engine rebuilds them
        if engine is not None:
            st = os.stat(engine)
            digest.update(f"{engine}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        _code_hash = digest.hexdigest()
    return _code_hash


def _regex_extension() -> str | None:
    """The file of the ``regex`` engine's compiled module, found without importing ``regex``."""
    import importlib.machinery

    spec = importlib.machinery.PathFinder.find_spec("regex")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            path = os.path.join(folder, "_regex" + suffix)
            if os.path.isfile(path):
                return path
    return None


def regex_engine() -> ModuleType:
    """``regex._regex``, the engine's compiled module: all that a pickled pattern needs.

    ``import regex`` also imports its pure-Python parser (``regex._regex_core``, about
    10 ms), which only compiling a new pattern needs. This loads the engine alone, under
    its own name, so a later ``import regex`` finds and uses this same module.
    """
    engine = sys.modules.get("regex._regex")
    if engine is not None:
        return engine
    path = None if "regex" in sys.modules else _regex_extension()
    if path is None:
        import regex._regex as engine

        return engine
    import importlib.machinery

    loader = importlib.machinery.ExtensionFileLoader("regex._regex", path)
    spec = importlib.machinery.ModuleSpec("regex._regex", loader, origin=path)
    engine = loader.create_module(spec)
    engine.__spec__, engine.__loader__, engine.__file__ = spec, loader, path
    loader.exec_module(engine)
    sys.modules["regex._regex"] = engine
    return engine


class _Unpickler(pickle.Unpickler):
    """Compiled ``regex`` patterns come back through the engine alone (``regex_engine``)."""

    def find_class(self, module: str, name: str) -> object:
        if module == "regex._regex":
            return getattr(regex_engine(), name)
        return super().find_class(module, name)


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha256(_code().encode())
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def _private(st: os.stat_result, kind: int) -> bool:
    """Owned by this user, of the expected kind, writable by no one else."""
    if stat.S_IFMT(st.st_mode) != kind:
        return False
    if not hasattr(os, "getuid"):  # no POSIX owners (Windows): the MAC alone protects
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def _folder(create: bool) -> Path | None:
    """The cache folder if only this user can write it (made 0700 when ``create``)."""
    folder = cache_dir()
    try:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            st = os.lstat(folder)
            if stat.S_ISDIR(st.st_mode) and st.st_mode & 0o022 and st.st_uid == getattr(os, "getuid", int)():
                os.chmod(folder, 0o700)  # ours but open to others (a loose umask): close it; the MAC covers the past
        return folder if _private(os.lstat(folder), stat.S_IFDIR) else None
    except OSError:
        return None


def _mac_key(folder: Path, create: bool) -> bytes | None:
    """This user's random MAC key, made on first use; None if it is not private."""
    path = folder / "key"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        if not create:
            return None
        tmp = folder / f".key.{os.getpid()}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(os.urandom(_KEY_BYTES))
        try:
            os.link(tmp, path)  # atomic; a racing process's key wins and is read below
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(handle.fileno())
        secret = handle.read(_KEY_BYTES + 1)
    if not _private(st, stat.S_IFREG) or st.st_mode & 0o077 or len(secret) != _KEY_BYTES:
        return None
    return secret


def _mac(secret: bytes, payload: bytes) -> bytes:
    return hmac.new(secret, payload, hashlib.sha256).digest()


def load(name: str) -> object | None:
    if os.environ.get("WRITER_NO_CACHE"):
        return None
    try:
        folder = _folder(create=False)
        secret = _mac_key(folder, create=False) if folder else None
        if secret is None:
            return None
        raw = (folder / f"{name}.pickle").read_bytes()
        mac, payload = raw[len(_MAGIC) : len(_MAGIC) + 32], raw[len(_MAGIC) + 32 :]
        if not raw.startswith(_MAGIC) or not hmac.compare_digest(mac, _mac(secret, payload)):
            return None  # not written by this user's writer: never unpickle it
        return _Unpickler(io.BytesIO(payload)).load()
    except Exception:  # missing, stale format, unreadable: just rebuild
        return None


def store(name: str, value: object) -> None:
    if os.environ.get("WRITER_NO_CACHE"):
        return
    try:
        folder = _folder(create=True)
        secret = _mac_key(folder, create=True) if folder else None
        if secret is None:
            return
        from writer.fsutil import atomic_write_bytes  # only when writing: a warm start reads

        payload = pickle.dumps(value)
        atomic_write_bytes(folder / f"{name}.pickle", _MAGIC + _mac(secret, payload) + payload)
    except Exception:  # a read-only home or full disk must not break linting
        return
