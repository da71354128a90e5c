"""How sure we can be, at most, from the kinds of sources a rating cites (the rule the publishing gate applies).

The methods page (About) states the same rule. A rating above what its sources allow needs a reason recorded
by a reviewer on the row; the About page lists every such row with its reason. A rating below the ceiling needs no
reason: studies can be small, biased or disagree, which lowers certainty (GRADE's reasons to rate down).
"""

from __future__ import annotations

from collections.abc import Iterable

from decisionaid.content.vocabulary import Certainty

ORDER = (Certainty.NOT_STUDIED, Certainty.VERY_LOW, Certainty.LOW, Certainty.MODERATE, Certainty.HIGH)

# The highest rating each kind of source can support on its own.
CEILING_BY_KIND = {
    "systematic-review": Certainty.HIGH,
    "rct": Certainty.HIGH,
    "controlled-study": Certainty.LOW,
    "case-series": Certainty.VERY_LOW,
    "case-report": Certainty.VERY_LOW,
    "review": Certainty.VERY_LOW,
    "guideline": Certainty.VERY_LOW,
}
# Regulator pages, trial registrations (no results), news and other sources report no study results.


def ceiling(kinds: Iterable[str]) -> Certainty:
    """The highest rating the cited sources support: "not studied" when none of them reports a study."""
    return max(
        (CEILING_BY_KIND.get(kind, Certainty.NOT_STUDIED) for kind in kinds),
        key=ORDER.index,
        default=Certainty.NOT_STUDIED,
    )


def above_ceiling(certainty: str, kinds: Iterable[str]) -> Certainty | None:
    """The ceiling, when `certainty` is above it (the rating departs from the rule); else None."""
    limit = ceiling(kinds)
    return limit if ORDER.index(Certainty(certainty)) > ORDER.index(limit) else None


# The "sold for this, but good evidence is lacking" label: shown for every option sold for a concern whose
# rating is very low or not studied, and for no other.
LACKING = frozenset({Certainty.VERY_LOW, Certainty.NOT_STUDIED})


def sold_without_good_evidence(certainty: str | None, is_marketed_for: bool) -> bool:
    return is_marketed_for and Certainty(certainty or Certainty.NOT_STUDIED) in LACKING
