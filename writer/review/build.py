"""One review page per week: what ``writer review`` and ``writer backfill --review`` share.

A ``Reviewer`` holds what every week's page of one history has in common: the
history chart (drawn once, the week marked by a band moved to it), the reported rows of
every week, the templates and the language. It is small enough to hand to a
backfill's worker processes, which build their own Jinja environment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from writer.lint.findings import Finding
from writer.review.rows import ReportedRow


@dataclass
class Reviewer:
    history: object  # charts.Chart of the weekly totals
    rows: dict[dt.date, tuple[ReportedRow, ...]]
    templates: Path | None = None
    lang: str = "en"
    order: dict[tuple[str, str], int] = field(default_factory=dict)  # the breakdown's rows, charts.key_order
    _cache: dict = field(default_factory=dict, repr=False)

    @classmethod
    def for_history(cls, history, frame, templates: Path | None = None, lang: str = "en") -> Reviewer:
        """Draw the history chart once and split the rows by week (``history`` is a ``History``)."""
        from writer.review.charts import history_chart, history_points, key_order
        from writer.review.page import environment, words
        from writer.review.rows import rows_by_week

        env = environment(templates)
        chart = history_chart(history_points(history.figures), words(env, lang).chart)
        return cls(
            history=chart,
            rows=rows_by_week(frame),
            templates=templates,
            lang=lang,
            order=key_order(history.figures),
        )

    @cached_property
    def env(self):
        from writer.review.page import environment

        return environment(self.templates)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("env", None)  # a Jinja environment is rebuilt in each process
        state["_cache"] = {}
        return state

    def page(self, source: str, facts, findings: Sequence[Finding], setup, path: str = "-", mentions=None) -> str:
        """The week's page; ``mentions`` are the linter's reading of ``source`` (``Draft.mentions``), if at hand."""
        from writer.review.page import review_page

        return review_page(
            source,
            facts,
            findings,
            self.rows.get(facts.week, ()),
            setup,
            self.history,
            self.env,
            self.lang,
            path,
            mentions,
            self.order,
        )
