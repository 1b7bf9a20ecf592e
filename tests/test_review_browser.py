"""The review page in a real headless Chromium, used as an editor would: click, Tab, look.

Needs Debian's chromium (``.ci/run`` installs it) and the ``playwright`` package,
driven with ``executable_path`` (no browser download). Screenshots are kept under
tests/artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT
from writer.cli import main

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not CHROMIUM:
    pytest.skip("no chromium on this machine (.ci/run installs Debian's chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        try:
            chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        except Exception as exc:  # a chromium that cannot start here is a skip, with its reason
            pytest.skip(f"chromium at {CHROMIUM} does not start: {str(exc).splitlines()[0]}")
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("review")
    article = folder / "edited.md"
    article.write_text(
        "---\nweek: 2026-01-26\n---\n\n# Funds lose approximately $1.7 billion\n\n"
        "According to CoinShares, Bitcoin funds saw outflows of over $1 billion, and Solana funds took in "
        "$999 million. This is a good time to buy.\n"
    )
    out = {"draft": folder / "draft.html", "edited": folder / "edited.html"}
    for args, path in (([], out["draft"]), (["--article", str(article)], out["edited"])):
        result = CliRunner().invoke(main, ["review", *args, "--out", str(path)])
        assert result.exit_code == 0, result.output
    return out


def _open(browser, path: Path, javascript: bool = True):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return context, page, problems, requests


def test_page_opens_from_a_file_with_no_console_error_and_no_network(browser, pages):
    for path in pages.values():
        context, _, problems, requests = _open(browser, path)
        assert problems == []
        assert [r for r in requests if not r.startswith("file:")] == []  # offline: nothing fetched
        context.close()


def test_clicking_a_figure_shows_the_rows_behind_it(browser, pages):
    context, page, problems, _ = _open(browser, pages["draft"])
    eth = page.locator('article a.figure[data-key="Ethereum"]').first
    eth.click()
    popover = page.locator("#popover")
    assert popover.is_visible()
    text = popover.inner_text()
    assert "Source A" in text and "Source C" in text and "-308" in text and "-630" in text
    assert "disagree" in text  # how reconciliation decided
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "review-figure-clicked.png"))
    page.keyboard.press("Escape")
    assert not popover.is_visible()
    # by keyboard: Enter pins the panel and moves focus into it; Escape closes it and returns to the figure
    eth.focus()
    page.keyboard.press("Enter")
    assert popover.is_visible() and page.evaluate("document.activeElement.id") == "popover"
    page.keyboard.press("Escape")
    assert not popover.is_visible() and page.evaluate("document.activeElement.id") == eth.get_attribute("id")
    assert problems == []
    context.close()


def test_every_figure_and_finding_is_reached_by_keyboard(browser, pages):
    context, page, problems, _ = _open(browser, pages["edited"])
    wanted = set(page.eval_on_selector_all("article a.figure, article .finding", "els => els.map(e => e.id)"))
    assert len(wanted) >= 4
    reached: set[str] = set()
    for _ in range(len(wanted) + 60):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement && document.activeElement.id")
        if focused in wanted:
            reached.add(focused)
            if focused.startswith("mention-"):  # focus alone shows the figure's sources
                assert page.locator("#popover").is_visible()
        if reached == wanted:
            break
    assert reached == wanted
    # an ungrounded figure says so without colour: a class, a status word and a glyph
    ungrounded = page.locator('article a.figure[data-status="ungrounded"]')
    assert ungrounded.count() == 1
    ungrounded.focus()
    assert "matches no figure" in page.locator("#popover").inner_text()
    assert problems == []
    context.close()


def test_without_script_a_figure_still_leads_to_its_sources(browser, pages):
    context, page, problems, _ = _open(browser, pages["draft"], javascript=False)
    link = page.locator("article a.figure").first
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("location.hash") == target
    panel = page.locator(target)
    assert panel.is_visible() and "CoinShares" in panel.inner_text()
    assert problems == []
    context.close()


def test_charts_are_drawn_and_kept_as_screenshots(browser, pages):
    from PIL import Image

    context, page, problems, _ = _open(browser, pages["draft"])
    ARTIFACTS.mkdir(exist_ok=True)
    for chart in ("chart-history", "chart-breakdown"):
        figure = page.locator(f"#{chart}")
        assert figure.locator("[role=img] svg").count() == 1
        label = figure.locator("[role=img]").get_attribute("aria-label")
        assert "US$ million" in label  # the text alternative
        path = ARTIFACTS / f"review-{chart}.png"
        figure.locator("[role=img] svg").screenshot(path=str(path))
        image = Image.open(path).convert("RGB")
        colours = image.getcolors(maxcolors=1 << 20)
        non_white = sum(n for n, c in colours if c != (255, 255, 255))
        assert len(colours) > 20 and non_white > 0.03 * image.width * image.height, f"{chart} looks blank"
    # the week is marked on the history chart by its band (drawn by matplotlib, moved to the week)
    band = page.locator("#chart-history #history-week path")
    assert band.count() == 1 and band.is_visible()
    assert page.eval_on_selector("#history-week path", "e => getComputedStyle(e).fill") == "rgb(242, 169, 0)"
    inside, box = page.locator("#chart-history svg").bounding_box(), band.bounding_box()
    assert inside["x"] < box["x"] < box["x"] + box["width"] < inside["x"] + inside["width"]
    assert problems == []
    context.close()


def test_hostile_strings_do_nothing_in_the_browser(browser, hostile_page, tmp_path):
    for n, html in enumerate(hostile_page):
        path = tmp_path / f"hostile-{n}.html"
        path.write_text(html)
        context, page, problems, requests = _open(browser, path)
        page.locator("article a.figure").first.click()
        assert problems == []  # no alert dialog, no script error
        assert [r for r in requests if not r.startswith("file:")] == []
        assert page.evaluate("document.scripts.length") == 1
        context.close()


def test_status_is_not_told_by_colour_alone(browser, pages):
    """Each status has its own glyph and underline style, and a word for screen readers."""
    seen = {}
    for path in pages.values():
        context, page, _, _ = _open(browser, path)
        seen.update(
            page.eval_on_selector_all(
                "article a.figure",
                """els => Object.fromEntries(els.map(e => [e.dataset.status, [
                    getComputedStyle(e, '::after').content, getComputedStyle(e).borderBottomStyle,
                    document.getElementById(e.getAttribute('aria-describedby')).textContent]]))""",
            )
        )
        context.close()
    assert {"verified", "single-source", "conflicting", "ungrounded"} <= set(seen)
    glyphs = [v[0] for v in seen.values()]
    assert len(set(glyphs)) == len(glyphs) and "none" not in glyphs
    assert len({v[1] for v in seen.values()}) >= 3
    assert all(v[2] for v in seen.values())
