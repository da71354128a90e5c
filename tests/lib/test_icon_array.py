"""Icon arrays: 10 × 10, affected icons grouped from the bottom, 1,000 icons for small numbers."""

from decisionaid.lib.icon_array import icon_array


def test_seven_out_of_a_hundred_fills_seven_icons_from_the_bottom_left():
    array = icon_array(events=7, denominator=100)
    assert (array.columns, array.rows, array.total, array.affected) == (10, 10, 100, 7)
    filled = [(column, row) for column, row, affected in array.cells() if affected]
    assert filled == [(column, 9) for column in range(7)]


def test_more_than_one_row_fills_the_bottom_row_first():
    filled = [(c, r) for c, r, affected in icon_array(events=12, denominator=100).cells() if affected]
    assert (9, 9) in filled and (0, 8) in filled and (2, 8) not in filled


def test_other_group_sizes_are_scaled_to_100():
    assert icon_array(events=12, denominator=181).affected == 7


def test_numbers_below_one_in_a_hundred_use_1000_icons():
    array = icon_array(events=3, denominator=1000)
    assert (array.total, array.affected) == (1000, 3)


def test_unknown_and_vanishingly_small_numbers_get_no_array():
    assert icon_array(events=None, denominator=None) is None
    assert icon_array(events=1, denominator=1_000_000) is None


def test_zero_shows_an_empty_array():
    array = icon_array(events=0, denominator=50)
    assert (array.total, array.affected) == (100, 0)
