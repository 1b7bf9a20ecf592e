"""Cost of ``backfill --review`` against a plain backfill on a SYNTHETIC 520-week history.

    python bench/review_bench.py [--weeks 520] [--runs 3] [--parts]

Each backfill is its own ``writer backfill --jobs 1`` process into a fresh folder;
CPU is that process (getrusage of children), so start-up, loading, facts,
drafts, lint and (with --review) the review pages and charts are all counted.
Plain and --review runs alternate, so machine load hits both alike; the
medians and their ratio are printed (the target: --review within 2x), and the
review's own extra CPU per week, paired run by run.

``--parts`` instead runs one ``--review`` backfill in this process and prints
the CPU per week of each part of the review page (timers around the
functions, no profiler: a profiler inflates matplotlib's many small calls).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import write  # noqa: E402


def cpu_of(args: list[str]) -> tuple[float, dict]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-m", "writer", "backfill", *args, "--jobs", "1", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"backfill failed:\n{done.stdout}\n{done.stderr}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), json.loads(done.stdout)


def parts(data: Path, out: Path) -> None:
    """CPU per week of each part of a --review backfill, measured in this process."""
    import functools
    import io
    import time

    import jinja2

    from writer.backfill import backfill
    from writer.draft import render_week  # noqa: F401 (imported before it is wrapped)
    from writer.review import build, charts, marking, page

    spent: dict[str, float] = {}

    def timed(module, name: str, label: str) -> None:
        function = getattr(module, name)

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            began = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - began

        setattr(module, name, wrapper)

    import writer.draft

    timed(writer.draft, "render_week", "draft and lint (plain backfill's work)")
    timed(build.Reviewer, "for_history", "history chart and rows (once per run)")
    timed(build.Reviewer, "page", "review page, all of it")
    timed(charts, "breakdown_chart", "    chart by asset and country")
    timed(charts.BreakdownPainter, "_frame", "      its frame (drawn once per number of rows)")
    timed(charts.BreakdownPainter, "_tick", "      its money ticks (each label drawn once)")
    timed(charts.BreakdownPainter, "_label", "      its row labels (each drawn once)")
    timed(page, "mark_figures", "  marking figures (the linter's reader)")
    timed(marking, "render_marked", "  article Markdown with marks")
    timed(page, "build_claims", "  the week's claims")
    render = jinja2.Template.render

    def render_timed(template, *args, **kwargs):
        label = "    page template" if template.name == page.PAGE else "    draft's templates (plain backfill's work)"
        began = time.process_time()
        try:
            return render(template, *args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + time.process_time() - began

    jinja2.Template.render = render_timed
    began = time.process_time()
    summary = backfill([data], out, jobs=1, review=True, progress_stream=io.StringIO())
    total = time.process_time() - began
    jinja2.Template.render = render
    weeks = summary.written
    print(f"{weeks} weeks, --review, in process: {total:.2f} s CPU, {total / weeks * 1000:.1f} ms/week")
    for label, seconds in spent.items():
        print(f"  {label:45s} {seconds / weeks * 1000:7.2f} ms/week")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--weeks", type=int, default=520)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--parts", action="store_true", help="CPU per week of each part of the review page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = write(tmp / "synthetic.csv", args.weeks, seed=7)
        if args.parts:
            parts(data, tmp / "parts")
            return
        plain, review = [], []
        for n in range(args.runs):
            cpu, summary = cpu_of(["--data", str(data), "--out", str(tmp / f"plain-{n}")])
            plain.append(cpu)
            cpu, _ = cpu_of(["--data", str(data), "--out", str(tmp / f"review-{n}"), "--review"])
            review.append(cpu)
            print(f"run {n + 1}: plain {plain[-1]:.2f} s CPU, --review {review[-1]:.2f} s CPU", flush=True)
        weeks = summary["written"]
        size = sum(p.stat().st_size for p in (tmp / "review-0").glob("*.review.html")) / weeks / 1024
        p, r = statistics.median(plain), statistics.median(review)
        # the review's own cost, paired run by run (plain and --review ran back to back under the same load)
        extra = [(b - a) / weeks * 1000 for a, b in zip(plain, review, strict=True)]
        print(
            f"{args.weeks} weeks ({weeks} with data), --jobs 1, median of {args.runs}: plain {p:.2f} s CPU "
            f"({p / weeks * 1000:.1f} ms/week), --review {r:.2f} s CPU ({r / weeks * 1000:.1f} ms/week); "
            f"ratio {r / p:.2f} (target: at most 2.0; per run "
            f"{', '.join(f'{b / a:.2f}' for a, b in zip(plain, review, strict=True))}); "
            f"the review's extra CPU {statistics.median(extra):.1f} ms/week (per run "
            f"{', '.join(f'{e:.1f}' for e in extra)}); review page {size:.0f} KiB on average"
        )


if __name__ == "__main__":
    main()
