"""Icon-array geometry: 100 icons (10 × 10), or 1,000 icons when the number is below 1 out of 100.

Affected icons are grouped from the bottom row up, left to right, so arrays can be compared at a glance.
"""

from __future__ import annotations

from dataclasses import dataclass

from decisionaid.lib.numbers import frame, is_small_study


@dataclass(frozen=True)
class IconArray:
    columns: int
    rows: int
    affected: int

    @property
    def total(self) -> int:
        return self.columns * self.rows

    def cells(self) -> list[tuple[int, int, bool]]:
        """(column, row, affected) for every icon; row 0 is the top row."""
        cells = []
        for index in range(self.total):
            row_from_bottom, column = divmod(index, self.columns)
            cells.append((column, self.rows - 1 - row_from_bottom, index < self.affected))
        return cells


def icon_array(*, events: int | None, denominator: int | None) -> IconArray | None:
    """The array to draw for `events` out of `denominator`, or None when the number is not known or too small."""
    if events is None or not denominator or is_small_study(denominator):
        return None  # a study of a few people is given in words, never as 100 icons
    affected, base = frame(events, denominator)
    if base == 100:
        return IconArray(columns=10, rows=10, affected=min(100, affected))
    if affected == 0:
        return None  # fewer than 1 out of 1,000: an array would show nothing; the words say it
    return IconArray(columns=40, rows=25, affected=affected)
