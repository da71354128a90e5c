"""The knowledge check is content like any other: sourced, graded, gated and part of releases."""

from unittest import TestCase

from decisionaid.content import gate
from decisionaid.content.catalogue import current_catalogue
from decisionaid.content.vocabulary import CONCERN_SLUGS
from decisionaid.lib.readability import MAX_GRADE, reading_grade
from tests.questionnaire.test_steps import JourneyTestCase

ITEM = {
    "slug": "sunscreen-reverses-damage",
    "concerns": ["wrinkles"],
    "statement": "Daily sunscreen has been shown to reverse skin damage you already have.",
    "is_true": False,
    "explanation": "In a large trial, daily sunscreen slowed new skin aging. It was not shown to smooth old lines.",
    "references": ["R42"],
    "last_reviewed_on": "2026-12-02",
    "next_review_due": "2027-12-02",
}


def problems(item: dict) -> list[str]:
    return [str(problem) for problem in gate.problems_for("knowledge-item", item, context=gate.GateContext())]


class KnowledgeGateTests(TestCase):
    def test_a_statement_needs_a_source_a_concern_and_plain_words(self):
        self.assertEqual(problems(ITEM), [])
        self.assertEqual(
            problems({**ITEM, "references": []}), ["references: the statement's answer cites no reference"]
        )
        self.assertEqual(problems({**ITEM, "concerns": []}), ["concerns: is empty"])
        hard = (
            "Photoprotective regimens demonstrably ameliorate cumulative actinic deterioration of integumentary tissue."
        )
        self.assertIn("reads at US grade", problems({**ITEM, "explanation": hard})[0])


class ShippedKnowledgeCheckTests(JourneyTestCase):
    def test_every_concern_has_three_to_five_sourced_statements_with_both_answers(self):
        catalogue = current_catalogue()
        for concern in CONCERN_SLUGS:
            items = catalogue.knowledge_for(concern)
            self.assertTrue(3 <= len(items) <= 5, concern)
            self.assertEqual({item.is_true for item in items}, {True, False}, concern)
            for item in items:
                self.assertTrue(item.reference_keys, item.slug)
                for key in item.reference_keys:
                    self.assertNotEqual(catalogue.references[key].verification, "commonly-known", item.slug)
                for text in (item.statement, item.explanation):
                    self.assertLessEqual(reading_grade(text) or 0, MAX_GRADE, text)
