"""Rule kinds, one module each: the loader, the engine and the JSON Schema discover them.

A kind module (any module of this package whose name does not start with "_")
defines ``KIND = Kind(...)``: its name, its typed fields, whether it needs the
week's data, an optional compile step for fields that are not lists of
regexes, and ``run(rule, doc, ctx)`` that yields findings. Adding a kind is one
new module here plus the rules that use it in YAML; nothing else changes
(model: Vale's ``internal/check/*.go``).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from writer.lint.context import Context
    from writer.lint.document import Document
    from writer.lint.findings import Finding
    from writer.lint.rules import Rule

TYPES = ("string", "integer", "boolean", "strings")


@dataclass(frozen=True)
class Field:
    """One field of a rule of some kind, as YAML writes it.

    ``strings`` is a list of strings (one string reads as a list of one);
    ``regex`` fields are compiled into one alternation, case-insensitive unless
    the rule sets ``case_sensitive``.
    """

    type: str
    default: Any = None
    required: bool = False
    regex: bool = False
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    description: str = ""

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"field type {self.type!r} is not one of {TYPES}")


@dataclass(frozen=True)
class Kind:
    """What the engine needs of a kind: fields, data need, compile step, run."""

    name: str
    fields: dict[str, Field]
    run: Callable[[Rule, Document, Context], Iterable[Finding]]
    needs_data: bool = False
    # extra compiled pieces from the checked fields; raise ValueError("what is wrong") to refuse them
    compile: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    description: str = ""


# Fields every kind may take besides its own.
SUGGESTION = Field("string", default="", description="what the writer should do instead")
CASE_SENSITIVE = Field("boolean", default=False, description="patterns match case as written")

_REGISTRY: dict[tuple[str, ...], dict[str, Kind]] = {}


def registry() -> dict[str, Kind]:
    """Every kind module of this package, by kind name (found once per package path)."""
    key = tuple(__path__)
    if key not in _REGISTRY:
        found: dict[str, Kind] = {}
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
            if info.name.startswith("_"):
                continue
            kind = getattr(importlib.import_module(f"{__name__}.{info.name}"), "KIND", None)
            if isinstance(kind, Kind):
                found[kind.name] = kind
        _REGISTRY[key] = found
    return _REGISTRY[key]
