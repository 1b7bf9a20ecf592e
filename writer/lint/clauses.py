"""A light clause analysis for the causal rules: who speaks, what is the effect, what follows a connective.

Regexes find the words that can carry a cause ("due to", "amid", "drove", "as").
Whether a sentence *claims* a cause depends on its structure, which a pattern
cannot see: the effect must be a flow, investors' buying or selling, or a price
(not volumes, AUM, a bank's fate or a forecast); "following" must be followed by
an event, not a figure or a price level; an "as" clause must report a change that
runs in the same direction as the main clause (otherwise it is a contrast); a
cause that is itself a flow or a group of investors describes composition; and a
named party's reported speech is attribution, while an unnamed group's is the
outlet's own voice.

Why hand-built and not spaCy: loading a spaCy pipeline costs far more than the
whole lint run (one article must stay under 0.8x proselint's process time), and
these decisions need only clause bounds, a few word classes and the speaker,
which a handful of precompiled patterns over one sentence give in microseconds.
The word classes are data (the rule's ``effects``, ``non_effects``, ``agents``,
``events``, ``changes`` lists in the rules file), so an editor can extend them; so are
the words of the clause grammar itself (clause breaks, "up" and "down" verbs, contrast,
negation, anaphora, how speech is introduced: ``house_style.<language>.clauses``, read
by ``writer.clause_words``). This module holds only how the classes combine.
"""

from __future__ import annotations

from writer.clause_words import ClauseWords
from writer.lint import regex_store as regex  # regex, its compiled patterns kept between runs
from writer.record import asdict, dataclass  # dataclasses without generated code: fast start-up


@dataclass(frozen=True)
class Grammar:
    """The house style's clause words (writer.clause_words.ClauseWords), compiled for one language."""

    breaks: regex.Pattern
    pronoun_subject: regex.Pattern
    question: regex.Pattern
    wh: regex.Pattern
    up: regex.Pattern
    down: regex.Pattern
    contrast: regex.Pattern
    composition: regex.Pattern
    share_subject: regex.Pattern
    negated: regex.Pattern
    adding_up: regex.Pattern
    cause_stops: regex.Pattern
    temporal: regex.Pattern
    figure: regex.Pattern
    timelike: regex.Pattern
    state: regex.Pattern
    reading_verb: regex.Pattern
    cause_of: regex.Pattern
    lead: regex.Pattern
    habitual: regex.Pattern
    influence: regex.Pattern
    report_noun: regex.Pattern
    object_opener: regex.Pattern
    participle: regex.Pattern


# Each part of the grammar: a pattern around the house style's words ({field} of ClauseWords)
_SHAPES = {
    "breaks": "{breaks}",
    "pronoun_subject": r"^\W*(?:{pronoun_subjects})\b",
    "question": r"[?？]\W*$",
    "wh": r"\W*(?:{question_words})",
    "up": r"\b(?:{up})\b",
    "down": r"\b(?:{down})\b",
    "contrast": r"\b(?:{contrast})\b",
    "composition": "{composition}",
    "share_subject": r"\W*(?:[\w'’-]+\s+){{0,3}}?(?:{share_subjects})\b",
    "negated": r"\b(?:{negations})\s+(?:\w+\s+)?$",
    "adding_up": "(?:{adding_up})",
    "cause_stops": r"\b(?:{cause_stops})\b",
    "temporal": r"\b(?:{temporal})\b",
    "figure": "{figure}",
    "timelike": r"(?:{timelike_framings})\b",
    "state": "(?:{state_framings})$",
    "reading_verb": "(?:{reading_verbs})",
    "cause_of": r"\s*(?:{cause_of})((?:[\w'’-]+\s*){{1,4}})",
    "lead": "(?:{speech_leads}|{own_words})",
    "habitual": r"\b(?:{habitual})\b",
    "influence": r"\b(?:{influences})\b",
    "report_noun": r"\b(?:{report_nouns})\b",
    "object_opener": "(?:{object_openers})$",
    "participle": r"(?:{participles})\b",
}
_GRAMMARS: dict[ClauseWords, Grammar] = {}


def grammar(w: ClauseWords) -> Grammar:
    """Compiled once per set of words (the shipped English words on every run)."""
    if w not in _GRAMMARS:
        words = asdict(w)
        parts = {name: regex.compile(shape.format(**words), regex.IGNORECASE) for name, shape in _SHAPES.items()}
        _GRAMMARS[w] = Grammar(**parts)
    return _GRAMMARS[w]


