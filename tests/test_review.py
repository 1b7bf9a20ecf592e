"""writer review and backfill --review: the page's structure, figures, findings, escaping, files."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from tests.conftest import HISTORY, ROOT
from tests.review_html import outline, read
from writer.claims import build_claims
from writer.cli import main
from writer.data.facts import History

GOLDEN = ROOT / "tests" / "golden" / "review-structure.json"


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


@pytest.fixture(scope="module")
def sample_page() -> str:
    result = run("review")
    assert result.exit_code == 0, result.output
    return result.output


def test_sample_week_page_has_the_golden_structure(sample_page):
    """Structure, not bytes: landmarks, headings, every figure with its status, panels, charts.

    After an intended change: python -m tests.regen_golden, and read the diff.
    """
    got = outline(sample_page)
    assert got == json.loads(GOLDEN.read_text())


def test_every_money_figure_in_the_article_is_marked(sample_page, setup):
    """As many marks as the linter's reader finds amounts, each with a status and a panel."""
    from writer.lint.context import Context
    from writer.lint.document import parse
    from writer.lint.mentions import find_mentions

    page = read(sample_page)
    marks = [e for e in page.find("a", "figure") if e.inside_article]
    article = run("draft").output
    doc = parse(article)
    Context(setup.style, setup.vocabulary).attach(doc)
    in_body = [  # the front-matter title is linted too, but the page shows the body
        m
        for m in find_mentions(doc, setup.style, setup.vocabulary, None)
        if doc.blocks[m.sentence.block].kind != "field"
    ]
    assert len(marks) == len(in_body) > 5
    panels = {e.attrs["id"] for e in page.find("section", "panel")}
    for mark in marks:
        assert mark.attrs["href"][1:] in panels
        assert f"status-{mark.attrs['data-status']}" in mark.attrs["class"]
        assert mark.attrs["data-status"] in ("verified", "single-source", "unverified", "conflicting")
    # the reference week's Ethereum figure is a conflict: its panel names both sides and their rows
    eth = next(m for m in marks if m.attrs.get("data-key") == "Ethereum")
    panel = next(e for e in page.find("section", "panel") if e.attrs["id"] == eth.attrs["href"][1:])
    assert eth.attrs["data-figure"] == "asset|Ethereum|net_flow"
    assert "Source A" in panel.text and "Source C" in panel.text and "-308" in panel.text and "-630" in panel.text


def _review_edited(tmp_path, body: str):
    """Review an article a person wrote for the sample week: (the article's path, page HTML, parsed page)."""
    path = tmp_path / "edited.md"
    path.write_text("---\ntitle: Edited\nweek: 2026-01-26\n---\n\n" + body)
    result = run("review", "--article", path)
    assert result.exit_code == 0, result.output
    return path, result.output, read(result.output)


def test_an_edited_article_marks_an_invented_figure_as_ungrounded(tmp_path):
    _, _, page = _review_edited(
        tmp_path,
        "# Funds lose $1.7 billion\n\nAccording to CoinShares, Bitcoin funds saw outflows of over $1 billion "
        "and Solana funds an inflow of $999 million, a single-source figure.\n",
    )
    marks = {e.text.strip(): e for e in page.find("a", "figure") if e.inside_article}
    assert marks["$999 million"].attrs["data-status"] == "ungrounded"
    assert marks["$999 million"].attrs["data-figure"] == "none"
    assert marks["over $1 billion"].attrs["data-figure"] == "asset|Bitcoin|net_flow"
    panel = page.find("section", "panel", id=marks["$999 million"].attrs["href"][1:])[0]
    assert "matches no figure" in panel.text and "Closest figure in the data: Bitcoin" in panel.text


