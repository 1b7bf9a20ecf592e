"""Backfill cost on SYNTHETIC histories of 520 and 1040 weeks, measured in one run.

    python bench/backfill_bench.py

Each backfill runs as its own process (``writer backfill``) into a fresh folder;
CPU is that process plus its workers (getrusage of children), so start-up,
loading, history-wide facts, rendering, HTML and linting are all counted.
Prints per-week CPU, the 1040/520 ratio (it must stay under 2.2: nothing may
cost more per week as history grows), peak memory and the --jobs 2 speed-up.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import write  # noqa: E402


def run(data: Path, out: Path, jobs: int) -> tuple[float, float, float, int]:
    """(cpu seconds, wall seconds, peak RSS in MB, weeks) of one backfill process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "writer",
            "backfill",
            "--data",
            str(data),
            "--out",
            str(out),
            "--jobs",
            str(jobs),
            "--json",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"backfill failed:\n{result.stdout}\n{result.stderr}")
    import json

    weeks = json.loads(result.stdout)["written"]
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, after.ru_maxrss / 1024, weeks


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sizes = {}
        for weeks in (520, 1040):
            data = write(tmp / f"synthetic-{weeks}.csv", weeks, seed=7)
            sizes[weeks] = run(data, tmp / f"out-{weeks}-j1", jobs=1)
            cpu, wall, rss, done = sizes[weeks]
            print(
                f"{weeks:5d} weeks ({done} with data), --jobs 1: {cpu:6.2f} s CPU, "
                f"{cpu / done * 1000:5.2f} ms CPU/week, "
                f"wall {wall:5.2f} s, peak RSS {rss:5.0f} MB"
            )
        ratio = sizes[1040][0] / sizes[520][0]
        print(
            f"CPU ratio 1040/520 weeks: {ratio:.2f} (linear would be {sizes[1040][3] / sizes[520][3]:.2f}; "
            f"must stay under 2.2)"
        )
        data = tmp / "synthetic-520.csv"
        _, wall1, _, _ = run(data, tmp / "again-j1", jobs=1)
        _, wall2, _, _ = run(data, tmp / "again-j2", jobs=2)
        print(
            f"--jobs 2 over --jobs 1 on 520 weeks: {wall1:.2f} s -> {wall2:.2f} s wall, speed-up {wall1 / wall2:.2f}x"
        )
        _, wall_again, _, _ = run(data, tmp / "again-j1", jobs=1)
        print(f"re-run with nothing changed: {wall_again:.2f} s wall")


if __name__ == "__main__":
    main()
