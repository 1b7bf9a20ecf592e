"""The Chinese edition: the sample week and every real week, drafted, linted, backfilled."""

import re

import pytest
from click.testing import CliRunner

from tests.conftest import HISTORY, ROOT
from writer.cli import main
from writer.data.facts import History
from writer.draft import render_week
from writer.lint.context import Context
from writer.lint.engine import lint_text
from writer.setup import load_setup

ZH = load_setup(language="zh")
HIST = History.from_files([HISTORY], ZH.style, ZH.vocabulary)


def run(*args):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def sample():
    result = run("draft", "--lang", "zh")
    assert result.exit_code == 0, result.output
    return result.output


def test_sample_week_states_every_fact_and_flag_in_chinese(sample):
    body = sample.split("\n---\n", 1)[1]
    for phrase in (
        "约17亿美元",  # the total, verified
        "净流出",
        "净流入",
        "2026年1月26日",
        "年初至今",
        "净流出约10亿美元",  # year to date, after the sign flip from 净流入
        "比特币",
        "超过10亿美元",  # Bitcoin: an "over" bound kept
        "以太坊",
        "约3.08亿至6.3亿美元",  # the conflict as a range, both sides named
        "Source A：3.08亿美元",
        "Source C：6.3亿美元",
        "来源不一",
        "Solana净流入约1710万美元（单一来源：Source C，待验证）",
        "美国",
        "超过16亿美元",
        "加拿大",
        "瑞士",
        "德国",
        "瑞典",
        "（均待验证，仅来自Source C）",  # the group flag over the country list: 均 once
        "据CoinShares",
        "部分渠道",  # the source's superlative, reported once and flagged
        "该说法待验证",
        "CoinShares在周报中写道",  # the commentary, as the firm's
        "风险提示",
        "不构成投资建议",
    ):
        assert phrase in body, phrase
    assert body.count("以来") == 1  # one superlative-since, the source's
    assert not re.search(r"[A-Za-z]{4,} (?:products|funds|the)\b", body)  # no English prose left


def test_front_matter_says_the_language(sample):
    assert sample.startswith("---\nlang: zh\n")


def test_sample_draft_lints_clean_with_the_shipped_rules_and_sample_data(sample, tmp_path):
    path = tmp_path / "zh.md"
    path.write_text(sample, encoding="utf-8")
    result = run("lint", str(path), "--data", str(ROOT / "samples" / "reference-week.csv"))
    assert result.exit_code == 0, result.output
    assert "error" not in result.output and "warning" not in result.output


def test_english_stays_the_default():
    result = run("draft")
    assert result.exit_code == 0 and "Digital asset" in result.output and "美元" not in result.output


def test_an_unknown_language_is_a_usage_error():
    result = run("draft", "--lang", "xx")
    assert result.exit_code == 2 and "no block for language 'xx'" in result.output


@pytest.mark.parametrize("week", HIST.weeks, ids=str)
def test_every_real_week_drafts_clean_in_chinese(week):
    facts = HIST.week(week)
    draft = render_week(facts, ZH)
    assert [f for f in draft.findings if f.level in ("error", "warning")] == []
    assert "美元" in draft.article.body or "未" in draft.article.body
    assert 'lang="zh-CN"' in draft.html
    # the group flag says 均 ("all") once: not "均仅来自X，均待验证"
    for aside in re.findall(r"（[^（）]*）", draft.article.body):
        assert aside.count("均") <= 1, aside


def test_backfill_in_chinese_is_byte_identical_to_draft(tmp_path):
    out = tmp_path / "zh"
    notes = ROOT / "samples" / "notes"
    result = run("backfill", "--lang", "zh", "--data", str(HISTORY), "--notes", str(notes), "--out", str(out))
    assert result.exit_code == 0, result.output
    weeks = sorted(p.stem for p in out.glob("2*.md"))
    assert len(weeks) == len(HIST.weeks)
    for week in weeks[-6:]:  # the latest weeks, the sample week among them
        drafted = tmp_path / week
        args = ["--data", str(HISTORY), "--notes", str(notes), "--week", week, "--out", str(drafted)]
        got = run("draft", "--lang", "zh", *args)
        assert got.exit_code == 0, got.output
        for suffix in (".md", ".html"):
            assert (out / f"{week}{suffix}").read_bytes() == (drafted / f"{week}{suffix}").read_bytes()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in index and "不构成投资建议" in index
    assert run("lint", str(out)).exit_code == 0


def test_chinese_and_english_archives_do_not_share_a_setup_hash(tmp_path):
    import json

    args = ["--data", str(HISTORY), "--to", "2025-03-10", "--out"]
    run("backfill", *args, str(tmp_path / "en"))
    run("backfill", "--lang", "zh", *args, str(tmp_path / "zh"))
    en = json.loads((tmp_path / "en" / "manifest.json").read_text())
    zh = json.loads((tmp_path / "zh" / "manifest.json").read_text())
    assert en["setup_hash"] != zh["setup_hash"]


# -- mutations: a Chinese draft with one thing broken is caught ------------------------

SAMPLE_WEEK = max(HIST.weeks)


def lint(text, facts):
    return [f.rule for f in lint_text(text, "d.md", ZH.ruleset, Context(ZH.style, ZH.vocabulary, facts)).findings]


@pytest.fixture(scope="module")
def reference():
    from writer.data.notes import read_notes
    from writer.resources import sample_week

    data, notes = sample_week()
    hist = History.from_files([data], ZH.style, ZH.vocabulary)
    facts = hist.week(max(hist.weeks), read_notes(notes))
    return facts, render_week(facts, ZH).article.markdown


def test_the_reference_draft_is_clean(reference):
    facts, text = reference
    assert lint(text, facts) == []


def test_a_changed_figure_is_caught(reference):
    facts, text = reference
    assert "超过10亿美元" in text
    assert "grounded-figures" in lint(text.replace("超过10亿美元", "超过15亿美元", 1), facts)


def test_a_removed_flag_is_caught(reference):
    facts, text = reference
    flagged = "Solana净流入约1710万美元（单一来源：Source C，待验证）"
    assert flagged in text
    assert "flag-unverified-figures" in lint(text.replace(flagged, "Solana净流入约1710万美元"), facts)


def test_removing_only_the_word_daiyanzheng_is_caught(reference):
    facts, text = reference
    cut = text.replace("（单一来源：Source C，待验证）", "（Source C）", 1)
    assert "flag-unverified-figures" in lint(cut, facts)


def test_a_flipped_direction_is_caught(reference):
    facts, text = reference
    assert "grounded-figures" in lint(text.replace("净流出超过10亿美元", "净流入超过10亿美元", 1), facts)


def test_a_second_superlative_since_is_caught(reference):
    facts, text = reference
    extra = text.replace("## 风险提示", "这也是自2025年10月以来以太坊产品最大的单周净流出。\n\n## 风险提示")
    assert "superlative-since-once-zh" in lint(extra, facts)


def test_an_inserted_causal_clause_is_caught(reference):
    facts, text = reference
    caused = text.replace("比特币产品净流出超过10亿美元", "由于降息预期减弱，比特币产品净流出超过10亿美元", 1)
    assert caused != text
    assert "no-causal-attribution-zh" in lint(caused, facts)


def test_a_removed_risk_notice_is_caught(reference):
    facts, text = reference
    head, _ = text.split("## 风险提示")
    assert "risk-notice-zh" in lint(head, facts)
