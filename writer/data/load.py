"""Files in the input contract -> one DataFrame, with every problem found in one pass.

Validation is vectorised over the frame; each problem names the file, the
row (CSV line or JSON record), the column, the bad value and what was
expected. Nothing downstream runs when a problem is found.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from writer.data.sources import family_ids
from writer.entities import SCOPES, Vocabulary
from writer.errors import Problem, UserError
from writer.fsutil import DATA_MB_VARIABLE, data_limit, read_text_input
from writer.money import BOUNDS, precision_of

REQUIRED = ("week_ending", "scope", "key", "metric", "usd_m", "source")
OPTIONAL = ("bound", "url", "status", "note")
COLUMNS = REQUIRED + OPTIONAL
METRICS = ("net_flow", "ytd_flow", "aum")
STATUSES = ("verified", "unverified")
MAX_PROBLEMS = 50
MAX_USD_M = 1e9  # a quadrillion dollars: past any fund flow, short of inf and float overflow


def _read_csv(path: Path, text: str) -> tuple[pd.DataFrame, int]:
    """CSV with its header checked by hand: pandas would silently rename duplicates."""
    first = next(csv.reader(io.StringIO(text)), [])
    header = [h.strip() for h in first]
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise UserError(Problem(f"duplicate column {', '.join(dupes)} in the header", path=str(path), line=1))
    if len(header) < 2:
        raise UserError(
            Problem(
                "not a CSV file: the first line has no comma-separated header",
                path=str(path),
                line=1,
                expected="a header with " + ", ".join(REQUIRED),
            )
        )
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skipinitialspace=True)
    except (pd.errors.ParserError, ValueError) as exc:
        raise UserError(Problem(f"not a valid CSV file: {str(exc).strip()}", path=str(path))) from None
    return frame, 2  # data rows start at line 2


def _read_json(path: Path, text: str) -> tuple[pd.DataFrame, int]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(
            Problem(f"not valid JSON: {exc.msg}", path=str(path), line=exc.lineno, column=exc.colno)
        ) from None
    records = data.get("rows") if isinstance(data, dict) else data
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise UserError(Problem('JSON must be a list of row objects (or {"rows": [...]})', path=str(path)))
    return as_text(pd.DataFrame.from_records(records)), 1  # "row" = record number


def _read_parquet(path: Path) -> tuple[pd.DataFrame, int]:
    try:
        frame = pd.read_parquet(path)
    except ImportError:
        raise UserError(Problem("reading Parquet needs pyarrow: pip install pyarrow", path=str(path))) from None
    except Exception as exc:  # pyarrow raises many types for a bad file
        raise UserError(Problem(f"not a readable Parquet file: {exc}", path=str(path))) from None
    return as_text(frame), 1


def cell_text(value: object) -> str:
    """A typed cell (JSON, Parquet) as the text a CSV would hold, precision kept.

    Missing values (None, NaN, NA) are blank; a whole float is written without
    ".0" (1700.0 -> "1700": read "to the hundred", as in a CSV); other floats by
    their shortest round-trip text (17.1 -> "17.1"); a date-only timestamp as
    its ISO date.
    """
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) or (hasattr(value, "dtype") and getattr(value.dtype, "kind", "") == "f"):
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(number)
    if isinstance(value, pd.Timestamp | dt.datetime):
        stamp = pd.Timestamp(value)
        return stamp.date().isoformat() if stamp == stamp.normalize() else stamp.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell of a typed frame as CSV-like text (see ``cell_text``)."""
    return frame.map(cell_text) if len(frame.columns) else frame


def _too_large(path: Path, limit: int) -> Problem:
    return Problem(
        f"file is larger than {limit / (1024 * 1024):g} MB; not read as data",
        path=str(path),
        expected=f"a smaller file, or {DATA_MB_VARIABLE} set higher",
    )


