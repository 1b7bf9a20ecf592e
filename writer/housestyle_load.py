"""Loading and checking a rules file's ``house_style`` into ``HouseStyle`` objects.

Apart from ``writer.housestyle`` (the object and its phrases) so that a warm
``writer lint``, which unpickles its house style from the rule cache, never
compiles this code; ``writer.housestyle`` still hands out these names.
"""

from __future__ import annotations

import importlib
import re
import string
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from writer.clause_words import FIELDS as CLAUSE_FIELDS
from writer.clause_words import ClauseWords, clause_words
from writer.errors import Problem, UserError
from writer.housestyle import (
    DIRECTIONS,
    FLAG_FORMS,
    FORM_FIELDS,
    LANGUAGE_FIELDS,
    LANGUAGE_KEYS,
    METRICS,
    PROSE_FORMS,
    SENTENCE_FIELDS,
    HouseStyle,
    Sentences,
)
from writer.reading import FIELDS as READING_FIELDS
from writer.reading import reading_words

_LANGUAGE = re.compile(LANGUAGE_KEYS)
_NEUTRAL = ("language", "agreement", "superlative", "claims")
# the mappings whose keys are fixed (the schema closes the same ones); "*" is a language block
_CLOSED = {
    "agreement": ("verified_sources", "relative_tolerance"),
    "superlative": ("min_weeks",),
    "claims": ("publisher", "product_groups", "small_share", "minor_share", "conflict_factor", "brief_max_figures"),
    "*": LANGUAGE_FIELDS,
    "*.flags": FLAG_FORMS,
    "*.prose": PROSE_FORMS,
    "*.direction": (*DIRECTIONS, "plural"),
    "*.direction.plural": DIRECTIONS,
    "*.metric_words": METRICS,
    "*.sentences": SENTENCE_FIELDS,
    "*.named_source": ("name", "gap"),
    "*.clauses": CLAUSE_FIELDS,
    "*.reading": READING_FIELDS,
}


def _unknown_key(own: dict[str, Any]) -> tuple[str, tuple[str, ...]] | None:
    """The first key of a house_style mapping that no field reads, with what is allowed there."""
    for where, allowed in _CLOSED.items():
        heads = [k for k in own if _LANGUAGE.match(str(k)) and k not in _NEUTRAL] if where.startswith("*") else [""]
        for head in heads:
            path = where.replace("*", head).lstrip(".") if head else where
            value: Any = own
            for part in path.split("."):
                value = value.get(part) if isinstance(value, dict) else None
            if isinstance(value, dict):
                extra = [k for k in value if k not in allowed]
                if extra:
                    return f"{path}.{extra[0]}", allowed
    return None


class _Reader:
    """Typed reads of one house-style block, each bad field one located error."""

    def __init__(self, path: Path, prefix: str, data: dict[str, Any]) -> None:
        self.path, self.prefix, self.data = path, prefix, data

    def fail(self, where: str, value: Any, expected: str) -> UserError:
        return UserError(
            Problem(f"house_style.{self.prefix}{where} is {value!r}", path=str(self.path), expected=expected)
        )

    def get(self, where: str) -> Any:
        value: Any = self.data
        for part in where.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return value

    def number(self, where: str) -> float:
        value = self.get(where)
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise self.fail(where, value, "a number")
        return float(value)

    def integer(self, where: str) -> int:
        value = self.get(where)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(where, value, "an integer")
        return value

    def text(self, where: str) -> str:
        value = self.get(where)
        if not isinstance(value, str):
            raise self.fail(where, value, "a string")
        return value

    def flag(self, where: str) -> bool:
        value = self.get(where)
        if not isinstance(value, bool):
            raise self.fail(where, value, "true or false")
        return value

    def words(self, where: str, empty: bool = False) -> tuple[str, ...]:
        value = self.get(where)
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise self.fail(where, value, "a list of phrases")
        if not value and not empty:
            raise self.fail(where, value, "at least one phrase")
        return tuple(value)

    def mapping(self, where: str) -> dict[str, Any]:
        value = self.get(where)
        if not isinstance(value, dict):
            raise self.fail(where, value, "a mapping")
        return value


@cache
def _shipped_house_style() -> dict[str, Any]:
    from writer.resources import default_rules
    from writer.rulesfile_load import load_rules_document

    return load_rules_document(default_rules()).data.get("house_style") or {}


def languages(data: dict[str, Any]) -> tuple[str, ...]:
    """The language blocks of a ``house_style`` mapping."""
    return tuple(k for k in data if k not in _NEUTRAL and _LANGUAGE.match(str(k)))


def codec_module(name: str, path: Path, where: str) -> ModuleType:
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name or ""):
        raise UserError(
            Problem(f"house_style.{where} is {name!r}", path=str(path), expected="a module name in writer/")
        )
    try:
        return importlib.import_module(f"writer.{name}")
    except ImportError:
        raise UserError(Problem(f"house_style.{where}: no codec module writer/{name}.py", path=str(path))) from None


def _form_fields(r: Any, where: str) -> None:
    """A form's text, whose placeholders are fields the code fills it with (``FORM_FIELDS``):
    "{oops}" is a load error here, not a failed template in the one week that first prints it."""
    text = r.text(where)
    allowed = FORM_FIELDS.get(where)
    if allowed is None:
        return  # joined as it stands: braces print as written
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        raise r.fail(where, text, "a text whose braces hold placeholders, {{ and }} for literal braces") from None
    unknown = sorted({re.split(r"[.\[]", name)[0] for name in fields} - allowed)
    if unknown:
        fill = ", ".join("{" + name + "}" for name in sorted(allowed))
        raise r.fail(where, text, f"placeholders among {fill}" if allowed else "no placeholder")


