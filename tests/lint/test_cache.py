"""The rule-set cache never unpickles a file that this user's writer did not sign."""

import os
import pickle
import stat

import pytest

from writer.lint import cache


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("WRITER_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("WRITER_NO_CACHE", raising=False)
    return tmp_path / "fundflow-writer"


class Planted:
    """Unpickling this runs code: it creates a marker file."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_round_trip_and_private_files(cache_home):
    cache.store("setup-x", {"rules": [1, 2]})
    assert cache.load("setup-x") == {"rules": [1, 2]}
    assert stat.S_IMODE(os.stat(cache_home).st_mode) & 0o077 == 0
    assert stat.S_IMODE(os.stat(cache_home / "key").st_mode) == 0o600


def test_planted_pickle_is_not_unpickled(cache_home, tmp_path):
    cache.store("setup-x", "genuine")
    marker = tmp_path / "pwned"
    (cache_home / "setup-x.pickle").write_bytes(pickle.dumps(Planted(marker)))  # unsigned
    assert cache.load("setup-x") is None and not marker.exists()
    forged = cache._MAGIC + b"\0" * 32 + pickle.dumps(Planted(marker))  # signed with a wrong key
    (cache_home / "setup-x.pickle").write_bytes(forged)
    assert cache.load("setup-x") is None and not marker.exists()


def test_altered_payload_fails_the_mac(cache_home):
    cache.store("setup-x", "genuine")
    path = cache_home / "setup-x.pickle"
    raw = bytearray(path.read_bytes())
    raw[-3] ^= 1
    path.write_bytes(bytes(raw))
    assert cache.load("setup-x") is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_key_or_folder_others_can_write_is_not_trusted(cache_home):
    cache.store("setup-x", "genuine")
    os.chmod(cache_home / "key", 0o644)
    assert cache.load("setup-x") is None
    os.chmod(cache_home / "key", 0o600)
    assert cache.load("setup-x") == "genuine"
    os.chmod(cache_home, 0o777)
    assert cache.load("setup-x") is None
    cache.store("setup-y", "again")  # writing closes the folder again
    assert stat.S_IMODE(os.stat(cache_home).st_mode) == 0o700 and cache.load("setup-y") == "again"


def test_a_symlinked_folder_is_not_trusted(tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (tmp_path / "home").mkdir()
    os.symlink(elsewhere, tmp_path / "home" / "fundflow-writer")
    monkeypatch.setenv("WRITER_CACHE_DIR", str(tmp_path / "home"))
    monkeypatch.delenv("WRITER_NO_CACHE", raising=False)
    cache.store("setup-x", "genuine")
    assert cache.load("setup-x") is None
