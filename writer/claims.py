"""The week's claims: what a draft may say, with its evidence, status and news weight.

Templates must not decide what is true. This step sits between the facts and the
templates: every derived statement (a superlative, a share, a run, a rank, a
difference in direction, a size) is settled here, as data, and a template only
chooses words for it. A claim is:

- ``kind``: what is said (see ``KINDS``), ``key``/``scope``: about what;
- ``status``: ``established`` (the rows and the history prove it), ``source``
  (a figure or statement that rests on named sources and is printed as theirs,
  with its flag) or ``not_established`` (never printed; kept so a test or the
  benchmark can check nothing printed contradicts it);
- ``evidence``: the reconciled figures it rests on, the history span it looks
  over, and how many report weeks in that span are on record or missing;
- ``weight``: news value; the lead follows weight order;
- ``data``: language-neutral values (directions as ``outflow``/``inflow``,
  counts, dates, fractions). The words come from templates and the house style.

The claims are the same for every language; ``hs`` (writer/housestyle.py) and the
templates of a language turn them into prose. Phrasing varies with ``seed``, a
number derived from the week only, so the same input always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from writer.errors import UserError
from writer.figures import Figure
from writer.housestyle import HouseStyle
from writer.render.prose import Md  # chosen phrasings are Markdown built from escaped pieces

ESTABLISHED, SOURCE, NOT_ESTABLISHED = "established", "source", "not_established"


class NothingToPublish(UserError):
    """The week's data hold no flow figure a draft could report: say so, write nothing."""


KINDS = {
    "total": "the week's total net flow (data: direction)",
    "ytd_flip": "year-to-date flows changed sign this week (data: before, after directions)",
    "ytd": "the year-to-date level (data: direction)",
    "superlative": "largest weekly flow in its direction since a week (data: direction, since, weeks, missing)",
    "source_superlative": "a named source's own superlative (data: source, text)",
    "streak": "consecutive weeks in the total's direction (data: direction, weeks, at_least)",
    "streak_end": "this week ended a run the other way (data: direction of the run, weeks, at_least)",
    "exceeds_total": "a country's flow is larger than the global total, same direction (data: direction)",
    "leader": "the largest asset flow in the total's direction, among several (data: direction, rank, of)",
    "share": "the leader's share of the total, every part with the total's sign (data: floor, direction)",
    "outweighs": "one asset's flow is larger than the total, others ran the other way (data: direction)",
    "against": "an asset or country running against the total (data: direction, total_direction)",
    "mover": "an asset or country flow in the total's direction worth naming (data: direction)",
    "small": "the figures too small to name one by one (data: count, scope, below: fraction of the total)",
    "country_leader": "the largest country flow in the total's direction, among several (data: direction)",
    "provider": "a provider's (issuer's) flow (data: direction)",
    "conflict": "publications disagree on a figure (data: factor, news: sides differ by more than the factor)",
    "repeated": "a figure equal to last week's, not corroborated this week (data: previous source)",
    "aum": "assets under management at the end of the week",
    "commentary": "an institution's opinion, printed as its commentary (data: source, quote)",
}

# the kinds that may carry the lead, in the order of news value
LEAD_KINDS = (
    "total",
    "ytd_flip",
    "superlative",
    "source_superlative",
    "exceeds_total",
    "streak",
    "streak_end",
    "outweighs",
    "leader",
    "against",
    "conflict",
)


@dataclass(frozen=True)
class Evidence:
    """What a claim rests on: rows (reconciled figures), the history span it compares over
    and how much of that span is on record."""

    figures: tuple[Figure, ...] = ()
    span: tuple[dt.date, dt.date] | None = None
    covered_weeks: int = 0  # report weeks in the span with data
    missing_weeks: int = 0  # report weeks in the span without data

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({s for f in self.figures for s in f.sources}, key=str.casefold))


