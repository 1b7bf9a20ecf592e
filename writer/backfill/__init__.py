"""Backfill: an article for every past week, in parallel, resumable, with an index.

The parent takes the folder's lock, computes history-wide facts once
(``History``), plans which weeks need rendering by hashes (``plan``), hands
their facts to ``workers`` and records each result as it comes (files
first, atomically, then the manifest in batches). Weeks gone from the data
are pruned; the index is rendered from its template last. A run stopped by
Ctrl-C or SIGTERM saves what it finished; one killed outright leaves whole
files, and the next run redoes only what is missing or stale.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from writer.articlefile import article_name, page_name, review_name
from writer.backfill.index import write_index
from writer.backfill.lock import folder_lock
from writer.backfill.manifest import Batches, read_manifest, write_manifest
from writer.backfill.plan import plan, prune
from writer.backfill.progress import Progress
from writer.backfill.records import Summary, WeekRecord
from writer.backfill.workers import Rendered, render_all
from writer.fsutil import atomic_write, make_folder, sha

__all__ = ["BackfillOptions", "Progress", "Summary", "WeekRecord", "backfill"]


@dataclass(frozen=True)
class BackfillOptions:
    """What a backfill can be told besides its data and folder, defined once: ``writer backfill``
    builds it from its flags; library callers pass it, or its fields as keywords."""

    notes: Path | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    jobs: int | None = None
    force: bool = False
    rules: Path | None = None
    entities: Path | None = None
    templates: Path | None = None
    columns: object = None  # writer.data.load.Columns; None: the strict set
    review: bool = False  # also DATE.review.html (see ``writer.review``), linked from the index
    language: str | None = None

    @property
    def paths(self) -> tuple[Path | None, Path | None, Path | None, str | None]:
        """What a worker needs to load the same setup: rules, entities, templates, language."""
        return (self.rules, self.entities, self.templates, self.language)

    def in_range(self, week: dt.date) -> bool:
        return (self.start is None or week >= self.start) and (self.end is None or week <= self.end)


def backfill(
    data: list[Path],
    out: Path,
    options: BackfillOptions | None = None,
    progress_stream=sys.stderr,
    on_week: Callable[[str, str], None] | None = None,
    **fields,
) -> Summary:
    """Write DATE.md/DATE.html for each week with data in range, then index and manifest.

    ``fields`` are ``BackfillOptions`` fields, over ``options`` (``backfill(data, out, jobs=1)``).
    """
    from writer.setup import load_setup

    options = replace(options or BackfillOptions(), **fields)
    began = time.monotonic()
    folder = make_folder(Path(out))
    with folder_lock(folder), _stop_on_sigterm():  # the lock first: a second run fails before any work
        run = Run(folder, options, load_setup(*options.paths[:3], language=options.language))
        _clean_temporaries(run.out)
        try:
            summary = _run(list(data), run, Progress, progress_stream, on_week)
        finally:  # a signal between mkstemp and its cleanup can strand one; the lock says all are ours
            _clean_temporaries(run.out)
    summary.seconds = time.monotonic() - began
    return summary


@dataclass(frozen=True)
class Run:
    """One backfill: its folder, its options and the setup loaded once for them."""

    out: Path
    options: BackfillOptions
    setup: object


def _run(data: list[Path], run: Run, progress, progress_stream, on_week) -> Summary:
    from writer.data.facts import History
    from writer.data.load import STRICT, load_lenient

    out, setup, options = run.out, run.setup, run.options
    records = read_manifest(out)
    setup_hash = _setup_hash(*options.paths)
    summary = Summary()
    loaded = load_lenient(data, setup.vocabulary, options.columns or STRICT)
    summary.problems = [str(p) for p in loaded.unplaced]
    history = History(loaded.frame, setup.style) if loaded.frame is not None else None
    present = sorted(set(history.weeks if history else ()) | {dt.date.fromisoformat(w) for w in loaded.bad_weeks})
    weeks = [w for w in present if options.in_range(w)]
    summary.weeks = len(weeks)
    todo = plan(
        weeks,
        out=out,
        history=history,
        bad_weeks=loaded.bad_weeks,
        notes=options.notes,
        setup=setup,
        setup_hash=setup_hash,
        records=records,
        summary=summary,
        force=options.force,
        review=options.review,
    )
    reviewer = None
    if options.review and todo:
        from writer.review.build import Reviewer

        reviewer = Reviewer.for_history(history, loaded.frame, options.templates, setup.style.language)
    bar, batches = progress(len(todo), progress_stream), Batches(len(records))
    try:
        for result in render_all(todo, options.jobs, setup, options.paths, reviewer):
            record = _record(out, records[result.week], result, summary)
            bar.step(failed=record.status != "written")
            if on_week:
                on_week(result.week, record.status)
            if batches.due():
                write_manifest(out, records, setup_hash)
        if not loaded.unplaced:  # rows without a week: cannot tell which weeks are gone
            prune(out, records, {w.isoformat() for w in present}, summary)
    finally:
        bar.close()
        write_manifest(out, records, setup_hash)
    write_index(out, records, setup)
    return summary


def _record(out: Path, record: WeekRecord, result: Rendered, summary: Summary) -> WeekRecord:
    """Write a rendered week's files (a week that broke a rule or failed writes none)."""
    record.findings = {"error": len(result.errors), "warning": result.warnings}
    if result.failure or result.markdown is None or result.html is None:
        summary.fail(result.week, record, result.failure)
    elif result.errors:
        summary.fail(result.week, record, "; ".join(result.errors)[:500], status="rejected")
    else:
        md, html = article_name(result.week), page_name(result.week)
        atomic_write(out / md, result.markdown, sync=False)  # synced once per batch, before the manifest
        atomic_write(out / html, result.html, sync=False)
        record.outputs = {md: sha(result.markdown.encode()), html: sha(result.html.encode())}
        if result.review is not None:
            atomic_write(out / review_name(result.week), result.review, sync=False)
            record.outputs[review_name(result.week)] = sha(result.review.encode())
        record.title, record.status = result.title, "written"
        summary.written += 1
    return record


def _setup_hash(rules: Path | None, entities: Path | None, templates: Path | None, language: str | None = None) -> str:
    """The setup's bytes, the templates the language renders with, and the language."""
    from writer.lint import cache
    from writer.render.templates import templates_hash
    from writer.setup import load_setup, setup_fingerprint

    code = load_setup(rules, entities, templates, language=language).style.language
    return cache.key(setup_fingerprint(rules, entities), templates_hash(templates, code), code)


def _clean_temporaries(out: Path) -> None:
    """Temporary files of a run that was killed (atomic writes that never got renamed)."""
    for path in out.glob(".*.tmp"):
        path.unlink(missing_ok=True)


@contextlib.contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """SIGTERM stops the run like Ctrl-C: workers end, finished weeks are saved, exit 130."""

    def stop(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
