"""How well `writer extract` reads the development corpus: recall and wrong rows.

    python bench/extract_bench.py [--corpus ../shared/corpus-dev] [--verbose]

Runs extract on every English article of the corpus with its report week, source
and URL (the week most of its figures.csv rows carry, else the date on its first
line; source and URL from figures.csv), and compares with figures.csv, every figure collected by hand:

- recall: truth rows found with the right week, scope, key, metric, value and sign;
- wrong rows: rows whose week, scope, key and metric exist in the truth for that
  article but whose value or sign matches none of them (the costly error);
- other rows: rows for figures the truth does not list at all (reported, for review).

Keys on both sides go through the vocabulary, as the data layer does. Chinese
articles are scored apart, read with the zh house style.

A second table scores the held-out set under tests/corpus/extract-heldout/ (short
articles written in the project's own words, in the registers of wire services,
crypto-news sites, blogs and Chinese relays, with truth.csv listing every fund-flow
figure each states; source and URL from their front matter). There the truth is
complete, so every written row that matches no truth row counts as wrong, whichever
entity or metric it names. A third scores tests/corpus/extract-fresh/, three more
articles written after the reader was changed on the held-out set, so never tuned on.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_LINE1 = re.compile(r"facts from: (?P<url>\S+); date: ~?(?P<date>\d{4}-\d{2}-\d{2})?")


def load_truth(corpus: Path, vocabulary, name: str = "figures.csv") -> dict[str, list[dict[str, str]]]:
    by_url: dict[str, list[dict[str, str]]] = defaultdict(list)
    with open(corpus / name, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            row["key"] = "all" if row["scope"] == "total" else vocabulary.normalise(row["scope"], row["key"])
            by_url[row["url"]].append(row)
    return by_url


def article_meta(path: Path, truth: dict[str, list[dict[str, str]]]) -> tuple[str, dt.date | None, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = _LINE1.search(first)
    url = match.group("url") if match else ""
    rows = truth.get(url, [])
    if rows:  # the report week the figures were collected for
        week = dt.date.fromisoformat(Counter(r["week_ending"] for r in rows).most_common(1)[0][0])
    elif match and match.group("date"):  # else the date the article names
        week = dt.date.fromisoformat(match.group("date"))
    else:
        week = None
    source = Counter(r["source"] for r in rows).most_common(1)[0][0] if rows else path.stem
    return url, week, source


HELDOUT = ROOT / "tests" / "corpus" / "extract-heldout"
FRESH = ROOT / "tests" / "corpus" / "extract-fresh"  # written after the reader was tuned on HELDOUT


def score(corpus: Path, verbose: bool = False, language: str = "en") -> dict[str, float]:
    from writer.extract import extract, read_article
    from writer.setup import load_setup

    setup = load_setup(language=language)
    truth = load_truth(corpus, setup.vocabulary)
    found = total = wrong = other = written = 0
    seconds = 0.0
    for path in sorted(corpus.glob("*.md")):
        if path.name == "README.md" or path.stem.startswith("zh") != (language == "zh"):
            continue
        url, week, source = article_meta(path, truth)
        rows_true = truth.get(url, [])
        total += len(rows_true)
        if week is None:
            continue
        start = time.perf_counter()
        result = extract(read_article(str(path)), week, setup.style, setup.vocabulary, source, url)
        seconds += time.perf_counter() - start
        groups: dict[tuple, list[float]] = defaultdict(list)
        for r in rows_true:
            groups[(r["week_ending"], r["scope"], r["key"], r["metric"])].append(float(r["usd_m"]))
        got: dict[tuple, list[float]] = defaultdict(list)
        for row in result.rows:
            written += 1
            group = (row.week_ending, row.scope, row.key, row.metric)
            value = float(row.usd_m)
            got[group].append(value)
            if group not in groups:
                other += 1
                if verbose:
                    print(f"  other  {path.name}: {group} {row.usd_m} ({row.note})")
            elif not any(abs(value - v) < 1e-6 for v in groups[group]):
                wrong += 1
                print(f"  WRONG  {path.name}: {group} {row.usd_m}, truth {groups[group]} ({row.note})")
        for group, values in groups.items():
            pool = list(got.get(group, []))
            for v in values:
                hit = next((x for x in pool if abs(x - v) < 1e-6), None)
                if hit is not None:
                    found += 1
                    pool.remove(hit)
                elif verbose:
                    print(f"  missed {path.name}: {group} {v}")
    return {
        "truth_rows": total,
        "found": found,
        "recall": found / total if total else 0.0,
        "rows_written": written,
        "wrong_rows": wrong,
        "wrong_per_100": 100 * wrong / written if written else 0.0,
        "other_rows": other,
        "seconds": seconds,
    }


def score_heldout(folder: Path = HELDOUT, verbose: bool = False, language: str = "en") -> dict[str, float]:
    """Recall and wrong rows on the held-out set, where any row the complete truth lacks is wrong."""
    from writer.extract import extract, read_article
    from writer.setup import load_setup

    setup = load_setup(language=language)
    truth = load_truth(folder, setup.vocabulary, "truth.csv")
    found = total = wrong = written = 0
    for path in sorted(folder.glob(f"{language}*.md")):
        article = read_article(str(path))
        rows_true = truth.get(article.meta.get("url", ""), [])
        total += len(rows_true)
        if not rows_true:
            continue
        week = dt.date.fromisoformat(Counter(r["week_ending"] for r in rows_true).most_common(1)[0][0])
        result = extract(article, week, setup.style, setup.vocabulary)
        pool = [(r["week_ending"], r["scope"], r["key"], r["metric"], float(r["usd_m"])) for r in rows_true]
        for row in result.rows:
            written += 1
            got = (row.week_ending, row.scope, row.key, row.metric, float(row.usd_m))
            hit = next((t for t in pool if t[:4] == got[:4] and abs(t[4] - got[4]) < 1e-6), None)
            if hit is None:
                wrong += 1
                print(f"  WRONG  {path.name}: {got} ({row.note})")
            else:
                found += 1
                pool.remove(hit)
        if verbose:
            for t in pool:
                print(f"  missed {path.name}: {t}")
            for s in result.skipped:
                print(f"  skip   {s}")
    return {"truth_rows": total, "found": found, "recall": found / total if total else 0.0,
            "rows_written": written, "wrong_rows": wrong}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus-dev")
    parser.add_argument(
        "--heldout", type=Path, action="append", help="a folder of articles with a complete truth.csv (repeatable)"
    )
    parser.add_argument("--verbose", action="store_true", help="list every miss and every row the truth lacks")
    args = parser.parse_args()
    if not (args.corpus / "figures.csv").exists():
        sys.exit(f"no figures.csv under {args.corpus}")
    for language in ("en", "zh"):
        s = score(args.corpus, args.verbose, language)
        print(f"{language} articles: {s['truth_rows']} truth rows, {s['rows_written']} rows written")
        print(f"  recall       {s['recall']:.3f}  ({s['found']}/{s['truth_rows']}, right value and sign)")
        print(f"  wrong rows   {s['wrong_rows']}  ({s['wrong_per_100']:.2f} per 100 rows written)")
        print(f"  other rows   {s['other_rows']}  (figures the truth does not list)")
        print(f"  extract time {s['seconds'] * 1000:.0f} ms (in process, warm)")
    for folder in args.heldout or [HELDOUT, FRESH]:
        for language in ("en", "zh"):
            h = score_heldout(folder, args.verbose, language)
            print(f"{folder.name} {language}: {h['truth_rows']} truth rows, {h['rows_written']} rows written")
            print(f"  recall       {h['recall']:.3f}  ({h['found']}/{h['truth_rows']}, right value and sign)")
            print(f"  wrong rows   {h['wrong_rows']}  (any row the complete truth lacks)")


if __name__ == "__main__":
    main()
