"""Small builders for content in tests: a complete, publishable item unless told otherwise."""

from __future__ import annotations

import copy
import datetime

from decisionaid.content import vocabulary

REVIEWED = {"status": "published", "last_reviewed_on": "2026-01-10", "next_review_due": "2027-01-10"}


def option_data(**overrides) -> dict:
    """An option in the pack's shape that passes every publishing check."""
    data = {
        "slug": "microneedling",
        "name": "Microneedling",
        "family": "microneedling",
        "what_it_is": "A pen with tiny needles makes small holes in the top layer of the skin.",
        "how_it_works": "The skin heals the small holes. While it heals, it may make new support fibres.",
        "what_happens": "You get numbing cream.\nThe pen is moved over your skin.\nYou go home the same day.",
        "discomfort": "mild",
        "results_last": "Results may fade over the months after treatment.",
        "evidence": [
            {
                "concern": "acne-scars",
                "certainty": "low",
                "summary": "Small studies found some change in scars.",
                "references": ["R1"],
            }
        ],
        "side_effects": [
            {
                "description": "Red skin for a few days.",
                "severity": "mild",
                "events": 7,
                "denominator": 100,
                "references": ["R1"],
            }
        ],
        "regulatory": [
            {
                "jurisdiction": slug,
                "status": "device-cleared",
                "explanation": "The pen is a device.",
                "as_of": "2026-01-10",
                "references": ["R1"],
            }
            for slug in vocabulary.JURISDICTION_SLUGS
        ],
        **REVIEWED,
    }
    data.update(overrides)
    return copy.deepcopy(data)


def today() -> datetime.date:
    return datetime.date(2026, 1, 10)
