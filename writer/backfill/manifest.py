"""manifest.json: per week, the hashes a rerun compares and the files it wrote.

Written atomically, in batches (not after every week: its size grows with
the history, so rewriting it per week would make a run quadratic). Weeks
still pending are left out, so the manifest never claims a file that is not
whole on disk; a rerun also checks every output's hash, so a manifest older
than the files only costs a re-render.
"""

from __future__ import annotations

import json
import os
from dataclasses import fields
from pathlib import Path

from writer.backfill.records import WeekRecord
from writer.errors import Problem, UserError
from writer.fsutil import atomic_write, sha

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
_FIELDS = tuple(f.name for f in fields(WeekRecord))


def read_manifest(out: Path) -> dict[str, WeekRecord]:
    path = out / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {week: WeekRecord(**rec) for week, rec in data.get("weeks", {}).items()}
    except FileNotFoundError:
        return {}
    except (ValueError, TypeError, AttributeError) as exc:
        raise UserError(
            Problem(
                f"manifest is unreadable: {exc}",
                path=str(path),
                expected="a manifest written by writer backfill (or delete it)",
            )
        ) from None
    except OSError as exc:
        raise UserError(Problem(f"cannot read the manifest: {exc.strerror}", path=str(path))) from None


def write_manifest(out: Path, records: dict[str, WeekRecord], setup_hash: str) -> None:
    """Sync what was written so far, then record it (one sync per batch, not one per file)."""
    settled = {week: rec for week, rec in records.items() if rec.status != "pending"}
    if hasattr(os, "sync"):
        os.sync()
    atomic_write(out / MANIFEST, manifest_text(settled, setup_hash))


def manifest_text(records: dict[str, WeekRecord], setup_hash: str) -> str:
    """The manifest as JSON with one line per week: a diff shows which weeks changed, and each
    line comes from json's C encoder (an indented dump runs the pure-Python one, 10x slower)."""
    weeks = ",\n".join(
        f"  {json.dumps(week)}: {json.dumps(_plain(records[week]), sort_keys=True)}" for week in sorted(records)
    )
    head = f'{{\n "setup_hash": {json.dumps(setup_hash)},\n "version": {MANIFEST_VERSION},\n "weeks": {{'
    return f"{head}\n{weeks}\n }}\n}}\n" if weeks else f"{head}}}\n}}\n"


def _plain(record: WeekRecord) -> dict[str, object]:
    """A record's fields as JSON takes them: ``asdict`` without its deep copy (json only reads)."""
    return {name: getattr(record, name) for name in _FIELDS}


def file_hash(path: Path) -> str | None:
    try:
        return sha(path.read_bytes())
    except OSError:
        return None


def outputs_intact(out: Path, record: WeekRecord | None) -> bool:
    """Every file the record lists is on disk with the recorded hash."""
    if record is None or not record.outputs:
        return False
    return all(file_hash(out / name) == digest for name, digest in record.outputs.items())


class Batches:
    """When to save: after a batch of weeks that grows with the history (a linear total)."""

    def __init__(self, size: int, minimum: int = 64) -> None:
        self.every = max(minimum, size // 4)
        self.since = 0

    def due(self) -> bool:
        self.since += 1
        if self.since >= self.every:
            self.since = 0
            return True
        return False
