"""Templates and data strings from outside: no code runs, nothing unescaped reaches a page."""

import shutil

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT, d
from writer.cli import main
from writer.draft import render_week
from writer.render.prose import md_escape
from writer.setup import load_setup


def _templates_with(tmp_path, watch: str):
    folder = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", folder)
    (folder / "sections" / "watch.md.j2").write_text(watch)
    return folder


@pytest.mark.parametrize(
    "payload",
    [
        "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}",
        "{{ f.__class__.__init__.__globals__ }}",
        "{% set x = f.assets.append(1) %}",  # the facts are immutable in the sandbox
        "{{ 2 ** 100000 }}",
    ],
)
def test_a_template_cannot_run_code_or_stall(tmp_path, monkeypatch, payload):
    monkeypatch.chdir(tmp_path)
    folder = _templates_with(tmp_path, payload)
    result = CliRunner().invoke(main, ["draft", "--templates", str(folder)])
    assert result.exit_code == 2, result.output
    assert "watch.md.j2" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "PWNED").exists()


def test_shipped_filters_work_inside_the_sandbox(tmp_path):
    folder = _templates_with(tmp_path, "{{ f.total | cited }} {{ f.week | long_date }} {{ 3 | weeks }}\n")
    result = CliRunner().invoke(main, ["draft", "--templates", str(folder)])
    assert result.exit_code == 0, result.output
    assert "January 26, 2026 three weeks" in result.output


def test_page_template_is_autoescaped(tmp_path):
    folder = _templates_with(tmp_path, "")
    (folder / "page.html.j2").write_text("<title>{{ title }}</title>{{ body }}<p>{{ '<b>x</b>' }}</p>")
    setup = load_setup(templates=folder)
    from writer.data.facts import History
    from writer.resources import sample_week

    data, _ = sample_week()
    page = render_week(History.from_files([data], setup.style, setup.vocabulary).week(d("2026-01-26")), setup).html
    assert "&lt;b&gt;x&lt;/b&gt;" in page  # a string in the page template is escaped
    assert "<h2>" in page  # the body is HTML the program built, passed as Markup


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("<b>", "<b>"),
        ("a > b", "a > b"),
        ('say "hi"', 'say "hi"'),
        ("&lt;script&gt;", "&lt;script&gt;"),
        ("&#60;", "&#60;"),
        ("S&P", "S&P"),
        ("*x* _y_ `z` [l](u) #h |c|", "*x* _y_ `z` [l](u) #h |c|"),
    ],
)
def test_md_escape_shows_each_character_literally(raw, shown):
    """Markdown -> HTML -> text gives back the data string, and no tag or entity of its own."""
    import html

    escaped = md_escape(raw)
    assert "<" not in escaped and '"' not in escaped
    from writer.render.html import markdown_to_html

    page = str(markdown_to_html(escaped)).strip()
    assert "<b>" not in page and "<a " not in page and "<code>" not in page and "<em>" not in page
    text = html.unescape(page.removeprefix("<p>").removesuffix("</p>"))
    assert text == shown


@pytest.mark.parametrize("own_folder", [False, True])
def test_every_template_environment_is_the_immutable_sandbox(tmp_path, own_folder):
    """Articles, index and review pages, shipped or a newsroom's: none runs outside the sandbox."""
    import jinja2.sandbox

    from writer.review.page import environment

    folder = tmp_path if own_folder else None
    envs = [environment(folder), load_setup(templates=folder).env]
    assert all(isinstance(env, jinja2.sandbox.ImmutableSandboxedEnvironment) for env in envs)
    payload = "{{ cycler.__init__.__globals__.os.getcwd() }}"
    for env in envs:
        with pytest.raises(jinja2.sandbox.SecurityError):
            env.from_string(payload).render()
