"""The evaluation's figures, as the dashboard and its CSV show them (issue 17).

Per group of study rows (a month, a concern, a country, or all): knowledge out of 100 before and after with
95% intervals, the mean change, the share with decisional conflict (SURE 3 or less) before and after, and the
share whose leaning fits what they rated most important. A group of fewer than MIN_CELL people is suppressed:
its figures are not computed, shown or exported.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from decisionaid.study.models import FunnelCount, StudyResponse

MIN_CELL = 10
Z_95 = 1.96  # normal approximation; groups have at least MIN_CELL people


@dataclass(frozen=True)
class Mean:
    value: float
    low: float
    high: float


def mean_with_interval(values: Sequence[float]) -> Mean:
    value = statistics.fmean(values)
    half = Z_95 * statistics.stdev(values) / math.sqrt(len(values)) if len(values) > 1 else 0.0
    return Mean(value, value - half, value + half)


def share(flags: Iterable[bool]) -> float:
    flags = list(flags)
    return 100 * sum(flags) / len(flags)


@dataclass(frozen=True)
class GroupFigures:
    label: str
    people: int
    suppressed: bool
    knowledge_before: Mean | None = None
    knowledge_after: Mean | None = None
    knowledge_change: Mean | None = None
    conflict_before: float | None = None  # % with SURE 3 or less
    conflict_after: float | None = None
    agreement: float | None = None  # % whose leaning fits, of those to whom the rule applies
    agreement_people: int = 0


def group_figures(label: str, rows: Sequence[StudyResponse]) -> GroupFigures:
    if len(rows) < MIN_CELL:
        return GroupFigures(label, len(rows), suppressed=True)
    rated = [row.values_agree for row in rows if row.values_agree is not None]
    return GroupFigures(
        label,
        len(rows),
        suppressed=False,
        knowledge_before=mean_with_interval([row.knowledge_before for row in rows]),
        knowledge_after=mean_with_interval([row.knowledge_after for row in rows]),
        knowledge_change=mean_with_interval([row.knowledge_after - row.knowledge_before for row in rows]),
        conflict_before=share(row.sure_before <= 3 for row in rows),
        conflict_after=share(row.sure_after <= 3 for row in rows),
        agreement=share(rated) if len(rated) >= MIN_CELL else None,
        agreement_people=len(rated),
    )


BREAKDOWNS: dict[str, tuple[str, Callable[[StudyResponse], str]]] = {
    "month": ("Month", lambda row: f"{row.month:%Y-%m}"),
    "concern": ("Concern", lambda row: row.concern),
    "country": ("Country", lambda row: row.jurisdiction),
}


def breakdown(rows: Sequence[StudyResponse], by: str) -> list[GroupFigures]:
    groups: dict[str, list[StudyResponse]] = defaultdict(list)
    key = BREAKDOWNS[by][1]
    for row in rows:
        groups[key(row)].append(row)
    return [group_figures(label, groups[label]) for label in sorted(groups)]


def _in_month(rows, field: str, month: str):
    """`rows` whose date `field` falls in `month` ("YYYY-MM"; "" for all)."""
    if not month:
        return rows
    year, number = (int(part) for part in month.split("-"))
    return rows.filter(**{f"{field}__year": year, f"{field}__month": number})


def study_rows(*, synthetic: bool, month: str = "", concern: str = "", country: str = "") -> list[StudyResponse]:
    rows = _in_month(StudyResponse.objects.filter(is_synthetic=synthetic), "month", month)
    if concern:
        rows = rows.filter(concern=concern)
    if country:
        rows = rows.filter(jurisdiction=country)
    return list(rows)


@dataclass(frozen=True)
class FunnelStep:
    event: str
    label: str
    count: int | None  # None: fewer than MIN_CELL, suppressed like every other cell
    share_of_started: float | None  # %


def funnel(*, synthetic: bool, month: str = "") -> list[FunnelStep]:
    """Totals per event; a total below MIN_CELL is suppressed."""
    counters = _in_month(FunnelCount.objects.filter(is_synthetic=synthetic), "day", month)
    totals: dict[str, int] = defaultdict(int)
    for event, count in counters.values_list("event", "count"):
        totals[event] += count
    started = totals.get(FunnelCount.Event.STARTED, 0)
    steps = []
    for event in FunnelCount.Event:
        total = totals.get(event.value, 0)
        shown = total >= MIN_CELL
        steps.append(
            FunnelStep(
                event.value,
                str(event.label),
                total if shown else None,
                100 * total / started if shown and started >= MIN_CELL else None,
            )
        )
    return steps


def months_with_data(*, synthetic: bool) -> list[str]:
    days = StudyResponse.objects.filter(is_synthetic=synthetic).dates("month", "month")
    counted = FunnelCount.objects.filter(is_synthetic=synthetic).dates("day", "month")
    return sorted({f"{day:%Y-%m}" for day in [*days, *counted]}, reverse=True)
