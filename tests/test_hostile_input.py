"""Hostile or unlucky input: one clear line and exit 2 (or a finding), in bounded time, never a traceback."""

import datetime as dt
import json
import time

import pytest
from click.testing import CliRunner

from tests.conftest import HEADER, HISTORY, ROOT
from writer.cli import main
from writer.errors import UserError

BOMB = "\n".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *(f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi", strict=True)),
    ]
)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def one_clean_error(result, *needles):
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.output.startswith("error: ")
    for needle in needles:
        assert needle in result.output


@pytest.mark.parametrize("option", ["--notes", "--rules", "--entities"])
def test_yaml_alias_bomb_is_refused_fast(tmp_path, option):
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMB + "\n")
    started = time.process_time()
    result = run("draft", option, path)
    assert time.process_time() - started < 1.0
    one_clean_error(result, str(path), "alias")


def test_rules_file_may_still_share_lists_by_alias(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text((ROOT / "rules" / "editorial.yaml").read_text())
    assert "*refusals" in rules.read_text()
    assert run("draft", "--rules", rules).exit_code == 0


@pytest.mark.parametrize(
    ("name", "text", "option"),
    [
        ("notes.yaml", "week_ending: 2026-02-30\n", "--notes"),
        ("notes.yaml", "week_ending: 2026-13-01\n", "--notes"),
        ("entities.yaml", "asset:\n  Bitcoin: [2026-02-30]\n", "--entities"),
        ("rules.yaml", "extends: {base}\nversion: 2026-02-30\n", "--rules"),
    ],
)
def test_impossible_dates_are_located_errors(tmp_path, name, text, option):
    path = tmp_path / name
    path.write_text(text.format(base=ROOT / "rules" / "editorial.yaml"))
    one_clean_error(run("draft", option, path), f"{path}:", "is not a valid timestamp")


def test_impossible_date_in_front_matter_is_a_finding(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\nweek: 2026-02-30\n---\n\nFunds saw outflows.\n")
    result = run("lint", article, "--data", ROOT / "samples" / "reference-week.csv")
    assert result.exit_code == 1 and "no-week" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("value", ["inf", "-inf", "1e308", "nan"])
def test_non_finite_or_huge_amounts_in_csv(write_csv, value):
    path = write_csv(f"2026-01-26,total,all,net_flow,{value},,A,,,")
    one_clean_error(run("draft", "--data", path), f"{path}:2:usd_m", value)


def test_json_amount_past_float_range(tmp_path):
    path = tmp_path / "rows.json"
    path.write_text(
        '[{"week_ending": "2026-01-26", "scope": "total", "key": "all", "metric": "net_flow", '
        '"usd_m": 1e400, "source": "A"}]'
    )
    one_clean_error(run("facts", "--data", path), f"{path}:1:usd_m", "out of range")


def test_a_huge_amount_fails_its_week_not_the_backfill(tmp_path):
    data = tmp_path / "h.csv"
    data.write_text(
        HISTORY.read_text().replace("2026-02-23,asset,Solana,net_flow,3.3,", "2026-02-23,asset,Solana,net_flow,1e308,")
    )
    result = run("backfill", "--data", data, "--out", tmp_path / "out", "--jobs", "1", "--json")
    summary = json.loads(result.output)
    assert result.exit_code == 1 and list(summary["failed"]) == ["2026-02-23"] and summary["written"] == 22


def test_310_digit_amount_in_an_article_is_a_finding(tmp_path):
    article = tmp_path / "a.md"
    article.write_text(f"---\nweek: 2026-01-26\n---\n\nFunds saw a ${'1' + '0' * 310} million outflow.\n")
    result = run("lint", article, "--data", ROOT / "samples" / "reference-week.csv")
    assert result.exit_code == 1 and "grounded-figures" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ("billion_decimals: 1 ", "billion_decimals: -1 ", "house_style.en.money.billion_decimals is -1"),
        ("billion_from: 1000 ", "billion_from: -5 ", "house_style.en.money.billion_from is -5"),
        ("nearly_floor: 0.8 ", "nearly_floor: 7 ", "house_style.en.money.nearly_floor is 7"),
        ("over: [over, more than, above, in excess of]", "over: ['', 2]", "money.hedges.over is ['', 2]"),
        ("    verified_sources: 2 ", "    verified_sources: two ", "agreement.verified_sources is 'two'"),
        ("    relative_tolerance: 0.01", "    relative_tolerance: -1", "agreement.relative_tolerance is -1"),
    ],
)
def test_wrong_house_style_types_are_errors(tmp_path, old, new, needle):
    text = (ROOT / "rules" / "editorial.yaml").read_text()
    assert old in text
    rules = tmp_path / "rules.yaml"
    rules.write_text(text.replace(old, new, 1))
    one_clean_error(run("draft", "--rules", rules), str(rules), needle)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("asset:\n  Bitcoin: BTC\n", "asset.Bitcoin is 'BTC'"),
        ("asset:\n  Bitcoin: [BTC, '']\n", "asset.Bitcoin[1] is empty"),
        ("country: [US]\n", "country is ['US']"),
        ("planets:\n  Mars: []\n", "unknown field 'planets'"),
    ],
)
def test_wrong_vocabulary_types_are_errors(tmp_path, text, needle):
    path = tmp_path / "entities.yaml"
    path.write_text(text)
    one_clean_error(run("draft", "--entities", path), str(path), needle)


