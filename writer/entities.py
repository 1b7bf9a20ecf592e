"""Names of assets, countries and providers: one vocabulary, kept as data.

Data keys (``BTC``, ``U.S.``) and prose mentions both normalise through
``rules/entities.yaml``, so a newsroom adds an alias by editing YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from writer import shapes
from writer.errors import Problem, UserError
from writer.resources import default_entities

SCOPES = ("total", "asset", "country", "provider")


@dataclass(frozen=True)
class Vocabulary:
    """Canonical names per scope and every spelling that maps to them."""

    canonical: dict[str, dict[str, str]]  # scope -> lowercased alias -> canonical
    names: dict[str, tuple[str, ...]]  # scope -> spellings as written in the file
    definite: frozenset[str] = frozenset()  # names written with "the": the United States
    publications: tuple[str, ...] = ()  # publication names that read like words ("Because Bitcoin")

    def normalise(self, scope: str, key: str) -> str:
        return self.canonical.get(scope, {}).get(key.strip().lower(), key.strip())

    @cached_property
    def mention_pattern(self) -> re.Pattern[str]:
        """A regex finding any known name in prose; group ``name``. Built once per vocabulary.

        All-capital aliases (US, ETH) match case-sensitively, so "us" is not
        the United States.
        """
        return self._names_pattern(r"(?<![\w.])", r"(?![\w])")

    @cached_property
    def unbounded_pattern(self) -> re.Pattern[str]:
        """The same for a language written without spaces between words (house style
        ``word_boundary: ''``): a name may touch the words around it."""
        return self._names_pattern("", "")

    def _names_pattern(self, before: str, after: str) -> re.Pattern[str]:
        spellings: set[str] = set()
        for names in self.names.values():
            spellings.update(names)
        parts = []
        for name in sorted(spellings, key=len, reverse=True):
            body = re.escape(name)
            parts.append(body if name.isupper() or len(name) <= 3 else f"(?i:{body})")
        return re.compile(before + r"(?P<name>" + "|".join(parts) + r")" + after)

    def lookup(self, spelling: str) -> tuple[str, str] | None:
        """(scope, canonical) of a spelling found in prose."""
        low = spelling.lower()
        for scope in ("asset", "country", "provider"):
            if low in self.canonical.get(scope, {}):
                return scope, self.canonical[scope][low]
        return None


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    from writer.yamlsafe import load_yaml

    path = Path(path) if path else default_entities()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(Problem(f"cannot read the entities vocabulary: {exc}", path=str(path))) from None
    data = load_yaml(text, str(path)) or {}
    found = shapes.problems(data, shapes.VOCABULARY, str(path))
    if found:
        raise UserError(*found)
    canonical: dict[str, dict[str, str]] = {}
    names: dict[str, tuple[str, ...]] = {}
    definite = frozenset(str(n) for n in data.pop("definite_article", None) or [])
    publications = tuple(str(n) for n in data.pop("publications", None) or [])
    for scope, entries in data.items():
        if scope not in SCOPES or not isinstance(entries, dict):
            raise UserError(
                Problem(f"unknown section {scope!r}", path=str(path), expected="asset, country or provider")
            )
        table: dict[str, str] = {}
        spellings: list[str] = []
        for name, aliases in entries.items():
            for spelling in [name, *(aliases or [])]:
                table[str(spelling).lower()] = str(name)
                spellings.append(str(spelling))
        canonical[scope] = table
        names[scope] = tuple(spellings)
    return Vocabulary(canonical=canonical, names=names, definite=definite, publications=publications)
