"""The table ``writer facts`` prints: what an editor checks before writing."""

from __future__ import annotations

from writer.data.facts import Figure, WeekFacts
from writer.housestyle import HouseStyle


def _value(fig: Figure, style: HouseStyle) -> str:
    sign = "-" if fig.sign < 0 else "+"
    if fig.is_range:
        return f"{sign}{style.range(fig.low, fig.high, 'exact')}"
    return f"{sign}{style.amount(fig.point, 'exact')} ({fig.value:g})"


def _sources(fig: Figure) -> str:
    if fig.is_range:
        return " | ".join(f"{s.value:g}: {', '.join(s.sources)}" for s in fig.sides)
    return ", ".join(fig.sources)


def facts_table(facts: WeekFacts, style: HouseStyle) -> str:
    head = ("scope", "key", "metric", "value (US$)", "bound", "status", "sources")
    rows = [head]
    for fig in facts.figures:
        status = fig.status + (" +repeat" if fig.repeated_from else "")
        rows.append((fig.scope, fig.key, fig.metric, _value(fig, style), fig.bound, status, _sources(fig)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(head) - 1)]
    lines = [f"Week ending {facts.week.isoformat()} (input rows hash {facts.input_hash})", ""]
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1])
    lines.append("")
    derived = []
    if facts.ytd:
        before = {1: "net inflow", -1: "net outflow", 0: "not established"}[facts.ytd.before_sign]
        derived.append(f"year to date before the week: {before}; sign flip: {'yes' if facts.ytd.sign_flip else 'no'}")
    if facts.streak:
        derived.append(
            f"streak: {facts.streak.weeks_before} earlier week(s) in the same direction; "
            f"ended an opposite run of {facts.streak.ended_run} week(s)"
        )
    if facts.superlative:
        s = facts.superlative
        if s.claim:
            derived.append(f"superlative: claim by {s.claim.source}: {s.claim.text!r} (unverified)")
        else:
            state = "established" if s.established else f"NOT established ({s.missing_weeks} week(s) missing)"
            derived.append(f"superlative: largest net {s.direction} since {s.since}: {state}")
    if facts.share:
        derived.append(f"leader's share: {facts.share.figure.key} is {facts.share.words} of the total")
    if facts.contrarians:
        derived.append("against the total: " + ", ".join(f.key for f in facts.contrarians))
    if facts.gap_before:
        derived.append(f"gap: {facts.gap_before} report week(s) missing before this one")
    for fig in facts.repeated:
        derived.append(f"warning: {fig.key} {fig.metric} repeats the previous week's figure ({fig.repeated_from})")
    lines.extend(derived)
    return "\n".join(lines)
