"""Views of a list of findings: one function per ``--format``, registered in FORMATS.

Every view reads the same Results, so the formats cannot disagree; adding a
format is one function with the ``@view("name")`` decorator. Nothing heavy is
imported at module level: the fast ``writer lint`` path loads this module. The
machine formats live in ``writer.lint.report_formats``, imported when a format
other than text is asked for (``formats()``, ``FORMATS``), so the usual run
never compiles them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from writer.lint.engine import Result
    from writer.lint.rules import RuleSet

JSON_SCHEMA = "lint-report.schema.json"  # the $id of docs/lint-report.schema.json
JSON_VERSION = 1
_COLOURS = {"error": "red", "warning": "yellow", "suggestion": "cyan"}

View = Callable[..., str]  # (results, rules, *, colour) -> the report's text
_VIEWS: dict[str, View] = {}  # FORMATS: every view, once the machine formats are imported
_MACHINE_FORMATS = "writer.lint.report_formats"  # json, github, sarif, codeclimate, junit


def view(name: str) -> Callable[[View], View]:
    """Register a report format under its ``--format`` name."""

    def register(func: View) -> View:
        _VIEWS[name] = func
        return func

    return register


def text(results: Iterable[Result], colour: bool) -> str:
    """``path:line:col: level rule-id message``; grouped by file with a heading on a terminal."""
    style = _style if colour else None
    lines: list[str] = []
    for result in results:
        if not result.findings:
            continue
        if style:
            lines.append(style(result.path, bold=True, underline=True))
        for f in result.findings:
            level = style(f.level, fg=_COLOURS[f.level], bold=True) if style else f.level
            rule = style(f.rule, dim=True) if style else f.rule
            lines.append(f"{f.path}:{f.line}:{f.column}: {level} {rule} {f.message}")
        if style:
            lines.append("")
    return "\n".join(lines)


def _style(value: str, **how) -> str:
    import click  # only a terminal pays for colour

    return click.style(value, **how)


@view("text")
def _text_view(results: list[Result], rules: RuleSet, colour: bool = False) -> str:
    return text(results, colour)


def summary(results: list[Result]) -> dict[str, int]:
    counts = {"files": len(results), "error": 0, "warning": 0, "suggestion": 0, "suppressed": 0}
    for r in results:
        counts["suppressed"] += len(r.suppressed)
        for f in r.findings:
            counts[f.level] += 1
    return counts


def formats() -> dict[str, View]:
    """Every view by its ``--format`` name (importing the machine formats registers them)."""
    importlib.import_module(_MACHINE_FORMATS)
    return _VIEWS


def view_for(name: str) -> View:
    """The view of one format; text needs no other module."""
    return _VIEWS["text"] if name == "text" else formats()[name]


def __getattr__(name: str) -> Any:
    """``FORMATS`` (every view) and the machine formats' names, as before they moved."""
    if name == "FORMATS":
        return formats()
    module = importlib.import_module(_MACHINE_FORMATS)
    if name.startswith("__") or not hasattr(module, name):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(module, name)
