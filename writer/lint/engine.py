"""Run a rule set over documents: dispatch kinds (found by ``writer.lint.kinds.registry``),
apply suppressions, bound the work."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from writer.lint.context import Context
from writer.lint.document import Document, Suppression, parse
from writer.lint.findings import Finding
from writer.lint.kinds import registry
from writer.lint.rules import EXAMPLE_TIMEOUT, RegexTimeout, Rule, RuleSet, example_facts
from writer.lint.screen import screen_for
from writer.record import dataclass, field  # dataclasses without generated code: fast start-up


@dataclass
class Result:
    path: str
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[tuple[Finding, Suppression]] = field(default_factory=list)


def run_rule(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    """A rule's findings; if its regex budget runs out, a finding says so (never a silent stop)."""
    found = 0
    try:
        for finding in registry()[rule.kind].run(rule, doc, ctx):
            found += 1
            yield finding
    except RegexTimeout as exc:
        seconds = getattr(ctx.timeout, "seconds", ctx.timeout)
        yield Finding(
            doc.path,
            1,
            1,
            "error",
            rule.id,
            f"rule {rule.id} gave up after {found} finding(s): its pattern used its {seconds:.1f}s of regex "
            f"work on this document ({exc}); the rest of the document was not checked by this rule",
        )


def lint_document(doc: Document, rules: RuleSet, ctx: Context) -> Result:
    ctx.attach(doc)
    if ctx.screen is None:  # False: the caller wants no screen
        ctx.screen = screen_for(rules, len(doc.prose))
    result = Result(doc.path)
    for sup in doc.suppressions:
        if sup.action != "enable" and not sup.reason:
            result.findings.append(
                Finding(
                    doc.path,
                    sup.line,
                    sup.column,
                    "warning",
                    "suppression-reason",
                    "a writer-lint suppression needs a reason: '-- why'",
                )
            )
    for rule in rules.rules:
        if (rule.needs_data and ctx.facts is None) or not rule.applies_to(ctx.style.language):
            continue
        for finding in run_rule(rule, doc, ctx):
            sup = doc.suppressed(rule.id, finding.line)
            if sup is not None:
                result.suppressed.append((finding, sup))
            else:
                result.findings.append(finding)
    result.findings.sort(key=Finding.sort_key)
    return result


def lint_text(source: str, path: str, rules: RuleSet, ctx: Context) -> Result:
    return lint_document(parse(source, path, rules.fields), rules, ctx)


def example_runner(style, vocabulary, style_for=None) -> Callable[[Rule], list[str]]:
    """Check that a rule's fail examples fail and its pass examples pass; a rule for another
    language runs its examples in that language's house style (``style_for(lang)``)."""

    def run(rule: Rule) -> list[str]:
        failures = []
        ctx_facts = example_facts(rule)
        if rule.applies_to(style.language):
            own = style
        else:  # the rules file's style for that language; else the shipped one
            from writer.housestyle import shipped

            own = style_for(rule.lang[0]) if style_for is not None else shipped(rule.lang[0])
        for side in ("fail", "pass"):
            for example in rule.examples.get(side, []):
                doc = parse(example, "<example>")
                ctx = Context(own, vocabulary, ctx_facts, timeout=EXAMPLE_TIMEOUT)
                ctx.attach(doc)
                try:
                    found = list(registry()[rule.kind].run(rule, doc, ctx)) if ctx_facts or not rule.needs_data else []
                except RegexTimeout:
                    failures.append(
                        f"pattern takes over {EXAMPLE_TIMEOUT}s on example {example[:50]!r} "
                        "(catastrophic backtracking?)"
                    )
                    continue
                if side == "fail" and not found:
                    failures.append(f"fail example gives no finding: {example[:70]!r}")
                if side == "pass" and found:
                    failures.append(f"pass example gives a finding ({found[0].message[:60]}): {example[:70]!r}")
        return failures

    return run
