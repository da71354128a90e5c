"""The product's fixed vocabulary (product.md §3).

These slugs are an interface — URLs, exports, tests and content files use them — so they live
in code, not in the admin. Labels and plain descriptions are content and come from the pack.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

CONCERN_SLUGS = ("wrinkles", "acne-scars", "raised-scars", "pigmentation", "texture", "sun-damage")

OPTION_SLUGS = (
    "no-procedure",
    "tretinoin",
    "stem-cell-injections",
    "exosomes-topical",
    "exosomes-injected",
    "stem-cell-creams",
    "prp-injections",
    "prp-microneedling",
    "microneedling",
    "peel-superficial",
    "peel-medium",
    "peel-deep",
    "laser-ablative-fractional",
    "laser-nonablative-fractional",
    "laser-pigment",
    "ipl",
)
NO_PROCEDURE_SLUG = "no-procedure"

JURISDICTION_SLUGS = ("us", "eu", "uk", "ca", "au", "jp", "kr", "other")

HEALTH_ITEM_SLUGS = (
    "pregnant",
    "isotretinoin",
    "skin-infection",
    "cold-sores",
    "active-acne",
    "keloid",
    "blood-thinners",
    "bleeding-disorder",
    "cancer-active",
    "cancer-past",
    "photosensitive",
    "immune",
    "heart-kidney-liver",
    "allergy",
    "filler",
    "melasma",
)

SKIN_TYPES = ("1", "2", "3", "4", "5", "6")
SKIN_TYPE_UNSURE = "unsure"


def slug_choices(slugs: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(slug, slug) for slug in slugs]


class Certainty(models.TextChoices):
    HIGH = "high", _("High")
    MODERATE = "moderate", _("Moderate")
    LOW = "low", _("Low")
    VERY_LOW = "very-low", _("Very low")
    NOT_STUDIED = "not-studied", _("Not studied")


class RegulatoryStatusCode(models.TextChoices):
    APPROVED = "approved", _("Approved or cleared for this use")
    DEVICE_CLEARED = "device-cleared", _("Device cleared; use on skin may be off-label")
    OFF_LABEL = "off-label", _("Approved for another use (off-label)")
    COSMETIC = "cosmetic", _("Sold as a cosmetic; no treatment claims allowed")
    TRIAL_ONLY = "trial-only", _("Allowed only in an approved study or a registered treatment plan")
    NOT_APPROVED = "not-approved", _("Not approved for this use")
    PRESCRIPTION = "prescription", _("Prescription medicine")
    UNKNOWN = "unknown", _("Not known")


class FlagLevel(models.TextChoices):
    """Levels a contraindication rule can set; `check` is added at match time for "not sure" answers."""

    AVOID = "avoid", _("Avoid or defer")
    CAUTION = "caution", _("Needs an individual assessment")
