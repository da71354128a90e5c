"""Plain-language numbers: always 'X out of 100', never '1 in X' (product.md §2.3)."""

from __future__ import annotations

NOT_KNOWN = "not known — not well studied"


def per_hundred(events: int, denominator: int) -> float:
    return 100 * events / denominator


def per_hundred_text(events: int | None, denominator: int | None) -> str:
    """'7 out of 100 people' (both frames are shown by the caller); 'not known' when there is no number."""
    if events is None or not denominator:
        return NOT_KNOWN
    value = per_hundred(events, denominator)
    if value == 0:
        return "0 out of 100 people"
    if value < 1:
        return "fewer than 1 out of 100 people"
    shown = round(value) if value >= 10 else round(value, 1)
    shown = int(shown) if float(shown).is_integer() else shown
    return f"{shown} out of 100 people"


def both_frames_text(events: int | None, denominator: int | None) -> str:
    """Both frames, e.g. '7 out of 100 people get this; 93 out of 100 do not.'"""
    if events is None or not denominator:
        return f"How often: {NOT_KNOWN}."
    affected = per_hundred_text(events, denominator)
    rest = 100 - per_hundred(events, denominator)
    if rest > 99:
        unaffected = "more than 99 out of 100"
    else:
        shown = round(rest) if rest >= 10 else round(rest, 1)
        unaffected = f"{int(shown) if float(shown).is_integer() else shown} out of 100"
    return f"{affected} get this; {unaffected} do not."


# A count of exactly one takes the singular: "1 session", not "1 sessions".
PLURAL_UNITS = {"sessions": "session", "days": "day"}


def range_text(low: int | None, high: int | None, unit: str, *, prefix: str = "") -> str:
    """'3 to 6 sessions', '1,000 or more', 'up to 3 days', '1 session', or '' when neither end is known."""

    def show(value: int) -> str:
        return f"{prefix}{value:,}"

    if low is None and high is None:
        return ""
    if low is not None and high is not None:
        text = show(low) if low == high else f"{show(low)} to {show(high)}"
    elif low is not None:
        text = f"{show(low)} or more"
    else:
        text = f"up to {show(high)}"
    if high == 1 and low in (None, 1):  # "1 session", "up to 1 day"; but "1 or more sessions"
        unit = PLURAL_UNITS.get(unit, unit)
    return f"{text} {unit}".strip()
