"""Bar charts for the evaluation dashboard, drawn on the server as inline SVG: no JavaScript and nothing loaded
from elsewhere. Each chart has a title and a text description, and the dashboard shows the same figures in a
table beside it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from decisionaid.study.figures import Mean

LABEL_WIDTH = 190
BAR_WIDTH = 330
ROW = 22
COLOURS = ("#6b7a86", "#0e5a63")  # before (grey), after (teal): both at least 4.5:1 on white


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Mean | float | None]  # one per label; None draws nothing and says "not shown"


def bar_chart(title: str, labels: Sequence[str], series: Sequence[Series], *, maximum: float, unit: str) -> SafeString:
    """Horizontal bars, one group per label and one bar per series; a Mean gets its 95% interval as a line."""
    per_group = len(series) * ROW + 10
    height = 30 + len(labels) * per_group + 20
    width = LABEL_WIDTH + BAR_WIDTH + 70
    parts = []
    for number, label in enumerate(labels):
        top = 30 + number * per_group
        parts.append(format_html('<text x="0" y="{}" class="chart-label">{}</text>', top + ROW - 6, label))
        for index, one in enumerate(series):
            parts.append(_bar(one.values[number], top + index * ROW, COLOURS[index % len(COLOURS)], maximum, unit))
    legend = format_html_join(
        "",
        '<rect x="{}" y="6" width="12" height="12" fill="{}"/><text x="{}" y="16">{}</text>',
        (
            (LABEL_WIDTH + 130 * index, COLOURS[index % len(COLOURS)], LABEL_WIDTH + 130 * index + 16, one.name)
            for index, one in enumerate(series)
        ),
    )
    description = "; ".join(
        f"{label}: " + ", ".join(f"{one.name} {_text(one.values[number], unit)}" for one in series)
        for number, label in enumerate(labels)
    )
    return format_html(
        '<svg class="study-chart" role="img" viewBox="0 0 {} {}" width="100%" aria-labelledby="{}-title {}-desc">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}{}</svg>',
        width,
        height,
        _id(title),
        _id(title),
        _id(title),
        title,
        _id(title),
        description,
        legend,
        SafeString("".join(parts)),
    )


def _bar(value: Mean | float | None, top: int, colour: str, maximum: float, unit: str) -> SafeString:
    if value is None:
        return format_html(
            '<text x="{}" y="{}" class="chart-none">not shown (fewer than 10)</text>', LABEL_WIDTH, top + 15
        )
    middle = value.value if isinstance(value, Mean) else value
    scale = BAR_WIDTH / maximum if maximum else 0
    end = LABEL_WIDTH + max(middle, 0) * scale
    bar = format_html(
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/><text x="{}" y="{}">{}</text>',
        LABEL_WIDTH,
        top + 3,
        _number(end - LABEL_WIDTH),
        ROW - 6,
        colour,
        _number((LABEL_WIDTH + min(value.high, maximum) * scale if isinstance(value, Mean) else end) + 6),
        top + 15,
        _text(value, unit),
    )
    if not isinstance(value, Mean):
        return bar
    return bar + format_html(
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#1b1b1b" stroke-width="2"/>',
        _number(LABEL_WIDTH + max(value.low, 0) * scale),
        _number(LABEL_WIDTH + min(value.high, maximum) * scale),
        top + ROW // 2,
        top + ROW // 2,
    )


def _number(value: float) -> str:
    return f"{value:.1f}"


def _text(value: Mean | float | None, unit: str) -> str:
    if value is None:
        return "not shown"
    if isinstance(value, Mean):
        return f"{value.value:.0f}{unit} ({value.low:.0f} to {value.high:.0f})"
    return f"{value:.0f}{unit}"


def _id(title: str) -> str:
    return "chart-" + "".join(character if character.isalnum() else "-" for character in title.lower())