def test_findings_sit_at_their_position_and_the_summary_links_to_them(tmp_path):
    article, html, page = _review_edited(
        tmp_path,
        "# Funds lose $1.7 billion\n\nAccording to CoinShares, funds lost $1.7 billion because investors "
        "feared a crash.\n\nThis is a good time to buy Bitcoin.\n",
    )
    marks = page.find("span", "finding")
    assert marks, "the article breaks rules; the page must show where"
    lint = run("lint", "--data", ROOT / "samples" / "reference-week.csv", "--format", "json", article)
    rules = sorted(f["rule"] for f in json.loads(lint.output)["findings"])
    assert sorted(m.attrs["data-rule"] for m in marks) == rules
    summary = {e.attrs["href"][1:] for e in page.find("a") if e.attrs.get("href", "").startswith("#finding-")}
    assert summary == {m.attrs["id"] for m in marks}
    advice = next(m for m in marks if m.attrs["data-rule"] == "no-investment-advice")
    assert advice.inside_article and advice.attrs["tabindex"] == "0" and "good time to buy" in advice.text
    # placed where the rule found it: right before the words it names
    assert re.search(r'data-rule="no-investment-advice".*?</span></span>good time to buy', html)


def test_out_writes_the_page_atomically(tmp_path):
    out = tmp_path / "page.html"
    result = run("review", "--out", out)
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("<!doctype html>")
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]  # no temporary file left behind


