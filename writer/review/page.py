"""Render the review page: one self-contained HTML file, autoescaped, words from the template.

The page template (``templates/review/page.html.j2``) holds the structure; the
words live in ``templates/review/words.LANG.j2`` (a language is one more words
file). Autoescape is always on: every string from the data or the article is
escaped by Jinja, or by markupsafe in the few elements built here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from writer.claims import build_claims
from writer.data.facts import WeekFacts
from writer.errors import Problem, UserError
from writer.lint.findings import Finding
from writer.resources import resource
from writer.review import marking, tables
from writer.review.model import (
    STATUSES,
    Mark,
    figures_for_table,
    findings_in_order,
    mark_figures,
    warnings_of,
)
from writer.review.rows import ReportedRow

PAGE = "review/page.html.j2"
WORDS = "review/words.{lang}.j2"


def environment(templates: Path | None = None) -> jinja2.Environment:
    """A newsroom's templates first, the shipped ones behind them (a copy made before review existed still works)."""
    folders = [str(templates)] if templates else []
    folders.append(str(resource("templates")))
    # a contributor's templates run no code here either, and are read through the one input check
    from writer.render.templates import Sandbox, _CheckedLoader

    # every template runs sandboxed, the shipped ones too (issue 14): the sandbox's verdicts are
    # remembered per (type, attribute), so the check costs little after the first page
    env = Sandbox(
        loader=_CheckedLoader(folders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["usd"] = usd
    env.filters["usd_range"] = usd_range
    return env


def usd(value: float | None) -> str:
    """A signed number of US$ millions with separators: "-1,700", "+17.1"."""
    if value is None:
        return ""
    text = f"{abs(value):,.1f}".removesuffix(".0")
    return ("-" if value < 0 else "+" if value > 0 else "") + text


def usd_range(fig) -> str:
    """A figure's value, or a conflict's range, in US$ millions."""
    if fig.is_range:
        return f"{usd(fig.low)} … {usd(fig.high)}"
    return usd(fig.value)


@dataclass(frozen=True)
class Words:
    """The words module of one language, and the chart words matplotlib draws."""

    module: object

    @property
    def chart(self) -> dict[str, str]:
        return dict(self.module.chart)

    def __getattr__(self, name: str):
        return getattr(self.module, name)


def words(env: jinja2.Environment, lang: str = "en") -> Words:
    try:
        return Words(env.get_template(WORDS.format(lang=lang)).module)
    except jinja2.TemplateNotFound:
        raise UserError(
            Problem(f"no review words for language {lang!r}", expected=f"templates/{WORDS.format(lang=lang)}")
        ) from None


def _figure_tag(mark: Mark, w: Words) -> str:
    prov = mark.provenance
    fig = prov.figure
    attrs = {
        "class": f"figure status-{prov.status}" + (" repeated" if fig is not None and fig.repeated_from else ""),
        "id": mark.ident,
        "href": f"#{prov.ident}",
        "data-figure": prov.data_figure,
        "data-status": prov.status,
        "aria-describedby": f"status-{prov.status}",
        "title": w.status[prov.status],
    }
    if fig is not None:
        attrs.update({"data-scope": fig.scope, "data-key": fig.key, "data-metric": fig.metric})
    if mark.side is not None:
        attrs["data-side"] = str(mark.side + 1)
    return Markup("<a" + "".join(f' {k}="{escape(v)}"' for k, v in attrs.items()) + ">")


def _finding_tag(n: int, finding: Finding, w: Words) -> str:
    suggestion = Markup(" <em>{}</em> {}").format(w.suggestion, finding.suggestion) if finding.suggestion else ""
    return Markup(
        '<span class="finding level-{level}" id="finding-{n}" data-rule="{rule}" tabindex="0">'
        '<span class="finding-flag" aria-hidden="true"></span>'
        '<span class="finding-note" role="note"><strong>{label} {rule}</strong> {message}{suggestion}</span></span>'
    ).format(
        level=finding.level,
        n=n + 1,
        rule=finding.rule,
        label=w.levels[finding.level],
        message=finding.message,
        suggestion=suggestion,
    )


def _marks_of(marked) -> dict[str, list[Mark]]:
    """Each provenance's marks in the text, in order (one pass, not a search per panel)."""
    out: dict[str, list[Mark]] = {p.ident: [] for p in marked.provenances}
    for mark in marked.marks:
        out[mark.provenance.ident].append(mark)
    return out


def _title(source: str, body_start: int) -> str:
    for line in source[body_start:].splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def review_page(
    source: str,
    facts: WeekFacts,
    findings: Sequence[Finding],
    rows: Sequence[ReportedRow],
    setup,
    history,
    env: jinja2.Environment,
    lang: str = "en",
    path: str = "-",
    mentions=None,
    order=None,
) -> str:
    """The page for one article of one week. ``history`` is the shared history chart (see ``charts``).

    ``mentions``: the linter's reading of this source with these facts (``Draft.mentions``), if at hand.
    ``order``: the history's fixed order of assets and countries for the breakdown chart (``charts.key_order``).
    """
    from writer.review.charts import breakdown_chart, for_week

    w = words(env, lang)
    source = marking.clean(source)
    marked = mark_figures(source, facts, rows, setup.style, setup.vocabulary, path, mentions)
    ordered = findings_in_order(findings)
    points = [marking.offset_of(source, f.line, f.column) for f in ordered]
    html, placed_marks, placed_findings = marking.render_marked(
        source,
        marked.body_start,
        [marking.Span(m.start, m.end) for m in marked.marks],
        points,
        open_tag=lambda n: _figure_tag(marked.marks[n], w),
        close_tag="</a>",
        point_tag=lambda n: _finding_tag(n, ordered[n], w),
    )
    counts = {s: sum(1 for m in marked.marks if m.provenance.status == s) for s in STATUSES}
    # what runs against the total: the draft's own claims, so page and draft never disagree
    against = tuple(c.figure for c in build_claims(facts, setup.style).of("against"))
    breakdown = breakdown_chart(facts.assets, facts.countries, w.chart, order)
    try:
        return env.get_template(PAGE).render(
            w=w,
            lang=lang,
            title=_title(source, marked.body_start),
            path=path,
            facts=facts,
            article=Markup(html),
            marks=marked.marks,
            marks_of=_marks_of(marked),
            provenances=marked.provenances,
            unplaced=[m for n, m in enumerate(marked.marks) if n not in placed_marks],
            rows_tables=tables.rows_tables(marked.provenances, w, env),
            facts_rows=tables.facts_rows(figures_for_table(facts, marked, rows, setup.style), w, usd_range),
            findings=list(enumerate(ordered, 1)),
            findings_unplaced=[n + 1 for n in range(len(ordered)) if n not in placed_findings],
            warnings=warnings_of(facts),
            against=against,
            counts=counts,
            history=history,
            breakdown=breakdown,
            history_svg=Markup(for_week(history, facts.week)),
            week_point=next((p for p in history.points if p.week == facts.week), None),
        )
    except jinja2.TemplateError as exc:
        raise UserError(Problem(f"review template error: {exc}", path=PAGE)) from None
