"""Any entity the data names is known under its own name; the shipped vocabulary knows common aliases."""

from __future__ import annotations

from click.testing import CliRunner

from writer.cli import main
from writer.entities import load_vocabulary

WEEK = """
2026-03-02,total,all,net_flow,-420,,CoinShares,https://example.com/a,verified,
2026-03-02,asset,Bitcoin,net_flow,-390,,CoinShares,https://example.com/a,verified,
2026-03-02,asset,Zorbcoin,net_flow,4.2,,CoinShares,https://example.com/a,verified,
2026-03-02,asset,Quibble,net_flow,-1.3,,CoinShares,https://example.com/a,verified,
2026-03-02,asset,QBX,net_flow,2.6,,CoinShares,https://example.com/a,verified,
2026-03-02,country,Freedonia,net_flow,5.1,,CoinShares,https://example.com/a,verified,
2026-03-02,country,United States,net_flow,-400,,CoinShares,https://example.com/a,verified,
"""

# a vocabulary that knows none of the week's smaller names
SMALL = "asset:\n  Bitcoin: [BTC]\ncountry:\n  United States: [US]\ndefinite_article: [United States]\n"


def _draft(tmp_path, write_csv):
    data = write_csv(WEEK)
    vocab = tmp_path / "small.yaml"
    vocab.write_text(SMALL)
    result = CliRunner().invoke(main, ["draft", "--data", str(data), "--entities", str(vocab)])
    return data, vocab, result


def test_week_of_unknown_names_drafts_and_lints_clean(tmp_path, write_csv):
    data, vocab, result = _draft(tmp_path, write_csv)
    assert result.exit_code == 0, result.output
    for name in ("Zorbcoin", "Quibble", "QBX", "Freedonia"):
        assert name in result.output  # printed under the data's own name
    article = tmp_path / "a.md"
    article.write_text(result.output)
    lint = CliRunner().invoke(main, ["lint", str(article), "--data", str(data), "--entities", str(vocab)])
    assert lint.exit_code == 0, lint.output


def test_changed_figure_of_an_unknown_name_is_caught(tmp_path, write_csv):
    data, vocab, result = _draft(tmp_path, write_csv)
    text = result.output
    # give Zorbcoin Freedonia's figure: a value the week has, but not Zorbcoin's
    sentence = next(line for line in text.splitlines() if "Zorbcoin" in line and "$4.2 million" in line)
    changed = sentence.replace("$4.2 million", "$5.1 million")
    assert changed != sentence
    article = tmp_path / "a.md"
    article.write_text(text.replace(sentence, changed))
    lint = CliRunner().invoke(main, ["lint", str(article), "--data", str(data), "--entities", str(vocab)])
    assert lint.exit_code == 1
    assert "grounded-figures" in lint.output and "Zorbcoin" in lint.output


def test_shipped_aliases_and_tokens_are_not_their_exchange():
    vocab = load_vocabulary()
    assert vocab.normalise("asset", "BNB") == "BNB"  # a token, not the exchange Binance
    assert vocab.normalise("asset", "Binance") == "Binance"  # an unknown key stays itself
    assert vocab.normalise("asset", "short-BTC") == "Short Bitcoin"
    assert vocab.normalise("asset", "multi-asset") == "Multi-asset"
    assert vocab.normalise("asset", "blockchain equities") == "Blockchain equities"
    assert vocab.normalise("country", "HK") == "Hong Kong"
    assert vocab.normalise("asset", "LTC") == "Litecoin"
    for provider in ("Grayscale", "BlackRock", "Fidelity", "iShares"):
        assert vocab.lookup(provider)[0] == "provider"


def test_prose_names_match_as_written():
    vocab = load_vocabulary()
    names = [
        m.group("name") for m in vocab.mention_pattern.finditer("an avalanche of us; the US and short bitcoin funds")
    ]
    assert names == ["US", "short bitcoin"]


def test_with_keys_adds_data_keys_once():
    vocab = load_vocabulary()
    extended = vocab.with_keys([("asset", "Zorbcoin"), ("asset", "BTC"), ("total", "all")])
    assert extended.lookup("Zorbcoin") == ("asset", "Zorbcoin")
    assert extended.normalise("asset", "BTC") == "Bitcoin"
    assert vocab.lookup("Zorbcoin") is None  # the file's vocabulary is unchanged
    assert vocab.with_keys([("asset", "Zorbcoin")]) is vocab.with_keys([("asset", "Zorbcoin")])
    assert vocab.with_keys([("asset", "Bitcoin")]) is vocab