def read_table(path: Path) -> tuple[pd.DataFrame, int]:
    """Raw cells as strings, and the row number of the first data row."""
    path = Path(path)
    if not path.is_file():
        raise UserError(Problem("data file not found", path=str(path)))
    limit = data_limit()
    if path.stat().st_size > limit:  # before reading a byte of it (the read is capped too)
        raise UserError(_too_large(path, limit))
    if path.suffix.lower() in (".parquet", ".pq"):
        return _read_parquet(path)
    text = read_text_input(path, "CSV or JSON", limit)
    if not text.strip():
        raise UserError(Problem("file is empty", path=str(path), expected="a header row: " + ", ".join(REQUIRED)))
    if path.suffix.lower() == ".json" or text.lstrip()[:1] in "[{":
        return _read_json(path, text)
    return _read_csv(path, text)


def _problems(frame: pd.DataFrame, path: Path, first_row: int) -> list[tuple[int, Problem]]:
    """Every cell problem as (row index, Problem), vectorised column by column."""
    found: list[tuple[int, Problem]] = []
    label = "line" if first_row == 2 else "record"

    def report(mask: pd.Series, column: str, message: str, expected: str) -> None:
        for idx in frame.index[mask.to_numpy()]:
            value = frame.at[idx, column]
            problem = Problem(
                f"{label} {idx + first_row}: column {column}: {message} {value!r}",
                path=str(path),
                line=idx + first_row,
                column=column,
                expected=expected,
            )
            found.append((int(idx), problem))

    for column in REQUIRED:
        report(frame[column].str.strip() == "", column, "empty required value", "a value")
    filled = lambda c: frame[c].str.strip() != ""  # noqa: E731
    dates = pd.to_datetime(frame["week_ending"], format="%Y-%m-%d", errors="coerce")
    report(dates.isna() & filled("week_ending"), "week_ending", "not a date", "an ISO date YYYY-MM-DD")
    report(~frame["scope"].isin(SCOPES) & filled("scope"), "scope", "unknown scope", " or ".join(SCOPES))
    report(~frame["metric"].isin(METRICS) & filled("metric"), "metric", "unknown metric", " or ".join(METRICS))
    numbers = pd.to_numeric(frame["usd_m"].str.replace(",", "", regex=False), errors="coerce")
    report(numbers.isna() & filled("usd_m"), "usd_m", "not a number", "signed US$ millions, e.g. -1700 or 33.5")
    report(numbers.abs() > MAX_USD_M, "usd_m", "out of range", f"at most {MAX_USD_M:,.0f} US$ millions either way")
    report(~frame["bound"].isin(("", *BOUNDS)), "bound", "unknown bound", "blank or " + ", ".join(BOUNDS))
    report(~frame["status"].isin(("", *STATUSES)), "status", "unknown status", "blank, verified or unverified")
    total = frame["scope"] == "total"
    report(total & (frame["key"] != "all"), "key", "scope total needs key 'all', got", "all")
    report(
        ~total & (frame["key"] == "all"),
        "key",
        "key 'all' is only for scope total, got",
        "an asset, country or provider",
    )
    return found


@dataclass
class Loaded:
    """Rows that passed validation, and what failed, placed by week where possible."""

    frame: pd.DataFrame | None
    bad_weeks: dict[str, list[Problem]] = field(default_factory=dict)  # ISO week -> its problems
    unplaced: list[Problem] = field(default_factory=list)  # file-level problems, rows without a date


def _extra_columns(frame: pd.DataFrame, path: Path, columns: Columns) -> Problem | None:
    """A column outside the contract: a misspelt ``stauts`` must not silently drop a status."""
    extra = [str(c) for c in frame.columns if c not in COLUMNS]
    if not extra or (columns.allow_extra and columns.warn is None):
        return None
    problem = Problem(
        f"unknown column {', '.join(extra)}",
        path=str(path),
        line=1,
        expected="columns " + ", ".join(COLUMNS) + " (or --allow-extra-columns to ignore others)",
    )
    if columns.allow_extra:
        columns.warn(problem)  # type: ignore[misc]
        return None
    return problem


@dataclass(frozen=True)
class Columns:
    """What to do with columns outside the contract: an error, or (allowed) a warning."""

    allow_extra: bool = False
    warn: Callable[[Problem], None] | None = None


STRICT = Columns()


