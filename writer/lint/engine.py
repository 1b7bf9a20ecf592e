"""Run a rule set over documents: dispatch kinds (found by ``writer.lint.kinds.registry``),
apply suppressions, bound the work."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from writer.lint.context import Context
from writer.lint.document import Document, Suppression, parse
from writer.lint.findings import Finding
from writer.lint.kinds import registry
from writer.lint.rules import RegexTimeout, Rule, RuleSet
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


def __getattr__(name: str) -> Any:
    """``example_runner`` by its old name: it self-tests rules as they load
    (``writer.lint.rules_load``), which a warm run never does."""
    if name == "example_runner":
        from writer.lint.rules_load import example_runner

        return example_runner
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
