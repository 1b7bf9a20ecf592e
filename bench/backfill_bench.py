"""Backfill cost on two SYNTHETIC generators at 520 and 1040 weeks.

    python bench/backfill_bench.py [--repeat 3]

Each backfill runs as its own process (``writer backfill --jobs 1``) into a
fresh folder; CPU is that process plus its children (getrusage), so start-up,
loading, history-wide facts, rendering, HTML, linting and writing are all
counted. Prints, per generator, the median CPU per week at each size and the
1040/520 CPU ratio (target: at most 5 ms per week at 520 weeks, ratio at
most 2.1), then the --jobs 2 wall-clock speed-up and a rerun with nothing
changed.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import synthetic, synthetic_walk  # noqa: E402

GENERATORS = {"synthetic.py": synthetic.write, "synthetic_walk.py": synthetic_walk.write}


def run(data: Path, out: Path, jobs: int) -> tuple[float, float, int]:
    """(cpu seconds, wall seconds, weeks written) of one backfill process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "writer", "backfill", "--data", str(data), "--out", str(out), "--jobs", str(jobs)]
    result = subprocess.run([*cmd, "--json"], capture_output=True, text=True, cwd=ROOT, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"backfill failed:\n{result.stdout}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, json.loads(result.stdout)["written"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name, write in GENERATORS.items():
            per_size = {}
            for weeks in (520, 1040):
                data = write(tmp / f"{name}-{weeks}.csv", weeks, seed=7)
                runs = [run(data, tmp / f"out-{name}-{weeks}-{i}", jobs=1) for i in range(args.repeat)]
                cpu = statistics.median(r[0] for r in runs)
                done = runs[0][2]
                per_size[weeks] = (cpu, done)
                print(
                    f"{name:18s} {weeks:5d} weeks ({done} with data), --jobs 1: median {cpu:6.2f} s CPU "
                    f"(runs: {', '.join(f'{r[0]:.2f}' for r in runs)}), {cpu / done * 1000:5.2f} ms CPU/week",
                    flush=True,
                )
            ratio = per_size[1040][0] / per_size[520][0]
            weeks_ratio = per_size[1040][1] / per_size[520][1]
            print(f"{name:18s} CPU ratio 1040/520: {ratio:.2f} (week count ratio {weeks_ratio:.2f})", flush=True)
        data = tmp / "synthetic.py-520.csv"
        _, wall1, _ = run(data, tmp / "again-j1", jobs=1)
        _, wall2, _ = run(data, tmp / "again-j2", jobs=2)
        print(f"--jobs 2 over --jobs 1 on 520 weeks: {wall1:.2f} s -> {wall2:.2f} s wall, {wall1 / wall2:.2f}x")
        cpu, wall, _ = run(data, tmp / "again-j1", jobs=1)
        print(f"rerun with nothing changed (520 weeks): {cpu:.2f} s CPU, {wall:.2f} s wall")


if __name__ == "__main__":
    main()
