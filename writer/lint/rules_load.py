"""Validate and self-test the rules of a rules file (``load_rules``, ``example_runner``).

Every field is checked against its kind's parameters; regexes are compiled
with the ``regex`` module, and every rule's ``examples`` run at every load: a
rule whose examples do not behave is an error naming the file, line and rule.
Apart from ``writer.lint.rules`` (the rule objects and the timed matching the
kinds use) so that a warm ``writer lint``, which unpickles its rule set from
the cache, never compiles this code; ``writer.lint.rules`` still hands out these
names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from writer.errors import Problem, UserError
from writer.lint import regex_store as regex  # regex, its compiled patterns kept between runs
from writer.lint.context import Context
from writer.lint.document import parse
from writer.lint.fields import DEFAULT_FIELDS
from writer.lint.findings import LEVELS
from writer.lint.kinds import Field, registry
from writer.lint.rules import EXAMPLE_TIMEOUT, RegexTimeout, Rule, RuleSet
from writer.money import precision_of
from writer.record import dataclass  # dataclasses without generated code: fast start-up
from writer.rulesfile import RulesDocument

if TYPE_CHECKING:
    from writer.figures import Figure

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_COMMON = {"id", "level", "kind", "message", "description", "examples", "disable", "lang"}
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")


@dataclass(frozen=True)
class ExampleFacts:
    """Figures given inline in a rule's examples, so data rules test without a data file."""

    figures: tuple[Figure, ...]
    sources: tuple[str, ...]


TOP_LEVEL = ("version", "extends", "house_style", "published_fields", "rules")  # and "_..." keys: anchors, ignored


def _compile(patterns: list[str], case_sensitive: bool) -> regex.Pattern | None:
    if not patterns:
        return None
    flags = regex.VERSION0 | (0 if case_sensitive else regex.IGNORECASE)
    return regex.compile("|".join(f"(?:{p})" for p in patterns), flags)


def _rule_problems(raw: Any, index: int, doc: RulesDocument, seen: set[str]) -> tuple[Rule | None, list[Problem]]:
    path = str(doc.path)
    if not isinstance(raw, dict):
        return None, [Problem(f"rule {index + 1} is not a mapping", path=path, expected="id, level, kind, message")]
    rid = raw.get("id")
    where = doc.lines.get(str(rid), (path, None))
    label = f"rule {rid!r}" if rid else f"rule {index + 1}"

    def problem(message: str, expected: str | None = None) -> Problem:
        return Problem(f"{label}: {message}", path=where[0], line=where[1], expected=expected)

    problems: list[Problem] = []
    if not isinstance(rid, str) or not _ID.match(rid):
        problems.append(problem(f"id is {rid!r}", "lower-case letters, digits and dashes"))
    elif rid in seen:
        problems.append(problem("duplicate id", "each id once per rules file"))
    level, kind, message = raw.get("level"), raw.get("kind"), raw.get("message")
    if level not in LEVELS:
        problems.append(problem(f"level is {level!r}", " or ".join(LEVELS)))
    if not isinstance(kind, str) or kind not in registry():
        problems.append(problem(f"unknown kind {kind!r}", ", ".join(registry())))
        return None, problems
    if not isinstance(message, str) or not message.strip():
        problems.append(problem("message is missing", "a sentence for the person who reads the finding"))
    spec = registry()[kind].fields
    unknown = set(raw) - _COMMON - set(spec)
    if unknown:
        problems.append(problem(f"unknown field {', '.join(sorted(unknown))} for kind {kind}", ", ".join(sorted(spec))))
    if "disable" in raw and raw["disable"] is not True:
        problems.append(
            problem(f"field 'disable' is {raw['disable']!r}", "true (to drop an inherited rule), or no field")
        )
    if "description" in raw and not isinstance(raw["description"], str):
        problems.append(problem(f"field 'description' is {raw['description']!r}", "a string"))
    params: dict[str, Any] = {}
    for name, param in spec.items():
        value = raw.get(name, param.default)
        if value is None and param.required:
            problems.append(problem(f"missing field {name!r}"))
            continue
        wrong = _wrong_type(param, value)
        if wrong:
            problems.append(problem(f"field {name!r} is {value!r}", wrong))
            continue
        if param.type == "strings" and isinstance(value, str):
            value = [value]
        params[name] = value
    compiled: dict[str, regex.Pattern | None] = {}
    for name, param in spec.items():
        if param.regex and name in params:
            try:
                compiled[name] = _compile(params[name], params.get("case_sensitive", False))
            except regex.error:
                for pattern in params[name]:  # compile one by one only to name the culprit
                    try:
                        regex.compile(pattern)
                    except regex.error as exc:
                        problems.append(problem(f"pattern {pattern!r} in {name!r} does not compile: {exc}"))
    extra = registry()[kind].compile
    if extra is not None and not problems:
        try:
            compiled.update(extra(params))
        except ValueError as exc:
            problems.append(problem(str(exc)))
    lang = raw.get("lang") or []
    lang = [lang] if isinstance(lang, str) else lang
    if not isinstance(lang, list) or not all(isinstance(x, str) and _LANG.match(x) for x in lang):
        problems.append(problem(f"lang is {raw.get('lang')!r}", "a language code (en, zh) or a list of them"))
    examples = raw.get("examples")
    if not isinstance(examples, dict) or set(examples) - {"fail", "pass", "data"}:
        problems.append(problem("examples must be a mapping of fail, pass (and data)"))
        examples = {}
    for side in ("fail", "pass"):
        items = examples.get(side, [])
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            problems.append(problem(f"examples.{side} must be a list of strings"))
    if not examples.get("fail") or not examples.get("pass"):
        problems.append(problem("needs at least one fail and one pass example"))
    data = examples.get("data", [])
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        problems.append(problem("examples.data must be a list of figures (mappings)"))
    if problems:
        return None, problems
    seen.add(rid)
    rule = Rule(
        id=rid,
        level=level,
        kind=kind,
        message=message.strip(),
        params=params,
        examples=examples,
        where=(where[0], where[1] or 0),
        description=str(raw.get("description", "")),
        compiled=compiled,
        lang=tuple(lang),
        needs_data=registry()[kind].needs_data,
    )
    return rule, []


