"""Lint throughput and start-up time against proselint, measured in one run.

    pip install '.[bench]' && python bench/lint_bench.py

Corpus: the drafts of every week of the real history, the bad-article corpus
and (when present) the reference article, repeated until it passes 1 MB.
Throughput is CPU time over the corpus, best of 3; start-up is the median wall
time of whole processes linting one article. Prints ratios against proselint.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


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


def best_of(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


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


def startup(cmd: list[str], runs: int = 15) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    from writer.setup import load_setup

    docs = corpus()
    mb = sum(len(t.encode()) for _, t in docs) / 1e6
    setup = load_setup()
    ours = best_of(lambda: lint_writer(docs, setup))
    theirs = best_of(lambda: lint_proselint(docs))
    print(f"corpus: {len(docs)} articles, {mb:.2f} MB")
    print(f"writer lint (no data):  {ours:7.3f} s CPU  {mb / ours:6.2f} MB/s")
    print(f"proselint:              {theirs:7.3f} s CPU  {mb / theirs:6.2f} MB/s")
    print(f"throughput ratio writer/proselint: {theirs / ours:.1f}x")

    article = ROOT / "tests/golden/reference-week.md"
    ours_start = startup([sys.executable, "-m", "writer", "lint", str(article)])
    theirs_start = startup([sys.executable, "-m", "proselint", "check", str(article)])
    print(
        f"start-up, one article (median wall): writer {ours_start * 1000:.0f} ms, "
        f"proselint {theirs_start * 1000:.0f} ms, ratio {ours_start / theirs_start:.2f}"
    )
    bare = startup([sys.executable, "-c", "pass"])
    print(f"  (bare interpreter start on this machine: {bare * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
