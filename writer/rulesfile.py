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
