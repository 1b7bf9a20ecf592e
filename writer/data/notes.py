"""Week notes: what the numbers cannot carry, written by an editor in YAML.

A notes file describes one week::

    week_ending: 2026-01-26
    commentary:            # an institution's opinion: printed as attributed commentary
      - source: CoinShares
        quote: "the exact words, without quotation marks"
    claims:                # claims made by sources: printed once, attributed and flagged
      - kind: superlative  # a "largest ... since" claim
        source: some channels
        text: the largest single-week outflow since mid-November 2025
    context:               # an editor's background line, printed as context, not as cause
      - text: ...

``--notes`` takes such a file, or a folder of ``YYYY-MM-DD.yaml`` files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from writer.errors import Problem, UserError
from writer.yamlsafe import load_yaml

CLAIM_KINDS = ("superlative",)


@dataclass(frozen=True)
class Commentary:
    source: str
    quote: str


@dataclass(frozen=True)
class Claim:
    kind: str
    source: str
    text: str


@dataclass(frozen=True)
class WeekNotes:
    week: dt.date | None = None
    commentary: tuple[Commentary, ...] = ()
    claims: tuple[Claim, ...] = ()
    context: tuple[str, ...] = field(default_factory=tuple)


def _strings(path: Path, section: str, items: Any, fields: tuple[str, ...]) -> list[dict[str, str]]:
    if items is None:
        return []
    if not isinstance(items, list):
        raise UserError(Problem(f"{section} must be a list", path=str(path)))
    out = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise UserError(
                Problem(f"{section} item {n} must be a mapping", path=str(path), expected=", ".join(fields))
            )
        for name in fields:
            value = item.get(name)
            if not isinstance(value, str) or not value.strip():
                raise UserError(
                    Problem(
                        f"{section} item {n}: field {name!r} is {value!r}",
                        path=str(path),
                        expected="a non-empty string",
                    )
                )
        unknown = set(item) - set(fields)
        if unknown:
            raise UserError(
                Problem(
                    f"{section} item {n}: unknown field {', '.join(sorted(unknown))}",
                    path=str(path),
                    expected=", ".join(fields),
                )
            )
        out.append({k: " ".join(str(item[k]).split()).strip('"“”') for k in fields})
    return out


def read_notes(path: Path) -> WeekNotes:
    """Read and check one notes file; every problem is a UserError naming the file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(Problem("notes file not found", path=str(path))) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(Problem(f"cannot read notes: {exc}", path=str(path))) from None
    data = load_yaml(text, str(path)) or {}
    if not isinstance(data, dict):
        raise UserError(
            Problem("notes must be a mapping", path=str(path), expected="week_ending, commentary, claims, context")
        )
    unknown = set(data) - {"week_ending", "commentary", "claims", "context"}
    if unknown:
        raise UserError(
            Problem(
                f"unknown section {', '.join(sorted(unknown))}",
                path=str(path),
                expected="week_ending, commentary, claims, context",
            )
        )
    week = data.get("week_ending")
    if week is not None and not isinstance(week, dt.date):
        raise UserError(Problem(f"week_ending is {week!r}", path=str(path), expected="an ISO date YYYY-MM-DD"))
    claims = _strings(path, "claims", data.get("claims"), ("kind", "source", "text"))
    for n, claim in enumerate(claims, 1):
        if claim["kind"] not in CLAIM_KINDS:
            raise UserError(
                Problem(
                    f"claims item {n}: unknown kind {claim['kind']!r}", path=str(path), expected=", ".join(CLAIM_KINDS)
                )
            )
    return WeekNotes(
        week=week,
        commentary=tuple(
            Commentary(**c) for c in _strings(path, "commentary", data.get("commentary"), ("source", "quote"))
        ),
        claims=tuple(Claim(**c) for c in claims),
        context=tuple(c["text"] for c in _strings(path, "context", data.get("context"), ("text",))),
    )


def notes_for(location: Path | None, week: dt.date) -> WeekNotes:
    """The notes of a week from a file or a folder; empty notes when there are none."""
    if location is None:
        return WeekNotes(week=week)
    location = Path(location)
    if location.is_dir():
        candidate = location / f"{week.isoformat()}.yaml"
        return read_notes(candidate) if candidate.is_file() else WeekNotes(week=week)
    notes = read_notes(location)
    if notes.week is not None and notes.week != week:
        raise UserError(Problem(f"notes are for week {notes.week}, the draft is for {week}", path=str(location)))
    return notes
