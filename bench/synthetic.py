"""SYNTHETIC fund-flow history for benchmarks and tests. Not real data.

Every row says so: sources are named "Synthetic ..." and the note column reads
"synthetic". Seeded, so the same arguments give the same file.

    python bench/synthetic.py --weeks 520 --out /tmp/synthetic-520.csv
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from pathlib import Path

HEADER = ["week_ending", "scope", "key", "metric", "usd_m", "bound", "source", "url", "status", "note"]
ASSETS = ("Bitcoin", "Ethereum", "Solana", "XRP", "Cardano", "Short Bitcoin", "Chainlink", "Sui")
COUNTRIES = ("United States", "Canada", "Germany", "Switzerland", "Sweden", "Hong Kong", "Brazil")
SOURCES = ("Synthetic Wire", "Synthetic Daily", "Synthetic Digest")


def _rounded(value: float, rng: random.Random) -> str:
    """Print a value the way publications do: to the hundred, ten, unit or tenth."""
    magnitude = abs(value)
    step = 100 if magnitude >= 1000 else 10 if magnitude >= 300 else 1 if magnitude >= 50 else 0.1
    if rng.random() < 0.3:
        step /= 10
    text = f"{round(value / step) * step:.1f}"
    return text[:-2] if text.endswith(".0") else text


def generate(weeks: int, seed: int = 7, start: dt.date = dt.date(2006, 1, 2)) -> list[list[str]]:
    rng = random.Random(seed)
    rows: list[list[str]] = []
    ytd = 0.0
    for n in range(weeks):
        week = start + dt.timedelta(weeks=n)
        if rng.random() < 0.04:  # a missing report week
            continue
        if week.isocalendar()[1] == 1:
            ytd = 0.0
        total = rng.gauss(0, 900)
        ytd += total
        day = week.isoformat()

        def emit(scope: str, key: str, metric: str, value: float, day: str = day) -> None:
            sources = rng.sample(SOURCES, rng.choice((1, 1, 2, 3)))
            for i, source in enumerate(sources):
                figure = value
                if i and rng.random() < 0.08:  # a publication that disagrees
                    figure = value * rng.uniform(1.2, 1.6)
                rows.append([day, scope, key, metric, _rounded(figure, rng), "", source, "", "", "synthetic"])

        emit("total", "all", "net_flow", total)
        if rng.random() < 0.5:
            emit("total", "all", "ytd_flow", ytd)
        share = 1.0
        for asset in ASSETS[: rng.randint(2, len(ASSETS))]:
            part = rng.uniform(0.05, 0.7) * share
            share -= part
            value = total * part if rng.random() > 0.2 else -total * rng.uniform(0.005, 0.05)
            emit("asset", asset, "net_flow", value)
        for country in COUNTRIES[: rng.randint(1, len(COUNTRIES))]:
            emit("country", country, "net_flow", total * rng.uniform(-0.1, 0.9))
    return rows


def write(path: Path, weeks: int, seed: int = 7, generator=None) -> Path:
    """Write ``generator(weeks, seed)`` (this module's ``generate`` by default) as a contract CSV."""
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows((generator or generate)(weeks, seed))
    return path


def cli(description: str, generator=None) -> None:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--weeks", type=int, default=520)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    print(write(args.out, args.weeks, args.seed, generator))


if __name__ == "__main__":
    cli("Write a SYNTHETIC fund-flow history (not real data).")
