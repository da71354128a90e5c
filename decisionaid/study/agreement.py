"""Values–choice agreement: does the option a patient leans towards fit what they rated most important?

The rule, shown on the About page and in the dashboard, is deliberately simple: for each attribute the patient
rated most important that can be put in order (downtime, cost and number of sessions, lowest first; how sure we
are, highest first), the leaning option *differs* when more than half of the other options shown, among those
with a known value, are better on it. It fits when it differs on none. Nothing is weighted or added up, and the
patient only ever sees a gentle prompt naming the attribute, never a verdict. Pure functions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from decisionaid.content.vocabulary import Certainty
from decisionaid.questionnaire.choices import ATTRIBUTE_BY_SLUG
from decisionaid.questionnaire.matching import Match, top_attributes

_CERTAINTY_RANK = {level: rank for rank, level in enumerate(reversed(Certainty.values))}  # not studied = 0

# For each attribute that can be put in order: the option's value (None when not known), and whether lower is
# better.
ORDERED: dict[str, tuple[Callable[[Match], float | None], bool]] = {
    "downtime": (lambda match: match.option.downtime_days_max, True),
    "cost": (lambda match: match.option.cost_max_usd, True),
    "sessions": (lambda match: match.option.sessions_max, True),
    "evidence": (
        lambda match: _CERTAINTY_RANK[match.evidence.certainty] if match.evidence else _CERTAINTY_RANK["not-studied"],
        False,
    ),
}


@dataclass(frozen=True)
class Difference:
    attribute: str
    heading: str  # as the patient saw it in the values table
    better: int  # how many of the other options are better on it
    compared: int  # how many other options have a known value


@dataclass(frozen=True)
class Agreement:
    applies: bool  # a leaning option and at least one ordered attribute rated most important
    differences: tuple[Difference, ...] = ()

    @property
    def agrees(self) -> bool | None:
        return (not self.differences) if self.applies else None


def values_agreement(matches: Sequence[Match], decision: Mapping[str, str], values: Mapping[str, int]) -> Agreement:
    """The rule above for the option the decision answers lean towards ("not sure yet" is no option)."""
    leaning = decision.get("leaning")
    chosen = next((match for match in matches if match.option.slug == leaning), None)
    attributes = [slug for slug in top_attributes(values) if slug in ORDERED]
    if chosen is None or not attributes:
        return Agreement(applies=False)
    others = [match for match in matches if match is not chosen]
    differences = []
    checked = 0
    for slug in attributes:
        value_of, lower_is_better = ORDERED[slug]
        own = value_of(chosen)
        known = [value for value in map(value_of, others) if value is not None]
        if own is None or not known:
            continue
        checked += 1
        better = sum(1 for value in known if (value < own if lower_is_better else value > own))
        if better > len(known) / 2:
            differences.append(Difference(slug, str(ATTRIBUTE_BY_SLUG[slug].heading), better, len(known)))
    return Agreement(applies=checked > 0, differences=tuple(differences))
