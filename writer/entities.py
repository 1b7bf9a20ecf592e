"""Names of assets, countries and providers: one vocabulary, kept as data.

Data keys (``BTC``, ``U.S.``) and prose mentions both normalise through
``rules/entities.yaml``, so a newsroom adds an alias by editing YAML. The
vocabulary is not a closed list: ``with_keys`` makes every key the data
names a known entity under its own name, so a week about Litecoin or Brazil
needs no edit to the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import Any

from writer.lazyre import LazyPattern, lazy
from writer.record import dataclass, field, replace  # dataclasses without generated code: fast start-up

SCOPES = ("total", "asset", "country", "provider")
ENTITY_SCOPES = ("asset", "country", "provider")
_HAN = LazyPattern(r"[\u3400-\u9fff]")  # a wide class: slow to compile, so only when used
_LANGUAGES = re.compile(r"^languages:\s*\{([^}\n]*)\}", re.MULTILINE)


def language_files(path: Path) -> dict[str, Path]:
    """The per-language name files a vocabulary names (``languages: {zh: entities.zh.yaml}``),
    read without YAML so the lint cache can fingerprint them cheaply."""
    from writer.fsutil import read_text_input

    match = _LANGUAGES.search(read_text_input(path, "a YAML vocabulary"))
    pairs = [p.split(":", 1) for p in match.group(1).split(",") if ":" in p] if match else []
    return {k.strip(): Path(path).parent / v.strip().strip("'\"") for k, v in pairs}


@dataclass(frozen=True)
class Vocabulary:
    """Canonical names per scope and every spelling that maps to them."""

    canonical: dict[str, dict[str, str]]  # scope -> lowercased alias -> canonical
    names: dict[str, tuple[str, ...]]  # scope -> spellings as written in the file
    definite: frozenset[str] = frozenset()  # names written with "the": the United States
    publications: tuple[str, ...] = ()  # publication names that read like words ("Because Bitcoin")
    display: dict[str, dict[str, str]] = field(default_factory=dict)  # language -> canonical -> printed name
    _extended: dict[frozenset, Vocabulary] = field(default_factory=dict, compare=False, repr=False)

    def normalise(self, scope: str, key: str) -> str:
        return self.canonical.get(scope, {}).get(key.strip().lower(), key.strip())

    def knows(self, scope: str, key: str) -> bool:
        return key.strip().lower() in self.canonical.get(scope, {})

    def with_keys(self, pairs: Iterable[tuple[str, str]]) -> Vocabulary:
        """This vocabulary plus every (scope, key) the data names, each under its own name.

        A key the file already knows (as a name or an alias) keeps its entry;
        any other key becomes an entity of its scope spelled as the data spell it.
        Built once per distinct set of keys.
        """
        extra = frozenset(
            (scope, key.strip())
            for scope, key in pairs
            if scope in ENTITY_SCOPES and key and key.strip() and not self.knows(scope, key)
        )
        if not extra:
            return self
        if extra not in self._extended:
            canonical = {scope: dict(table) for scope, table in self.canonical.items()}
            names = dict(self.names)
            for scope, key in sorted(extra):
                canonical.setdefault(scope, {})[key.lower()] = key
                names[scope] = (*names.get(scope, ()), key)
            self._extended[extra] = replace(self, canonical=canonical, names=names, _extended={})
        return self._extended[extra]

    @cached_property
    def mention_pattern(self) -> re.Pattern[str]:
        """A regex finding any known name in prose; group ``name``. Built once per vocabulary.

        A one-word name matches as written ("Avalanche", not "an avalanche of
        outflows"; "US", not "us"); a lower-case spelling matches only when the
        file lists it ("bitcoin"). Names of several words ("short bitcoin",
        "Hong Kong") are distinctive and match in any case.
        """
        return self._names_pattern(r"(?<![\w.])", r"(?![\w])")

    @cached_property
    def unbounded_pattern(self) -> re.Pattern[str]:
        """The same for a language written without spaces between words (house style
        ``word_boundary: ''``): a name may touch the words around it (a Latin-script name
        still not the letters of a longer Latin word: "SOL" is not read in "SOLUSDT")."""
        return self._names_pattern("", "")

    def _names_pattern(self, before: str, after: str) -> re.Pattern[str]:
        spellings: set[str] = set()
        for names in self.names.values():
            spellings.update(names)
        parts = []
        for name in sorted(spellings, key=len, reverse=True):
            body = re.escape(name)
            several = any(c in name for c in " -") and not name.isupper()
            body = f"(?i:{body})" if several else body
            if not before and not _HAN.search(name):  # a Latin name in Chinese prose: not inside a word
                body = rf"(?<![A-Za-z0-9_.]){body}(?![A-Za-z0-9_])"
            parts.append(body)
        return lazy(re.compile(before + r"(?P<name>" + "|".join(parts) + r")" + after))  # cached as source

    def lookup(self, spelling: str) -> tuple[str, str] | None:
        """(scope, canonical) of a spelling found in prose."""
        low = spelling.lower()
        for scope in ENTITY_SCOPES:
            if low in self.canonical.get(scope, {}):
                return scope, self.canonical[scope][low]
        return None


def __getattr__(name: str) -> Any:
    """``load_vocabulary`` (``writer.entities_load``) by its old name: reading the YAML is
    compiled only on a cache miss; a warm ``writer lint`` unpickles the vocabulary."""
    if name == "load_vocabulary":
        from writer.entities_load import load_vocabulary

        return load_vocabulary
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
