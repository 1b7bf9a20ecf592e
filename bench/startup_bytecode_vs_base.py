"""One-article `writer lint` start-up, this tree against another, with and without bytecode.

    git archive main | tar -x -C /tmp/base && python bench/startup_bytecode_vs_base.py /tmp/base [runs]

Each tree (its writer/, rules/, templates/) is copied twice into a temporary folder:
one copy compiled, one without any ``__pycache__``; every process runs with
PYTHONDONTWRITEBYTECODE=1, so the second copy compiles its source at every start, as
on a CI runner that lints from a checkout. The four copies and proselint run
interleaved, run by run (warm rule cache); CPU time (user + system) of whole processes,
medians, and the median of the per-run ratios against proselint with its quartiles.
"""

from __future__ import annotations

import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = str(ROOT / "tests" / "golden" / "reference-week.md")


def copy_tree(source: Path, target: Path, bytecode: bool) -> None:
    for part in ("writer", "rules", "templates"):
        shutil.copytree(source / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
    if bytecode:
        compileall.compile_dir(target / "writer", quiet=1)


def cpu(cmd: list[str], env: dict, cwd: str) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    base, runs = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 31
    plain = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        commands: dict[str, tuple[list[str], dict]] = {}
        for label, tree in (("base", base), ("this", ROOT)):
            for bytecode in (True, False):
                name = f"{label}, {'with' if bytecode else 'without'} bytecode"
                folder = Path(tmp) / name.replace(", ", "-").replace(" ", "-")
                copy_tree(tree, folder, bytecode)
                env = {**plain, "PYTHONPATH": str(folder)}
                commands[name] = ([sys.executable, "-m", "writer", "lint", ARTICLE], env)
        commands["proselint"] = ([sys.executable, "-m", "proselint", "check", ARTICLE], plain)
        for cmd, env in commands.values():  # warm each copy's rule cache
            cpu(cmd, env, tmp)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, (cmd, env) in commands.items():
                times[name].append(cpu(cmd, env, tmp))
    theirs = times.pop("proselint")
    proselint = statistics.median(theirs) * 1000
    print(f"load {os.getloadavg()[0]:.1f}; {runs} interleaved runs; proselint {proselint:.0f} ms")
    for name, ours in times.items():
        ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
        q1, _, q3 = statistics.quantiles(ratios, n=4)
        print(
            f"{name:28s} {statistics.median(ours) * 1000:5.0f} ms, "
            f"ratio {statistics.median(ratios):.2f} (per-run quartiles {q1:.2f}-{q3:.2f})"
        )


if __name__ == "__main__":
    main()
