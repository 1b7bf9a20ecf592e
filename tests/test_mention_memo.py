"""The mention reader's remembered reading-word answers are the patterns' own, and stay bounded."""

from writer.housestyle import shipped
from writer.lint import mentions

WINDOWS = [
    "year-to-date flows stand at ",
    " in the previous week",
    "assets under management rose to ",
    " so far this year",
    "Bitcoin saw a net outflow of ",
    "",
]


def test_remembered_answers_are_the_patterns_answers(monkeypatch):
    reading = shipped("en").reading
    monkeypatch.setattr(mentions, "_SEEN", {})
    monkeypatch.setattr(mentions, "_SEEN_MAX", 3)  # cleared and refilled several times below
    for _ in range(2):
        for pattern in (reading.ytd, reading.previous, reading.aum, reading.daily):
            for text in WINDOWS:
                assert mentions._found(reading, pattern, text) == (pattern.search(text) is not None)
    (held,) = mentions._SEEN.values()
    assert held[0] is reading and 0 < len(held[1]) <= 3


def test_a_long_window_is_searched_not_held(monkeypatch):
    reading = shipped("en").reading
    monkeypatch.setattr(mentions, "_SEEN", {})
    text = "word " * 200 + "year to date"
    assert mentions._found(reading, reading.ytd, text)
    assert not mentions._SEEN  # nothing remembered: a hostile document cannot fill memory through it
