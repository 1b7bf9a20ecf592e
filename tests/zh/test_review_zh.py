"""The review page in Chinese: the zh draft, its figures traced, the page's own words in Chinese."""

import re

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT
from writer.cli import main

pytest.importorskip("matplotlib")


@pytest.fixture(scope="module")
def page():
    result = CliRunner().invoke(main, ["review", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_page_is_chinese(page):
    assert '<html lang="zh-CN">' in page
    for words in ("跳到正文", "读者将看到的文章", "检查发现", "文中每个数字及其来源", "风险提示"):
        assert words in page, words
    assert "Skip to the article" not in page


def test_every_figure_of_the_chinese_draft_is_traced(page):
    statuses = re.findall(r'class="figure status-([a-z-]+)', page)
    assert statuses.count("single-source") == 5  # Solana, Canada, Switzerland, Germany, Sweden
    assert "conflicting" in statuses and "verified" in statuses
    assert "ungrounded" not in statuses


def test_the_chinese_words_file_names_everything_the_english_one_does():
    names = re.compile(r"{% (?:set|macro) ([a-z_]+)")
    en = set(names.findall((ROOT / "templates" / "review" / "words.en.j2").read_text(encoding="utf-8")))
    zh = set(names.findall((ROOT / "templates" / "review" / "words.zh.j2").read_text(encoding="utf-8")))
    assert en <= zh
