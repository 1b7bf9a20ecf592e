import pytest

from writer.lint.document import parse, split_sentences


def sentences(text):
    return [text[a:b].strip() for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flows in the U.S. fell. Canada rose.", ["Flows in the U.S. fell.", "Canada rose."]),
        ("Outflows from the U.S. The rest rose.", ["Outflows from the U.S.", "The rest rose."]),
        ("U.S. funds lost $1.7 billion. Solana added 3.5%.", ["U.S. funds lost $1.7 billion.", "Solana added 3.5%."]),
        ("On Jan. 26 funds fell. They rose e.g. in Canada.", ["On Jan. 26 funds fell.", "They rose e.g. in Canada."]),
        ('He said "It fell." Then it rose.', ['He said "It fell."', "Then it rose."]),
        ("BTC and ETH fell. SOL rose!", ["BTC and ETH fell.", "SOL rose!"]),
    ],
)
def test_sentence_splitting(text, expected):
    assert sentences(text) == expected


def test_non_prose_is_masked_and_positions_are_file_positions():
    src = (
        "---\nweek: 2026-01-26\nnote: due to\n---\n\n# Title due\n\n"
        "Text with `due to` code and [a link](https://x.io/due-to) here.\n\n"
        "```\ndue to\n```\n\n    due to indented\n\n<!-- due to -->\nLast due to.\n"
    )
    doc = parse(src, "a.md")
    assert doc.front_matter.startswith("week:")
    hits = [i for i in range(len(doc.prose)) if doc.prose.startswith("due to", i)]
    assert len(hits) == 1
    assert doc.position(hits[0]) == (17, 6)
    assert src.splitlines()[16][5:11] == "due to"
    assert "a link" in doc.prose


def test_headings_and_list_items_are_their_own_sentences():
    doc = parse("## Bitcoin leads\n\n- first item\n- second item\n\nA paragraph. Two sentences.\n")
    texts = [s.text for s in doc.sentences]
    assert texts == ["Bitcoin leads", "first item", "second item", "A paragraph.", "Two sentences."]
    assert [doc.blocks[s.block].kind for s in doc.sentences][:3] == ["heading", "item", "item"]


def test_quotes_are_found_straight_and_curly():
    doc = parse('It said "due to rates" and “driven by fear”.')
    sentence = doc.sentences[0]
    assert len(sentence.quotes) == 2


def test_suppressions_are_parsed():
    doc = parse(
        "<!-- writer-lint disable a-rule -- quoting a source -->\nX\n<!-- writer-lint enable a-rule -->\n"
        "<!-- writer-lint disable-next-line b-rule -->\nY\n"
    )
    assert [(s.action, s.rules, s.reason) for s in doc.suppressions] == [
        ("disable", ("a-rule",), "quoting a source"),
        ("enable", ("a-rule",), ""),
        ("disable-next-line", ("b-rule",), ""),
    ]
    assert doc.suppressed("a-rule", 2) is not None and doc.suppressed("a-rule", 4) is None
    assert doc.suppressed("b-rule", 5) is not None and doc.suppressed("b-rule", 2) is None
