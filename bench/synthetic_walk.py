"""A second SYNTHETIC history, of the same shape as ``synthetic.py`` but another make.

Same shape (about 19 rows a week, 16 keys, 3 publications) so the backfill
benchmark can show its cost does not hang on one generator's habits. Here the
weekly total is a random walk with occasional shocks (long runs of one sign,
streaks and "largest since" facts), every week lists all assets and countries,
publications print bounds ("over", "nearly") as well as points, and now and
then a status column or a second metric appears. Not real data: every source
is named "Synthetic ..." and every note reads "synthetic".

    python bench/synthetic_walk.py --weeks 520 --out /tmp/walk-520.csv
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from bench import synthetic
from bench.synthetic import ASSETS, COUNTRIES, _rounded

SOURCES = ("Synthetic Ledger", "Synthetic Tape", "Synthetic Brief")


def generate(weeks: int, seed: int = 7, start: dt.date = dt.date(2004, 1, 5)) -> list[list[str]]:
    rng = random.Random(seed)
    rows: list[list[str]] = []
    total = 0.0
    for n in range(weeks):
        week = start + dt.timedelta(weeks=n)
        if rng.random() < 0.03:
            continue
        total = 0.7 * total + rng.gauss(0, 500) + (rng.choice((-1, 1)) * 2500 if rng.random() < 0.05 else 0)
        day = week.isoformat()

        def emit(scope: str, key: str, metric: str, value: float, day: str = day) -> None:
            count = 1 if rng.random() < 0.55 else rng.choice((2, 3))
            for i, source in enumerate(rng.sample(SOURCES, count)):
                figure, bound = value, ""
                if i and rng.random() < 0.06:
                    figure = value * rng.uniform(0.55, 0.8)
                elif rng.random() < 0.04:
                    bound = "over"
                    figure = value * 0.95
                status = "verified" if rng.random() < 0.02 else ""
                rows.append([day, scope, key, metric, _rounded(figure, rng), bound, source, "", status, "synthetic"])

        emit("total", "all", "net_flow", total)
        if rng.random() < 0.15:
            emit("total", "all", "aum", 40000 + rng.gauss(0, 4000))
        weights = [rng.random() ** 2 for _ in ASSETS]
        for asset, weight in zip(ASSETS, weights, strict=True):
            if weight > 0.08:
                emit("asset", asset, "net_flow", total * weight / sum(weights) * rng.choice((1, 1, 1, -0.2)))
        for country in COUNTRIES[: rng.randint(3, len(COUNTRIES))]:
            emit("country", country, "net_flow", total * rng.uniform(-0.05, 0.8))
    return rows


def write(path: Path, weeks: int, seed: int = 7) -> Path:
    return synthetic.write(path, weeks, seed, generate)


if __name__ == "__main__":
    synthetic.cli("Write a second SYNTHETIC fund-flow history (not real data).", generate)
