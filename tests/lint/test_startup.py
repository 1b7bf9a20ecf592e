"""What keeps ``writer lint`` quick to start behaves as what it stands in for.

``writer.record`` for ``dataclasses``, ``writer.lazyre`` for compiled ``re``
patterns, ``writer.lint.regex_store`` for ``regex``, the kind registry that
imports a kind when it is asked for; and the modules a warm lint run without
data never imports (the time figures are in bench/lint_bench.py).
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import re
import subprocess
import sys

import pytest
import regex

from tests.conftest import ROOT
from writer import record
from writer.lazyre import LazyPattern, lazy


def _records() -> tuple[type, type]:
    """``Point`` and ``Box`` made afresh, so each test starts on the closure ``__init__`` whatever ran
    before it in this process (a class gets compiled code once it has made 64 instances)."""

    @record.dataclass(frozen=True)
    class Point:
        x: int
        y: int = 0
        tags: tuple[str, ...] = ()
        seen: dict = record.field(default_factory=dict, compare=False, repr=False)

    @record.dataclass
    class Box:
        size: int
        items: list = record.field(default_factory=list)

        def __post_init__(self) -> None:
            self.size = max(self.size, len(self.items))

    for cls in (Point, Box):
        cls.__qualname__ = cls.__name__  # found by pickle as this module's ``Point`` and ``Box``
    return Point, Box


Point, Box = _records()


@dataclasses.dataclass(frozen=True)
class StdPoint:
    x: int
    y: int = 0
    tags: tuple[str, ...] = ()
    seen: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)


@pytest.fixture(params=["closure", "compiled"])
def made(request):
    """Each record test runs before and after a class is hot enough to get compiled code."""
    global Point, Box
    Point, Box = _records()
    assert "__r_own" not in Point.__init__.__code__.co_varnames  # the closure
    if request.param == "compiled":
        for _ in range(record._COMPILE_AFTER):
            Point(0), Box(0)
        assert Point.__init__.__code__.co_name == Box.__init__.__code__.co_name == "__init__"
        assert "__r_own" in Point.__init__.__code__.co_varnames  # the compiled one, not the closure
    return request.param


def test_record_behaves_as_a_dataclass(made):
    p = Point(1, tags=("a",))
    assert (p.x, p.y, p.tags, p.seen) == (1, 0, ("a",), {})
    assert repr(p) == repr(StdPoint(1, tags=("a",))).replace("StdPoint", "Point")
    assert p == Point(1, 0, ("a",), {"ignored": 1}) and p != Point(2)
    assert hash(p) == hash(Point(1, tags=("a",))) == hash(StdPoint(1, tags=("a",)))
    assert Point(1).seen is not Point(1).seen  # a fresh default per instance
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 2
    with pytest.raises(TypeError):
        Point()
    with pytest.raises(TypeError):
        Point(1, 2, (), {}, 5)
    with pytest.raises(TypeError):
        Point(1, z=3)
    with pytest.raises(TypeError):
        Point(1, x=1)
    assert Box(0, [1, 2]).size == 2 and Box(1) != Box(2)
    with pytest.raises(TypeError):
        hash(Box(1))  # mutable and compared by value: unhashable, as dataclasses makes it


def test_record_is_a_dataclass_to_the_standard_library(made):
    p = Point(1, 2, ("a",))
    assert dataclasses.is_dataclass(p)
    assert [f.name for f in dataclasses.fields(Point)] == ["x", "y", "tags", "seen"]
    assert dataclasses.replace(p, y=5) == record.replace(p, y=5) == Point(1, 5, ("a",))
    assert dataclasses.asdict(p) == record.asdict(p) == {"x": 1, "y": 2, "tags": ("a",), "seen": {}}
    assert pickle.loads(pickle.dumps(p)) == p


def test_lazy_pattern_is_its_compiled_pattern_and_pickles_as_source():
    compiled = re.compile(r"(?P<w>flow(?:s|ed)?)\s+out", re.IGNORECASE)
    p = lazy(compiled)
    text = "Money FLOWED out; flows out again"
    assert [m.span() for m in p.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert p.search(text).group("w") == "FLOWED" and p.pattern == compiled.pattern
    back = pickle.loads(pickle.dumps(p))
    assert "compiled" not in back.__dict__  # not compiled until used
    assert back.sub("-", text) == compiled.sub("-", text) and back.groupindex == compiled.groupindex
    assert back == p and hash(back) == hash(p)
    assert LazyPattern(r"[\u3400-\u9fff]").findall("资金 flows 流出") == ["资", "金", "流", "出"]


def test_regex_store_gives_regex_patterns_and_keeps_them(tmp_path, monkeypatch):
    monkeypatch.setenv("WRITER_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("WRITER_NO_CACHE", raising=False)
    code = (
        "from writer.lint import regex_store as r;"
        "p = r.compile(r'\\b(?:rose|fell)\\b', r.IGNORECASE);"
        "print(p.pattern, p.flags, [m.span() for m in r.finditer(p, 'It ROSE, then fell.')],"
        " r.split(r'\\s*;\\s*', 'a ; b'), r.sub(r'\\d', '#', 'a1b2'), bool(r.match(r'\\s*\\w+', ' x')));"
        "r.save()"
    )
    env = {**os.environ, "WRITER_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    env.pop("WRITER_NO_CACHE", None)
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert list(tmp_path.rglob("regex-*.pickle"))  # kept, signed, in the private cache folder
    second = subprocess.run(
        [sys.executable, "-c", code + ";import sys; print('regex._regex_core' in sys.modules, r._changed)"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    p = regex.compile(r"\b(?:rose|fell)\b", regex.IGNORECASE)
    expected = f"{p.pattern} {p.flags} [(3, 7), (14, 18)] ['a', 'b'] a#b# True"
    assert first.stdout.splitlines() == [expected]
    # answered from the store: nothing compiled, regex's parser not even imported
    assert second.stdout.splitlines() == [expected, "False False"]


def test_regex_store_flags_and_escape_are_regex_own():
    from writer.lint import regex_store

    for name in ("A", "I", "L", "M", "S", "U", "X", "V0", "V1", "W", "F", "IGNORECASE", "VERSION0", "MULTILINE"):
        assert getattr(regex_store, name) == int(getattr(regex, name)), name
    text = "".join(chr(i) for i in range(400)) + " Kira Holm (CoinShares) & co. #1 ~$2.5bn"
    assert regex_store.escape(text) == regex.escape(text)
    assert regex_store.escape(text, literal_spaces=True) == regex.escape(text, literal_spaces=True)
    assert regex_store.error is regex.error and regex_store.Pattern is regex.Pattern


def test_a_kind_is_imported_when_asked_for():
    code = (
        "import sys; from writer.lint.kinds import registry;"
        "k = registry()['causal'];"
        "print(k.name, sorted(m for m in sys.modules if m.startswith('writer.lint.kinds.') and '._' not in m));"
        "print(len(registry()), 'writer.lint.kinds.limit' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.splitlines() == ["causal ['writer.lint.kinds.causal']", f"{_kind_modules()} True"]


def _kind_modules() -> int:
    folder = ROOT / "writer" / "lint" / "kinds"
    return sum(1 for p in folder.glob("*.py") if not p.name.startswith("_"))


def test_a_warm_lint_without_data_imports_only_what_it_needs(tmp_path):
    env = {**os.environ, "WRITER_CACHE_DIR": str(tmp_path)}
    env.pop("WRITER_NO_CACHE", None)
    article = str(ROOT / "tests" / "golden" / "reference-week.md")
    code = (
        "import sys; from writer.entry import main; sys.argv = ['writer', 'lint', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('dataclasses', 'inspect', 'datetime', 'yaml', 'click', 'markdown_it', 'pandas',"
        " 'json', 'jinja2', 're2', 'regex._regex_core', 'writer.lint.mentions', 'writer.figures',"
        " 'writer.lint.kinds.grounded_figures',"
        " 'writer.lint.kinds.qualify_figures', 'writer.housestyle_load', 'writer.rulesfile_load',"
        " 'writer.lint.rules_load', 'writer.entities_load', 'writer.money', 'writer.shapes',"
        " 'writer.lint.report_formats', 'writer.lint.screen_set') if m in sys.modules), file=sys.stderr)"
    )
    run = [sys.executable, "-c", code, article]
    subprocess.run(run, capture_output=True, text=True, cwd=ROOT, env=env, check=True)  # fills the cache
    warm = subprocess.run(run, capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    assert warm.stderr.strip().splitlines()[-1] == "[]"


def test_the_loaders_still_answer_to_their_old_names():
    """Moved out of the warm lint path, the loading code keeps its names in the old modules."""
    import writer.entities
    import writer.entities_load
    import writer.housestyle
    import writer.housestyle_load
    import writer.lint.engine
    import writer.lint.report
    import writer.lint.report_formats
    import writer.lint.rules
    import writer.lint.rules_load
    import writer.rulesfile
    import writer.rulesfile_load

    moved = {
        writer.housestyle: (writer.housestyle_load, ("load_house_style", "shipped", "languages", "codec_module")),
        writer.rulesfile: (writer.rulesfile_load, ("load_rules_document", "house_style", "merge_mappings")),
        writer.lint.rules: (writer.lint.rules_load, ("load_rules", "example_facts", "ExampleFacts", "TOP_LEVEL")),
        writer.entities: (writer.entities_load, ("load_vocabulary",)),
        writer.lint.engine: (writer.lint.rules_load, ("example_runner",)),
        writer.lint.report: (writer.lint.report_formats, ("as_json", "github", "sarif", "codeclimate", "junit")),
    }
    for old, (new, names) in moved.items():
        for name in names:
            assert getattr(old, name) is getattr(new, name), (old.__name__, name)
        with pytest.raises(AttributeError):
            old.no_such_name  # noqa: B018
    assert set(writer.lint.report.FORMATS) == {"text", "json", "github", "sarif", "codeclimate", "junit"}
    assert writer.lint.report.view_for("text")([], None) == ""
