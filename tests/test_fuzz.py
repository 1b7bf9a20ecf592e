"""Fuzzing with a fixed example budget: whatever the input, a UserError or a result, never a traceback.

Hypothesis runs derandomized with a set number of examples per target, so
the suite's time is fixed and a failure reproduces.
"""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from writer.errors import UserError

FUZZ = settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))

MARKDOWN_BITS = st.sampled_from(
    [
        "# ",
        "## ",
        "- ",
        "1. ",
        "> ",
        "```",
        "`",
        "*",
        "_",
        "[",
        "](",
        ")",
        "<!--",
        "-->",
        "<a ",
        ">",
        "|",
        "---\n",
        "\n",
        "\n\n",
        "$",
        "$1.7 billion",
        "US$33.5 million",
        "approximately ",
        "over ",
        "outflow",
        "inflow",
        "due to ",
        "because ",
        "said ",
        '"',
        "“",
        "”",
        "'",
        "U.S.",
        "Bitcoin",
        "CoinShares",
        ". ",
        "!",
        "?",
        "&lt;",
        "<!-- writer-lint disable-next-line no-causal-attribution -- r -->\n",
        "<!-- writer-lint disable",
        "week: 2026-01-26\n",
        "week: 2026-02-30\n",
        "\x00",
        "\r\n",
        "\u200b",
        "9" * 40,
    ]
)
DOCUMENTS = st.lists(st.one_of(MARKDOWN_BITS, st.text(max_size=12)), max_size=60).map("".join)


@FUZZ
@given(DOCUMENTS)
def test_lint_any_document(setup, real_history, text):
    from writer.lint.context import Context
    from writer.lint.engine import lint_text

    facts = real_history.week(dt.date(2026, 1, 26))
    for week_facts in (None, facts):
        result = lint_text(text, "fuzz.md", setup.ruleset, Context(setup.style, setup.vocabulary, week_facts))
        assert all(f.line >= 1 and f.column >= 1 for f in result.findings)


YAML_BITS = st.sampled_from(
    [
        "week_ending: ",
        "2026-01-26",
        "2026-02-30",
        "commentary:",
        "claims:",
        "context:",
        "\n",
        "  - ",
        "source: ",
        "quote: ",
        "kind: ",
        "superlative",
        "text: ",
        "&a ",
        "*a",
        "[",
        "]",
        "{",
        "}",
        ": ",
        "- ",
        "!!python/object:os.system",
        "~",
        "null",
        "1e400",
        '"',
        "'",
        "#",
        "? ",
        "|",
        ">",
        "\t",
        "<<: *a",
    ]
)
YAML_TEXT = st.lists(st.one_of(YAML_BITS, st.text(max_size=8)), max_size=40).map("".join)


@FUZZ
@given(YAML_TEXT)
def test_notes_any_yaml(tmp_path_factory, text):
    from writer.data.notes import read_notes

    path = tmp_path_factory.mktemp("notes") / "n.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        read_notes(path)
    except UserError as err:
        assert err.problems and all(str(p) for p in err.problems)


RULE_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-3, 3),
        st.floats(allow_nan=True),
        st.text(max_size=6),
        st.sampled_from(["forbid", "limit", "require", "grounded-figures", "error", "(", "a{1,3}", "[", ".*"]),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=12,
)
RULE_KEYS = st.sampled_from(
    ["id", "level", "kind", "message", "patterns", "exceptions", "max", "section", "scope", "examples", "quotes"]
)


@FUZZ
@given(
    st.dictionaries(st.sampled_from(["money", "agreement", "qualifiers", "direction", "superlative"]), RULE_VALUES),
    st.lists(st.dictionaries(RULE_KEYS, RULE_VALUES, max_size=8), max_size=3),
)
def test_rules_any_structure(tmp_path_factory, house_style, rules):
    import yaml

    from writer.entities import load_vocabulary
    from writer.lint.engine import example_runner
    from writer.lint.rules import load_rules
    from writer.rulesfile import house_style as read_style
    from writer.rulesfile import load_rules_document

    path = tmp_path_factory.mktemp("rules") / "rules.yaml"
    path.write_text(yaml.safe_dump({"version": 1, "house_style": house_style, "rules": rules}))
    try:
        doc = load_rules_document(path)
        style = read_style(doc)
        load_rules(doc, example_runner(style, load_vocabulary()))
    except UserError as err:
        assert err.problems


CELLS = st.one_of(
    st.sampled_from(
        [
            "2026-01-26",
            "2026-02-30",
            "total",
            "asset",
            "country",
            "all",
            "Bitcoin",
            "BTC",
            "net_flow",
            "ytd_flow",
            "aum",
            "-1700",
            "1,700",
            "33.5",
            "inf",
            "1e308",
            "nan",
            "-0",
            "0",
            "over",
            "under",
            "nearly",
            "exact",
            "verified",
            "unverified",
            "A",
            "B",
            '"',
            "",
            " ",
        ]
    ),
    st.text(max_size=6),
)
ROW = st.tuples(*[CELLS] * 10)


@FUZZ
@given(st.lists(ROW, min_size=1, max_size=8))
def test_data_any_rows(tmp_path_factory, setup, rows):
    import csv

    from writer.data.facts import History
    from writer.draft import render_week

    path = tmp_path_factory.mktemp("data") / "rows.csv"
    with open(path, "w", newline="", encoding="utf-8", errors="surrogatepass") as handle:
        writer = csv.writer(handle)
        writer.writerow(["week_ending", "scope", "key", "metric", "usd_m", "bound", "source", "url", "status", "note"])
        writer.writerows(rows)
    try:
        history = History.from_files([path], setup.style, setup.vocabulary)
        for week in history.weeks:
            render_week(history.week(week), setup)
    except UserError as err:
        assert err.problems
