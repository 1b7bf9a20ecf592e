"""Read the rules file: house style for the writer, rules for the linter, one YAML.

Both sides read the same file so that the writer's qualifiers are, by
construction, ones the linter accepts. This module holds the document and
its ``extends`` chain (the rule cache's key reads it without parsing YAML);
reading the YAML (with ``extends``, ``include`` and line numbers) and its house
style is ``writer.rulesfile_load``, which a warm ``writer lint`` never compiles.
The linter validates rules in ``lint.rules_load``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from writer.record import dataclass, field  # dataclasses without generated code: fast start-up


@dataclass(frozen=True)
class RulesDocument:
    """A rules file after ``extends``: its data, a version and rule line numbers."""

    path: Path
    data: dict[str, Any]
    version: str
    lines: dict[str, tuple[str, int]] = field(default_factory=dict)


def resolve_extends(path: Path, parent: str) -> Path:
    """Where ``extends: parent`` points: next to the extending file, or else (a bare
    name such as ``editorial.yaml``) the shipped rules folder."""
    beside = path.parent / parent
    if beside.exists() or Path(parent).name != parent:
        return beside
    from writer.resources import resource

    shipped = resource("rules") / parent
    return shipped if shipped.exists() else beside


def extends_chain(path: Path) -> list[Path]:
    """A rules file and every file it extends, without building rules (for cache keys).

    Reads only the ``extends`` line of each file, so a warm start parses no YAML.
    """
    import re

    from writer.fsutil import read_text_input

    def text(file: Path) -> str:  # the one input check: binary, not UTF-8 or huge is one line
        return read_text_input(file, "a YAML rules file", missing="rules file not found")

    chain = [Path(path)]
    while len(chain) < 10:
        match = re.search(r"^extends:\s*['\"]?([^'\"\n#]+?)['\"]?\s*(?:#.*)?$", text(chain[-1]), re.MULTILINE)
        if not match:
            break
        parent = resolve_extends(chain[-1], match.group(1).strip())
        if not parent.is_file() or parent in chain:
            break
        chain.append(parent)
    included = []  # and the files each names on its one-line ``include:`` (editorial.zh.yaml)
    for file in chain:
        match = re.search(r"^include:\s*\[?([^\]\n#]+)\]?", text(file), re.MULTILINE)
        for name in match.group(1).split(",") if match else ():
            part = resolve_extends(file, name.strip().strip("'\""))
            if part.is_file():
                included.append(part)
    return chain + included


_LOADERS = ("load_rules_document", "house_style", "merge_mappings")


def __getattr__(name: str) -> Any:
    """The readers by their old names (``writer.rulesfile_load``), compiled only when used."""
    if name in _LOADERS:
        from writer import rulesfile_load

        return getattr(rulesfile_load, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