@dataclass(frozen=True)
class Lexicon:
    """Word classes the analysis needs, compiled from the rule's lists."""

    effects: regex.Pattern  # flows, buying and selling, investors, prices, markets
    prices: regex.Pattern  # the price part of effects: flows can be a cause of prices
    non_effects: regex.Pattern  # volumes, AUM, forecasts, rates, institutions' fates
    agents: regex.Pattern  # who moved money, or the money itself: a cause of this kind is composition
    events: regex.Pattern  # what can be a reason after "amid", "following", "given", "with"
    changes: regex.Pattern  # verbs of change an "as" clause must carry to be a cause
    aggregates: regex.Pattern  # "had a total of": "as a result" that only adds up
    readings: regex.Pattern  # sentiment that flows can be read as ("reflecting weaker risk appetite")
    g: Grammar  # the clause words of the house style


_PARENS = regex.compile(r"\([^()]*\)")


def _clause(lex: Lexicon, text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of a sentence around [start, end): between the nearest breaks outside parentheses."""
    if "(" in text:  # "(X only; pending verification)": its semicolon does not end the outer clause
        text = _PARENS.sub(lambda m: " " * len(m.group()), text)
    lo = 0
    for m in lex.g.breaks.finditer(text, 0, start):
        lo = m.end()
    nxt = lex.g.breaks.search(text, end)
    hi = nxt.start() if nxt else len(text)
    return lo, hi


def nearest_term(lex: Lexicon, text: str, backwards: bool) -> str | None:
    """Which class the noun nearest to the connective belongs to: "effect", "other" or None.

    Nouns decide ("open interest rose": not a flow); with no noun of either class, a
    price verb ("Bitcoin fell below $90,000") makes the clause a price effect.
    """
    hits = [(m.start(), m.end(), "effect") for m in lex.effects.finditer(text)]
    hits += [(m.start(), m.end(), "other") for m in lex.non_effects.finditer(text)]
    if not hits:
        return "effect" if lex.prices.search(text) else None
    if backwards:
        return max(hits, key=lambda h: (h[1], h[2] == "other"))[2]
    return min(hits, key=lambda h: (h[0], h[2] == "effect"))[2]


def _effect_class(lex: Lexicon, side: str, backwards: bool, before: str) -> str | None:
    found = nearest_term(lex, side, backwards)
    if found is None and (not side.strip() or lex.g.pronoun_subject.search(side.strip())):
        # "It reflects ...", "The move was backed by ...": the effect is in the previous sentence
        found = nearest_term(lex, before, backwards=True)
    return found


def is_question(lex: Lexicon, sentence: str, heading: bool = False) -> bool:
    """A question ("What drove the exits?", a heading "Why funds sold") names a topic, it states no cause."""
    return lex.g.question.search(sentence) is not None or (heading and lex.g.wh.match(sentence) is not None)


def backward_claim(lex: Lexicon, text: str, start: int, end: int, before: str) -> bool:
    """A connective whose effect comes before it ("X due to Y", "X was driven by Y", "attributes X to Y")."""
    lo, hi = _clause(lex, text, start, end)
    effect_span = text[start:end]  # "attributed the outflows to": the effect sits inside the match
    head = text[lo:start] + " " + effect_span
    cause = text[end:hi]
    backwards = True
    if not regex.search(r"\w", text[lo:start]):
        # "Due to Y, X": the effect is the main clause after the comma
        comma = text.find(",", end)
        if comma != -1:
            cause, head = text[end:comma], text[comma + 1 : hi] + " " + effect_span
        backwards = False
    if _effect_class(lex, head, backwards, before) != "effect":
        return False
    if lex.aggregates.search(head):
        return False
    # "driven more by retail investors", "due to heavy investment in US ETFs": who moved the money, not why
    if _first_noun_class(lex, cause) == "agent" and not lex.prices.search(head):
        return False
    # "flows reflecting weaker risk appetite": a reading of sentiment (evidential), not a reason
    return not (lex.g.reading_verb.match(effect_span) and lex.readings.search(" ".join(cause.split()[:5])))


def _first_noun_class(lex: Lexicon, cause: str) -> str:
    """Whether the cause phrase is headed by an agent (investors, inflows) within its first words."""
    lead = " ".join(regex.findall(r"[\w$.'’-]+", cause)[:5])
    lead = lex.g.cause_stops.split(lead)[0]  # "attitude among investors": not an agent
    agent = lex.agents.search(lead)
    event = lex.events.search(lead)
    if agent and (not event or agent.start() < event.start()):
        return "agent"
    return "event" if event else "other"


def forward_claim(lex: Lexicon, text: str, start: int, end: int, before: str) -> bool:
    """A verb whose effect follows it ("X drove the outflows", "X caused BTC to fall")."""
    lo, hi = _clause(lex, text, start, end)
    comma = text.find(",", end)
    stop = hi if comma == -1 else min(hi, comma)
    effect = " ".join(text[start:stop].split()[:9])  # the object, not the rest of the sentence
    # the object after the verb decides ("cut the cost of entry for allocators": allocators); only when
    # it holds no noun of either class do the matched words ("selling pressure") decide
    after = nearest_term(lex, " ".join(text[end:stop].split()[:7]), backwards=False)
    if (after or nearest_term(lex, effect, backwards=False)) != "effect":
        return False
    if lex.g.composition.search(effect):
        return False  # "caused a sizable share of the outflows": composition
    # "heavy redemptions, amplifying the net outflow": flows adding up to flows, not a cause
    cause = text[lo:start]
    return not (
        lex.agents.search(cause)
        and lex.agents.search(effect)
        and not lex.prices.search(effect)
        and lex.g.adding_up.match(text[start:end])
    )


def influence_claim(lex: Lexicon, text: str, start: int, end: int, before: str) -> bool:
    """ "lifted demand for Bitcoin funds", "dented Ether's price": a verb of influence is a cause when its
    object itself is a flow, a demand or a price; "lifted them to a high" (rates) and "denting the progress
    funds had made" have another object, whatever nouns follow it."""
    words = regex.findall(r"[\w$'’-]+", text[end : end + 80])
    while words and lex.g.object_opener.match(words[0]):
        words.pop(0)
    head = " ".join(words[:2])
    if not head or lex.g.pronoun_subject.match(head) or nearest_term(lex, head, backwards=False) != "effect":
        return False
    return forward_claim(lex, text, start, end, before)


def framing_claim(lex: Lexicon, text: str, start: int, end: int, before: str) -> bool:
    """ "amid", "following", "given", "with X -ing": a cause only when an event or condition follows
    and the main clause is a flow or a price."""
    lo, hi = _clause(lex, text, start, end)
    comma = text.find(",", end)
    stop = min(comma if comma != -1 else hi, hi, end + 120)
    complement = text[end:stop]
    word = text[start:end].strip()
    if not lex.g.state.match(word):  # "with X -ing" is a state by its shape; the others need an event after them
        if not lex.events.search(complement):
            return False
        if lex.g.timelike.match(word) and _temporal(lex, complement):
            return False
    elif text[lo:start].strip() and not _influence(lex, complement):
        return False  # "..., with Bitcoin taking most of it": make-up of the flows, not a cause
    if regex.match(r"\W*$", text[lo:start]):  # "Amid X, Y" / "With X -ing, Y": the effect is the main clause
        return nearest_term(lex, text[stop:hi], backwards=False) == "effect"
    return _effect_class(lex, text[lo:start], backwards=True, before=before) == "effect"


def _influence(lex: Lexicon, complement: str) -> bool:
    """A mid-sentence "with X -ing" is a cause when its participle is a verb of influence ("with tariff
    threats weighing on sentiment") or an event's change ("with inflation cooling"); a participle of
    make-up or of the flows themselves ("with US products taking the lion's share") is none."""
    if lex.g.influence.search(complement):
        return True
    participle = lex.g.participle.search(complement)
    subject = complement[: participle.start()] if participle else ""
    return bool(lex.changes.search(complement)) and _first_noun_class(lex, subject) == "event"


def _temporal(lex: Lexicon, complement: str) -> bool:
    """ "following a $2 billion inflow", "following a new all-time high": a point in time, not a reason."""
    head = " ".join(complement.split()[:7])
    return lex.g.figure.search(head) is not None or lex.g.temporal.search(head) is not None


def as_claim(lex: Lexicon, text: str, start: int, end: int, before: str) -> bool:
    """ "Y as X": causal when X reports a change in the same direction as Y, and Y is a flow or a price."""
    word = text[start:end].strip().lower()
    after = word == "after" or word.startswith("follow")  # "X usually follows Y": Y before X in time
    if after and not lex.g.habitual.search(text):
        return False  # the common case first: "after" is a time unless the sentence states a rule (below)
    lo, hi = _clause(lex, text, start, end)
    clause = text[end:hi]
    comma = clause.find(",")
    as_part = " ".join((clause if comma == -1 else clause[:comma]).split()[:14])
    main = text[lo:start] if text[lo:start].strip() else clause[comma + 1 :] if comma != -1 else ""
    # a "when" clause under a main clause stated as a general rule is a mechanism whatever its condition
    # ("Whenever the Fed signals patience, allocators generally add"); otherwise the condition must be a change
    rule = (after or word in ("when", "whenever")) and lex.g.habitual.search(text[lo:hi]) is not None
    if not main.strip() or not (rule or lex.changes.search(as_part)):
        return False
    # a mid-sentence "when" is a time ("Flows turned in March, when Bitcoin fell") and "after" always one
    # ("came after the vote") unless the clause states a general rule ("Funds usually see redemptions when
    # yields climb", "Ether funds usually attract money after upgrades"); "whenever" states one by itself
    if not rule and (after or (word == "when" and text[lo:start].strip())):
        return False
    # a rule must be about trading: someone who moves money, a move up or down, or a price ("funds usually
    # attract money after upgrades"); "funds usually publish holdings after the close" states a habit, no cause
    # ("flow figures are often revised after publication" is about the figures: a report noun)
    if rule and not (
        any(p.search(main) for p in (lex.g.up, lex.g.down, lex.prices))
        or (lex.agents.search(main) and not lex.g.report_noun.search(main))
    ):
        return False
    if lex.g.contrast.search(as_part):
        return False
    if lex.g.share_subject.match(as_part):
        return False  # "rotation deepens as Bitcoin's share slides": one flow's share of the others is composition
    if nearest_term(lex, main, backwards=bool(text[lo:start].strip())) != "effect":
        return False
    main_up, main_down = bool(lex.g.up.search(main)), bool(lex.g.down.search(main))
    as_up, as_down = bool(lex.g.up.search(as_part)), bool(lex.g.down.search(as_part))
    if rule:
        return True  # a rule is no contrast: "allocators typically trim crypto funds when yields climb"
    # opposite directions are a contrast ("Bitcoin slid as Solana surged")
    main_way = (main_up and not main_down) - (main_down and not main_up)
    as_way = (as_up and not as_down) - (as_down and not as_up)
    return main_way * as_way >= 0


def claim_effect(lex: Lexicon, text: str, start: int, end: int, before: str) -> bool:
    """Motives, mechanisms and cause nouns: a claim, unless what they are the cause *of* is not a flow or price."""
    of = lex.g.cause_of.match(text[end:])
    return not (of and nearest_term(lex, of.group(1), backwards=False) == "other")


def speaker_pattern(
    verbs: list[str] | tuple[str, ...], unnamed: list[str] | tuple[str, ...], w: ClauseWords
) -> regex.Pattern:
    """A named party (or a definite reference back to one) that speaks: "CoinShares analysts said",
    "according to Glassnode", "The firm added", "in their words", "post by CoinShares:".

    Unnamed groups ("Analysts", "Some market watchers", "according to reports") never match:
    what they say is the outlet's own voice.
    """
    skip = "|".join(regex.escape(w) for w in unnamed) or "(?!)"
    verb = "|".join(regex.escape(v) for v in verbs)
    word = rf"(?!(?:{skip})\b)\p{{Lu}}(?:[\w&'’-]|\.(?=\w))*"
    # the name grammar written out where it is used: regex's subroutine calls ((?&name), DEFINE)
    # compile faster but match about 3x slower, and the compiled pattern is kept in the rule
    # cache (regex_store), so a run pays the matching, not the compiling
    name = rf"{word}(?:\s+(?:(?i:{w.name_joiners})\s+)?{word})*"
    role = rf"(?:{w.possessives})?(?:\s+(?!(?:{verb}|{w.that})\b)[a-z][\w-]*){{0,4}}?"
    who = rf"(?:{name}{role}|\b(?i:{w.anaphora})\b)"
    return regex.compile(
        rf"(?:\b(?i:{w.speech_leads})\s+{who})"
        rf"|(?:\b(?i:{w.own_words})\b)"
        rf"|(?:\b(?i:{w.statements})\s+(?i:{w.statement_links})\s+{name})"
        rf"|(?:{who}(?:,[^,]{{1,80}},)?\s+(?:\w+\s+)?(?:{verb})\b)",
        regex.VERSION0,
    )


def attributed(lex: Lexicon, speaker: regex.Pattern, text: str, start: int, end: int) -> bool:
    """The hit sits in what a named party says: a speaker before it, or reported speech closing the
    sentence ("...," the analysts wrote). A closing "according to X" attributes the figure, not the cause."""
    first_word = regex.match(r"\s*\w+", text[start:end])
    head = text[:start] + (first_word.group() if first_word else "")
    if speaker.search(head):
        return True
    tail = text[end:]
    for m in speaker.finditer(tail):
        said = not lex.g.lead.match(m.group())
        if said and tail[: m.start()].rstrip().endswith((",", '"', "”")):
            return True
    return False
