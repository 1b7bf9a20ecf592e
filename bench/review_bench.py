"""Cost of ``backfill --review`` against a plain backfill on a SYNTHETIC 520-week history.

    python bench/review_bench.py [--weeks 520] [--runs 3]

Each backfill is its own ``writer backfill --jobs 1`` process into a fresh folder;
CPU is that process (getrusage of children), so start-up, loading, facts,
drafts, lint and (with --review) the review pages and charts are all counted.
Plain and --review runs alternate, so machine load hits both alike; the
medians and their ratio are printed (the target: --review within 2x).
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--weeks", type=int, default=520)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = write(tmp / "synthetic.csv", args.weeks, seed=7)
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
        print(
            f"{args.weeks} weeks ({weeks} with data), --jobs 1, median of {args.runs}: plain {p:.2f} s CPU "
            f"({p / weeks * 1000:.1f} ms/week), --review {r:.2f} s CPU ({r / weeks * 1000:.1f} ms/week); "
            f"ratio {r / p:.2f} (target: at most 2.0); review page {size:.0f} KiB on average"
        )


if __name__ == "__main__":
    main()
