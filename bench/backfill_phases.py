"""Where the CPU of one ``writer backfill --jobs 1`` goes, phase by phase.

    python bench/backfill_phases.py [--weeks 520] [--generator synthetic.py|synthetic_walk.py]

Runs the backfill in this process (so start-up imports count too) on a fresh
synthetic history and folder, and wraps each phase's function with a CPU
clock (``time.process_time``): imports, set-up, loading and reconciling,
planning (the facts of every week), template rendering, linting, Markdown to
HTML, file writes, manifest and index. Phases nest nowhere, so they add up to
about the total; the rest is the loop and the click wrapper.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SPENT: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)

# (module, function, phase): each function is replaced where its caller looks it up
PHASES = [
    ("writer.setup", "load_setup", "set-up (rules, style, vocabulary)"),
    ("writer.backfill", "_setup_hash", "set-up hash"),
    ("writer.data.load", "load_lenient", "load CSV"),
    ("writer.backfill", "plan", "plan (facts of every week)"),
    ("writer.draft", "render_article", "render (claims + Jinja)"),
    ("writer.draft", "lint_text", "lint (full rules)"),
    ("writer.render.html", "to_html", "Markdown -> HTML page"),
    ("writer.backfill", "_record", "write DATE.md/.html"),
    ("writer.backfill", "write_manifest", "manifest"),
    ("writer.backfill", "write_index", "index"),
]


def _timed(module: str, name: str, phase: str) -> None:
    mod = importlib.import_module(module)
    inner = getattr(mod, name)

    @functools.wraps(inner)
    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            SPENT[phase] += time.process_time() - started
            CALLS[phase] += 1

    setattr(mod, name, timed)


def _time_history() -> None:
    from writer.data.facts import History

    inner = History.__init__

    def timed(self, *args, **kwargs):
        started = time.process_time()
        inner(self, *args, **kwargs)
        SPENT["reconcile + history-wide facts"] += time.process_time() - started
        CALLS["reconcile + history-wide facts"] += 1

    History.__init__ = timed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--weeks", type=int, default=520)
    parser.add_argument("--generator", default="synthetic.py", choices=("synthetic.py", "synthetic_walk.py"))
    args = parser.parse_args()
    from bench import synthetic, synthetic_walk

    write = {"synthetic.py": synthetic.write, "synthetic_walk.py": synthetic_walk.write}[args.generator]
    with tempfile.TemporaryDirectory() as tmp:
        data = write(Path(tmp) / "data.csv", args.weeks, seed=7)
        before = resource.getrusage(resource.RUSAGE_SELF)
        started = time.process_time()
        import writer.backfill  # the executable's own imports
        import writer.draft  # noqa: F401
        from writer import entry

        SPENT["imports"] = time.process_time() - started
        for module, name, phase in PHASES:
            _timed(module, name, phase)
        _time_history()
        sys.argv = ["writer", "backfill", "--data", str(data), "--out", str(Path(tmp) / "out"), "--jobs", "1"]
        sys.argv.append("--json")
        with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet), contextlib.suppress(SystemExit):
            entry.main()  # its --json summary goes nowhere
        after = resource.getrusage(resource.RUSAGE_SELF)
    total = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    weeks = CALLS["lint (full rules)"] or 1
    per_week = total / weeks * 1000
    print(f"\n{args.generator}, {args.weeks} weeks ({weeks} drafts): {total:.2f} s CPU, {per_week:.2f} ms/week")
    for phase, spent in sorted(SPENT.items(), key=lambda kv: -kv[1]):
        print(f"  {phase:36s} {spent:6.2f} s  {spent / weeks * 1000:5.2f} ms/week")
    rest = total - sum(SPENT.values())
    print(f"  {'(rest: loop, CLI, generator)':36s} {rest:6.2f} s  {rest / weeks * 1000:5.2f} ms/week")


if __name__ == "__main__":
    main()
