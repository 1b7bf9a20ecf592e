"""Reading the vocabulary (``rules/entities.yaml`` and its per-language name files).

Apart from ``writer.entities`` (the ``Vocabulary`` object) so that a warm
``writer lint``, which unpickles its vocabulary from the rule cache, never
compiles this code.
"""

from __future__ import annotations

from pathlib import Path

from writer.entities import SCOPES, Vocabulary, language_files
from writer.errors import Problem, UserError
from writer.resources import default_entities


def _names_in_language(path: Path, language: str, canonical: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    """A language's names file: scope -> canonical name -> [printed name, other spellings]."""
    from writer.fsutil import read_text_input
    from writer.yamlsafe import load_yaml

    text = read_text_input(path, f"a YAML file of {language} names")
    data = load_yaml(text, str(path)) or {}
    out: dict[str, list[str]] = {}
    for scope, entries in data.items() if isinstance(data, dict) else ():
        for name, spellings in (entries or {}).items() if isinstance(entries, dict) else ():
            if str(name).lower() not in canonical.get(scope, {}) or not isinstance(spellings, list) or not spellings:
                raise UserError(
                    Problem(
                        f"{scope}.{name}: not a name of the vocabulary, or no {language} spellings",
                        path=str(path),
                        expected="a canonical name of entities.yaml with a list of spellings, the printed one first",
                    )
                )
            out[f"{scope}\0{name}"] = [str(x) for x in spellings]
    return out


def _aliases(path: Path, scope: str, name: str, value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    raise UserError(Problem(f"{scope}.{name} is {value!r}", path=str(path), expected="a list of aliases"))


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    from writer import shapes  # only when the vocabulary is read: a warm lint unpickles it
    from writer.yamlsafe import load_yaml

    path = Path(path) if path else default_entities()
    from writer.fsutil import read_text_input

    text = read_text_input(path, "a YAML vocabulary")
    data = load_yaml(text, str(path)) or {}
    found = shapes.problems(data, shapes.VOCABULARY, str(path))
    if found:
        raise UserError(*found)
    canonical: dict[str, dict[str, str]] = {}
    names: dict[str, tuple[str, ...]] = {}
    definite = frozenset(str(n) for n in data.pop("definite_article", None) or [])
    publications = tuple(str(n) for n in data.pop("publications", None) or [])
    data.pop("languages", None)  # read by language_files
    for scope, entries in data.items():
        if scope not in SCOPES or not isinstance(entries, dict):
            raise UserError(
                Problem(f"unknown section {scope!r}", path=str(path), expected="asset, country or provider")
            )
        table: dict[str, str] = {}
        spellings: list[str] = []
        for name, value in entries.items():
            for spelling in [name, *_aliases(path, scope, str(name), value)]:
                table[str(spelling).lower()] = str(name)
                spellings.append(str(spelling))
        canonical[scope] = table
        names[scope] = tuple(spellings)
    display: dict[str, dict[str, str]] = {}
    for language, file in language_files(path).items():  # Chinese names are aliases too, and printed in zh
        for where, spellings in _names_in_language(file, language, canonical).items():
            scope, name = where.split("\0")
            display.setdefault(language, {})[name] = spellings[0]
            canonical[scope].update({s.lower(): name for s in spellings})
            names[scope] = (*names[scope], *spellings)
    return Vocabulary(canonical=canonical, names=names, definite=definite, publications=publications, display=display)
