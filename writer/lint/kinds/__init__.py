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
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from writer.record import dataclass  # dataclasses without generated code: fast start-up

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

_REGISTRY: dict[tuple[str, ...], Kinds] = {}


class Kinds(Mapping[str, Kind]):
    """The kind modules of this package by kind name, each imported when first asked for.

    A kind ``foo-bar`` lives in module ``foo_bar``: asking for it imports that one module, so
    linting with a few kinds never imports the others. Listing the kinds, or asking for a
    kind whose module is named otherwise, imports every module (a new kind is still one file).
    """

    def __init__(self, paths: tuple[str, ...]) -> None:
        self._paths = paths
        self._kinds: dict[str, Kind] = {}
        self._complete = False

    def _module_kind(self, module: str) -> Kind | None:
        name = f"{__name__}.{module}"
        try:
            kind = getattr(importlib.import_module(name), "KIND", None)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # the module exists but imports something missing: say so
                raise
            return None
        return kind if isinstance(kind, Kind) else None

    def _all(self) -> dict[str, Kind]:
        if not self._complete:
            found: dict[str, Kind] = {}  # in module order, as listed everywhere
            for info in sorted(pkgutil.iter_modules(list(self._paths)), key=lambda i: i.name):
                if not info.name.startswith("_"):
                    kind = self._module_kind(info.name)
                    if kind is not None:
                        found.setdefault(kind.name, kind)
            self._kinds, self._complete = found, True
        return self._kinds

    def __getitem__(self, name: str) -> Kind:
        kind = self._kinds.get(name)
        if kind is None and not self._complete and isinstance(name, str):
            module = name.replace("-", "_")
            if module.isidentifier() and not module.startswith("_"):
                kind = self._module_kind(module)
                if kind is not None and kind.name == name:
                    self._kinds[name] = kind
                    return kind
            return self._all()[name]
        if kind is None:
            raise KeyError(name)
        return kind

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def registry() -> Kinds:
    """Every kind module of this package, by kind name (found once per package path)."""
    key = tuple(__path__)
    if key not in _REGISTRY:
        _REGISTRY[key] = Kinds(key)
    return _REGISTRY[key]
