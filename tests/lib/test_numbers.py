"""Ranges in plain words."""

from decisionaid.lib.numbers import range_text


def test_ranges_read_naturally():
    assert range_text(3, 6, "sessions") == "3 to 6 sessions"
    assert range_text(1, 1, "session") == "1 session"
    assert range_text(1000, None, "a session", prefix="$") == "$1,000 or more a session"
    assert range_text(None, 7, "days") == "up to 7 days"
    assert range_text(None, None, "days") == ""


def test_exactly_one_is_singular():
    # "Sessions: 1 sessions." was on the options page for the stem-cell and deep-peel options (issue 16).
    assert range_text(1, 1, "sessions") == "1 session"
    assert range_text(1, 1, "days") == "1 day"
    assert range_text(1, 3, "sessions") == "1 to 3 sessions"
    assert range_text(None, 1, "days") == "up to 1 day"
    assert range_text(1, None, "sessions") == "1 or more sessions"