def load_house_style(data: dict[str, Any] | None, path: Path, language: str | None = None) -> HouseStyle:
    """The house style of one language from a rules file's ``house_style`` (after extends),
    laid over the shipped one."""
    from writer.resources import default_rules
    from writer.rulesfile_load import merge_mappings

    own = data or {}
    if not isinstance(own, dict):
        raise UserError(Problem("house_style must be a mapping", path=str(path), expected="language blocks"))
    merged = own if Path(path).resolve() == default_rules().resolve() else merge_mappings(_shipped_house_style(), own)
    stray = [k for k in own if k not in _NEUTRAL and not _LANGUAGE.match(str(k))]
    if stray:
        raise UserError(
            Problem(
                f"house_style.{stray[0]} is not a language block",
                path=str(path),
                expected=f"{', '.join(_NEUTRAL)} or a language code (e.g. house_style.en.{stray[0]})",
            )
        )
    unknown = _unknown_key(own)
    if unknown:
        raise UserError(
            Problem(f"house_style.{unknown[0]} is not a setting", path=str(path), expected=", ".join(unknown[1]))
        )
    language = language or merged.get("language") or "en"
    if language not in merged:
        raise UserError(
            Problem(
                f"house_style has no block for language {language!r}",
                path=str(path),
                expected=f"one of {', '.join(languages(merged)) or 'en'}",
            )
        )
    top = _Reader(path, "", merged)
    r = _Reader(path, f"{language}.", merged[language] or {})
    codec_name = str(r.get("money.codec") or "money")
    codec = codec_module(codec_name, path, f"{language}.money.codec")
    money = codec.load_style(r.mapping("money"), r)
    plurals = r.mapping("direction.plural")
    direction_words = {d: r.words(f"direction.{d}") for d in DIRECTIONS}
    for d in DIRECTIONS:
        if plurals.get(d) not in direction_words[d]:
            raise r.fail(f"direction.plural.{d}", plurals.get(d), f"one of the {d} words")
    flags = r.mapping("flags")
    for form in FLAG_FORMS:
        _form_fields(r, f"flags.{form}")
    prose = r.mapping("prose")
    for form in PROSE_FORMS:
        _form_fields(r, f"prose.{form}")
    share = r.get("share_words")
    if not isinstance(share, list) or not all(
        isinstance(x, list) and len(x) == 2 and isinstance(x[0], (int, float)) and isinstance(x[1], str) for x in share
    ):
        raise r.fail("share_words", share, "a list of [fraction, phrase] pairs, largest first")
    months = r.words("months")
    if len(months) != 12:
        raise r.fail("months", months, "twelve month names")
    words = clause_words(r.get("clauses"), str(path), f"{language}.")
    return HouseStyle(
        language=language,
        money=money,
        codec_name=codec_name,
        verified_sources=top.integer("agreement.verified_sources"),
        relative_tolerance=top.number("agreement.relative_tolerance"),
        superlative_min_weeks=top.integer("superlative.min_weeks"),
        nearly_floor=r.number("money.nearly_floor"),
        qualifiers=r.words("qualifiers"),
        flags={form: str(flags[form]) for form in FLAG_FORMS},
        prose={form: str(prose[form]) for form in PROSE_FORMS},
        direction_glue=r.words("direction_glue", empty=True),
        conflict_markers=r.words("conflict_markers"),
        group_words=r.words("group_words"),
        attribution=r.words("attribution"),
        source_nouns=r.words("source_nouns", empty=True),
        direction_words=direction_words,
        plurals={d: str(plurals[d]) for d in DIRECTIONS},
        metric_words={m: r.words(f"metric_words.{m}") for m in METRICS},
        total_words=r.words("total_words"),
        share_words=tuple((float(a), str(b)) for a, b in sorted(share, key=lambda x: -x[0])),
        date_format=r.text("date_format"),
        months=months,
        word_boundary=str(r.get("word_boundary") or ""),
        sentences=Sentences(
            ends=r.text("sentences.ends"),
            space_after=r.flag("sentences.space_after"),
            capital_after=r.flag("sentences.capital_after"),
            abbreviations=frozenset(w.lower() for w in r.words("sentences.abbreviations", empty=True)),
            initialisms=frozenset(w.lower() for w in r.words("sentences.initialisms", empty=True)),
            starters=frozenset(r.words("sentences.starters", empty=True)),
        ),
        reading=reading_words(r.get("reading"), str(path), f"{language}."),
        speaker_name=_speaker_name(r.text("named_source.name"), words),
        speaker_gap=_speaker_gap(r.text("named_source.gap"), words),
        clauses=words,
        claims=dict(top.get("claims") or {}),
    )


def _speaker_name(word: str, words: ClauseWords) -> str:
    """A name: words of the house style's name pattern, maybe joined ("Bank of America")."""
    return rf"(?:{word})(?:\s+(?:(?i:{words.name_joiners})\s+)?(?:{word}))*"


def _speaker_gap(gap: str, words: ClauseWords) -> str:
    """Between a name and its speech verb: a possessive role ("CoinShares's head of research"), then the gap."""
    return rf"(?:(?:{words.possessives})\s*[\w ]{{1,40}}?)?(?:{gap})"


@cache
def shipped(language: str | None = None) -> HouseStyle:
    """The shipped house style: what tests and ``style=None`` callers use (no code copy)."""
    from writer.resources import default_rules

    return load_house_style(_shipped_house_style(), default_rules(), language)
