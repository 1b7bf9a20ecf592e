"""Entity scope and direction on articles nobody tuned the reader for (issue 11, held-out work).

A wrong row is far worse than a missed one: a figure whose entity or direction the
words do not settle is reported, not guessed. Every sentence here is our own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from writer.extract import Article, extract
from writer.setup import load_setup

SETUP = load_setup(language="en")
SETUP_ZH = load_setup(language="zh")
WEEK = dt.date(2026, 3, 9)


def rows_of(text: str, setup=SETUP):
    found = extract(Article("a.md", text, {}), WEEK, setup.style, setup.vocabulary, "Desk", "")
    return {(r.key, r.metric, r.usd_m) for r in found.rows}, found


def test_a_year_to_date_figure_naming_nothing_is_not_carried_to_an_asset_named_earlier():
    text = (
        "# Solana funds lead a quiet week\n\n"
        "Solana products took in $30 million.\n\n"
        "Germany and Canada recorded inflows of $12 million and $7 million. "
        "Year-to-date inflows now stand at $2.4 billion.\n"
    )
    rows, _ = rows_of(text)
    assert ("Germany", "net_flow", "12") in rows and ("Canada", "net_flow", "7") in rows
    assert not any(metric == "ytd_flow" and key != "all" for key, metric, _ in rows)


def test_an_unnamed_figure_right_after_one_named_entity_is_reported_not_guessed():
    rows, found = rows_of("Inflows into Bitcoin came to $31 million. Year-to-date inflows stand at $890 million.\n")
    assert rows == {("Bitcoin", "net_flow", "31")}
    assert any("$890 million" in s.text and "unclear" in s.reason for s in found.skipped)


def test_a_headline_asset_does_not_own_figures_of_an_article_that_names_others():
    text = (
        "# Ether funds bleed again\n\n"
        "Ethereum products lost $120 million, while Bitcoin vehicles drew $40 million.\n\n"
        "Assets under management slipped to $131.6 billion.\n"
    )
    rows, found = rows_of(text)
    assert rows == {("Ethereum", "net_flow", "-120"), ("Bitcoin", "net_flow", "40")}
    assert any("Ethereum's (the headline's)" in s.reason for s in found.skipped)


def test_its_carries_the_one_name_of_the_sentence_before():
    rows, _ = rows_of("Bitcoin had a hard week. Its funds shed $156 million.\n")
    assert rows == {("Bitcoin", "net_flow", "-156")}


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("Bitcoin funds gathered $1.2 billion and Solana products $96 million.",
         {("Bitcoin", "net_flow", "1200"), ("Solana", "net_flow", "96")}),
        ("Investors put $240 million into Bitcoin products and $31 million into Ethereum ones.",
         {("Bitcoin", "net_flow", "240"), ("Ethereum", "net_flow", "31")}),
        ("Investors pulled $203 million from Ethereum funds.", {("Ethereum", "net_flow", "-203")}),
        ("XRP added $12.5 million.", {("XRP", "net_flow", "12.5")}),
        ("Multi-asset products bled $9.5 million.", {("Multi-asset", "net_flow", "-9.5")}),
        ("Short-bitcoin products shed $4.1 million.", {("Short Bitcoin", "net_flow", "-4.1")}),
        ("Bitcoin saw $71 million exit and Ethereum $40 million.",
         {("Bitcoin", "net_flow", "-71"), ("Ethereum", "net_flow", "-40")}),
        # the second clause has a verb of its own that is no direction word: no carried sign
        ("Bitcoin lost $35 million, and XRP booked $8 million.", {("Bitcoin", "net_flow", "-35")}),
        # the list's direction, not "outflows" that belongs to the next amount
        ("Germany and Canada saw inflows of $14 million and $9 million respectively, against US outflows of "
         "$447 million.",
         {("Germany", "net_flow", "14"), ("Canada", "net_flow", "9"), ("United States", "net_flow", "-447")}),
        ("Year-to-date, flows are still negative at $1.1 billion.", {("all", "ytd_flow", "-1100")}),
        # a verb after the amount that the next subject owns gives this amount no direction
        ("Bitcoin took the top spot with $910 million, Ethereum collected $102 million.",
         {("Ethereum", "net_flow", "102")}),
        ("$1.05 billion entered digital asset funds.", {("all", "net_flow", "1050")}),
        ("The funds were led by Bitcoin (-$1.09B) and Ethereum close behind (-$630M).",
         {("Bitcoin", "net_flow", "-1090"), ("Ethereum", "net_flow", "-630")}),
    ],
)  # fmt: skip
def test_relay_verbs_and_elliptic_lists(text, rows):
    assert rows_of(text)[0] == rows


def test_two_names_listed_do_not_share_one_amount():
    rows, found = rows_of("Switzerland and Germany together saw $60 million of inflows.")
    assert rows == set() and "several entities" in found.skipped[0].reason


def test_chinese_lists_pair_by_order_and_verbs_bind_without_spaces():
    rows, _ = rows_of("德国和瑞士分别流入 1,200 万美元和 650 万美元。比特币吸纳 2.3 亿美元。", SETUP_ZH)
    assert rows == {("Germany", "net_flow", "12"), ("Switzerland", "net_flow", "6.5"), ("Bitcoin", "net_flow", "230")}
