"""How sure we are follows the kinds of the sources cited, by one rule for every option (content/certainty.py):
the gate refuses a rating above what its sources allow unless a reviewer wrote down why, the About page lists
every such rating with its reason, and the "sold for this" label follows one rule."""

from __future__ import annotations

from unittest import TestCase as PlainTestCase

from django.test import TestCase
from django.urls import reverse
from django.utils.html import escape

from decisionaid.content import certainty, gate, wording
from decisionaid.content.catalogue import current_catalogue
from decisionaid.content.models import Evidence
from tests.factories import option_data
from tests.releases import release_working_copy


def context(**kinds: str) -> gate.GateContext:
    return gate.GateContext(no_procedure_concerns=frozenset({"wrinkles"}), reference_kinds=kinds)


def evidence_problems(item: dict, **kinds: str) -> list[str]:
    return [str(p) for p in gate.problems_for("option", item, context=context(**kinds)) if "evidence row" in str(p)]


class CeilingTests(PlainTestCase):
    def test_the_highest_rating_each_kind_of_source_allows(self):
        self.assertEqual(certainty.ceiling(["systematic-review"]), "high")
        self.assertEqual(certainty.ceiling(["rct", "news"]), "high")
        self.assertEqual(certainty.ceiling(["controlled-study", "review"]), "low")
        self.assertEqual(certainty.ceiling(["review", "guideline", "case-series"]), "very-low")
        self.assertEqual(certainty.ceiling(["regulator", "other", "trial-registry"]), "not-studied")
        self.assertEqual(certainty.ceiling([]), "not-studied")

    def test_a_rating_at_or_below_the_ceiling_is_within_the_rule(self):
        self.assertIsNone(certainty.above_ceiling("very-low", ["controlled-study"]))
        self.assertIsNone(certainty.above_ceiling("low", ["controlled-study"]))
        self.assertEqual(certainty.above_ceiling("moderate", ["controlled-study"]), "low")


class GateTests(PlainTestCase):
    def test_a_low_rating_resting_on_a_narrative_review_is_refused(self):
        item = option_data()  # its acne-scars row is rated low and cites R1
        self.assertEqual(
            evidence_problems(item, R1="review"),
            [
                "evidence row 1 (acne-scars): is rated low, but its sources allow at most very low: rate it very low, "
                'cite the trials or review behind the rating, or give the reason in "why the rating is above the rule"'
            ],
        )

    def test_the_same_row_passes_with_a_trial_a_lower_rating_or_a_reviewers_reason(self):
        self.assertEqual(evidence_problems(option_data(), R1="rct"), [])
        item = option_data()
        item["evidence"][0]["certainty"] = "very-low"
        self.assertEqual(evidence_problems(item, R1="review"), [])
        item = option_data()
        item["evidence"][0]["certainty_reason"] = "Two trials we cite elsewhere support it."
        self.assertEqual(evidence_problems(item, R1="review"), [])
        item["evidence"][0]["certainty_reason"] = "   "
        self.assertEqual(len(evidence_problems(item, R1="review")), 1)


class SoldWithoutGoodEvidenceTests(PlainTestCase):
    def test_the_label_follows_the_rating_for_anything_sold_for_the_concern(self):
        sold = "It is sold for this, but good evidence is lacking."
        self.assertIn(sold, wording.certainty_statement("very-low", "Wrinkles", is_marketed_for=True))
        self.assertIn(sold, wording.certainty_statement("not-studied", "Wrinkles", is_marketed_for=True))
        self.assertNotIn(sold, wording.certainty_statement("low", "Wrinkles", is_marketed_for=True))
        self.assertNotIn(sold, wording.certainty_statement("very-low", "Wrinkles", is_marketed_for=False))


class ShippedContentTests(TestCase):
    def test_every_rating_is_within_the_rule_or_gives_a_reason(self):
        catalogue = current_catalogue()
        kinds = {key: reference.kind for key, reference in catalogue.references.items()}
        above = [
            (option.slug, row.concern)
            for option in catalogue.options
            for row in option.evidence
            if certainty.above_ceiling(row.certainty, [kinds[key] for key in row.reference_keys])
        ]
        self.assertTrue(above)  # the pack has some, each with a reason
        reasons = {
            (option.slug, row.concern): row.certainty_reason for option in catalogue.options for row in option.evidence
        }
        self.assertEqual([key for key in above if not reasons[key].strip()], [])
        # The rows an audit found rated "low" on narrative reviews alone now follow the rule.
        ipl = {row.concern: row.certainty for row in catalogue.option("ipl").evidence}
        self.assertEqual((ipl["wrinkles"], ipl["texture"]), ("very-low", "very-low"))

    def test_the_about_page_lists_each_rating_above_the_rule_with_its_reason(self):
        page = self.client.get(reverse("pages:about")).content.decode()
        self.assertIn("Ratings above the rule, and why", page)
        self.assertIn("One rule sets the highest rating a treatment can get", page)
        listed = [
            (option.name, row.certainty_reason)
            for option in current_catalogue().options
            for row in option.evidence
            if row.certainty_reason
        ]
        for name, reason in listed:
            self.assertIn(f">{name}</a>", page)
            self.assertIn(escape(reason), page)
        Evidence.objects.update(certainty_reason="", certainty="not-studied")  # within every rule
        release_working_copy()
        page = self.client.get(reverse("pages:about")).content.decode()
        self.assertIn("None: every rating is within what its sources allow.", page)
