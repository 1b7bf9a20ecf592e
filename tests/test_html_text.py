"""The HTML readers see says what the linter checked: same blocks, same words.

HTML is made by ``markdown``; the linter reads with markdown-it-py. For every
week of the real history, each paragraph, list item and heading of the page
must carry the text of the matching block the linter read.
"""

import re
from html.parser import HTMLParser

from writer.draft import render_week
from writer.lint.document import parse

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6"}


class _Blocks(HTMLParser):
    """Text of every paragraph, list item and heading inside <main> (or the whole body)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self._open.append((tag, []))

    def handle_endtag(self, tag):
        if tag in BLOCKS and self._open and self._open[-1][0] == tag:
            name, parts = self._open.pop()
            self.blocks.append((name, "".join(parts)))

    def handle_data(self, data):
        if self._open:
            self._open[-1][1].append(data)


def _words(text: str) -> str:
    return " ".join(text.split())


def _html_blocks(html: str) -> list[tuple[str, str]]:
    body = html.split("<body", 1)[-1]
    parser = _Blocks()
    parser.feed(body)
    kinds = {"p": "paragraph", "li": "item"}
    return [(kinds.get(tag, "heading"), _words(text)) for tag, text in parser.blocks]


def _linted_blocks(markdown: str, style) -> list[tuple[str, str]]:
    doc = parse(markdown, "a.md")
    doc.sentence_rules = style.sentences
    return [(b.kind, _words(doc.block_text(i))) for i, b in enumerate(doc.blocks)]


def test_every_block_of_every_page_is_the_text_the_linter_checked(real_history, setup):
    seen = set()
    for week in real_history.weeks:
        draft = render_week(real_history.week(week), setup)
        page = [b for b in _html_blocks(draft.html) if b[1] != _words(draft.article.title) or b[0] != "heading"]
        linted = [b for b in _linted_blocks(draft.article.markdown, setup.style) if b[1] != _words(draft.article.title)]
        assert page == linted, week
        seen.update(kind for kind, _ in linted)
    assert {"paragraph", "heading"} <= seen  # drafts have no lists since the main-lines section went


def test_the_comparison_sees_a_changed_word(real_history, setup):
    draft = render_week(real_history.week(real_history.weeks[-1]), setup)
    head, body = draft.html.split("<body", 1)
    changed = head + "<body" + re.sub(r"net (?:outflow|inflow)", "net change", body, count=1)
    assert _html_blocks(changed) != _linted_blocks(draft.article.markdown, setup.style)
