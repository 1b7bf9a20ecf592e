"""Reading a rules file: YAML with ``extends`` and ``include``, line numbers, house style.

Apart from ``writer.rulesfile`` (the document and its ``extends`` chain, which
the rule cache's key needs) so that a warm ``writer lint`` never compiles this
code; ``writer.rulesfile`` still hands out these names.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from writer import shapes
from writer.errors import Problem, UserError
from writer.housestyle import HouseStyle
from writer.housestyle_load import load_house_style
from writer.rulesfile import RulesDocument, resolve_extends


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
    from writer.fsutil import read_text_input
    from writer.yamlsafe import load_yaml

    text = read_text_input(path, "a YAML rules file", missing="rules file not found")

    lines: dict[str, int] = {}
    data = load_yaml(text, str(path), aliases=True, loader=_line_loader(lines))
    return data, {rid: (str(path), line) for rid, line in lines.items()}


def merge_mappings(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``override`` laid over ``base``: mappings merge key by key, anything else replaces."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge_mappings(out[key], value)
        else:
            out[key] = value
    return out


def _override(base: list[Any], own: list[Any], path: Path) -> list[Any]:
    """A file's rules over its base's, by id; ``{id: x, disable: true}`` drops rule x."""
    by_id: dict[Any, Any] = {r.get("id"): r for r in base if isinstance(r, dict)}
    own_ids: set[str] = set()
    for rule in own:
        if isinstance(rule, dict) and rule.get("disable") is True:
            if not isinstance(rule.get("id"), str):
                raise UserError(Problem("a disable entry needs the id of the rule it drops", path=str(path)))
            by_id.pop(rule["id"], None)
        elif isinstance(rule, dict) and isinstance(rule.get("id"), str) and rule["id"] not in own_ids:
            by_id[rule["id"]] = rule
            own_ids.add(rule["id"])
        else:
            by_id[object()] = rule  # not a rule, or a duplicate id: the loader says why
    return list(by_id.values())


def _includes(path: Path, data: dict[str, Any]) -> list[Path]:
    """The files an ``include:`` names (one name or a list), beside the including file."""
    names = data.pop("include", None) or []
    names = [names] if isinstance(names, str) else names
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise UserError(Problem(f"include is {names!r}", path=str(path), expected="a file name or a list of them"))
    return [resolve_extends(path, n.strip()) for n in names]


def _include(
    included: Path, data: dict[str, Any], lines: dict[str, tuple[str, int]], raw: bytes
) -> tuple[dict[str, Any], dict[str, tuple[str, int]], bytes]:
    """Lay an included file under this one: its rules follow ours, its house style sits under
    ours (a language's block and rules can live in their own file, named by the main one)."""
    extra, extra_lines = _read_yaml(included)
    if not isinstance(extra, dict) or set(extra) - {"version", "house_style", "rules"} - {
        k for k in extra if str(k).startswith("_")
    }:
        raise UserError(Problem("an included rules file holds only house_style and rules", path=str(included)))
    merged = dict(data)
    merged["house_style"] = merge_mappings(extra.get("house_style") or {}, data.get("house_style") or {})
    merged["rules"] = [*(data.get("rules") or []), *(extra.get("rules") or [])]
    return merged, {**extra_lines, **lines}, raw + b"\0" + included.read_bytes()


def load_rules_document(path: Path, _seen: tuple[Path, ...] = ()) -> RulesDocument:
    """Read a rules file; ``extends: other.yaml`` loads that first and overrides rules by id."""
    path = Path(path)
    if path.resolve() in _seen:
        raise UserError(Problem("extends loops back to this file", path=str(path)))
    data, lines = _read_yaml(path)
    if not isinstance(data, dict):
        raise UserError(Problem("rules file must be a mapping with 'rules' and 'house_style'", path=str(path), line=1))
    raw = path.read_bytes()
    for included in _includes(path, data):
        data, lines, raw = _include(included, data, lines, raw)
    parent = data.get("extends")
    if parent is not None:
        if not isinstance(parent, str) or not parent.strip():
            raise UserError(Problem(f"extends is {parent!r}", path=str(path), expected="a rules file name"))
        base = load_rules_document(resolve_extends(path, parent), (*_seen, path.resolve()))
        merged = merge_mappings(base.data, {k: v for k, v in data.items() if k not in ("rules", "extends")})
        merged["rules"] = _override(base.data.get("rules", []), data.get("rules", []) or [], path)
        lines = {**base.lines, **lines}
        raw = raw + base.version.encode()
        data = merged
    elif isinstance(data.get("rules"), list):
        data = {**data, "rules": _override([], data["rules"], path)}
    digest = hashlib.sha256(raw).hexdigest()[:12]
    version = f"{data.get('version', 0)}+{digest}"
    return RulesDocument(path=path, data=data, version=version, lines=lines)


def house_style(doc: RulesDocument, language: str | None = None) -> HouseStyle:
    """The rules file's house style for one language (default: its ``house_style.language``)."""
    style = load_house_style(doc.data.get("house_style"), doc.path, language)
    found = shapes.problems(doc.data.get("house_style") or {}, shapes.HOUSE_STYLE, str(doc.path), "house_style")
    if found:  # the ranges too, each one line: a negative decimal count must not print "$0 billion"
        raise UserError(*found)
    return style
