"""The click-free ``writer lint`` path gives what the click command gives, or hands over to it."""

import sys

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT
from writer import entry
from writer.cli import main as click_main

ARTICLES = ROOT / "samples" / "articles"
DATA = ROOT / "samples" / "reference-week.csv"


def fast(monkeypatch, capsys, *args):
    monkeypatch.setattr(sys, "argv", ["writer", *map(str, args)])
    with pytest.raises(SystemExit) as exit_:
        entry.main()
    out = capsys.readouterr()
    return exit_.value.code, out.out, out.err


def slow(*args):
    result = CliRunner().invoke(click_main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("lint", ARTICLES / "causal.md"),
        ("lint", ARTICLES, "--format", "json"),
        ("lint", ARTICLES / "wrong-figures.md", "--data", DATA, "--format=sarif", "--min-level", "warning"),
        ("lint", "--week", "2026-01-26", "--data", DATA, ARTICLES / "wrong-figures.md", "--format", "github"),
        ("lint", ARTICLES / "suppressed.md", "--rules", ROOT / "rules" / "editorial.yaml", "--format", "junit"),
        ("lint", "--", ARTICLES / "causal.md", "--format", "codeclimate"),
        ("lint", ARTICLES / "no-such.md"),
        ("lint", ARTICLES / "causal.md", "--min-level", "error"),
    ],
)
def test_fast_path_matches_click(monkeypatch, capsys, args):
    assert entry.parse_lint_args([str(a) for a in args[1:]]) is not None or "no-such" in str(args[1])
    assert fast(monkeypatch, capsys, *args) == slow(*args)


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        [],
        ["a.md", "--format", "yaml"],
        ["a.md", "--min-level", "loud"],
        ["a.md", "--week", "2026-02-30"],
        ["a.md", "--rules", "/no/such/rules.yaml"],
        ["a.md", "--rules"],
        ["a.md", "--colour"],
        ["a.md", "-q"],
    ],
)
def test_anything_unusual_goes_to_click(args):
    assert entry.parse_lint_args(args) is None


def test_click_explains_what_the_fast_path_refused(monkeypatch, capsys):
    code, _, err = fast(monkeypatch, capsys, "lint", ARTICLES / "causal.md", "--format", "yaml")
    assert code == 2 and "'yaml' is not one of" in err
