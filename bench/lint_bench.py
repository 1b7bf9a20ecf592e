"""Lint throughput and start-up time against proselint, measured in one run.

    pip install '.[bench]' && python bench/lint_bench.py [--quick]

Corpus: the drafts of every week of the real history, the bad-article corpus
and (when present) the reference article, repeated until it passes 1 MB.
Throughput is CPU time over the corpus, median of 5 runs interleaved with
proselint's (``--startup``: skip it); start-up is the median CPU time (user + system; wall time too) of
whole processes linting one article (warm rule cache), interleaved with
proselint's, with this package's
compiled bytecode in place and without it (its __pycache__ removed and
PYTHONDONTWRITEBYTECODE=1, as when running from a fresh checkout); proselint
keeps the bytecode pip compiled when installing it. Every figure is printed as a
ratio against proselint measured in the same run, so a loaded machine slows
both sides alike. Last, where start-up goes: ``python -X importtime`` of the
same command, the slowest imports (median of 5 runs, bytecode in place).
"""

from __future__ import annotations

import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import writer  # noqa: E402


def corpus(min_bytes: int = 1_100_000) -> list[tuple[str, str]]:
    from writer.data.facts import History
    from writer.draft import render_week
    from writer.setup import load_setup

    setup = load_setup()
    history = History.from_files([ROOT / "samples/history/reported-flows.csv"], setup.style, setup.vocabulary)
    docs = [(f"{w}.md", render_week(history.week(w), setup).article.markdown) for w in history.weeks]
    docs += [(p.name, p.read_text()) for p in sorted((ROOT / "samples/articles").glob("*.md"))]
    ref = ROOT.parent / "shared/reference/000_5a2649edd37bc3e4.txt"
    if ref.exists():
        docs.append(("reference.md", ref.read_text()))
    out, size, n = [], 0, 0
    while size < min_bytes:
        for name, text in docs:
            out.append((f"{n}-{name}", text))
            size += len(text.encode())
        n += 1
    return out


def cpu(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def lint_writer(docs, setup, facts=None):
    from writer.lint.context import Context
    from writer.lint.engine import lint_text

    for name, text in docs:
        lint_text(text, name, setup.ruleset, Context(setup.style, setup.vocabulary, facts))


def lint_proselint(docs):
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    for name, text in docs:
        LintFile(name, text).lint(DEFAULT)


def run_once(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall time and CPU time (user + system of the child) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=False, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def startup(commands: dict[str, list[str]], runs: int, env: dict | None = None) -> dict[str, tuple[float, float]]:
    """Median wall and CPU time of each command, the commands interleaved run by run."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(run_once(cmd, env))
    return {name: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t)) for name, t in times.items()}


def import_times(cmd: list[str], runs: int = 5, show: int = 14) -> None:
    """The imports a command spends most on (``-X importtime``, medians), and their total."""
    samples: dict[str, list[tuple[int, int]]] = {}
    totals = []
    for _ in range(runs):
        err = subprocess.run([cmd[0], "-X", "importtime", *cmd[1:]], capture_output=True, text=True).stderr
        total = 0
        for line in err.splitlines():
            if not line.startswith("import time:") or "|" not in line or "self [us]" in line:
                continue
            own, cumulative, name = line[len("import time:") :].split("|")
            samples.setdefault(name.rstrip(), []).append((int(own), int(cumulative)))
            if not name.startswith("  "):  # a top-level import: its cumulative time counts once
                total += int(cumulative)
        totals.append(total)
    rows = sorted(
        ((statistics.median(c for _, c in v), statistics.median(o for o, _ in v), k) for k, v in samples.items()),
        reverse=True,
    )
    print(f"imports of one lint run: {statistics.median(totals) / 1000:.0f} ms in all (median of {runs}); slowest:")
    for cumulative, own, name in rows[:show]:
        print(f"  {cumulative / 1000:6.1f} ms with what it imports, {own / 1000:5.1f} ms itself  {name}")


def main() -> None:
    from writer.setup import load_setup

    quick = "--quick" in sys.argv
    if "--startup" in sys.argv:
        return startup_report(quick)
    docs = corpus()
    mb = sum(len(t.encode()) for _, t in docs) / 1e6
    setup = load_setup()
    lint_writer(docs[:20], setup)  # build the screen and warm caches once, as a long run would
    lint_proselint(docs[:2])
    ours, theirs, ratios = [], [], []
    for _ in range(2 if quick else 5):
        ours.append(cpu(lambda: lint_writer(docs, setup)))
        theirs.append(cpu(lambda: lint_proselint(docs)))
        ratios.append(theirs[-1] / ours[-1])
    ours_t, theirs_t = statistics.median(ours), statistics.median(theirs)
    print(f"corpus: {len(docs)} articles, {mb:.2f} MB; {len(ours)} interleaved runs, medians")
    print(f"writer lint (no data):  {ours_t:7.3f} s CPU  {mb / ours_t:6.2f} MB/s")
    print(f"proselint:              {theirs_t:7.3f} s CPU  {mb / theirs_t:6.2f} MB/s")
    print(
        f"throughput ratio writer/proselint: {theirs_t / ours_t:.1f}x "
        f"(per-run ratios {min(ratios):.1f}x to {max(ratios):.1f}x)"
    )
    startup_report(quick)


def startup_report(quick: bool) -> None:
    article = str(ROOT / "tests/golden/reference-week.md")
    commands = {
        "writer": [sys.executable, "-m", "writer", "lint", article],
        "proselint": [sys.executable, "-m", "proselint", "check", article],
        "bare": [sys.executable, "-c", "pass"],
    }
    runs = 7 if quick else 31
    subprocess.run(commands["writer"], capture_output=True, check=False)  # warm the rule cache
    package = Path(writer.__file__).parent
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    compileall.compile_dir(package, quiet=1)
    warm = startup(commands, runs, env)
    for cache in package.rglob("__pycache__"):  # as a fresh checkout: no bytecode of ours
        shutil.rmtree(cache)
    cold = startup(commands, max(5, runs // 2), env)
    compileall.compile_dir(package, quiet=1)
    for label, t in (("with bytecode", warm), ("no bytecode  ", cold)):
        (w_ours, c_ours), (w_theirs, c_theirs), (_, c_bare) = t["writer"], t["proselint"], t["bare"]
        print(
            f"one article, whole process, {label}: CPU writer {c_ours * 1000:.0f} ms, proselint "
            f"{c_theirs * 1000:.0f} ms, ratio {c_ours / c_theirs:.2f}; wall {w_ours * 1000:.0f} / "
            f"{w_theirs * 1000:.0f} ms, ratio {w_ours / w_theirs:.2f} (bare interpreter {c_bare * 1000:.0f} ms CPU)"
        )
    import_times(commands["writer"])


if __name__ == "__main__":
    main()
