"""Rendering the weeks: in this process, or in worker processes that never outlive the run.

Workers render and lint with ``draft.render_week``, the code ``writer draft``
uses, so outputs are byte-identical. With the ``fork`` start method a worker
inherits the parent's loaded setup (templates, rules and patterns compiled
once); otherwise it loads it once at start. A worker ignores Ctrl-C (the
parent stops the pool) and exits when its parent dies, even by SIGKILL:
the kernel's parent-death signal on Linux, a watcher thread elsewhere.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from writer.articlefile import article_name
from writer.errors import UserError
from writer.render.templates import PAGE

_SETUP = None
_REVIEWER = None  # writer.review.build.Reviewer when --review asks for DATE.review.html


class Rendered(NamedTuple):
    week: str
    markdown: str | None
    html: str | None
    errors: tuple[str, ...]  # findings of level error, as "line:col rule message"
    warnings: int
    title: str
    failure: str  # why the week could not be rendered ("" when it was)
    review: str | None = None  # the review page, with --review


def render(facts) -> Rendered:
    """One week, rendered and linted; never raises (a bug in one week must not sink the batch)."""
    from writer.draft import render_week

    week = facts.week.isoformat()
    try:
        draft = render_week(facts, _SETUP)
        review = None
        if _REVIEWER is not None:
            review = _REVIEWER.page(
                draft.article.markdown, facts, draft.findings, _SETUP, article_name(week), draft.mentions
            )
    except UserError as err:
        return Rendered(week, None, None, (), 0, "", "; ".join(str(p) for p in err.problems))
    except Exception as exc:
        return Rendered(week, None, None, (), 0, "", f"{type(exc).__name__}: {exc}")
    errors = tuple(f"{f.line}:{f.column} {f.rule} {f.message}" for f in draft.findings if f.level == "error")
    warnings = sum(1 for f in draft.findings if f.level == "warning")
    return Rendered(week, draft.article.markdown, draft.html, errors, warnings, draft.article.title, "", review)


def _die_with_parent(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited through fork
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=watch, daemon=True).start()


def _init_worker(parent: int, paths: tuple[Path | None, ...] | None, reviewer=None) -> None:
    global _SETUP, _REVIEWER
    _die_with_parent(parent)
    if paths is not None:  # not forked: the reviewer came pickled
        _REVIEWER = reviewer
    if _SETUP is None and paths is not None:
        from writer.setup import load_setup

        rules, entities, templates, language = paths
        _SETUP = load_setup(rules, entities, templates, language=language)


def render_all(
    todo: list, jobs: int | None, setup, paths: tuple[Path | None, ...], reviewer=None
) -> Iterable[Rendered]:
    """Results in the order of ``todo``; a pool when there is work for more than one process."""
    global _SETUP, _REVIEWER
    _SETUP, _REVIEWER = setup, reviewer
    jobs = max(1, jobs or os.cpu_count() or 1)
    if jobs == 1 or len(todo) < 2:
        return map(render, todo)
    return _pooled(todo, jobs, paths, reviewer)


def _pooled(todo: list, jobs: int, paths: tuple[Path | None, ...], reviewer) -> Iterator[Rendered]:
    context = multiprocessing.get_context()
    inherit = context.get_start_method() == "fork"
    if inherit:  # compile every template once here; forked workers inherit them compiled
        for name in _SETUP.env.list_templates(filter_func=lambda n: n.endswith(".md.j2") or n == PAGE):
            _SETUP.env.get_template(name)
    chunk = max(1, min(16, len(todo) // (jobs * 8)))
    args = (os.getpid(), None, None) if inherit else (os.getpid(), paths, reviewer)
    pool = context.Pool(jobs, initializer=_init_worker, initargs=args)
    try:
        yield from pool.imap(render, todo, chunksize=chunk)
    finally:  # done, failed, Ctrl-C or SIGTERM: no worker survives the run
        pool.terminate()
        pool.join()
