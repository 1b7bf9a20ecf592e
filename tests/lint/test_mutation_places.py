"""Every published place is linted: one thing broken in the front-matter title, the headline, a
list item or a table cell of a generated draft is caught there, with the right rule and position.

The drafts carry the week's total in the title and the headline; a list item and a table row that
restate the lead's figure (as an editor might add) give the other two places.
"""

import re

import pytest

from tests.lint.test_mutations import DRAFTS, HIST, findings, lead_offset, position
from writer.money import find_amounts

PLACES = ("title", "heading", "list item", "table cell")
FLAG = re.compile(r" \([^()]*?pending verification[^()]*\)")


def _lead_clause(text: str) -> str:
    """The lead's phrase that states the total: "a net outflow of approximately $X (flag)"."""
    lead = text[lead_offset(text) :]
    match = re.search(r"\bnet (?:outflow|inflow) of [^.;$]*?\$[\d.,]+ \w+(?: \([^()]*\))?", lead)
    assert match, lead[:200]
    return match.group()


def with_places(text: str) -> str:
    """The draft with a list item and a table row restating the lead's total, before the risk notice."""
    clause = _lead_clause(text)
    item = f"- **Total:** digital asset investment products recorded a {clause}.\n"
    row = f"| Total | Digital asset investment products recorded a {clause} |\n\n"
    table = "| Scope | Reported |\n| --- | --- |\n" + row
    at = text.index("## Risk notice")
    return text[:at] + "In short:\n" + item + "\n" + table + text[at:]


def place_span(text: str, place: str) -> tuple[int, int]:
    """Where the place's text stands in the document."""
    if place == "title":
        m = re.search(r"^title: (.*)$", text, re.MULTILINE)
    elif place == "heading":
        m = re.search(r"^# (.*)$", text, re.MULTILINE)
    elif place == "list item":
        m = re.search(r"^- \*\*Total:\*\* (.*)$", text, re.MULTILINE)
    else:
        m = re.search(r"^\| Total \| (.*) \|$", text, re.MULTILINE)
    assert m, place
    return m.span(1)


def first_amount(text: str, span: tuple[int, int]) -> tuple[int, int]:
    found = find_amounts(text[span[0] : span[1]])
    assert found, text[span[0] : span[1]]
    return span[0] + found[0][0], span[0] + found[0][1]


# weeks whose reports give a total: it is the figure that title, headline, item and cell carry
def hits(changed: str, facts, rule: str) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in findings(changed, facts) if f.rule == rule]


def placed(week):
    """The week's facts and its draft with the list item and table row added."""
    facts, text = DRAFTS[week]
    return facts, with_places(text)


# (every other one: flagged and verified totals both stay in the sample, and the suite stays fast)
def _usable(text: str) -> bool:
    """A title and headline with the total and its direction word, and a lead stating it."""
    title = re.search(r"^title: (.*)$", text, re.MULTILINE)
    # a conflict's range ("$1.2 billion to $1.3 billion") is no single total for the item to restate
    lead = re.search(r"\bnet (?:outflow|inflow) of [^.;$]*?\$[\d.,]+ \w+( to \$)?", text[lead_offset(text) :])
    if not (title and lead) or lead.group(1):
        return False
    return bool(re.search(r"\$\d", title.group(1)) and re.search(r"\b(?:out|in)flows?\b", title.group(1)))


WEEKS = [w for w in HIST.weeks if _usable(DRAFTS[w][1])][::2]


@pytest.mark.parametrize("week", WEEKS, ids=str)
def test_places_are_clean_before_mutation(week):
    facts, text = DRAFTS[week]
    changed = with_places(text)
    assert [f for f in findings(changed, facts) if f.level == "error"] == []


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("week", WEEKS, ids=str)
def test_changed_figure(week, place):
    facts, text = placed(week)
    s, e = first_amount(text, place_span(text, place))
    number = re.search(r"\d[\d,.]*", text[s:e])
    changed = text[: s + number.start()] + "9.9" + text[s + number.end() :]
    assert position(changed, s) in hits(changed, facts, "grounded-figures")


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("week", WEEKS, ids=str)
def test_flipped_direction(week, place):
    facts, text = placed(week)
    a, b = place_span(text, place)
    s, _ = first_amount(text, (a, b))
    word = re.search(r"\b(outflows?|inflows?)\b", text[a:b])
    assert word, text[a:b]
    flipped = {"outflow": "inflow", "inflow": "outflow", "outflows": "inflows", "inflows": "outflows"}[word.group()]
    at = a + word.start()
    changed = text[:at] + flipped + text[at + len(word.group()) :]
    shift = len(flipped) - len(word.group()) if at < s else 0
    assert position(changed, s + shift) in hits(changed, facts, "grounded-figures")


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("week", WEEKS, ids=str)
def test_removed_flag(week, place):
    facts, text = placed(week)
    a, b = place_span(text, place)
    flag = FLAG.search(text, a, b)
    if not flag:
        pytest.skip("the total is verified this week: no flag to remove")
    s, _ = first_amount(text, (a, b))
    changed = text[: flag.start()] + text[flag.end() :]
    assert position(changed, s) in hits(changed, facts, "flag-unverified-figures")


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("week", WEEKS, ids=str)
def test_causal_clause(week, place):
    facts, text = placed(week)
    _, b = place_span(text, place)
    clause = ", driven by fears over rates"
    changed = text[:b] + clause + text[b:]
    assert position(changed, b + len(", ")) in hits(changed, facts, "no-causal-attribution")


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("week", WEEKS, ids=str)
def test_second_superlative(week, place):
    """A claim in the place and one in the lead: the later of the two is the finding."""
    facts, text = DRAFTS[week]
    text = text.replace("largest", "most")  # drafts may carry a claim of their own: keep exactly two
    text = re.sub(r"\bsince\b", "after", text)
    text = with_places(text)
    claim = ", the biggest weekly move since 2021"
    at = lead_offset(text)
    text = text[:at] + "It was the largest outflow since 2022. " + text[at:]
    _, b = place_span(text, place)
    changed = text[:b] + claim + text[b:]
    found = hits(changed, facts, "superlative-once")
    if b > at:  # the place's claim is the second
        assert found == [position(changed, b + len(", the "))]
    else:  # the title's claim comes first: the lead's is now the second
        assert found == [position(changed, at + len(claim) + len("It was the "))]
