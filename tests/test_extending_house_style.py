"""A newsroom's extending rules file changes the phrases: every real week follows and lints clean."""

import pytest
import yaml

from tests.conftest import HISTORY
from writer.data.facts import History
from writer.draft import render_week
from writer.housestyle import shipped
from writer.setup import load_setup

SHIPPED = shipped()


def _reordered() -> dict:
    """Second phrases first: qualifier, hedges and the outflow word."""
    swap = lambda words: [words[1], words[0], *words[2:]]  # noqa: E731
    return {
        "qualifiers": swap(list(SHIPPED.qualifiers)),
        "money": {"hedges": {b: swap(list(SHIPPED.money.hedges[b])) for b in ("approx", "over")}},
        "direction": {"outflow": ["redemption", *[w for w in SHIPPED.outflow_words if w != "redemption"]]},
    }


def _replaced() -> dict:
    """New phrases the shipped file does not have, printed first (the old ones stay accepted,
    as the shipped rules' own examples use them)."""
    return {
        "qualifiers": ["awaiting confirmation", *SHIPPED.qualifiers],
        "money": {"hedges": {"approx": ["circa", *SHIPPED.money.hedges["approx"]]}},
        "direction": {"inflow": ["net addition", "addition", *SHIPPED.inflow_words]},
    }


def _trimmed() -> dict:
    """Only the words the writer prints are left: the writer no longer refuses its own drafts."""
    return {
        "qualifiers": [SHIPPED.qualifier],
        "direction": {"outflow": ["outflow", "outflows"], "inflow": ["inflow", "inflows"]},
        "money": {"hedges": {b: [SHIPPED.hedge(b)] for b in ("approx", "over", "under", "nearly")}},
    }


@pytest.mark.parametrize("change", [_reordered, _replaced, _trimmed], ids=["reordered", "replaced", "trimmed"])
def test_every_week_uses_the_newsroom_phrases_and_lints_clean(tmp_path, change, monkeypatch):
    monkeypatch.setenv("WRITER_NO_CACHE", "1")
    style = change()
    rules = tmp_path / "newsroom.yaml"
    rules.write_text(yaml.safe_dump({"extends": "editorial.yaml", "house_style": {"en": style}}))
    setup = load_setup(rules)
    hs = setup.style
    assert hs.qualifier == style["qualifiers"][0]
    history = History.from_files([HISTORY], setup.style, setup.vocabulary)
    used = set()
    for week in history.weeks:
        facts = history.week(week)
        draft = render_week(facts, setup)
        assert not draft.findings, (week, [f.message for f in draft.findings])
        body = draft.article.body
        for old, new in [
            (SHIPPED.qualifier, hs.qualifier),
            (SHIPPED.hedge("approx") + " $", hs.hedge("approx") + " $"),
            (SHIPPED.hedge("over") + " $", hs.hedge("over") + " $"),
            (f"net {SHIPPED.word('outflow')} of", f"net {hs.word('outflow')} of"),
            (f"net {SHIPPED.word('inflow')} of", f"net {hs.word('inflow')} of"),
        ]:
            if old == new:
                continue
            assert old not in body, (week, old)
            if new in body:
                used.add(new)
    changed = {hs.qualifier, hs.hedge("approx") + " $"} - {SHIPPED.qualifier, SHIPPED.hedge("approx") + " $"}
    assert changed <= used  # the history exercises the new phrases, not only their absence
