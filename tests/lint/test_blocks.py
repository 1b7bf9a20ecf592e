"""The quick block scanner gives what markdown-it gives, on every document it accepts."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from writer.articlefile import FRONT_MATTER
from writer.lint.blocks import READ_TYPES, markdown_it_tokens, scan

SHARED = ROOT.parent / "shared"


def _read(tokens) -> list[tuple]:
    """What the linter reads of a token stream."""
    out = []
    for tok in tokens:
        if tok.type == "inline":
            out.append(("inline", list(tok.map), tok.content if out and out[-1][0] == "heading_open" else ""))
        elif tok.type in READ_TYPES:
            out.append((tok.type, tok.tag if tok.type == "heading_open" else ""))
    return out


def _agree(src: str) -> bool:
    """True when the scanner took the document (and then it must agree); False when it declined."""
    quick = scan(src)
    if quick is None:
        return False
    assert _read(quick) == _read(markdown_it_tokens(src)), src
    return True


def _documents() -> list[str]:
    paths = [*ROOT.glob("samples/**/*.md"), *ROOT.glob("tests/golden/*.md"), *ROOT.glob("*.md")]
    paths += [*ROOT.glob("docs/*.md")]
    paths += [*SHARED.glob("corpus-dev/**/*.md"), *SHARED.glob("reference/*")]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths if p.is_file()]
    out = []
    for text in texts:
        fm = FRONT_MATTER.match(text)
        out.append(text[fm.end() :] if fm else text)
    return out


def test_scanner_agrees_on_real_documents():
    docs = _documents()
    taken = sum(_agree(doc) for doc in docs)
    assert taken >= len(docs) // 2  # plain articles are the common case


def test_scanner_agrees_on_every_draft(setup, real_history):
    from writer.draft import render_week

    for week in real_history.weeks[:6]:
        assert _agree(render_week(real_history.week(week), setup).article.markdown.split("---\n", 2)[-1])


def test_scanner_declines_what_it_does_not_read():
    for src in [
        "Para\n---\n",
        "```\ncode\n```\n",
        "> quote\n",
        "    code\n",
        "| a | b |\n| - | - |\n| 1 | 2 |\n",
        "- a\n\n  more\n",
        "- a\n  - b\n",
        "[x]: http://example.com\n",
        "<div>\nx\n</div>\n",
        "Title\n===\n",
        "a\tb\n",
    ]:
        assert scan(src) is None, src


LINES = st.sampled_from(
    [
        "",
        "   ",
        "Plain words here.",
        "Funds fell. Then rose.",
        "# Heading",
        "## Heading ##",
        "### Heading #not closing",
        "#hashtag line",
        "####### seven",
        "   # indented heading",
        "- item one",
        "* star item",
        "+ plus item",
        "1. first",
        "2) second",
        "10. tenth",
        "-not a list",
        "- ",
        "-",
        "  continued lazily",
        "      deep continuation",
        "    code or continuation",
        "***",
        "* * *",
        "---",
        "___",
        "===",
        "<!-- writer-lint disable -- why -->",
        "<!-- open comment",
        "closing -->",
        "<b>html</b>",
        "> quote",
        "```",
        "[ref]: /url",
        "a | b",
        "| - | - |",
        "**Bold:** lead",
        "  - nested?",
        "   1. indented ordered",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=12))
def test_scanner_agrees_on_generated_documents(lines):
    _agree("\n".join(lines) + "\n")
