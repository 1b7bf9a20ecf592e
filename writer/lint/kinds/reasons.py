"""reasons: the reasons an article lists, in its own voice, under a heading that asks why flows moved.

A section headed "Why did Solana draw money?" / "Solana 为何逆势吸金？" and a sentence in it
that opens an enumeration ("First, ...", 首先、其次, 一是) gives a reason for the flows
with no causal word at all: the heading supplies the "because". The heading must ask why
(or what drove) about flows, so an explainer's "Why ETFs matter" and an ordinary list pass;
a named source speaking in the sentence excuses it, as in ``forbid``. One finding per
sentence, on its opening words.
"""

from __future__ import annotations

from collections.abc import Iterator

from writer.lint.context import Context
from writer.lint.document import Document
from writer.lint.findings import Finding
from writer.lint.kinds import Field, Kind
from writer.lint.kinds._text import VOICE_FIELDS
from writer.lint.kinds.forbid import excused
from writer.lint.rules import Rule, make_finding, search


def run(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    questions, openers = rule.compiled.get("questions"), rule.compiled.get("openers")
    if questions is None or openers is None:
        return
    asking: dict[str, bool] = {}
    for sentence in doc.sentences:
        block = doc.blocks[sentence.block]
        if block.kind == "heading" or not block.section:
            continue
        if block.section not in asking:
            asking[block.section] = search(questions, block.section, ctx.timeout) is not None
        if not asking[block.section]:
            continue
        m = openers.match(sentence.text)
        if m is None:
            continue
        start, end = sentence.start + m.start(), sentence.start + m.end()
        # the reason follows its opener: a named speaker anywhere in the sentence attributes it
        if excused(rule, ctx, sentence, start, end) or excused(rule, ctx, sentence, sentence.end, sentence.end):
            continue
        yield make_finding(rule, doc, start, end, f"{rule.message} (found {m.group().strip()!r})")


KIND = Kind(
    name="reasons",
    fields={
        "questions": Field("strings", required=True, regex=True, description="a heading that asks why flows moved"),
        "openers": Field("strings", required=True, regex=True, description="a sentence opening a listed reason"),
        **VOICE_FIELDS,
    },
    run=run,
    description="reasons listed in the article's own voice under a heading that asks why flows moved",
)
