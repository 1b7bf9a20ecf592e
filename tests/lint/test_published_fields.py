"""Front-matter fields, image alt text and link text are prose that rules read, in place."""

from dataclasses import replace

from writer.lint.context import Context
from writer.lint.document import parse
from writer.lint.engine import lint_text

RISK = "\n\nThis article is not investment advice.\n"


def lint(text, setup, ruleset=None):
    return lint_text(text, "a.md", ruleset or setup.ruleset, Context(setup.style, setup.vocabulary)).findings


def at(findings, rule):
    return [(f.line, f.column) for f in findings if f.rule == rule]


def test_title_description_and_summary_are_linted_in_place(setup):
    text = (
        "---\n"
        "title: Funds shed money due to rate fears\n"
        "week: 2026-01-26\n"
        "description: 'Investors fled as yields rose.'\n"
        "summary: >-\n"
        "  A quiet week. Redemptions were\n"
        "  triggered by the ruling.\n"
        "---\n\n# Weekly flows\n\nCrypto funds recorded a net outflow, according to CoinShares." + RISK
    )
    assert at(lint(text, setup), "no-causal-attribution") == [(2, 25), (4, 15), (7, 3)]


def test_keys_and_other_fields_stay_masked(setup):
    doc = parse("---\ntitle: Funds fell\nslug: due-to-fear\nweek: 2026-01-26\n---\nBody.\n")
    assert doc.prose.startswith("   \n" + " " * len("title: ") + "Funds fell\n")
    assert "due" not in doc.prose and "week" not in doc.prose
    assert doc.blocks[0].kind == "field"


def test_the_rules_file_lists_the_fields(setup):
    text = "---\ntitle: Weekly flows\nog_title: Funds fell due to fear\n---\n\nA calm week." + RISK
    assert at(lint(text, setup), "no-causal-attribution") == []
    ruleset = replace(setup.ruleset, fields=("title", "og_title"))
    assert at(lint(text, setup, ruleset), "no-causal-attribution") == [(3, 22)]


def test_superlatives_in_front_matter_count(setup):
    text = "---\ntitle: Largest outflow since 2022\n---\n\nIt was the biggest week since May." + RISK
    assert at(lint(text, setup), "superlative-once") == [(5, 12)]


def test_alt_text_and_link_text_are_prose(setup):
    text = (
        "# Flows\n\nA calm week, according to CoinShares.\n\n"
        "![Funds fell due to fear](chart.png)\n\n"
        "Read [why investors fled because of the ruling](https://example.com/due-to)." + RISK
    )
    assert at(lint(text, setup), "no-causal-attribution") == [(5, 14), (7, 11)]
