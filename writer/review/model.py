"""What the review page shows, computed from an article, its findings and the week's data.

Each money figure the linter reads in the prose becomes a ``Mark`` tied to a
``Provenance``: the reconciled figure, the publications' rows behind it and how
reconciliation decided. Words are the template's business; this module only
says which case applies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from writer.articlefile import FRONT_MATTER
from writer.data.facts import WeekFacts
from writer.figures import Figure
from writer.housestyle import HouseStyle
from writer.lint.context import Context
from writer.lint.document import parse
from writer.lint.findings import Finding
from writer.lint.mentions import Mention, find_mentions
from writer.review.rows import ReportedRow

STATUSES = ("verified", "single-source", "unverified", "conflicting", "ungrounded")


@dataclass(frozen=True)
class RowView:
    """A publication's row as the page lists it under a figure."""

    row: ReportedRow
    side: int | None  # for a conflict: which side (0-based) the row stands on


@dataclass(frozen=True)
class Provenance:
    """One reconciled figure (or one ungrounded amount) with everything behind it."""

    ident: str
    status: str  # one of STATUSES
    decision: str  # marked-verified, agree, single, marked-unverified, too-few, conflict, ungrounded
    figure: Figure | None
    rows: tuple[RowView, ...]
    publications: int
    step: str  # the coarsest precision printed, as money: "$100 million"
    closest: Figure | None = None  # for an ungrounded amount, the nearest figure
    text: str = ""  # for an ungrounded amount, the words of the article

    @property
    def data_figure(self) -> str:
        f = self.figure
        return f"{f.scope}|{f.key}|{f.metric}" if f else "none"


@dataclass(frozen=True)
class Mark:
    """A money figure in the article, and the provenance it points to."""

    ident: str
    start: int
    end: int
    text: str
    provenance: Provenance
    side: int | None = None


@dataclass(frozen=True)
class WeekWarning:
    """One of the week's warnings; ``kind`` picks the template's words."""

    kind: str  # repeated, conflict, flagged, gap, superlative-unestablished, superlative-claim
    figure: Figure | None = None
    detail: str = ""
    count: int = 0


def _decision(fig: Figure, rows: Sequence[ReportedRow], verified_sources: int) -> str:
    if fig.is_range:
        return "conflict"
    explicit = {r.status for r in rows}
    if "verified" in explicit:
        return "marked-verified"
    if "unverified" in explicit:
        return "marked-unverified"
    publications = len({r.source_id for r in rows})
    if publications >= verified_sources:
        return "agree"
    return "single" if publications == 1 else "too-few"


def _side_of(row: ReportedRow, fig: Figure) -> int | None:
    for n, side in enumerate(fig.sides):
        if row.source_id in {" ".join(s.casefold().split()) for s in side.sources}:
            return n
    return None


def provenance_of(fig: Figure, ident: str, rows: Sequence[ReportedRow], style: HouseStyle) -> Provenance:
    mine = [r for r in rows if r.figure_key == (fig.scope, fig.key, fig.metric)]
    views = tuple(RowView(r, _side_of(r, fig) if fig.is_range else None) for r in mine)
    return Provenance(
        ident=ident,
        status=fig.status,
        decision=_decision(fig, mine, style.verified_sources),
        figure=fig,
        rows=views,
        publications=len({r.source_id for r in mine}),
        step=style.bare(fig.precision),
    )


def warnings_of(facts: WeekFacts) -> tuple[WeekWarning, ...]:
    """What an editor must not miss this week, most serious first."""
    out = [WeekWarning("repeated", f, detail=f.repeated_from or "") for f in facts.repeated]
    out += [WeekWarning("conflict", f) for f in facts.figures if f.is_range]
    flagged = [f for f in facts.figures if f.status in ("single-source", "unverified")]
    if flagged:
        out.append(WeekWarning("flagged", count=len(flagged)))
    if facts.gap_before:
        out.append(WeekWarning("gap", count=facts.gap_before))
    sup = facts.superlative
    if sup is not None and sup.claim is not None:
        out.append(WeekWarning("superlative-claim", detail=sup.claim.source))
    elif sup is not None and not sup.established:
        out.append(WeekWarning("superlative-unestablished", count=sup.missing_weeks))
    return tuple(out)


@dataclass(frozen=True)
class Marked:
    """The article's figures and the provenances they point to."""

    marks: tuple[Mark, ...]
    provenances: tuple[Provenance, ...]
    body_start: int
    source: str


def mark_figures(
    source: str,
    facts: WeekFacts,
    rows: Sequence[ReportedRow],
    style: HouseStyle,
    vocabulary,
    path: str = "-",
    mentions: Sequence[Mention] | None = None,
) -> Marked:
    """Tie each figure the linter reads in an article to its provenance.

    ``mentions``: what the linter already read in this very source with this
    week's facts (``Draft.mentions``), so a draft is not read twice; without
    them the article is read here, the linter's way.
    """
    if mentions is None:
        doc = parse(source, path)
        Context(style, vocabulary, facts).attach(doc)
        mentions = find_mentions(doc, style, vocabulary, facts)
        source = doc.source
    by_figure: dict[int, Provenance] = {}
    index = {id(f): n for n, f in enumerate(facts.figures)}
    provenances: list[Provenance] = []
    marks: list[Mark] = []
    for n, mention in enumerate(mentions):
        text = source[mention.start : mention.end]
        fig = mention.figure
        if fig is not None:
            key = index.get(id(fig), -1 - n)
            if key not in by_figure:
                by_figure[key] = provenance_of(fig, f"figure-{len(provenances) + 1}", rows, style)
                provenances.append(by_figure[key])
            prov = by_figure[key]
            side = fig.sides.index(mention.side) if mention.side in fig.sides else None
        else:
            prov = Provenance(
                ident=f"figure-{len(provenances) + 1}",
                status="ungrounded",
                decision="ungrounded",
                figure=None,
                rows=(),
                publications=0,
                step="",
                closest=mention.closest,
                text=text,
            )
            provenances.append(prov)
            side = None
        marks.append(Mark(f"mention-{n + 1}", mention.start, mention.end, text, prov, side))
    front = FRONT_MATTER.match(source)
    return Marked(tuple(marks), tuple(provenances), front.end() if front else 0, source)


def figures_for_table(facts: WeekFacts, marked: Marked, rows: Sequence[ReportedRow], style: HouseStyle):
    """Every figure of the week for the facts table, each with its provenance (shared with the article)."""
    known = {p.figure: p for p in marked.provenances if p.figure is not None}
    out = []
    for n, fig in enumerate(facts.figures):
        prov = known.get(fig) or provenance_of(fig, f"data-{n + 1}", rows, style)
        out.append(prov)
    return tuple(out)


def findings_in_order(findings: Sequence[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (f.line, f.column, f.rule)))