def test_an_article_without_a_week_is_a_usage_error(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Funds lose $1.7 billion\n")
    result = run("review", "--article", path)
    assert result.exit_code == 2
    assert "needs a week" in result.output and "Traceback" not in result.output


def test_an_unknown_language_is_a_usage_error():
    result = run("review", "--lang", "xx")  # --lang picks the draft's house style first, then the page words
    assert result.exit_code == 2 and "language 'xx'" in result.output and "Traceback" not in result.output


def _assert_inert(html: str) -> None:
    page = read(html)
    assert len(page.find("script")) == 1  # ours, and nothing else
    assert not page.find("img") and not page.find("iframe")
    for el in page.elements:
        assert el.tag != "svg" or el.attrs.get("onload") is None
        for name, value in el.attrs.items():
            assert not name.startswith("on"), (el.tag, name)
            if name in ("href", "src"):
                assert value.startswith(("#", "https://", "http://")), value
    assert "javascript:" not in " ".join(v for el in page.elements for v in el.attrs.values())


def test_hostile_strings_in_keys_sources_urls_and_notes_are_shown_not_obeyed(hostile_page):
    draft_page, edited_page = hostile_page
    for html in hostile_page:
        _assert_inert(html)
    text = " ".join(e.text for e in read(draft_page).find("main"))
    for needle in ("<script>alert(3)</script>", "onerror=alert(1)>", "</td><script>alert(4)</script>"):
        assert needle in text  # printed literally, as text
    assert "{{7*7}}" in text or "Bitcoin $x$" in text  # no template or TeX evaluation
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in draft_page.split("<svg", 1)[1]  # chart labels escaped too
    assert "alert(10)" in " ".join(e.text for e in read(edited_page).find("article"))  # raw HTML shown as text


def test_matplotlib_is_imported_only_on_the_review_path():
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom writer.cli import main\n"
        "r = CliRunner().invoke(main, ['draft'])\nassert r.exit_code == 0\n"
        "print('matplotlib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False"


def _assert_ids_unique_and_resolved(html: str) -> None:
    """An id names one element of the page (charts stacked from layers repeat none of theirs), and
    every reference inside a chart (a tick's mark, a clip, a hatching) finds its element."""
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    refs = {a or b for a, b in re.findall(r'url\(#([^)]+)\)|href="#([^"]+)"', html)}
    assert refs <= set(ids), refs - set(ids)


def test_the_sample_page_names_each_id_once(sample_page):
    _assert_ids_unique_and_resolved(sample_page)


def test_backfill_review_adds_a_page_per_week_links_it_and_skips_it_when_current(tmp_path):
    out = tmp_path / "archive"
    recent = ("--data", HISTORY, "--out", out, "--jobs", "1", "--from", "2026-02-01")
    assert run("backfill", *recent).exit_code == 0
    assert not list(out.glob("*.review.html")) and "review" not in (out / "index.md").read_text()
    result = run("backfill", *recent, "--review", "--json")
    assert result.exit_code == 0, result.output
    weeks = sorted(p.name.removesuffix(".md") for p in out.glob("2*.md"))
    assert len(weeks) >= 2 and json.loads(result.output)["written"] == len(weeks)  # the plain run's weeks redone
    assert all((out / f"{w}.review.html").is_file() for w in weeks)
    index = (out / "index.html").read_text()
    assert all(f'href="{w}.review.html"' in index for w in weeks)
    html = (out / f"{weeks[-1]}.review.html").read_text()
    page = read(html)
    assert page.find("a", "figure") and len(page.find("svg")) == 3  # history, breakdown, its legend
    assert 'id="history-week"' in html  # the week is marked on the shared history chart
    assert "from 2025-02-24 to" in html  # which covers the whole history, not only the weeks written
    for week in weeks:
        _assert_ids_unique_and_resolved((out / f"{week}.review.html").read_text())
    again = json.loads(run("backfill", *recent, "--review", "--json").output)
    assert again["skipped"] == len(weeks) and again["written"] == 0


@pytest.mark.parametrize(
    ("total_rows", "against"),
    [
        # the total's sign is certain: Bitcoin ran against it, and both draft and page say so
        ("2026-01-05,total,all,net_flow,30,,Alpha Wire,,,\n", True),
        # a conflict across zero: the total has no certain sign, so nothing runs "against" it
        ("2026-01-05,total,all,net_flow,30,,Alpha Wire,,,\n2026-01-05,total,all,net_flow,-12,,Beta Digest,,,\n", False),
    ],
)
def test_the_page_names_against_the_total_what_the_draft_names(tmp_path, setup, total_rows, against):
    """One definition: the page's derived facts read the draft's claims, not a second rule of their own."""
    data = tmp_path / "flows.csv"
    data.write_text(
        "week_ending,scope,key,metric,usd_m,bound,source,url,status,note\n"
        + total_rows
        + "2026-01-05,asset,Bitcoin,net_flow,-25,,Alpha Wire,,,\n"
        "2026-01-05,asset,Ethereum,net_flow,40,,Alpha Wire,,,\n"
        "2026-01-05,total,all,ytd_flow,30,,Alpha Wire,,,\n"
    )
    page = run("review", "--data", data)
    assert "<html" in page.output, page.output
    derived = page.output.split('id="facts-h"', 1)[1].split('id="warnings"', 1)[0]
    history = History.from_files([data], setup.style, setup.vocabulary)
    claims = build_claims(history.week(history.weeks[0]), setup.style)  # what the draft's sections print
    assert [c.key for c in claims.of("against")] == (["Bitcoin"] if against else [])
    assert ("Against the week's direction: Bitcoin." in derived) is against
    if against:
        assert "keeps moving against the total" in run("draft", "--data", data).output


def test_the_draft_s_own_reading_of_its_figures_gives_the_page_a_second_reading_would(tmp_path, setup, monkeypatch):
    """A backfill hands the page the mentions lint read in the draft, not reading it twice: the same page.

    Checked on synthetic weeks with conflicts, single sources and gaps, and on the sample history.
    """
    from bench.synthetic import write
    from writer.data.load import load_frame
    from writer.draft import render_week
    from writer.review.build import Reviewer

    for path in (write(tmp_path / "synthetic.csv", 40, seed=3), HISTORY):
        frame = load_frame([path], setup.vocabulary)
        history = History(frame, setup.style)
        reviewer = Reviewer.for_history(history, frame)
        reused = 0
        for week in history.weeks[-12:]:
            facts = history.week(week)
            draft = render_week(facts, setup)
            assert draft.mentions is not None  # the shipped rules read the figures
            reused += len(draft.mentions)
            twice = reviewer.page(draft.article.markdown, facts, draft.findings, setup, "a.md")
            with monkeypatch.context() as patch:  # given the draft's mentions, the page reads nothing again
                patch.setattr("writer.review.model.find_mentions", _no_second_reading)
                once = reviewer.page(draft.article.markdown, facts, draft.findings, setup, "a.md", draft.mentions)
            assert once == twice
        assert reused > 30


def _no_second_reading(*_args, **_kwargs):
    raise AssertionError("the article was read a second time")


@pytest.mark.parametrize("weeks", [12, 200, 240, 520])
def test_the_history_chart_draws_any_length_of_history_without_a_warning(weeks, recwarn):
    """matplotlib's date ticks once warned on every page of a 3.6 to 4.9 year history."""
    import datetime as dt

    from writer.review.charts import WeekPoint, history_chart

    points = [WeekPoint(dt.date(2020, 1, 6) + dt.timedelta(weeks=n), 1.0, 1.0, "verified") for n in range(weeks)]
    words = {"unit": "u", "history_title": "t", "inflow": "i", "outflow": "o", "gap": "g", "conflict": "c"}
    chart = history_chart(points, words)
    assert chart.svg.startswith("<svg") and len(chart.points) == weeks
    assert not [w for w in recwarn if "matplotlib" in str(w.filename) or "Locator" in str(w.message)]


def _boxes(d: str) -> list[tuple[float, float, float, float]]:
    """The extent (points: left, right, top, bottom) of each closed outline in an SVG path's ``d``."""
    out = []
    for shape in d.split("z")[:-1]:
        xy = [(float(x), float(y)) for x, y in re.findall(r"[ML] (-?[\d.]+) (-?[\d.]+)", shape)]
        out.append((min(x for x, _ in xy), max(x for x, _ in xy), min(y for _, y in xy), max(y for _, y in xy)))
    return out


def test_the_week_band_is_moved_onto_the_week_bar():
    """One history chart serves every page: its band, drawn once at the first week, lands on each page's week."""
    import datetime as dt

    from writer.review.charts import WeekPoint, for_week, history_chart

    start = dt.date(2024, 1, 1)
    weeks = [start + dt.timedelta(weeks=n) for n in range(14) if n != 6]  # a gap: x follows dates, not order
    points = [
        WeekPoint(w, v, v + (40 if n == 4 else 0), "conflicting" if n == 4 else "verified")
        for n, (w, v) in enumerate(zip(weeks, [30, -20, 55, -5, 12, 70, -44, 8, 9, -60, 25, 3, -7], strict=True))
    ]
    words = {"unit": "u", "history_title": "t", "inflow": "i", "outflow": "o", "gap": "g", "conflict": "c"}
    chart = history_chart(points, words)
    bars = sorted(
        box
        for d in re.findall(r'<g id="history-(?!plot")[a-z-]+">\s*<path d="([^"]*)"', chart.svg, re.S)
        for box in _boxes(d)
    )
    assert len(bars) == len(points)
    inflows = history_chart([WeekPoint(p.week, abs(p.low), abs(p.low), "verified") for p in points], words)
    for drawn in (chart, inflows):  # with and without a conflict's range lines, which autoscale on their own
        plot = _boxes(re.search(r'<g id="history-plot">\s*<path d="([^"]*)"', drawn.svg, re.S)[1])[0]
        boxes = [
            box
            for d in re.findall(r'<g id="history-(?!plot")[a-z-]+">\s*<path d="([^"]*)"', drawn.svg)
            for box in _boxes(d)
        ]
        assert all(plot[2] < box[2] < box[3] <= plot[3] + 0.01 for box in boxes)  # the y limits hold every bar
    for n in (0, 4, 6, len(points) - 1):
        svg = for_week(chart, points[n].week)
        end = chart.svg.rindex("</svg>")
        layer = svg[end : len(svg) - len(chart.svg) + end]  # what the page adds to the chart: the band, moved
        moved = re.match(r'<g transform="translate\((-?[\d.]+) 0\.0000\)">', layer)
        dx = float(moved[1]) if moved else 0.0
        band = _boxes(re.search(r'<g id="history-week">\s*<path d="([^"]*)"', layer, re.S)[1])[0]
        centre, bar_centre = (band[0] + band[1]) / 2 + dx, (bars[n][0] + bars[n][1]) / 2
        assert abs(centre - bar_centre) < 0.05, (n, centre, bar_centre)
    assert for_week(chart, start - dt.timedelta(weeks=1)) == chart.svg  # a week the history lacks: no band
