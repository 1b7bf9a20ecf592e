"""The quicker inline pass (writer/render/inline.py) gives the library's HTML, byte for byte."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension

from writer.render.html import _converter
from writer.render.inline import QuickInline, quick_inline

ROOT = Path(__file__).resolve().parent.parent

# every inline construct of the library, each where a pattern must start late in the text,
# after a placeholder, inside emphasis or a link, or right after an escape
DOCUMENTS = [
    "Plain words, no markup at all.",
    "A `code span` then *emphasis*, **strong**, ***both*** and _under_ __score__.",
    "Escapes: \\*not em\\*, \\[not a link\\], \\`not code\\` and a back\\\\slash.",
    "Link [text](http://example.com \"title\"), image ![alt](a.png), ref [x][r], short [r].\n\n[r]: http://r.example",
    "Autolink <http://example.com/a?b=1> and mail <someone@example.com>.",
    "Entities &amp; &lt; &#169; &#x41; and a bare & in S&P, 5 < 6 > 4.",
    'Inline <span class="x">html</span> and <!-- a comment --> here.',
    "A line break at two spaces  \nthen the next line.",
    "Nested: **bold with `code` and [a *link*](u)** then `a`, `b` and ``c ` d``.",
    "Odd ones: ` unclosed, [unclosed, ![unclosed, <unclosed, **unclosed, \\",
    "Back to back: `a``b` [a](b)[c](d) **a**_b_ <b>x</b><i>y</i>",
    "- item with `code`\n- item with [link](u)\n\n1. first *em*\n2. second\n\n> quote with **strong**",
    "| a | `b` |\n|---|---|\n| *c* | [d](e) |",
    "A heading\n=========\n\n## Another with `code`\n\nText after.",
]


def _stock() -> markdown.Markdown:
    return markdown.Markdown(extensions=[SaneListExtension(), TableExtension()], output_format="html")


def test_the_page_converter_uses_the_quick_pass():
    assert isinstance(_converter().treeprocessors["inline"], QuickInline)


@pytest.mark.parametrize("text", DOCUMENTS)
def test_same_html_as_the_library(text):
    stock, quick = _stock(), quick_inline(_stock())
    assert quick.reset().convert(text) == stock.reset().convert(text)


def test_same_html_for_the_shipped_articles_and_samples():
    stock, quick = _stock(), quick_inline(_stock())
    paths = sorted(ROOT.glob("tests/golden/**/*.md")) + sorted(ROOT.glob("samples/articles/**/*.md"))
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert quick.reset().convert(text) == stock.reset().convert(text), path


def test_a_pattern_that_needs_a_character_is_skipped_only_without_it():
    """The code-span pattern is searched from the start index: a backtick before it does not count."""
    quick = quick_inline(_stock())
    text = "`a` then plain then `b`"
    expected = "<p><code>a</code> then plain then <code>b</code></p>"
    assert quick.reset().convert(text) == _stock().convert(text) == expected
