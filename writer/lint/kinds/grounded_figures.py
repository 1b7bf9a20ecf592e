"""grounded-figures: every money figure in the prose matches a figure of the week's data
(and, with ``check_direction``, is called an inflow or outflow as the data say)."""

from __future__ import annotations

from collections.abc import Iterator

from writer.lint.context import Context
from writer.lint.document import Document
from writer.lint.findings import Finding
from writer.lint.kinds import SUGGESTION, Field, Kind
from writer.lint.rules import Rule, make_finding, search
from writer.money import direction


def _describe(fig, style) -> str:
    if fig is None:
        return "nothing"
    name = "the total" if fig.scope == "total" else fig.key
    metric = {"net_flow": "net flow", "ytd_flow": "year-to-date flow", "aum": "assets under management"}[fig.metric]
    word = direction(fig.point) if fig.metric != "aum" else "level"
    return f"{name} {metric} ({word}, {fig.amount_text(style, range_bound='exact')})"


def run(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    if ctx.facts is None:
        return
    ignore = rule.compiled.get("ignore_context")
    for m in ctx.mentions(doc):
        if ignore is not None and search(ignore, m.sentence.text, ctx.timeout):
            continue
        text = doc.source[m.start : m.end]
        if m.figure is None:
            yield make_finding(
                rule,
                doc,
                m.start,
                m.end,
                f"{text!r} matches no figure of the week's data; closest: {_describe(m.closest, ctx.style)}",
            )
            continue
        fig = m.figure
        if rule.params.get("check_direction") and m.sign and fig.metric != "aum":
            value = m.side.value if m.side else fig.point
            if m.sign * value < 0:
                yield make_finding(
                    rule,
                    doc,
                    m.start,
                    m.end,
                    f"{text!r} is called {m.sign_word!r}, but the data give {_describe(fig, ctx.style)}",
                )


KIND = Kind(
    name="grounded-figures",
    fields={
        "ignore_context": Field("strings", default=[], regex=True, description="sentences about prices, not flows"),
        "check_direction": Field("boolean", default=True),
        "suggestion": SUGGESTION,
    },
    run=run,
    needs_data=True,
    description="money figures the week's data support",
)