def test_misspelt_column_is_named(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text(HEADER.strip() + ",stauts\n2026-01-26,total,all,net_flow,-100,,A,,,,verified\n")
    one_clean_error(run("draft", "--data", path), "unknown column stauts", "--allow-extra-columns")
    allowed = run("draft", "--data", path, "--allow-extra-columns")
    assert allowed.exit_code == 0 and "warning: " in allowed.output and "stauts" in allowed.output


def test_reconciling_400_rows_for_one_figure_is_fast(write_csv, setup):
    from writer.data.facts import History

    rows = "\n".join(f"2026-01-26,total,all,net_flow,{-1000 - 7 * i},,Source {i},,," for i in range(400))
    started = time.process_time()
    history = History.from_files([write_csv(rows)], setup.style, setup.vocabulary)
    assert time.process_time() - started < 2.0  # cubic took 11.6 s
    assert history.week(dt.date(2026, 1, 26)).total.status == "conflicting"


HOSTILE = {  # text repeated n times; each was quadratic (15 to 31 s at the sizes of the report)
    "link openers": "[a](",
    "tag openers": "<a ",
    "comment openers": "x <!--",
    "no sentence end": "flows rose due to demand and ",
    "suppressions": "<!-- writer-lint disable-next-line no-causal-attribution -- test -->\nFlows rose due to fear.\n\n",
}
SIZES = {"no sentence end": 3_000, "suppressions": 1_500}


def _lint_cpu(setup, text):
    from writer.lint.context import Context
    from writer.lint.engine import lint_text

    started = time.process_time()
    result = lint_text(text, "hostile.md", setup.ruleset, Context(setup.style, setup.vocabulary))
    return time.process_time() - started, result


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_documents_lint_in_linear_time(setup, name):
    """Four times the text costs about four times the CPU (quadratic would be sixteen)."""
    n = SIZES.get(name, 10_000)
    small, _ = _lint_cpu(setup, HOSTILE[name] * n)
    large, result = _lint_cpu(setup, HOSTILE[name] * (4 * n))
    assert large < 7 * small + 0.2, (small, large)
    assert not [f for f in result.findings if "gave up" in f.message]
    if name == "no sentence end":
        # one sentence: the house rules give one finding per rule per sentence, however many causes it states
        assert sum(f.rule == "no-causal-attribution" for f in result.findings) == 1
    if name == "suppressions":
        assert len(result.suppressed) == 4 * n


def test_regex_budget_does_not_count_the_callers_work():
    import regex

    from writer.lint.rules import Budget, finditer

    budget = Budget(0.05)
    found = 0
    for _ in finditer(regex.compile("a"), "a" * 40, timeout=budget):
        time.sleep(0.005)  # the linter's own work between matches: 0.2 s in all, four budgets
        found += 1
    assert found == 40


def test_a_rule_that_gives_up_says_so(setup, monkeypatch):
    from writer.lint import rules
    from writer.lint.context import Context
    from writer.lint.engine import lint_text

    monkeypatch.setattr(rules.Budget, "left", lambda self, pattern: (_ for _ in ()).throw(rules.RegexTimeout("x")))
    result = lint_text("Flows rose due to fear.\n", "a.md", setup.ruleset, Context(setup.style, setup.vocabulary))
    gave_up = [f for f in result.findings if "gave up" in f.message]
    assert gave_up and all(f.level == "error" and "not checked" in f.message for f in gave_up)


def test_user_error_is_what_loaders_raise():
    from writer.yamlsafe import load_yaml

    with pytest.raises(UserError):
        load_yaml("a: [1, 2\n", "x.yaml")
