from tests.conftest import d


def weeks(*pairs):
    return "\n".join(f"{w},total,all,net_flow,{v},,A,,," for w, v in pairs)


def test_ytd_sign_flip(history_of):
    h = history_of(weeks(("2026-01-19", 2170), ("2026-01-26", -1700)) + "\n2026-01-26,total,all,ytd_flow,-1000,,A,,,")
    facts = h.week(d("2026-01-26"))
    assert facts.ytd.sign_flip is True and facts.ytd.before_sign == 1


def test_ytd_direction_not_established_when_too_imprecise(history_of):
    # before = -1000 - (-1300) = +300, but "-1000" is only good to the thousand
    h = history_of(weeks(("2026-02-02", -1300)) + "\n2026-02-02,total,all,ytd_flow,-1000,,A,,,")
    facts = h.week(d("2026-02-02"))
    assert facts.ytd.before_sign == 0 and not facts.ytd.sign_flip


def test_superlative_established_only_without_gaps(history_of):
    full = [
        ("2025-12-01", -2000),
        ("2025-12-08", -100),
        ("2025-12-15", 300),
        ("2025-12-22", -200),
        ("2025-12-29", -50),
        ("2026-01-05", -1500),
    ]
    h = history_of(weeks(*full))
    s = h.week(d("2026-01-05")).superlative
    assert s.since == d("2025-12-01") and s.established and s.missing_weeks == 0

    gappy = [w for w in full if w[0] != "2025-12-15"]
    s = history_of(weeks(*gappy)).week(d("2026-01-05")).superlative
    assert s.since == d("2025-12-01") and not s.established and s.missing_weeks == 1


def test_superlative_needs_min_weeks(history_of):
    h = history_of(weeks(("2025-12-22", -2000), ("2025-12-29", -100), ("2026-01-05", -1500)))
    assert h.week(d("2026-01-05")).superlative is None


def test_streak_counts_same_direction_and_gaps_break_it(history_of):
    h = history_of(weeks(("2026-01-05", -10), ("2026-01-12", -20), ("2026-01-19", -30), ("2026-01-26", 40)))
    assert h.week(d("2026-01-19")).streak.weeks_before == 2
    assert h.week(d("2026-01-26")).streak.ended_run == 3
    h = history_of(weeks(("2026-01-05", -10), ("2026-01-19", -30)))
    assert h.week(d("2026-01-19")).streak.weeks_before == 0


def test_contrarians_and_leader_share(history_of):
    h = history_of(
        weeks(("2026-01-26", -1700))
        + """
        2026-01-26,asset,Bitcoin,net_flow,-1000,over,A,,,
        2026-01-26,asset,Ethereum,net_flow,-400,,A,,,
        2026-01-26,asset,Solana,net_flow,17.1,,A,,,
        2026-01-26,country,Canada,net_flow,33.5,,A,,,
    """
    )
    facts = h.week(d("2026-01-26"))
    assert [f.key for f in facts.contrarians] == ["Solana", "Canada"]
    assert [f.key for f in facts.leaders] == ["Bitcoin", "Ethereum"]
    # over 1000 of at most 1750: more than half, not more than two thirds
    assert facts.share.words == "more than half"


def test_repeated_figure_from_the_previous_week_is_warned(real_history):
    facts = real_history.week(d("2026-02-02"))
    repeated = {f.key: f.repeated_from for f in facts.repeated}
    assert "Ethereum" in repeated
    ethereum = next(f for f in facts.figures if f.key == "Ethereum")
    assert ethereum.flagged


def test_real_history_superlative_is_not_established_across_gaps(real_history):
    s = real_history.week(d("2026-01-26")).superlative
    assert s.since == d("2025-11-24") and not s.established and s.missing_weeks == 6
