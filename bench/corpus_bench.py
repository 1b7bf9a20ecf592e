"""Precision and recall of `writer lint` on the labelled development corpus of real articles.

    pip install '.[bench]' && python bench/corpus_bench.py [CORPUS_DIR]

Runs the corpus's own scorer (shared/corpus-dev/score.py, beside this checkout by default)
with this checkout's `writer` first on PATH, for the English files and for the Chinese files,
and prints its tables. Targets (issue 9): precision >= 0.92 and recall >= 0.90 per family and
overall on the English files. The corpus is read at run time and never copied into the project.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus-dev"


def score(corpus: Path, lang: str) -> str:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    run = subprocess.run(
        [sys.executable, str(corpus / "score.py"), str(corpus), "--lang", lang],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if run.returncode != 0:
        sys.exit(f"score.py failed: {run.stderr.strip()[-300:]}")
    return run.stdout


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not (corpus / "score.py").exists():
        sys.exit(f"no scorer at {corpus}/score.py (pass the corpus folder)")
    for lang in ("en", "zh"):
        print(f"## {lang}\n{score(corpus, lang)}")


if __name__ == "__main__":
    main()
