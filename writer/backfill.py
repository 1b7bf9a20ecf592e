"""Backfill: an article for every past week, in parallel, resumable, with an index.

The parent computes history-wide facts once (``History``), plans which weeks
need rendering by hashes, and hands each such week's facts to a process pool;
workers render and lint with ``draft.render_week``, the very code ``writer
draft`` uses, so outputs are byte-identical. Only the parent writes files,
each atomically, and the manifest after them: a run killed at any moment
leaves whole files, and the next run redoes only what is missing or stale.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from writer.articlefile import article_name, page_name, review_name
from writer.errors import Problem, UserError
from writer.fsutil import atomic_write, sha

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1


@dataclass
class WeekRecord:
    """One week's line in the manifest."""

    status: str  # written, skipped, edited, rejected, failed
    facts_hash: str = ""
    setup_hash: str = ""
    input_hash: str = ""
    outputs: dict[str, str] = field(default_factory=dict)  # file name -> content hash
    findings: dict[str, int] = field(default_factory=dict)
    title: str = ""
    total: str = ""
    message: str = ""


@dataclass
class Summary:
    weeks: int = 0
    written: int = 0
    skipped: int = 0
    edited: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # rows no week could own
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.problems else 0

    def line(self) -> str:
        text = (
            f"backfill: {self.weeks} weeks, {self.written} written, {self.skipped} unchanged, "
            f"{len(self.edited)} edited by hand (kept), {len(self.failed)} failed, in {self.seconds:.1f}s"
        )
        return text


# -- worker side --------------------------------------------------------------------------

_SETUP = None
_REVIEWER = None  # writer.review.build.Reviewer when --review asks for DATE.review.html


def _init_worker(rules: Path | None, entities: Path | None, templates: Path | None, reviewer=None) -> None:
    global _SETUP, _REVIEWER
    from writer.setup import load_setup

    _SETUP = load_setup(rules, entities, templates)
    _REVIEWER = reviewer


def _render(facts) -> tuple[str, str | None, str | None, list[tuple[str, str]], str, str, str | None]:
    """(week, markdown, html, findings, title, error, review page) for one week; never raises."""
    from writer.draft import render_week

    week = facts.week.isoformat()
    try:
        draft = render_week(facts, _SETUP)
        review = None
        if _REVIEWER is not None:
            review = _REVIEWER.page(draft.article.markdown, facts, draft.findings, _SETUP, article_name(week))
    except UserError as err:
        return week, None, None, [], "", "; ".join(str(p) for p in err.problems), None
    except Exception as exc:  # a bug in one week must not sink the batch
        return week, None, None, [], "", f"{type(exc).__name__}: {exc}", None
    findings = [(f.level, f"{f.line}:{f.column} {f.rule} {f.message}") for f in draft.findings]
    return week, draft.article.markdown, draft.html, findings, draft.article.title, "", review


# -- parent side --------------------------------------------------------------------------


def _read_manifest(out: Path) -> dict[str, WeekRecord]:
    path = out / MANIFEST
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {week: WeekRecord(**rec) for week, rec in data.get("weeks", {}).items()}
    except (ValueError, TypeError) as exc:
        raise UserError(
            Problem(
                f"manifest is unreadable: {exc}",
                path=str(path),
                expected="a manifest written by writer backfill (or delete it)",
            )
        ) from None


def _write_manifest(out: Path, records: dict[str, WeekRecord], setup_hash: str) -> None:
    data = {
        "version": MANIFEST_VERSION,
        "setup_hash": setup_hash,
        "weeks": {week: asdict(records[week]) for week in sorted(records)},
    }
    atomic_write(out / MANIFEST, json.dumps(data, indent=1, sort_keys=True) + "\n")


def _file_hash(path: Path) -> str | None:
    try:
        return sha(path.read_bytes())
    except OSError:
        return None


def _up_to_date(out: Path, record: WeekRecord | None, facts_hash: str, setup_hash: str, review: bool = False) -> bool:
    if record is None or record.status not in ("written", "skipped"):
        return False
    if review and not any(name.endswith(review_name("")) for name in record.outputs):
        return False
    if (record.facts_hash, record.setup_hash) != (facts_hash, setup_hash):
        return False
    return all(_file_hash(out / name) == digest for name, digest in record.outputs.items()) and bool(record.outputs)