@dataclass(frozen=True, eq=False)
class Claim:
    """One statement a draft may make. ``data`` holds its values; see ``KINDS``."""

    kind: str
    status: str
    weight: float
    evidence: Evidence = field(default_factory=Evidence)
    scope: str = "total"
    key: str = "all"
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def printable(self) -> bool:
        return self.status != NOT_ESTABLISHED

    @property
    def figure(self) -> Figure | None:
        """The figure the claim is about (the first of its evidence)."""
        return self.evidence.figures[0] if self.evidence.figures else None

    @property
    def flagged(self) -> bool:
        """Rests on a figure that is not verified: the sentence carries the flag."""
        return self.status == SOURCE or any(f.flagged for f in self.evidence.figures)

    def __getattr__(self, name: str) -> Any:  # templates read c.weeks for c.data["weeks"]
        try:
            return self.__dict__["data"][name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class WeekClaims:
    """All claims of one week, heaviest first, and what the draft's form should be."""

    week: dt.date
    direction: str | None  # of the total: "outflow", "inflow", or None without a total
    claims: tuple[Claim, ...]
    publisher: str
    seed: int
    form: str  # "article", "brief" or "none" (nothing publishable)
    said: set[int] = field(default_factory=set, compare=False, repr=False)  # claims already in print
    # what ``printed``, ``of`` and ``lead`` found: templates ask for them some 40 times an article,
    # and the claims (frozen, like their status) never change
    _found: dict[tuple[str, str], tuple[Claim, ...]] = field(default_factory=dict, compare=False, repr=False)

    def say(self, claim: Claim) -> str:
        """Record that a claim is in print (the headline carried it): later sections skip it."""
        self.said.add(id(claim))
        return ""

    def unsaid(self, claim: Claim) -> bool:
        return id(claim) not in self.said

    @property
    def printed(self) -> tuple[Claim, ...]:
        found = self._found.get(("printed", ""))
        if found is None:
            found = self._found["printed", ""] = tuple(c for c in self.claims if c.printable)
        return found

    def of(self, kind: str) -> tuple[Claim, ...]:
        """Printable claims of a kind, heaviest first."""
        found = self._found.get(("of", kind))
        if found is None:
            found = self._found["of", kind] = tuple(c for c in self.printed if c.kind == kind)
        return found

    def one(self, kind: str) -> Claim | None:
        found = self.of(kind)
        return found[0] if found else None

    def about(self, key: str) -> tuple[Claim, ...]:
        return tuple(c for c in self.printed if c.key == key)

    @property
    def total(self) -> Claim | None:
        return self.one("total")

    @property
    def lead(self) -> tuple[Claim, ...]:
        """The claims the lead carries after the total, in order of weight (at most two)."""
        found = self._found.get(("lead", ""))
        if found is None:
            found = self._found["lead", ""] = tuple(
                c
                for c in self.printed
                if c.kind in LEAD_KINDS
                and c.kind != "total"
                and not c.data.get("minor")
                and not (c.kind == "conflict" and c.scope == "total")  # the total's own flag says it
            )[:2]
        return found

    @property
    def opposite(self) -> str | None:
        return {"outflow": "inflow", "inflow": "outflow"}.get(self.direction or "")

    def pick(self, options: Sequence[Any], salt: str = "") -> Any:
        """One of several phrasings, chosen by the week (and a salt per place): varied across
        weeks, identical for the same week."""
        if not options:
            return Md("")
        digest = hashlib.sha256(f"{self.seed}:{salt}".encode()).digest()
        return Md(options[int.from_bytes(digest[:4], "big") % len(options)])

    def fit(self, options: Sequence[str], limit: int, salt: str = "", fallback: Sequence[str] = ()) -> str:
        """One of the options no longer than ``limit`` characters, chosen by the week; else one
        of the fallback options that fits; else the shortest of all."""
        fitting = [o for o in options if o and len(o) <= limit] or [o for o in fallback if o and len(o) <= limit]
        if not fitting:
            options = [*options, *fallback]
            return Md(min((o for o in options if o), key=len, default=""))
        return self.pick(fitting, salt)

    def rest(self, kind: str) -> tuple[Claim, ...]:
        """Printable claims of a kind that the lead has not already carried."""
        lead = self.lead
        return tuple(c for c in self.of(kind) if all(c is not x for x in lead))


def week_seed(week: dt.date) -> int:
    return int.from_bytes(hashlib.sha256(week.isoformat().encode()).digest()[:4], "big")


def _direction(value: float) -> str | None:
    return "outflow" if value < 0 else "inflow" if value > 0 else None


def _sign_certain(fig: Figure) -> int:
    """The figure's sign when every value it allows has it (a conflict across zero has none)."""
    if fig.straddles:
        return 0
    if fig.low < 0 and fig.high < 0:
        return -1
    if fig.low > 0 and fig.high > 0:
        return 1
    return 0


def _beats_remainder(part: Figure, listed: list[Figure], total: Figure | None) -> bool:
    """True when `part` at its lowest still beats the most the unlisted remainder could be.

    The reports list only some countries/assets: a part "leads" only if no unlisted one could be
    larger. The remainder, in the total's direction, is at most the total's upper bound minus the
    lower bounds of the listed same-direction parts plus the opposite ones' upper magnitudes.
    No total (or no certain direction) leaves the remainder unbounded, so no lead is claimed.
    """
    if total is None:
        return False
    tsign = _sign_certain(total)
    if not tsign or _sign_certain(part) != tsign:
        return False
    t_hi = _magnitude_bounds(total)[1]
    remainder = t_hi
    for fig in listed:
        sign = _sign_certain(fig)
        lo, hi = _magnitude_bounds(fig)
        if sign == tsign:
            remainder -= lo
        else:  # opposite or uncertain direction: it may have pulled the total down by up to hi
            remainder += hi
    return _magnitude_bounds(part)[0] > remainder


def _magnitude_bounds(fig: Figure) -> tuple[float, float]:
    """Smallest and largest magnitude the figure allows: its precision, its hedge, a conflict's sides."""
    if fig.is_range:
        lo, hi = sorted((abs(fig.low), abs(fig.high)))
        below, above = fig.open_ends  # a side "under X" may be near zero, one "over X" has no ceiling
        return (0.0 if below else lo), (float("inf") if above else hi)
    half = fig.precision / 2
    value = abs(fig.point)
    if fig.bound == "over":
        return value, float("inf")
    if fig.bound in ("under", "nearly"):
        return (0.0 if fig.bound == "under" else value * 0.8), value
    return max(0.0, value - half), value + half


def _figure_status(fig: Figure) -> str:
    return ESTABLISHED if fig.status == "verified" and not fig.repeated_from else SOURCE


class _Builder:
    def __init__(self, facts: Any, style: HouseStyle) -> None:
        self.facts = facts
        self.style = style
        self.cfg = style.claims
        self.claims: list[Claim] = []

    def add(self, kind: str, status: str, weight: float, figures: Sequence[Figure] = (), **data: Any) -> Claim:
        fig = figures[0] if figures else None
        claim = Claim(
            kind=kind,
            status=status,
            weight=round(weight, 6),
            evidence=Evidence(
                figures=tuple(figures),
                span=data.pop("span", None),
                covered_weeks=data.pop("covered", 0),
                missing_weeks=data.pop("missing", 0),
            ),
            scope=fig.scope if fig else "total",
            key=fig.key if fig else "all",
            data=data,
        )
        self.claims.append(claim)
        return claim

    # -- the total and the history ----------------------------------------------------

    def total(self) -> None:
        f = self.facts
        total = f.total
        if total is None:
            if f.ytd is not None:
                self.add("ytd", _figure_status(f.ytd.after), 60, [f.ytd.after], direction=_direction(f.ytd.after.point))
            return
        direction = _direction(total.point) if _sign_certain(total) else None
        self.add("total", _figure_status(total), 100, [total], direction=direction)
        if f.ytd is not None:
            after = f.ytd.after
            if f.ytd.sign_flip:
                self.add(
                    "ytd_flip",
                    _figure_status(after),
                    90,
                    [after],
                    before=f.ytd.before_direction,
                    after=_direction(after.point),
                )
            else:
                self.add("ytd", _figure_status(after), 30, [after], direction=_direction(after.point))
        if f.aum is not None:
            self.add("aum", _figure_status(f.aum), 15, [f.aum])
        if direction is not None:
            self.superlative(total)
            self.streak(total, direction)

    def superlative(self, total: Figure) -> None:
        sup = self.facts.superlative
        if sup is None:
            return
        if sup.claim is not None:
            self.add(
                "source_superlative",
                SOURCE,
                80,
                [total],
                source=sup.claim.source,
                text=sup.claim.text,
                direction=sup.direction,
            )
            return
        span = (sup.since, self.facts.week) if sup.since else None
        ok = sup.established and total.status == "verified" and sup.weeks >= self.style.superlative_min_weeks
        self.add(
            "superlative",
            ESTABLISHED if ok else NOT_ESTABLISHED,
            85,
            [total],
            direction=sup.direction,
            since=sup.since,
            weeks=sup.weeks,
            span=span,
            covered=sup.weeks - sup.missing_weeks,
            missing=sup.missing_weeks,
        )

    def streak(self, total: Figure, direction: str) -> None:
        st = self.facts.streak
        if st is None:
            return
        week = self.facts.week
        if st.weeks_before:
            weeks = st.weeks_before + 1
            span = (week - dt.timedelta(weeks=st.weeks_before), week)
            # a run that starts at the history's first week or after a gap is only "at least";
            # one week plus an open start says nothing worth printing
            status = ESTABLISHED if not st.open or weeks >= 3 else NOT_ESTABLISHED
            self.add(
                "streak",
                status,
                55 + min(weeks, 10),
                [total],
                direction=direction,
                weeks=weeks,
                at_least=st.open,
                span=span,
                covered=weeks,
            )
        elif st.ended_run:
            opposite = "inflow" if direction == "outflow" else "outflow"
            span = (week - dt.timedelta(weeks=st.ended_run), week - dt.timedelta(weeks=1))
            status = ESTABLISHED if not st.ended_open or st.ended_run >= 2 else NOT_ESTABLISHED
            self.add(
                "streak_end",
                status,
                58 + min(st.ended_run, 10),
                [total],
                direction=opposite,
                weeks=st.ended_run,
                at_least=st.ended_open,
                span=span,
                covered=st.ended_run,
            )

    # -- parts of the week --------------------------------------------------------------

    def parts(self) -> None:
        f = self.facts
        total = f.total
        tsign = _sign_certain(total) if total is not None else 0
        t_lo, t_hi = _magnitude_bounds(total) if total is not None else (0.0, 0.0)
        groups = set(self.cfg.get("product_groups") or ())
        small_share = float(self.cfg.get("small_share", 0.02))
        factor = float(self.cfg.get("conflict_factor", 2))
        direction = _direction(tsign) if tsign else None

        for fig in f.figures:
            if fig.is_range and fig.metric == "net_flow":
                ends = sorted(abs(s.value) for s in fig.sides if s.value)
                spread = ends[-1] / ends[0] if len(ends) > 1 and ends[0] else 1.0
                news = spread > factor or len({(s.value > 0) for s in fig.sides}) > 1
                self.add(
                    "conflict",
                    SOURCE,
                    (45 if news else 12) + (10 if fig.scope == "total" else 0),
                    [fig],
                    factor=round(spread, 2),
                    news=news,
                )
            if fig.repeated_from and fig.status != "verified":
                self.add("repeated", SOURCE, 8, [fig], previous_source=fig.repeated_from)

        assets = [a for a in f.assets if a.metric == "net_flow"]
        crypto = [a for a in assets if a.key not in groups]
        # asset parts: every asset row has the total's sign (both ends), so shares are meaningful
        all_with = bool(assets) and tsign != 0 and all(_sign_certain(a) == tsign for a in assets)
        along = [a for a in crypto if tsign and _sign_certain(a) == tsign]
        against = [a for a in assets + list(f.countries) if tsign and _sign_certain(a) == -tsign]

        named: set[tuple[str, str]] = set()
        if along:
            lead = along[0]
            lead_lo = _magnitude_bounds(lead)[0]
            # larger than every asset row, product groups too: "the largest outflow among assets"
            # would be false beside a bigger "Short Bitcoin" row listed by asset
            largest = all(lead_lo > _magnitude_bounds(o)[1] or o is lead for o in assets)
            if len(along) >= 2 and largest and _beats_remainder(lead, crypto, total):
                self.add("leader", _figure_status(lead), 50, [lead, total], direction=direction, rank=1, of=len(crypto))
                named.add((lead.scope, lead.key))
            if all_with and t_hi and total.status != "conflicting":
                floor = lead_lo / t_hi
                if self.style.share(floor) is not None and floor <= 1:
                    self.add(
                        "share", _figure_status(lead), 40, [lead, total], floor=round(floor, 6), direction=direction
                    )
            # the leader alone is larger than the total: flows elsewhere must have run the other way
            if lead_lo > t_hi and total.status != "conflicting":
                self.add("outweighs", _figure_status(lead), 68, [lead, total], direction=direction)
                named.add((lead.scope, lead.key))

        for fig in against:
            lo, _ = _magnitude_bounds(fig)
            rel = lo / t_hi if t_hi else 0
            # news grows with size against the total; one under small_share of it never leads
            self.add(
                "against",
                _figure_status(fig),
                30 + 25 * rel / (1 + rel) + (5 if fig.scope == "asset" else 0),
                [fig],
                direction=_direction(fig.point),
                total_direction=direction,
                minor=rel < float(self.cfg.get("minor_share", 0.005)),
            )
            named.add((fig.scope, fig.key))

        # countries: the US exceeding the global total is news; a leader only among several
        countries = [c for c in f.countries if c.metric == "net_flow"]
        c_along = [c for c in countries if tsign and _sign_certain(c) == tsign]
        for c in c_along:
            if _magnitude_bounds(c)[0] > t_hi and total.status != "conflicting":
                self.add("exceeds_total", _figure_status(c), 70, [c, total], direction=direction)
                named.add((c.scope, c.key))
        if len(c_along) >= 2:
            top = c_along[0]
            beats_listed = all(_magnitude_bounds(top)[0] > _magnitude_bounds(o)[1] for o in countries if o is not top)
            if beats_listed and _beats_remainder(top, countries, total):
                self.add("country_leader", _figure_status(top), 35, [top], direction=direction)
                named.add((top.scope, top.key))

        # the rest: named when large enough, grouped when small
        for scope, figs in (("asset", assets), ("country", countries)):
            small: list[Figure] = []
            for fig in figs:
                if (fig.scope, fig.key) in named or fig.is_range:
                    if fig.is_range and (fig.scope, fig.key) not in named:
                        self.add("mover", SOURCE, 20, [fig], direction=_direction(fig.point))
                    continue
                lo, hi = _magnitude_bounds(fig)
                # grouped as "smaller net <direction>" only when it runs with a total of certain sign
                with_total = tsign != 0 and _sign_certain(fig) == tsign
                if with_total and hi < small_share * t_lo and len(figs) > 2:
                    small.append(fig)
                else:
                    self.add(
                        "mover",
                        _figure_status(fig),
                        18 + (100 * lo / t_hi if t_hi else 0) / 10,
                        [fig],
                        direction=_direction(fig.point),
                    )
            if len(small) >= 2:
                self.add("small", ESTABLISHED, 5, small, count=len(small), scope=scope, below=small_share)
            elif small:
                self.add("mover", _figure_status(small[0]), 6, small, direction=_direction(small[0].point))
        for fig in getattr(f, "providers", ()):
            self.add("provider", _figure_status(fig), 25, [fig], direction=_direction(fig.point))

        for c in f.commentary:
            self.add("commentary", SOURCE, 22, [], source=c.source, quote=c.quote)


def _form(facts: Any, claims: list[Claim], cfg: dict[str, Any]) -> str:
    figures = [f for f in facts.figures if f.metric in ("net_flow", "ytd_flow")]
    if not figures:
        return "none"
    if len(figures) <= int(cfg.get("brief_max_figures", 3)):
        return "brief"
    return "article"


def build_claims(facts: Any, style: HouseStyle) -> WeekClaims:
    """The week's claims from its facts (``writer.data.facts.WeekFacts``), heaviest first."""
    b = _Builder(facts, style)
    b.total()
    b.parts()
    ordered = tuple(sorted(b.claims, key=lambda c: (-c.weight, c.kind, c.scope, c.key)))
    total = facts.total
    direction = _direction(total.point) if total is not None and _sign_certain(total) else None
    return WeekClaims(
        week=facts.week,
        direction=direction,
        claims=ordered,
        publisher=str(style.claims.get("publisher") or ""),
        seed=week_seed(facts.week),
        form=_form(facts, b.claims, style.claims),
    )
