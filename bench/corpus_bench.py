"""Precision and recall of `writer lint` on the labelled development corpus of real articles.

    pip install '.[bench]' && python bench/corpus_bench.py [CORPUS_DIR]

Runs the corpus's own scorer (shared/corpus-dev/score.py, beside this checkout by default)
with this checkout's `writer` first on PATH, for the English files, the Chinese files and all
of them, and prints its tables. Targets (issue 9, issue 13): precision >= 0.92 and recall >=
0.90 per family and overall. The corpus is read at run time and never copied into the project.
Then the labelled sentences written for this project (tests/corpus/causal*.yaml): the same two
figures for the causal rules, on sentences the development corpus never saw.
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
    for lang in ("en", "zh", "all"):
        print(f"## {lang}\n{score(corpus, lang)}")
    print("## labelled sentences (tests/corpus)")
    for name, language in (("causal.yaml", "en"), ("causal_zh.yaml", "zh")):
        print(sentences(ROOT / "tests" / "corpus" / name, language))


def sentences(path: Path, language: str) -> str:
    """Precision and recall of the causal rules of one language on a file of labelled sentences."""
    import yaml

    from writer.lint.context import Context
    from writer.lint.engine import lint_text
    from writer.setup import load_setup

    setup = load_setup(language=language)
    labelled = yaml.safe_load(path.read_text(encoding="utf-8"))

    def flagged(text: str) -> bool:
        found = lint_text(text, "<s>", setup.ruleset, Context(setup.style, setup.vocabulary)).findings
        return any("causal" in f.rule for f in found)

    tp = sum(map(flagged, labelled["causal"]))
    fp = sum(map(flagged, labelled["not_causal"]))
    n = len(labelled["causal"])
    precision = tp / (tp + fp) if tp + fp else 1.0
    return (
        f"{path.name:16} causal {n:3} not_causal {len(labelled['not_causal']):3} tp {tp:3} fp {fp:3} "
        f"precision {precision:.2f} recall {tp / n:.2f}"
    )


if __name__ == "__main__":
    main()
