"""Read the rules file: house style for the writer, rules for the linter, one YAML.

Both sides read the same file so that the writer's qualifiers are, by
construction, ones the linter accepts. This module only reads YAML (with
``extends`` and line numbers); the linter validates rules in ``lint.rules``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from writer.errors import Problem, UserError
from writer.money import MoneyStyle
from writer.reading import ReadingWords, reading_words


@dataclass(frozen=True)
class RulesDocument:
    """A rules file after ``extends``: its data, a version and rule line numbers."""

    path: Path
    data: dict[str, Any]
    version: str
    lines: dict[str, tuple[str, int]] = field(default_factory=dict)


def _line_loader(lines: dict[str, int]) -> type:
    """A safe loader that notes the line of every mapping with an ``id`` (a rule).

    libyaml's loader when present; yaml is imported here, not at module load,
    so a warm ``writer lint`` never imports it.
    """
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node, deep=False):
            mapping = super().construct_mapping(node, deep=deep)
            if isinstance(mapping.get("id"), str):
                lines.setdefault(mapping["id"], node.start_mark.line + 1)
            return mapping

    return LineLoader


def _read_yaml(path: Path) -> tuple[Any, dict[str, tuple[str, int]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(Problem("rules file not found", path=str(path))) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(Problem(f"cannot read rules file: {exc}", path=str(path))) from None
    import yaml

    lines: dict[str, int] = {}
    try:
        data = yaml.load(text, Loader=_line_loader(lines))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise UserError(Problem(f"not valid YAML: {getattr(exc, 'problem', exc)}", path=str(path), line=line)) from None
    return data, {rid: (str(path), line) for rid, line in lines.items()}


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def load_rules_document(path: Path, _seen: tuple[Path, ...] = ()) -> RulesDocument:
    """Read a rules file; ``extends: other.yaml`` loads that first and overrides rules by id."""
    path = Path(path)
    if path.resolve() in _seen:
        raise UserError(Problem("extends loops back to this file", path=str(path)))
    data, lines = _read_yaml(path)
    if not isinstance(data, dict):
        raise UserError(Problem("rules file must be a mapping with 'rules' and 'house_style'", path=str(path), line=1))
    raw = path.read_bytes()
    parent = data.get("extends")
    if parent:
        base = load_rules_document(path.parent / str(parent), (*_seen, path.resolve()))
        merged = _merge(base.data, {k: v for k, v in data.items() if k not in ("rules", "extends")})
        by_id = {r.get("id"): r for r in base.data.get("rules", []) if isinstance(r, dict)}
        for rule in data.get("rules", []) or []:
            if isinstance(rule, dict) and rule.get("disable") is True:
                by_id.pop(rule.get("id"), None)
            elif isinstance(rule, dict):
                by_id[rule.get("id")] = rule
            else:
                by_id[id(rule)] = rule
        merged["rules"] = list(by_id.values())
        lines = {**base.lines, **lines}
        raw = raw + base.version.encode()
        data = merged
    digest = hashlib.sha256(raw).hexdigest()[:12]
    version = f"{data.get('version', 0)}+{digest}"
    return RulesDocument(path=path, data=data, version=version, lines=lines)


@dataclass(frozen=True)
class HouseStyle:
    """The editorial constants the writer obeys and the linter checks."""

    money: MoneyStyle
    verified_sources: int
    relative_tolerance: float
    superlative_min_weeks: int
    qualifiers: tuple[str, ...]
    outflow_words: tuple[str, ...]
    inflow_words: tuple[str, ...]
    reading: ReadingWords = field(default_factory=ReadingWords)  # how other outlets' figures are read


def _expect(path: Path, where: str, value: Any, kind: type | tuple[type, ...], expected: str) -> Any:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise UserError(Problem(f"house_style.{where} is {value!r}", path=str(path), expected=expected))
    return value


def house_style(doc: RulesDocument) -> HouseStyle:
    """The ``house_style`` section as typed values, with a clear error per bad field."""
    hs = doc.data.get("house_style") or {}
    p = doc.path
    money = hs.get("money") or {}
    hedges = money.get("hedges") or {}
    for bound in ("approx", "over", "under", "nearly"):
        words = _expect(p, f"money.hedges.{bound}", hedges.get(bound), list, "a list of words")
        if not words:
            raise UserError(Problem(f"house_style.money.hedges.{bound} is empty", path=str(p)))
    style = MoneyStyle(
        billion_from=float(_expect(p, "money.billion_from", money.get("billion_from", 1000), (int, float), "a number")),
        billion_decimals=_expect(p, "money.billion_decimals", money.get("billion_decimals", 1), int, "an integer"),
        million_decimals=_expect(p, "money.million_decimals", money.get("million_decimals", 1), int, "an integer"),
        million_whole_from=float(
            _expect(p, "money.million_whole_from", money.get("million_whole_from", 100), (int, float), "a number")
        ),
        hedges={b: tuple(str(w).lower() for w in hedges[b]) for b in ("approx", "over", "under", "nearly")},
    )
    agreement = hs.get("agreement") or {}
    return HouseStyle(
        money=style,
        verified_sources=_expect(
            p, "agreement.verified_sources", agreement.get("verified_sources", 2), int, "an integer"
        ),
        relative_tolerance=float(
            _expect(
                p, "agreement.relative_tolerance", agreement.get("relative_tolerance", 0.0), (int, float), "a number"
            )
        ),
        superlative_min_weeks=_expect(
            p, "superlative.min_weeks", (hs.get("superlative") or {}).get("min_weeks", 4), int, "an integer"
        ),
        qualifiers=tuple(_expect(p, "qualifiers", hs.get("qualifiers"), list, "a list of flag phrases")),
        outflow_words=tuple(
            _expect(p, "direction.outflow", (hs.get("direction") or {}).get("outflow"), list, "a list")
        ),
        inflow_words=tuple(_expect(p, "direction.inflow", (hs.get("direction") or {}).get("inflow"), list, "a list")),
        reading=reading_words(hs.get("reading"), str(p)),
    )
