"""Backfill cost on two SYNTHETIC generators at 520 and 1040 weeks.

    python bench/backfill_bench.py [--repeat 3] [--before REV]

Each backfill runs as its own process (``writer backfill --jobs 1``) into a
fresh folder; CPU is that process plus its children (getrusage), so start-up,
loading, history-wide facts, rendering, HTML, linting and writing are all
counted. Prints, per generator, the median CPU per week at each size and the
1040/520 CPU ratio (target: at most 5 ms per week at 520 weeks, ratio at
most 2.1), that cost split into a part no week pays for and a cost per week
(the slope between the two sizes), then the --jobs 2 wall-clock speed-up and
a rerun with nothing changed.

With ``--before REV`` the same backfills also run from that git revision
(extracted to a temporary folder with ``git archive``), interleaved with this
tree's run by run, so both columns see the same load; it prints the CPU per
week of each and this tree's share of the revision's CPU.
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


def run(data: Path, out: Path, jobs: int, tree: Path = ROOT) -> tuple[float, float, int]:
    """(cpu seconds, wall seconds, weeks written) of one backfill process of the code in ``tree``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "writer", "backfill", "--data", str(data), "--out", str(out), "--jobs", str(jobs)]
    result = subprocess.run([*cmd, "--json"], capture_output=True, text=True, cwd=tree, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"backfill failed:\n{result.stdout}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, json.loads(result.stdout)["written"]


def extract(rev: str, folder: Path) -> Path:
    """The files of a git revision, in ``folder`` (``python -m writer`` there runs that code)."""
    folder.mkdir()
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", help="a git revision to measure too, run by run (e.g. main)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        trees = {"this tree": ROOT}
        if args.before:
            trees = {args.before: extract(args.before, tmp / "before"), **trees}
        for name, write in GENERATORS.items():
            per_size: dict[str, dict[int, tuple[float, int]]] = {label: {} for label in trees}
            for weeks in (520, 1040):
                data = write(tmp / f"{name}-{weeks}.csv", weeks, seed=7)
                runs: dict[str, list] = {label: [] for label in trees}
                for i in range(args.repeat):
                    for n, (label, tree) in enumerate(trees.items()):
                        runs[label].append(run(data, tmp / f"out-{name}-{weeks}-{i}-{n}", jobs=1, tree=tree))
                for label in trees:
                    cpu = statistics.median(r[0] for r in runs[label])
                    done = runs[label][0][2]
                    per_size[label][weeks] = (cpu, done)
                    each = ", ".join(f"{r[0]:.2f}" for r in runs[label])
                    print(
                        f"{name:18s} {label:12s} {weeks:5d} weeks ({done} with data), --jobs 1: "
                        f"median {cpu:6.2f} s CPU (runs: {each}), {cpu / done * 1000:5.2f} ms CPU/week",
                        flush=True,
                    )
                if args.before:
                    share = per_size["this tree"][weeks][0] / per_size[args.before][weeks][0]
                    print(f"{name:18s} {weeks:5d} weeks: this tree uses {share:.2f} of {args.before}'s CPU", flush=True)
            for label in trees:
                ratio = per_size[label][1040][0] / per_size[label][520][0]
                weeks_ratio = per_size[label][1040][1] / per_size[label][520][1]
                print(
                    f"{name:18s} {label:12s} CPU ratio 1040/520: {ratio:.2f} (week count ratio {weeks_ratio:.2f})",
                    flush=True,
                )
                (cpu1, n1), (cpu2, n2) = per_size[label][520], per_size[label][1040]
                marginal = (cpu2 - cpu1) / (n2 - n1)  # what one more week costs
                print(
                    f"{name:18s} {label:12s} a week more costs {marginal * 1000:5.2f} ms CPU; what no week pays "
                    f"for (start-up, imports, set-up) {cpu1 - marginal * n1:5.2f} s",
                    flush=True,
                )
        data = tmp / "synthetic.py-520.csv"
        _, wall1, _ = run(data, tmp / "again-j1", jobs=1)
        _, wall2, _ = run(data, tmp / "again-j2", jobs=2)
        print(f"--jobs 2 over --jobs 1 on 520 weeks: {wall1:.2f} s -> {wall2:.2f} s wall, {wall1 / wall2:.2f}x")
        cpu, wall, _ = run(data, tmp / "again-j1", jobs=1)
        print(f"rerun with nothing changed (520 weeks): {cpu:.2f} s CPU, {wall:.2f} s wall")


if __name__ == "__main__":
    main()