def _wrong_type(param: Field, value: Any) -> str:
    """What a field's value should have been, or "" when it is right (the schema says the same)."""
    if param.type == "string":
        ok = isinstance(value, str) and (not param.choices or value in param.choices)
        return "" if ok else (" or ".join(param.choices) if param.choices else "a string")
    if param.type == "integer":
        ok = isinstance(value, int) and not isinstance(value, bool)
        ok = ok and (param.minimum is None or value >= param.minimum)
        return "" if ok else "an integer" + (f" of at least {param.minimum}" if param.minimum is not None else "")
    if param.type == "boolean":
        return "" if isinstance(value, bool) else "true or false"
    ok = isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
    return "" if ok else "a string or a list of strings"


def example_facts(rule: Rule) -> ExampleFacts | None:
    """Build figures from a rule's ``examples.data`` (pandas-free)."""
    rows = rule.examples.get("data")
    if not rows:
        return None
    from writer.figures import Figure, Side  # only when rules load: a warm lint run never needs it

    figures = []
    for row in rows:
        sides = tuple(
            Side(float(s["value"]), s.get("bound", "approx"), tuple(s["sources"])) for s in row.get("sides", [])
        )
        value = row.get("value")
        values = [s.value for s in sides] or [float(value)]
        figures.append(
            Figure(
                scope=row.get("scope", "asset"),
                key=row.get("key", "all"),
                metric=row.get("metric", "net_flow"),
                value=None if sides else float(value),
                low=min(values, key=abs),
                high=max(values, key=abs),
                precision=precision_of(str(row.get("written", value if value is not None else sides[0].value))),
                bound=row.get("bound", "approx"),
                status=row.get("status", "conflicting" if sides else "verified"),
                sources=tuple(row.get("sources", [s for side in sides for s in side.sources])),
                sides=sides,
            )
        )
    return ExampleFacts(figures=tuple(figures), sources=tuple(sorted({s for f in figures for s in f.sources})))


def load_rules(doc: RulesDocument, run_examples: Callable[[Rule], list[str]] | None = None) -> RuleSet:
    """Validate every rule (all problems at once); then run each rule's examples."""
    raw_rules = doc.data.get("rules")
    if not isinstance(raw_rules, list):
        raise UserError(Problem("'rules' must be a list", path=str(doc.path), expected="a list of rules"))
    stray = [k for k in doc.data if k not in TOP_LEVEL and not str(k).startswith("_")]
    if stray:
        raise UserError(
            Problem(f"unknown top-level key {stray[0]!r}", path=str(doc.path), expected=", ".join(TOP_LEVEL))
        )
    if not isinstance(doc.data.get("version", 1), int) or isinstance(doc.data.get("version"), bool):
        raise UserError(Problem(f"version is {doc.data.get('version')!r}", path=str(doc.path), expected="an integer"))
    seen: set[str] = set()
    rules: list[Rule] = []
    problems: list[Problem] = []
    for index, raw in enumerate(raw_rules):
        rule, found = _rule_problems(raw, index, doc, seen)
        problems.extend(found)
        if rule:
            rules.append(rule)
    if not problems and run_examples is not None:
        for rule in rules:
            for failure in run_examples(rule):
                problems.append(Problem(f"rule {rule.id!r}: {failure}", path=rule.where[0], line=rule.where[1]))
    if problems:
        raise UserError(*problems)
    return RuleSet(rules=tuple(rules), version=doc.version, path=str(doc.path), fields=_published_fields(doc))


def _published_fields(doc: RulesDocument) -> tuple[str, ...]:
    """``published_fields`` of the rules file: front-matter keys whose values readers see."""
    fields = doc.data.get("published_fields", list(DEFAULT_FIELDS))
    if not isinstance(fields, list) or not all(isinstance(f, str) and f for f in fields):
        raise UserError(Problem("'published_fields' must be a list of front-matter keys", path=str(doc.path)))
    return tuple(fields)


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
