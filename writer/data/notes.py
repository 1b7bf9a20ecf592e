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

Any field may have a wording for another edition beside it, ``<field>_<language>``
(``quote_zh``, ``text_zh``, ``source_zh``): that edition prints it instead.

``--notes`` takes such a file, or a folder of ``YYYY-MM-DD.yaml`` files.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from writer.errors import Problem, UserError
from writer.yamlsafe import load_yaml

CLAIM_KINDS = ("superlative",)
_LOCAL = re.compile(r"^[a-z]+_[a-z]{2,3}$")


class _Localised:
    """Notes are written in one language; ``quote_zh``, ``text_zh``, ``source_zh`` give another
    edition its own wording (a faithful translation, printed as reported speech)."""

    local: tuple[tuple[str, str], ...]

    def said(self, name: str, language: str) -> str:
        """A field in a language: its ``<name>_<language>`` wording, else as written."""
        return dict(self.local).get(f"{name}_{language}") or getattr(self, name)

    def has(self, name: str, language: str) -> bool:
        return f"{name}_{language}" in dict(self.local)


@dataclass(frozen=True)
class Commentary(_Localised):
    source: str
    quote: str
    local: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Claim(_Localised):
    kind: str
    source: str
    text: str
    local: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class WeekNotes:
    week: dt.date | None = None
    commentary: tuple[Commentary, ...] = ()
    claims: tuple[Claim, ...] = ()
    context: tuple[str, ...] = field(default_factory=tuple)


def _strings(path: Path, section: str, items: Any, fields: tuple[str, ...]) -> list[dict[str, Any]]:
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
        local = {k for k in item if _LOCAL.match(str(k)) and str(k).rsplit("_", 1)[0] in fields}
        for name in local:
            if not isinstance(item[name], str) or not item[name].strip():
                raise UserError(
                    Problem(f"{section} item {n}: field {name!r} is {item[name]!r}", path=str(path), expected="text")
                )
        unknown = set(item) - set(fields) - local
        if unknown:
            raise UserError(
                Problem(
                    f"{section} item {n}: unknown field {', '.join(sorted(unknown))}",
                    path=str(path),
                    expected=", ".join(fields),
                )
            )
        row: dict[str, Any] = {k: " ".join(str(item[k]).split()).strip('"“”') for k in fields}
        if local:
            row["local"] = tuple(sorted((k, " ".join(str(item[k]).split()).strip('"“”')) for k in local))
        out.append(row)
    return out


def read_notes(path: Path) -> WeekNotes:
    """Read and check one notes file; every problem is a UserError naming the file."""
    from writer.fsutil import read_text_input

    text = read_text_input(path, "YAML", missing="notes file not found")
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
