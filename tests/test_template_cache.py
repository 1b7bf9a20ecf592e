"""Templates compile once per machine, through the signed cache, and the sandbox's checks stay whole."""

import types

import jinja2
import jinja2.sandbox
import pytest

from writer.housestyle import shipped
from writer.render.templates import Sandbox, environment


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("WRITER_CACHE_DIR", str(folder))
    monkeypatch.delenv("WRITER_NO_CACHE", raising=False)
    return folder / "fundflow-writer"


def _templates(tmp_path, text):
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "article.md.j2").write_text(text)
    return folder


def _refuse_compiling(env, monkeypatch):
    def compile_(*args, **kwargs):
        raise AssertionError("compiled although the cache held it")

    monkeypatch.setattr(env, "compile", compile_)


def test_a_second_environment_loads_the_compiled_template(tmp_path, cache_dir, monkeypatch):
    folder = _templates(tmp_path, "# {{ 2 + 3 }}\n")
    assert environment(shipped("en"), folder).get_template("article.md.j2").render() == "# 5\n"
    assert list(cache_dir.glob("jinja-*.pickle"))
    again = environment(shipped("en"), folder)
    _refuse_compiling(again, monkeypatch)
    assert again.get_template("article.md.j2").render() == "# 5\n"


def test_a_tampered_cache_file_is_not_loaded(tmp_path, cache_dir, monkeypatch):
    folder = _templates(tmp_path, "# {{ 2 + 3 }}\n")
    environment(shipped("en"), folder).get_template("article.md.j2")
    (path,) = cache_dir.glob("jinja-*.pickle")
    raw = bytearray(path.read_bytes())
    raw[-5] ^= 0xFF  # one byte of the payload changed: the MAC no longer fits
    path.write_bytes(bytes(raw))
    again = environment(shipped("en"), folder)
    compiled = []
    real = again.compile
    monkeypatch.setattr(again, "compile", lambda *a, **k: compiled.append(1) or real(*a, **k))
    assert again.get_template("article.md.j2").render() == "# 5\n"
    assert compiled  # compiled afresh, not read from the altered file


def test_an_edited_template_is_compiled_again(tmp_path, cache_dir):
    folder = _templates(tmp_path, "# {{ 2 + 3 }}\n")
    environment(shipped("en"), folder).get_template("article.md.j2")
    _templates(tmp_path, "# {{ 2 * 3 }}\n")
    assert environment(shipped("en"), folder).get_template("article.md.j2").render() == "# 6\n"


def _function():
    return 1


@pytest.mark.parametrize(
    ("obj", "attr"),
    [
        ([], "append"),
        ([], "index"),
        ({}, "clear"),
        ({}, "keys"),
        (set(), "add"),
        ("text", "upper"),
        (_function, "__globals__"),
        (_function, "__name__"),
        (str, "mro"),
        (types.SimpleNamespace(a=1), "a"),
        (types.SimpleNamespace(a=1), "_private"),
    ],
)
def test_remembered_attribute_verdicts_are_jinjas(obj, attr):
    ours, jinjas = Sandbox(), jinja2.sandbox.ImmutableSandboxedEnvironment()
    value = getattr(obj, attr, None)
    expected = jinjas.is_safe_attribute(obj, attr, value)
    assert ours.is_safe_attribute(obj, attr, value) == expected
    assert ours.is_safe_attribute(obj, attr, value) == expected  # asked again: from the memo, same answer


def test_an_object_that_lies_about_its_class_gets_the_full_check():
    class Liar:
        @property
        def __class__(self):
            return list

    ours, jinjas = Sandbox(), jinja2.sandbox.ImmutableSandboxedEnvironment()
    ours.is_safe_attribute(Liar(), "append", None)
    assert ours.is_safe_attribute(Liar(), "append", None) == jinjas.is_safe_attribute(Liar(), "append", None)
    assert not ours._safe  # nothing remembered for a class that is not what it says
