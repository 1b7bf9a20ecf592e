"""Where the shipped templates, rules and samples are, installed or in a checkout.

A wheel carries them under ``writer/_data``; a source checkout (or an editable
install) has them at the top of the repository. Callers never pass a path for
the defaults.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource(name: str) -> Path:
    """Path of a shipped folder: ``templates``, ``rules`` or ``samples``."""
    for base in (_PACKAGE / "_data", _PACKAGE.parent):
        candidate = base / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"shipped folder {name!r} is missing from the installation")


def default_rules() -> Path:
    return resource("rules") / "editorial.yaml"


def default_entities() -> Path:
    return resource("rules") / "entities.yaml"


def sample_week() -> tuple[Path, Path]:
    """The reference week's data and notes: the embedded default for ``writer draft``."""
    base = resource("samples")
    return base / "reference-week.csv", base / "reference-week.notes.yaml"