def _read_all(
    paths: list[Path], columns: Columns = STRICT
) -> tuple[list[pd.DataFrame], list[Problem], list[tuple[pd.DataFrame, int, Problem]]]:
    frames: list[pd.DataFrame] = []
    file_problems: list[Problem] = []
    row_problems: list[tuple[pd.DataFrame, int, Problem]] = []
    for path in paths:
        try:
            frame, first_row = read_table(Path(path))
        except UserError as err:
            file_problems.extend(err.problems)
            continue
        extra = _extra_columns(frame, Path(path), columns)
        if extra is not None:
            file_problems.append(extra)
            continue
        missing = [c for c in REQUIRED if c not in frame.columns]
        if missing:
            file_problems.append(
                Problem(
                    f"missing column {', '.join(missing)}",
                    path=str(path),
                    line=1,
                    expected="columns " + ", ".join(REQUIRED),
                )
            )
            continue
        if frame.empty:
            file_problems.append(Problem("no data rows under the header", path=str(path), line=2))
            continue
        for column in OPTIONAL:
            if column not in frame.columns:
                frame[column] = ""
        frame = frame[list(COLUMNS)].reset_index(drop=True)
        for column in COLUMNS:
            frame[column] = frame[column].astype(str).str.strip()
        row_problems.extend((frame, idx, problem) for idx, problem in _problems(frame, Path(path), first_row))
        frame["file"] = str(path)
        frame["row"] = frame.index + first_row
        frames.append(frame)
    return frames, file_problems, row_problems


def load_frame(paths: list[Path], vocabulary: Vocabulary, columns: Columns = STRICT) -> pd.DataFrame:
    """Read and validate every file; raise one UserError listing all problems."""
    frames, file_problems, row_problems = _read_all(paths, columns)
    problems = file_problems + [p for _, _, p in row_problems]
    if problems:
        extra = len(problems) - MAX_PROBLEMS
        shown = problems[:MAX_PROBLEMS] + ([Problem(f"... and {extra} more problems")] if extra > 0 else [])
        raise UserError(*shown)
    return _typed(pd.concat(frames, ignore_index=True), vocabulary)


def load_lenient(paths: list[Path], vocabulary: Vocabulary, columns: Columns = STRICT) -> Loaded:
    """For a batch: a week with any invalid row is set aside whole, the other weeks go on."""
    frames, file_problems, row_problems = _read_all(paths, columns)
    loaded = Loaded(frame=None, unplaced=list(file_problems))
    for frame, idx, problem in row_problems:
        week = frame.at[idx, "week_ending"]
        try:
            week = dt.date.fromisoformat(week).isoformat()
        except ValueError:
            loaded.unplaced.append(problem)
            continue
        loaded.bad_weeks.setdefault(week, []).append(problem)
    bad_rows = {(id(f), i) for f, i, _ in row_problems}
    kept = []
    for frame in frames:
        keep = [  # one column read, not one .at lookup per row (a tenth of a second per 10,000 rows)
            (id(frame), i) not in bad_rows and week not in loaded.bad_weeks
            for i, week in zip(frame.index, frame["week_ending"].tolist(), strict=True)
        ]
        kept.append(frame[keep])
    if kept and sum(len(f) for f in kept):
        loaded.frame = _typed(pd.concat(kept, ignore_index=True), vocabulary)
    return loaded


def _typed(frame: pd.DataFrame, vocabulary: Vocabulary) -> pd.DataFrame:
    digits = frame["usd_m"].str.replace(",", "", regex=False)
    frame["week_ending"] = pd.to_datetime(frame["week_ending"], format="%Y-%m-%d")
    frame["usd_m"] = pd.to_numeric(digits)
    frame["precision"] = [precision_of(d) for d in digits]
    frame["bound"] = frame["bound"].replace("", "approx")
    keys = {(s, k): vocabulary.normalise(s, k) for s, k in zip(frame["scope"], frame["key"], strict=True)}
    frame["key"] = [keys[(s, k)] for s, k in zip(frame["scope"], frame["key"], strict=True)]
    frame["source_id"] = family_ids(frame["source"], frame["url"], frame["note"])
    return frame
