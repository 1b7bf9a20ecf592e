"""The house style object: one per language, laid over the shipped YAML, extended by name."""

import datetime as dt
import pickle
import textwrap

import pytest

from writer.errors import UserError
from writer.housestyle import languages, shipped
from writer.rulesfile import house_style, load_rules_document


def rules(tmp_path, body: str, name: str = "newsroom.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body))
    return load_rules_document(path)


def test_shipped_style_reads_every_field():
    style = shipped()
    assert style.language == "en"
    assert style.qualifier == style.qualifiers[0]
    assert style.word("outflow") in style.outflow_words
    assert style.plural("inflow") in style.inflow_words
    assert style.long_date(dt.date(2026, 1, 26)) == "January 26, 2026"
    assert style.parse_amount(style.amount(1700, "approx")).value == 1700


def test_the_set_up_pickles_for_the_cache():
    from writer.setup import load_setup

    setup = load_setup()
    again = pickle.loads(pickle.dumps(setup))
    assert again.style == setup.style and again.ruleset.version == setup.ruleset.version
    assert again.style.amount(1700, "approx") == "approximately $1.7 billion"


def test_bare_extends_name_finds_the_shipped_rules_and_overrides_one_list(tmp_path):
    doc = rules(
        tmp_path,
        """
        extends: editorial.yaml
        house_style:
          en:
            qualifiers: [unverified, pending verification]
        """,
    )
    style = house_style(doc)
    assert style.qualifier == "unverified"
    assert style.outflow_words == shipped().outflow_words  # everything else from the shipped file
    assert any(r["id"] == "grounded-figures" for r in doc.data["rules"])


def test_a_file_without_house_style_gets_the_shipped_one(tmp_path):
    doc = rules(tmp_path, "version: 1\nrules: []\n")
    assert house_style(doc) == shipped()


def test_a_new_language_is_one_block(tmp_path):
    doc = rules(
        tmp_path,
        """
        extends: editorial.yaml
        house_style:
          language: xx
          xx:
            qualifiers: [zzz]
        """,
    )
    with pytest.raises(UserError) as err:
        house_style(doc)  # a language block must be complete: nothing is borrowed from en
    assert "house_style.xx." in str(err.value)
    assert set(languages(doc.data["house_style"])) == {"en", "zh", "xx"}
    assert house_style(doc, "en").qualifier == shipped().qualifier


def test_flat_settings_point_to_the_language_block(tmp_path):
    doc = rules(tmp_path, "house_style:\n  qualifiers: [unverified]\nrules: []\n")
    with pytest.raises(UserError) as err:
        house_style(doc)
    assert "house_style.en.qualifiers" in str(err.value)


def test_a_bad_field_is_one_located_error(tmp_path):
    doc = rules(tmp_path, "house_style:\n  en:\n    direction:\n      plural: {outflow: exits, inflow: inflows}\n")
    with pytest.raises(UserError) as err:
        house_style(doc)
    assert "house_style.en.direction.plural.outflow is 'exits'" in str(err.value)


@pytest.mark.parametrize(
    "where, text, expected",
    [
        ("prose", 'unsized: "a net {oops} whose size"', "placeholders among {attribution}, {direction}"),
        ("prose", 'flow: "a net {direction of {amount}"', "braces hold placeholders"),
        ("flags", 'claim: "That comparison ({sources}) is unverified"', "placeholders among {qualifier}"),
        ("prose", 'possessive: "{name}s {attribution}"', "placeholders among {name}"),
    ],
)
def test_a_form_with_a_placeholder_the_code_does_not_fill_is_a_load_error(tmp_path, where, text, expected):
    doc = rules(tmp_path, f"extends: editorial.yaml\nhouse_style:\n  en:\n    {where}:\n      {text}\n")
    with pytest.raises(UserError) as raised:
        house_style(doc)
    assert expected in str(raised.value) and "newsroom.yaml" in str(raised.value)


def test_a_form_may_use_any_field_it_is_filled_with_and_literal_braces(tmp_path):
    doc = rules(
        tmp_path,
        """
        extends: editorial.yaml
        house_style:
          en:
            prose:
              cited: "{flow} {{per {attribution} {sources}}}"
            flags:
              single_source: "{qualifier}: {sources} alone"
        """,
    )
    style = house_style(doc)
    assert style.says("cited", flow="X", sources="A") == "X {per according to A}"
    assert style.flag("single_source", sources="A") == "pending verification: A alone"