def _total_text(facts, style) -> str:
    """ "net outflow, approximately $1.7 billion" (and "unverified" when it is)."""
    from writer.money import direction

    fig = facts.total
    if fig is None:
        return "no total reported"
    return f"net {direction(fig.point)}, {fig.amount_text(style)}" + (" (unverified)" if fig.flagged else "")


class Progress:
    """A progress bar on a terminal; silence otherwise (the summary line says the rest)."""

    def __init__(self, total: int, stream=sys.stderr) -> None:
        self.total, self.done, self.failed = total, 0, 0
        self.stream = stream
        self.live = stream.isatty() and total > 0
        self.started = time.monotonic()

    def step(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        if not self.live:
            return
        elapsed = time.monotonic() - self.started
        left = elapsed / self.done * (self.total - self.done) if self.done else 0.0
        width = 30
        filled = int(width * self.done / self.total)
        self.stream.write(
            f"\r[{'#' * filled}{' ' * (width - filled)}] {self.done}/{self.total} weeks, "
            f"{self.failed} failed, {left:4.0f}s left "
        )
        self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\n")


def _clean_temporaries(out: Path) -> None:
    """Temporary files of a run that was killed (atomic writes that never got renamed)."""
    for path in out.glob(".*.tmp"):
        path.unlink(missing_ok=True)


def backfill(
    data: list[Path],
    out: Path,
    notes: Path | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    jobs: int | None = None,
    force: bool = False,
    rules: Path | None = None,
    entities: Path | None = None,
    templates: Path | None = None,
    progress_stream=sys.stderr,
    on_week: Callable[[str, str], None] | None = None,
    review: bool = False,
) -> Summary:
    """Write DATE.md/DATE.html for each week with data in range, then index and manifest.

    With ``review``, also DATE.review.html (see ``writer.review``), linked from the index.
    """
    from writer.data.facts import History
    from writer.data.load import load_lenient
    from writer.data.notes import notes_for
    from writer.draft import edited_by_hand
    from writer.lint import cache
    from writer.render.templates import templates_hash
    from writer.setup import load_setup, setup_fingerprint

    began = time.monotonic()
    setup = load_setup(rules, entities, templates)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    _clean_temporaries(out)
    records = _read_manifest(out)
    setup_hash = cache.key(setup_fingerprint(rules, entities), templates_hash(templates))
    summary = Summary()
    loaded = load_lenient(list(data), setup.vocabulary)
    summary.problems = [str(p) for p in loaded.unplaced]
    history = History(loaded.frame, setup.style) if loaded.frame is not None else None
    weeks = sorted(set(history.weeks if history else ()) | {dt.date.fromisoformat(w) for w in loaded.bad_weeks})
    weeks = [w for w in weeks if (start is None or w >= start) and (end is None or w <= end)]
    summary.weeks = len(weeks)

    todo = []
    for week in weeks:
        key = week.isoformat()
        if key in loaded.bad_weeks:
            problems = loaded.bad_weeks[key]
            records[key] = WeekRecord(status="failed", message="; ".join(str(p) for p in problems[:5]))
            summary.failed[key] = records[key].message
            continue
        facts = history.week(week, notes_for(notes, week))
        facts_hash = sha(repr(facts))
        md = out / article_name(key)
        if not force and edited_by_hand(md):
            previous = records.get(key) or WeekRecord(status="edited")
            previous.status = "edited"
            records[key] = previous
            summary.edited.append(key)
            continue
        if not force and _up_to_date(out, records.get(key), facts_hash, setup_hash, review):
            records[key].status = "skipped"
            summary.skipped += 1
            continue
        records[key] = WeekRecord(
            status="pending",
            facts_hash=facts_hash,
            setup_hash=setup_hash,
            input_hash=facts.input_hash,
            total=_total_text(facts, setup.style),
        )
        todo.append(facts)

    reviewer = None
    if review and todo:
        from writer.review.build import Reviewer

        reviewer = Reviewer.for_history(history, loaded.frame, templates)
    bar = Progress(len(todo), progress_stream)
    last_save = time.monotonic()
    try:
        for week, markdown, html, findings, title, error, page in _run(
            todo, jobs, setup, (rules, entities, templates, reviewer)
        ):
            record = records[week]
            counts = {level: sum(1 for lv, _ in findings if lv == level) for level in ("error", "warning")}
            record.findings = counts
            if error or markdown is None or html is None:
                record.status, record.message = "failed", error
                summary.failed[week] = error
            elif counts["error"]:
                record.status = "rejected"
                record.message = "; ".join(text for level, text in findings if level == "error")[:500]
                summary.failed[week] = "breaks the house rules: " + record.message
            else:
                atomic_write(out / article_name(week), markdown)
                atomic_write(out / page_name(week), html)
                record.outputs = {article_name(week): sha(markdown.encode()), page_name(week): sha(html.encode())}
                if page is not None:
                    atomic_write(out / review_name(week), page)
                    record.outputs[review_name(week)] = sha(page.encode())
                record.title = title
                record.status = "written"
                summary.written += 1
            bar.step(failed=record.status != "written")
            if on_week:
                on_week(week, record.status)
            if time.monotonic() - last_save > 2:
                _write_manifest(out, _settled(records), setup_hash)
                last_save = time.monotonic()
    finally:
        bar.close()
        _write_manifest(out, _settled(records), setup_hash)
    _write_index(out, records, setup)
    summary.seconds = time.monotonic() - began
    return summary


def _settled(records: dict[str, WeekRecord]) -> dict[str, WeekRecord]:
    """What the manifest may claim: weeks still pending are left out until written."""
    return {week: rec for week, rec in records.items() if rec.status != "pending"}


def _run(todo: list, jobs: int | None, setup, paths: tuple) -> Iterable[tuple]:
    """Render in this process with the parent's setup, or in a pool whose workers load their own."""
    global _SETUP, _REVIEWER
    jobs = max(1, jobs or os.cpu_count() or 1)
    if jobs == 1 or len(todo) < 2:
        _SETUP, _REVIEWER = setup, paths[3]
        for facts in todo:
            yield _render(facts)
        return
    chunk = max(1, len(todo) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=paths) as pool:
        try:
            yield from pool.map(_render, todo, chunksize=chunk)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _write_index(out: Path, records: dict[str, WeekRecord], setup) -> None:
    """index.md and index.html: newest week first, with headline, total, lint status, link."""
    import markdown as md_lib
    from markupsafe import Markup

    from writer.render.prose import md_escape
    from writer.render.templates import Article, render_page

    def lint_status(rec: WeekRecord) -> str:
        if rec.status in ("failed", "rejected"):
            return f"{rec.status}"
        if rec.status == "edited":
            return "edited by hand"
        warnings = rec.findings.get("warning", 0)
        return "clean" if not warnings else f"{warnings} warning(s)"

    reviews = any(review_name(week) in rec.outputs for week, rec in records.items())

    def table(suffix: str) -> str:
        rows = ["| Week | Headline | Total flow | Lint |", "| --- | --- | --- | --- |"]
        if reviews:
            rows = [rows[0] + " Review |", rows[1] + " --- |"]
        for week in sorted(records, reverse=True):
            rec = records[week]
            if rec.status == "pending":
                continue
            title = rec.title or "(no article)"
            link = f"[{title}]({week}.{suffix})" if rec.outputs else md_escape(title)
            row = f"| {week} | {link} | {md_escape(rec.total)} | {lint_status(rec)} |"
            if reviews:
                row += f" [review]({review_name(week)}) |" if review_name(week) in rec.outputs else " |"
            rows.append(row)
        return "\n".join(rows)

    heading = "# Weekly fund-flow articles\n\nNewest first. Each article says no more than its data.\n\n"
    notice = (
        "\n\nThese articles report published fund-flow statistics for information only and are not investment advice.\n"
    )
    atomic_write(out / "index.md", heading + table("md") + notice)
    body = heading + table("html") + notice
    html = md_lib.markdown(body, extensions=["tables"], output_format="html")
    article = Article(title="Weekly fund-flow articles", markdown=body, body=body)
    atomic_write(out / "index.html", render_page(article, Markup(html), setup.env))
