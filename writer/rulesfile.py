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
from writer.housestyle import HouseStyle, load_house_style


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


def resolve_extends(path: Path, parent: str) -> Path:
    """Where ``extends: parent`` points: next to the extending file, or else (a bare
    name such as ``editorial.yaml``) the shipped rules folder."""
    beside = path.parent / parent
    if beside.exists() or Path(parent).name != parent:
        return beside
    from writer.resources import resource

    shipped = resource("rules") / parent
    return shipped if shipped.exists() else beside


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
    merged["house_style"] = _merge(extra.get("house_style") or {}, data.get("house_style") or {})
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
    if parent:
        base = load_rules_document(resolve_extends(path, str(parent)), (*_seen, path.resolve()))
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


def house_style(doc: RulesDocument, language: str | None = None) -> HouseStyle:
    """The rules file's house style for one language (default: its ``house_style.language``)."""
    return load_house_style(doc.data.get("house_style"), doc.path, language)
