"""attribute-figures: a paragraph that states a fund-flow figure names its source, or the first
paragraph after the title names one for the whole article (house-rules definition; the pieces are
in writer.lint.attribution). Works with or without data."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from writer.lint import attribution
from writer.lint.context import Context
from writer.lint.document import Document
from writer.lint.findings import Finding
from writer.lint.kinds import SUGGESTION, Field, Kind
from writer.lint.kinds._figures import names_source
from writer.lint.rules import Rule, make_finding, search

_SOURCES: dict[tuple, attribution.SourcePattern] = {}


def _source_pattern(rule: Rule, ctx: Context) -> attribution.SourcePattern:
    # assets and countries are what flows are about, never who reports them ("Bitcoin saw", "US funds said")
    subjects = [n for scope in ("asset", "country") for n in ctx.vocabulary.names.get(scope, ())]
    unnamed = tuple(rule.params.get("unnamed_sources") or ()) + tuple(subjects)
    key = (
        tuple(ctx.vocabulary.publications),
        tuple(ctx.style.attribution),
        tuple(rule.params.get("speech_verbs") or ()),
        unnamed,
        ctx.style.clauses,
    )
    if key not in _SOURCES:
        _SOURCES[key] = attribution.source_pattern(*key)
    return _SOURCES[key]


def run(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    named = _source_pattern(rule, ctx)
    extra = rule.compiled.get("source_patterns")
    week_sources = list(ctx.facts.sources) if ctx.facts is not None else []
    flows, not_flows = rule.compiled.get("flow_context"), rule.compiled.get("ignore_context")
    if flows is None:
        return

    def attributed(text: str) -> bool:
        return (
            attribution.names_source(named, text)
            or bool(search(extra, text, ctx.timeout))
            or any(names_source(text, n, ctx.style) for n in week_sources)
        )

    def figures() -> Iterable[tuple[int, int]]:
        spans = ((m.start, m.end) for m in ctx.mentions(doc))
        return attribution.flow_figures(doc, spans, flows, not_flows or attribution.NEVER, ctx.style.reading)

    for start, end in attribution.unattributed(doc, attributed, figures):
        yield make_finding(rule, doc, start, end)


KIND = Kind(
    name="attribute-figures",
    fields={
        "source_patterns": Field("strings", default=[], regex=True, description="more ways of naming a source"),
        "flow_context": Field("strings", default=[], regex=True, description="words that make a figure a flow"),
        "ignore_context": Field("strings", default=[], regex=True, description="words that make it a price, AUM..."),
        "speech_verbs": Field("strings", default=[], description="a name before one of these reports"),
        "unnamed_sources": Field("strings", default=[], description="capitalised words that are no name"),
        "suggestion": SUGGESTION,
    },
    run=run,
    description="a paragraph with a fund-flow figure names its source (or the first paragraph does)",
)
