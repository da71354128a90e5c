"""Ranges in plain words."""

from decisionaid.lib.numbers import range_text


def test_ranges_read_naturally():
    assert range_text(3, 6, "sessions") == "3 to 6 sessions"
    assert range_text(1, 1, "session") == "1 session"
    assert range_text(1000, None, "a session", prefix="$") == "$1,000 or more a session"
    assert range_text(None, 7, "days") == "up to 7 days"
    assert range_text(None, None, "days") == ""
