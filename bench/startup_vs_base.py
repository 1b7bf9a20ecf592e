"""Start-up CPU of `writer lint` on one article: this checkout against another (e.g. main).

    git archive main | tar -x -C /tmp/base && python bench/startup_vs_base.py /tmp/base

CPU time (user + system) of whole processes, median of 15 alternating runs, warm rule
cache; CPU rather than wall time so a loaded machine does not swamp the comparison.
"""

import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ART = str(ROOT / "tests" / "golden" / "reference-week.md")


def cpu(env: dict) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "writer", "lint", ART], env=env, capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    here = dict(os.environ, PYTHONPATH=str(ROOT))
    base = dict(os.environ, PYTHONPATH=sys.argv[1])
    for env in (here, base):
        cpu(env)
        cpu(env)  # warm the rule caches
    a, b = [], []
    for _ in range(15):
        a.append(cpu(here))
        b.append(cpu(base))
    ma, mb = statistics.median(a), statistics.median(b)
    print(f"writer lint, one article, CPU median of 15: this {ma * 1000:.0f} ms, base {mb * 1000:.0f} ms")
    print(f"ratio this/base: {ma / mb:.2f}")


if __name__ == "__main__":
    main()
