"""Which weeks to render: by hashes of facts and setup, keeping what a person edited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from writer.articlefile import article_name, generated, page_name, review_name
from writer.backfill.manifest import outputs_intact
from writer.backfill.records import Summary, WeekRecord
from writer.errors import UserError
from writer.fsutil import sha


def edited(out: Path, week: str, record: WeekRecord | None) -> bool:
    """Was DATE.md changed by hand (body or front matter) since the writer wrote it?"""
    path = out / article_name(week)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return False
    except OSError:
        return True  # unreadable: not ours to replace
    recorded = record.outputs.get(path.name) if record is not None else None
    if recorded is not None:
        return sha(raw) != recorded
    return not generated(raw.decode("utf-8", errors="replace"))


def total_text(facts, style) -> str:
    """ "net outflow, approximately $1.7 billion" (and "unverified" when it is)."""
    from writer.money import direction

    fig = facts.total
    if fig is None:
        return "no total reported"
    return f"net {direction(fig.point)}, {fig.amount_text(style)}" + (" (unverified)" if fig.flagged else "")


def plan(
    weeks: list[dt.date],
    *,
    out: Path,
    history,
    bad_weeks: dict,
    notes: Path | None,
    setup,
    setup_hash: str,
    records: dict[str, WeekRecord],
    summary: Summary,
    force: bool,
    review: bool = False,
) -> list:
    """The facts of every week to render; records of the others updated in place."""
    from writer.data.notes import notes_for

    todo = []
    for week in weeks:
        key = week.isoformat()
        record = records.get(key)
        if key in bad_weeks:
            records[key] = WeekRecord(status="failed")
            summary.fail(key, records[key], "; ".join(str(p) for p in bad_weeks[key][:5]))
            continue
        try:
            facts = history.week(week, notes_for(notes, week))
        except UserError as err:  # one week's notes file is bad: that week fails, not the run
            records[key] = WeekRecord(status="failed")
            summary.fail(key, records[key], "; ".join(str(p) for p in err.problems))
            continue
        if not force and edited(out, key, record):
            records[key] = record or WeekRecord(status="edited")
            records[key].status = "edited"
            summary.edited.append(key)
            continue
        facts_hash = sha(repr(facts))
        if (
            not force
            and record is not None
            and record.status in ("written", "skipped")
            and (record.facts_hash, record.setup_hash) == (facts_hash, setup_hash)
            and outputs_intact(out, record)
            and (not review or review_name(key) in record.outputs)
        ):
            record.status = "skipped"
            summary.skipped += 1
            continue
        records[key] = WeekRecord(
            status="pending",
            facts_hash=facts_hash,
            setup_hash=setup_hash,
            input_hash=facts.input_hash,
            total=total_text(facts, setup.style),
        )
        todo.append(facts)
    return todo


def prune(out: Path, records: dict[str, WeekRecord], present: set[str], summary: Summary) -> None:
    """Weeks gone from the data lose their files and manifest line; a hand-edited draft is kept and listed."""
    for week in sorted(set(records) - present):
        record = records[week]
        if edited(out, week, record):
            record.status, record.message = "edited", "no longer in the data; kept because it was edited by hand"
            summary.edited.append(week)
            continue
        for name in (article_name(week), page_name(week), review_name(week)):
            (out / name).unlink(missing_ok=True)
        del records[week]
        summary.removed.append(week)
