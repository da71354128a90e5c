"""Ranges in plain words."""

from decisionaid.lib.icon_array import icon_array
from decisionaid.lib.numbers import both_frames_text, per_hundred_text, range_text


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


def test_frames_are_whole_numbers_that_add_up():
    # The deep peel's 12 of 181 was "6.6 out of 100 ... 93 out of 100 do not" (99.6 in all).
    assert both_frames_text(12, 181) == "7 out of 100 people get this; 93 out of 100 do not."
    assert per_hundred_text(12, 181) == "7 out of 100 people"
    for events, denominator in [(1, 30), (2, 23), (17, 100), (55, 903), (999, 1000), (5, 20), (1, 99)]:
        text = both_frames_text(events, denominator)
        numbers = [
            int(word.replace(",", "")) for word in text.replace(";", "").split() if word.replace(",", "").isdigit()
        ]
        affected, base, rest, base_again = numbers
        assert affected + rest == base == base_again, text


def test_below_one_in_a_hundred_is_out_of_a_thousand():
    assert both_frames_text(3, 1000) == "3 out of 1,000 people get this; 997 out of 1,000 do not."
    assert per_hundred_text(1, 1_000_000) == "fewer than 1 out of 1,000 people"


def test_a_study_of_fewer_than_20_people_is_given_as_counted():
    # An uncontrolled study of 10 people was drawn as "80 out of 100" with 100 icons.
    assert per_hundred_text(8, 10) == "8 of 10 people in one study of 10"
    assert both_frames_text(8, 10) == "8 of 10 people in one study of 10 had this; 2 did not."
    assert icon_array(events=8, denominator=10) is None
    assert icon_array(events=16, denominator=20).affected == 80
