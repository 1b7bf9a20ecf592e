from writer.lint.context import Context
from writer.lint.engine import lint_text


def lint(text, setup, facts=None):
    return lint_text(text, "a.md", setup.ruleset, Context(setup.style, setup.vocabulary, facts)).findings


def rules_of(findings):
    return [f.rule for f in findings]


RISK = "\n\nThis is not investment advice."


def test_forbid_reports_position(setup):
    findings = lint("# Title\n\nCrypto funds shed money due to fear, according to CoinShares." + RISK, setup)
    f = next(f for f in findings if f.rule == "no-causal-attribution")
    assert (f.line, f.column, f.level) == (3, 25, "error")


def test_limit_superlative_once(setup):
    text = "It was the largest outflow since March, according to CoinShares. It was the biggest since May." + RISK
    findings = [f for f in lint(text, setup) if f.rule == "superlative-once"]
    assert len(findings) == 1 and findings[0].column == text.index("biggest") + 1


def test_require_risk_notice(setup):
    assert "risk-notice" in rules_of(lint("Funds fell, according to CoinShares.", setup))
    assert "risk-notice" not in rules_of(lint("Funds fell, according to CoinShares." + RISK, setup))


def test_attribute_figures_without_data(setup):
    text = "# Head\n\nShort lead.\n\nBitcoin products recorded a net outflow of $1 billion." + RISK
    assert "attribute-flow-figures" in rules_of(lint(text, setup))
    text = "# Head\n\nBitcoin traded at $87,000 on Friday." + RISK
    assert "attribute-flow-figures" not in rules_of(lint(text, setup))


def test_suppression_with_reason_silences_and_is_reported(setup):
    text = (
        "<!-- writer-lint disable-next-line no-causal-attribution -- quoting the brief's example -->\n"
        "Funds fell due to fear, according to CoinShares." + RISK
    )
    result = lint_text(text, "a.md", setup.ruleset, Context(setup.style, setup.vocabulary))
    assert "no-causal-attribution" not in rules_of(result.findings)
    assert [f.rule for f, _ in result.suppressed] == ["no-causal-attribution"]


def test_suppression_without_reason_is_a_warning(setup):
    text = "<!-- writer-lint disable no-causal-attribution -->\nFunds fell due to fear, per CoinShares." + RISK
    findings = lint(text, setup)
    assert "suppression-reason" in rules_of(findings)
    assert "no-causal-attribution" not in rules_of(findings)
