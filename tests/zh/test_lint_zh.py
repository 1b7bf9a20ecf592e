"""Linting Chinese: language choice, sentence splitting, rules by language, the labelled corpus."""

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from writer.articlefile import article_language
from writer.cli import main
from writer.lint.context import Context
from writer.lint.document import parse, split_sentences
from writer.lint.engine import lint_text
from writer.setup import load_setup

ZH = load_setup(language="zh")
CORPUS = yaml.safe_load((Path(__file__).parent.parent / "corpus" / "causal_zh.yaml").read_text(encoding="utf-8"))


def rules_hit(text, setup=ZH):
    return {f.rule for f in lint_text(text, "<t>", setup.ruleset, Context(setup.style, setup.vocabulary)).findings}


def causal(sentence):
    return any("causal" in r for r in rules_hit(sentence))


def test_sentences_split_on_chinese_marks_only():
    text = "比特币净流出约3.08亿美元。以太坊呢？Solana净流入！美国；加拿大"
    spans = split_sentences(text, ZH.style.sentences)
    pieces = [text[a:b] for a, b in spans]
    assert pieces == ["比特币净流出约3.08亿美元。", "以太坊呢？", "Solana净流入！", "美国；", "加拿大"]


def test_a_closing_quote_stays_with_its_sentence():
    doc = parse("他写道：“流出仍在继续。”随后又补充了一句。")
    doc.sentence_rules = ZH.style.sentences
    assert [s.text for s in doc.sentences] == ["他写道：“流出仍在继续。”", "随后又补充了一句。"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("---\nlang: zh\n---\n\nBitcoin products recorded outflows.", "zh"),
        ("---\nlang: zh-CN\ntitle: x\n---\n\n正文", "zh"),
        ("比特币产品净流出超过10亿美元，据CoinShares数据。", "zh"),
        ("Bitcoin products recorded a net outflow, 据说.", None),
        ("---\nlang: en\n---\n\n比特币产品净流出。", "en"),
    ],
)
def test_article_language_from_front_matter_or_script(text, language):
    assert article_language(text) == language


def test_zh_rules_read_chinese_articles_only():
    english = load_setup()
    assert "no-causal-attribution-zh" in rules_hit("由于美联储偏鹰，比特币产品净流出。")
    assert not any(r.endswith("-zh") for r in rules_hit("Bitcoin funds shed $1 billion due to fears.", english))
    assert "no-causal-attribution" not in rules_hit("Bitcoin funds shed $1 billion due to fears.")  # en rule, zh style


def test_no_word_boundaries_in_chinese_matching():
    # 由于 sits between two Chinese characters: a \b rule would never see it
    assert "no-causal-attribution-zh" in rules_hit("资金由于担忧而流出。")


def test_a_named_source_reported_speech_is_not_the_article_voice():
    assert not causal("CoinShares研究主管James Butterfill在报告中写道，资金流出源于对政策的担忧。")
    assert causal("分析师称，资金流出源于对政策的担忧。")  # unnamed: the outlet's own voice


def test_investment_advice_and_risk_notice():
    hits = rules_hit("建议投资者逢低布局比特币。")
    assert "no-investment-advice-zh" in hits and "risk-notice-zh" in hits
    assert "risk-notice-zh" not in rules_hit("比特币。\n\n## 风险提示\n\n本文不构成投资建议。")


def test_lint_reads_front_matter_lang(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\nlang: zh\n---\n\n# 标题\n\n由于利率预期变化，资金流出。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", str(path), "--format", "json"])
    assert result.exit_code == 1 and "no-causal-attribution-zh" in result.output


def test_corpus_is_large_enough():
    assert len(CORPUS["causal"]) >= 30 and len(CORPUS["not_causal"]) >= 30


def test_causal_precision_and_recall_on_the_chinese_corpus():
    missed = [s for s in CORPUS["causal"] if not causal(s)]
    wrong = [s for s in CORPUS["not_causal"] if causal(s)]
    recall = 1 - len(missed) / len(CORPUS["causal"])
    precision = (len(CORPUS["causal"]) - len(missed)) / (len(CORPUS["causal"]) - len(missed) + len(wrong))
    assert recall >= 0.95, missed
    assert precision >= 0.95, wrong


ATTRIBUTION = yaml.safe_load((Path(__file__).parent.parent / "corpus" / "attribution_zh.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", ATTRIBUTION, ids=lambda c: c["why"][:30])
def test_unattributed_figure_definition_in_chinese(case):
    """Paragraphs (a list with its lead-in is one), the first paragraph, and the clause that makes a figure a flow."""
    text = case["text"]
    found = lint_text(text, "a.md", ZH.ruleset, Context(ZH.style, ZH.vocabulary)).findings
    got = [text.split("\n")[f.line - 1][f.column - 1 :] for f in found if f.rule == "attribute-flow-figures-zh"]
    assert len(got) == len(case["flag"]), (case["why"], got)
    for line, flag in zip(got, case["flag"], strict=True):
        assert line.startswith(flag), (case["why"], line, flag)
