"""Plain-language numbers: always 'X out of 100', never '1 in X' (product.md §2.3)."""

from __future__ import annotations

NOT_KNOWN = "not known — not well studied"


def per_hundred(events: int, denominator: int) -> float:
    return 100 * events / denominator


# Below this many people a figure is one small study, given as it was counted ("8 of 10 people in one study
# of 10"), never scaled to 100 or drawn as 100 icons (issue 16).
SMALL_STUDY = 20


def frame(events: int, denominator: int) -> tuple[int, int]:
    """Whole people out of a round number: (affected, base), out of 100, or out of 1,000 below 1 out of 100; so the
    two frames, affected and base - affected, always add up to the base."""
    if 0 < events / denominator < 0.01:
        return round(1000 * events / denominator), 1000
    return round(100 * events / denominator), 100


def is_small_study(denominator: int | None) -> bool:
    return bool(denominator) and denominator < SMALL_STUDY


def per_hundred_text(events: int | None, denominator: int | None) -> str:
    """'7 out of 100 people', '3 out of 1,000 people', '8 of 10 people in one study of 10' (both frames are
    shown by the caller); 'not known' when there is no number."""
    if events is None or not denominator:
        return NOT_KNOWN
    if is_small_study(denominator):
        return f"{events} of {denominator} people in one study of {denominator}"
    affected, base = frame(events, denominator)
    if affected == 0 and events:
        return f"fewer than 1 out of {base:,} people"
    return f"{affected} out of {base:,} people"


def both_frames_text(events: int | None, denominator: int | None) -> str:
    """Both frames, adding up: '7 out of 100 people get this; 93 out of 100 do not.'"""
    if events is None or not denominator:
        return f"How often: {NOT_KNOWN}."
    if is_small_study(denominator):
        return (
            f"{events} of {denominator} people in one study of {denominator} had this; {denominator - events} did not."
        )
    affected, base = frame(events, denominator)
    if affected == 0 and events:
        return f"Fewer than 1 out of {base:,} people get this; more than {base - 1:,} out of {base:,} do not."
    return f"{affected} out of {base:,} people get this; {base - affected:,} out of {base:,} do not."


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
