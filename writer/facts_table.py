"""The table ``writer facts`` prints: what an editor checks before writing."""

from __future__ import annotations

from writer.claims import build_claims
from writer.data.facts import Figure, WeekFacts
from writer.housestyle import HouseStyle


def _value(fig: Figure, style: HouseStyle) -> str:
    # a sign goes on a bare amount, never on a hedge word ("-approximately"); the exact
    # reported number follows in parentheses
    if fig.is_range:
        lo, hi = fig.low, fig.high
        return f"{'-' if lo < 0 else '+'}{style.bare(lo)} to {'-' if hi < 0 else '+'}{style.bare(hi)}"
    sign = "-" if fig.sign < 0 else "+"
    return f"{sign}{style.bare(fig.point)} ({fig.value:g})"


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
    lines.extend(derived)
    derived = ["", "claims (what a draft may say; not_established is never printed):"]
    for claim in build_claims(facts, style).claims:
        data = ", ".join(f"{k}={v}" for k, v in claim.data.items() if k not in ("quote", "text"))
        ev = claim.evidence
        span = (
            f"; span {ev.span[0]}..{ev.span[1]}, {ev.covered_weeks} covered, {ev.missing_weeks} missing"
            if ev.span
            else ""
        )
        derived.append(f"  {claim.status:<15} {claim.kind:<18} {claim.key} ({data}){span} weight {claim.weight:g}")
    if facts.gap_before:
        derived.append(f"gap: {facts.gap_before} report week(s) missing before this one")
    for fig in facts.repeated:
        derived.append(f"warning: {fig.key} {fig.metric} repeats the previous week's figure ({fig.repeated_from})")
    for copy in facts.copies:
        derived.append(f"warning: {copy}")
    lines.extend(derived)
    return "\n".join(lines)
