"""The causal rule decides by structure, not by the connective: the participle after ", with", whether a
"when" clause sits under a general rule, the object of a verb of influence, and (in Chinese) whether what
comes before 之际 is a change. Each pair differs only in that structure."""

import pytest

from writer.lint.context import Context
from writer.lint.engine import lint_text
from writer.setup import load_setup

ZH = load_setup(language="zh")


def causal(setup, text):
    found = lint_text(text, "<t>", setup.ruleset, Context(setup.style, setup.vocabulary)).findings
    return any("causal" in f.rule for f in found)


@pytest.mark.parametrize(
    ("claims", "states"),
    [
        # the participle's meaning decides a mid-sentence "with", not the word "with"
        (
            "Solana funds drew $30 million, with ETF hopes lifting demand.",
            "Solana funds drew $30 million, with US products taking most of it.",
        ),
        # an event's change after "with" is a cause; the flows' own change is not
        (
            "Bitcoin funds drew $200 million, with inflation cooling.",
            "Bitcoin funds drew $200 million, with weekly totals rising for a fourth week.",
        ),
        # a mid-sentence "when" is a mechanism only under a general rule
        (
            "Allocators typically trim crypto funds when yields climb.",
            "Allocators trimmed crypto funds in March, when yields climbed.",
        ),
        # a verb of influence needs a flow, demand or price as its object
        (
            "The tariff truce revived appetite for Ether funds.",
            "The central bank lifted them to a two-year high.",
        ),
        # flows lifting flows add up; they are not a cause
        (
            "A cooler jobs report boosted buying of Bitcoin funds.",
            "Altogether, these investments lifted year-to-date inflows to $9 billion.",
        ),
        # "helped by" a cause is a claim; "helped by" a fund or an issuer is make-up of the flows
        (
            "Ether products gained $20 million, aided by the staking decision.",
            "Ether products gained $20 million, aided by a single Swiss issuer.",
        ),
        # "after" is a time, unless the clause states a rule about trading
        (
            "Allocators usually pull money from crypto funds after hawkish Fed meetings.",
            "Funds usually publish their holdings after the close.",
        ),
        # "follows" under a rule about flows is a mechanism; a report's habit is not
        (
            "Redemptions typically follow hawkish central bank meetings.",
            "The weekly report typically follows the Monday close.",
        ),
        # a mood spreading is a change an "as" clause can give as the reason
        (
            "As gloom gripped the market, crypto funds lost $300 million.",
            "As of the Friday close, crypto funds held $300 million more.",
        ),
    ],
)
def test_english_structure_decides(setup, claims, states):
    assert causal(setup, claims)
    assert not causal(setup, states)


@pytest.mark.parametrize(
    ("claims", "states"),
    [
        ("在监管收紧之际，机构减持了以太坊产品。", "在周报发布之际，机构已减持以太坊产品两周。"),
        ("美元走强令比特币价格跌破8万美元。", "以太坊产品净流入5000万美元，使其连续第四周录得流入。"),
        ("每当收益率走高，投资者往往会赎回加密基金。", "每当周报发布，媒体都会转载其数据。"),
        ("一方面利率上行，另一方面监管趋严，机构减持了加密基金。", "一方面比特币产品流出，另一方面SOL产品流入。"),
        ("降息预期升温，资金随之流入比特币产品。", "每当比特币创新高，关注度都会随之上升。"),
        ("市场避险情绪升温，投资者撤出加密基金。", "资金流向显示避险情绪有所升温。"),
        ("美股重挫之下，机构抛售了加密基金。", "在统计口径之下，美国产品净流出。"),
        ("消息一出，投资者随即赎回以太坊产品。", "数据公布后，机构随即发布了新的报告。"),
        ("借助降息东风，比特币基金吸金5亿美元。", "凭借约1亿美元的流入，Solana位居第二。"),
        ("利率上行叠加监管趋严，机构纷纷离场。", "美国产品流出叠加德国产品流出，合计约3亿美元。"),
    ],
)
def test_chinese_structure_decides(claims, states):
    assert causal(ZH, claims)
    assert not causal(ZH, states)
