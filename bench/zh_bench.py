"""The Chinese edition's cost against the English one, measured in one process.

    python bench/zh_bench.py

Renders every week of the real history (draft + the self-lint every draft gets) in
each language, then lints the drafts again with data, and reports median CPU times
of 5 runs and the zh/en ratios. The machine is shared: read ratios, not seconds.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def measure(language: str, runs: int = 5) -> tuple[float, float, int]:
    from writer.data.facts import History
    from writer.draft import render_week
    from writer.lint.context import Context
    from writer.lint.engine import lint_text
    from writer.setup import load_setup

    setup = load_setup(language=language)
    history = History.from_files([ROOT / "samples/history/reported-flows.csv"], setup.style, setup.vocabulary)
    weeks = [history.week(w) for w in history.weeks]
    render, lint = [], []
    drafts = []
    for _ in range(runs):
        start = time.process_time()
        drafts = [render_week(f, setup).article.markdown for f in weeks]
        render.append(time.process_time() - start)
        start = time.process_time()
        for facts, text in zip(weeks, drafts, strict=True):
            lint_text(text, "d.md", setup.ruleset, Context(setup.style, setup.vocabulary, facts))
        lint.append(time.process_time() - start)
    return statistics.median(render), statistics.median(lint), sum(len(t.encode()) for t in drafts)


def main() -> None:
    en = measure("en")
    zh = measure("zh")
    print(f"{'':10} {'render+self-lint':>18} {'lint with data':>16} {'bytes':>8}")
    for name, (r, lint, size) in (("en", en), ("zh", zh)):
        print(f"{name:10} {r * 1000:15.0f} ms {lint * 1000:13.0f} ms {size:8d}")
    print(f"{'zh/en':10} {zh[0] / en[0]:17.2f}x {zh[1] / en[1]:15.2f}x")


if __name__ == "__main__":
    main()
