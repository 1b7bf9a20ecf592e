"""Hostile documents and data: CPU at n and 4n, to show each cost is linear (or n log n).

    python bench/hostile_bench.py

Each case is linted (or reconciled) in this process at two sizes; a linear
cost gives a ratio near 4, a quadratic one near 16. The sizes of the largest
column are those of the original report (40,000 openers, 2 MB of text,
400 rows for one figure).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CASES = {
    "40,000 '[a](' (link openers)": ("[a](", 10_000),
    "40,000 '<a ' (tag openers)": ("<a ", 10_000),
    "40,000 'x <!--' (comment openers)": ("x <!--", 10_000),
    "2 MB without a sentence end": ("flows rose due to demand and ", 17_500),
    "4,000 disable-next-line comments": (
        "<!-- writer-lint disable-next-line no-causal-attribution -- test -->\nFlows rose due to fear.\n\n",
        1_000,
    ),
}
HEADER = "week_ending,scope,key,metric,usd_m,bound,source,url,status,note\n"


def main() -> None:
    from writer.data.facts import History
    from writer.lint.context import Context
    from writer.lint.engine import lint_text
    from writer.setup import load_setup

    setup = load_setup()

    def lint_cpu(text: str) -> float:
        started = time.process_time()
        lint_text(text, "hostile.md", setup.ruleset, Context(setup.style, setup.vocabulary))
        return time.process_time() - started

    print(f"{'case':40s} {'CPU at n':>9s} {'CPU at 4n':>10s} {'ratio':>6s}")
    for name, (piece, n) in CASES.items():
        small, large = lint_cpu(piece * n), lint_cpu(piece * 4 * n)
        print(f"{name:40s} {small:8.2f}s {large:9.2f}s {large / small:6.1f}")

    with tempfile.TemporaryDirectory() as tmp:

        def reconcile_cpu(rows: int) -> float:
            path = Path(tmp) / f"rows-{rows}.csv"
            lines = (f"2026-01-26,total,all,net_flow,{-1000 - 7 * i},,Source {i},,,\n" for i in range(rows))
            path.write_text(HEADER + "".join(lines))
            started = time.process_time()
            History.from_files([path], setup.style, setup.vocabulary)
            return time.process_time() - started

        small, large = reconcile_cpu(100), reconcile_cpu(400)
        print(f"{'reconcile 100 -> 400 rows, one figure':40s} {small:8.2f}s {large:9.2f}s {large / small:6.1f}")


if __name__ == "__main__":
    main()
