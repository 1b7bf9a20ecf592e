"""One house-style section of regex lists, checked the same way wherever one is read
(``reading`` for the reader of figures, ``clauses`` for the causal clause analysis)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from writer.errors import Problem, UserError


def fields_of(
    section: Any, fields: tuple[str, ...], where: str, path: str, one: Callable[[str, str, Any], Any]
) -> dict[str, Any] | None:
    """``{field: one(path, "<where>.<field>", value)}`` for a mapping with only known fields; None when absent.

    ``where`` names the section ("en.reading"); a section that is no mapping, or holds a field
    no one reads, is a one-line error naming it."""
    if section is None:
        return None
    if not isinstance(section, dict):
        raise UserError(Problem(f"house_style.{where} is {section!r}", path=path, expected="a mapping"))
    unknown = sorted(set(section) - set(fields))
    if unknown:
        raise UserError(
            Problem(f"house_style.{where}: unknown field {unknown[0]!r}", path=path, expected=", ".join(fields))
        )
    return {name: one(path, f"{where}.{name}", section.get(name)) for name in fields}


def alternation(path: str, name: str, patterns: Any) -> str | None:
    """A list of regexes as one alternation ``(?:a)|(?:b)``; None for an absent or empty list."""
    if patterns is None:
        return None
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise UserError(Problem(f"house_style.{name} is {patterns!r}", path=path, expected="a list of regexes"))
    return "|".join(f"(?:{p})" for p in patterns) or None
