"""The publishing gate: one failing and one passing case for each rule (no database needed)."""

from unittest import TestCase

from decisionaid.content import gate
from tests.factories import option_data

CONTEXT = gate.GateContext(no_procedure_concerns=frozenset({"wrinkles"}))


def problems(kind: str, item: dict, context: gate.GateContext = CONTEXT) -> list[str]:
    return [str(problem) for problem in gate.problems_for(kind, item, context=context)]


class CompleteOptionTests(TestCase):
    def test_a_complete_option_has_no_problems(self):
        self.assertEqual(problems("option", option_data()), [])


class UnreferencedClaimTests(TestCase):
    def test_flags_a_side_effect_without_a_reference(self):
        item = option_data()
        item["side_effects"][0]["references"] = []
        self.assertIn("side effect 1: cites no reference", problems("option", item))

    def test_flags_each_kind_of_claim_without_a_reference(self):
        item = option_data(
            outcomes=[
                {
                    "kind": "benefit",
                    "description": "Scars looked better",
                    "events": 30,
                    "denominator": 100,
                    "group": "adults with scars",
                    "time_frame": "3 months",
                    "certainty": "low",
                }
            ],
            rules=[{"health_item": "pregnant", "level": "avoid", "explanation": "Wait until after pregnancy."}],
        )
        item["evidence"][0]["references"] = []
        item["regulatory"][0]["references"] = []
        found = problems("option", item)
        for label in ("evidence row 1", "outcome 1", "regulatory status 1", "contraindication rule 1"):
            self.assertIn(f"{label}: cites no reference", found)

    def test_flags_a_concern_whose_no_procedure_outlook_cites_nothing(self):
        concern = {**MissingNoProcedureTests.CONCERN, "references": []}
        self.assertEqual(
            [str(p) for p in gate.unreferenced_claims("concern", concern)],
            ["references: what happens with no procedure cites no reference"],
        )

    def test_passes_when_every_claim_cites_a_source(self):
        self.assertEqual(gate.unreferenced_claims("option", option_data()), [])


class MissingHarmsTests(TestCase):
    def test_flags_an_option_with_no_side_effects(self):
        self.assertTrue(gate.missing_harms("option", option_data(side_effects=[])))

    def test_passes_an_option_with_a_side_effect(self):
        self.assertEqual(gate.missing_harms("option", option_data()), [])


class MissingTextTests(TestCase):
    def test_flags_an_empty_required_text(self):
        self.assertIn("what_it_is: is empty", problems("option", option_data(what_it_is="")))

    def test_passes_when_the_required_texts_are_there(self):
        self.assertEqual(gate.missing_texts("option", option_data()), [])


class ReviewDateTests(TestCase):
    def test_flags_missing_review_dates(self):
        found = problems("glossary-term", {"slug": "prp", "term": "PRP", "definition": "Part of your blood."})
        self.assertIn("last_reviewed_on: no review date", found)
        self.assertIn("next_review_due: no next review date", found)

    def test_flags_a_next_review_more_than_12_months_after_the_last(self):
        item = option_data(last_reviewed_on="2026-01-10", next_review_due="2027-01-11")
        self.assertIn("next_review_due: more than 12 months after the last review", problems("option", item))

    def test_flags_a_next_review_before_the_last(self):
        item = option_data(last_reviewed_on="2026-01-10", next_review_due="2025-12-01")
        self.assertIn("next_review_due: must be after the last review", problems("option", item))

    def test_passes_a_next_review_exactly_12_months_later(self):
        item = option_data(last_reviewed_on="2024-02-29", next_review_due="2025-02-28")
        self.assertEqual(gate.review_date_problems("option", item), [])


class OneInNTests(TestCase):
    def test_flags_one_in_n_in_a_side_effect(self):
        item = option_data()
        item["side_effects"][0]["description"] = "Infection happens in 1 in 200 people."
        self.assertTrue(any("out of 100" in p for p in problems("option", item)))

    def test_flags_one_in_n_written_in_words(self):
        self.assertTrue(gate.one_in_n_problems("option", option_data(what_it_is="About one in ten people stop.")))

    def test_passes_x_out_of_100(self):
        item = option_data(what_it_is="About 3 out of 100 people get an infection; 97 out of 100 do not.")
        self.assertEqual(gate.one_in_n_problems("option", item), [])


class VagueFrequencyTests(TestCase):
    def test_flags_rare_without_a_number(self):
        item = option_data()
        item["side_effects"][0]["description"] = "Scarring is rare."
        self.assertIn(
            'side effect 1 › description: says "rare" without a number; give how many out of 100, or "not known"',
            problems("option", item),
        )

    def test_flags_common_uncommon_and_frequent(self):
        for word in ("common", "uncommon", "frequent"):
            with self.subTest(word=word):
                self.assertTrue(
                    gate.vague_frequency_problems("option", option_data(results_last=f"Relapse is {word}."))
                )

    def test_flags_the_phrases_that_hide_a_frequency(self):
        # Phrases the issue-16 audit found slipping past the gate.
        for phrase in ("in some people", "at times", "seen most often", "not likely", "occasionally"):
            item = option_data()
            item["side_effects"][0]["description"] = f"Dark patches happen {phrase}."
            self.assertTrue(
                any(f'says "{phrase}" without a number' in problem for problem in problems("option", item)), phrase
            )

    def test_passes_rare_with_a_number_in_the_same_text(self):
        item = option_data(results_last="Scarring is rare: about 1 out of 100 people.")
        self.assertEqual(gate.vague_frequency_problems("option", item), [])


class SteeringWordTests(TestCase):
    def test_flags_each_steering_word(self):
        for phrase in (
            "the best choice",
            "recommended by doctors",
            "a miracle serum",
            "a breakthrough",
            "guaranteed results",
            "no risk at all",
            "risk-free",
            "100% safe",
        ):
            with self.subTest(phrase=phrase):
                self.assertTrue(gate.steering_word_problems("option", option_data(what_it_is=f"It is {phrase}.")))

    def test_passes_neutral_wording(self):
        self.assertEqual(gate.steering_word_problems("option", option_data()), [])


class ReadabilityTests(TestCase):
    HARD = (
        "Autologous mesenchymal stromal cell preparations demonstrate considerable heterogeneity regarding "
        "manufacturing characteristics, dosage, and immunomodulatory potency."
    )

    def test_flags_text_above_grade_8(self):
        found = problems("option", option_data(how_it_works=self.HARD))
        self.assertTrue(any(p.startswith("how_it_works: reads at US grade") for p in found), found)

    def test_flags_hard_text_inside_an_evidence_row(self):
        item = option_data()
        item["evidence"][0]["summary"] = self.HARD
        self.assertTrue(
            any(p.startswith("evidence row 1 › summary: reads at US grade") for p in problems("option", item))
        )

    def test_passes_plain_text(self):
        self.assertEqual(gate.readability_problems("option", option_data()), [])


class MissingJurisdictionTests(TestCase):
    def test_flags_an_option_missing_a_jurisdiction(self):
        item = option_data()
        item["regulatory"] = [row for row in item["regulatory"] if row["jurisdiction"] not in {"jp", "kr"}]
        self.assertIn("regulatory statuses: missing for jp, kr", problems("option", item))

    def test_passes_when_all_eight_are_present(self):
        self.assertEqual(gate.missing_jurisdictions("option", option_data(), CONTEXT), [])


class MissingNoProcedureTests(TestCase):
    CONCERN = {
        "slug": "acne-scars",
        "name": "Acne scars",
        "description": "Dents left in the skin after acne.",
        "no_procedure_outlook": "Scars usually stay.",
        "decision_statement": "You are deciding what to do.",
        "references": ["K-scars"],
        "status": "published",
        "last_reviewed_on": "2026-01-10",
        "next_review_due": "2027-01-10",
    }

    def test_flags_a_concern_without_the_no_procedure_option(self):
        self.assertIn(
            "options: the no-procedure option has no evidence row for this concern", problems("concern", self.CONCERN)
        )

    def test_passes_a_concern_with_the_no_procedure_option(self):
        context = gate.GateContext(no_procedure_concerns=frozenset({"acne-scars"}))
        self.assertEqual(problems("concern", self.CONCERN, context), [])


class AddMonthsTests(TestCase):
    def test_clamps_to_the_end_of_a_shorter_month(self):
        import datetime

        self.assertEqual(gate.add_months(datetime.date(2024, 2, 29), 12), datetime.date(2025, 2, 28))
        self.assertEqual(gate.add_months(datetime.date(2026, 11, 22), 12), datetime.date(2027, 11, 22))


class NumbersContextTests(TestCase):
    OUTCOME = {
        "kind": "harm",
        "description": "Had a fever",
        "events": 12,
        "denominator": 181,
        "group": "181 women who had a phenol peel of the whole face.",
        "time_frame": "During the peel.",
        "certainty": "very-low",
        "references": ["R1"],
    }

    def test_an_outcome_must_say_who_was_studied_and_for_how_long(self):
        self.assertEqual(problems("option", option_data(outcomes=[self.OUTCOME])), [])
        item = option_data(outcomes=[{**self.OUTCOME, "group": "", "time_frame": " "}])
        self.assertEqual(
            problems("option", item),
            [
                "outcome 1 › group: is empty: say who was studied, and how many, or that the source does not say",
                "outcome 1 › time_frame: is empty: say how long they were followed, or that the source does not say",
            ],
        )

    def test_a_relative_figure_needs_an_absolute_one_or_a_label(self):
        item = option_data()
        item["side_effects"][0]["description"] = (
            "Fever. In a review it was about 3.7 times as likely as without the cells."
        )
        self.assertIn(
            'side effect 1 › description: gives a relative figure ("times as likely") alone: add how many out of 100 it '
            'happens to, or say "This is a relative figure" and that the number of people is not known',
            problems("option", item),
        )
        for fix in (
            " This is a relative figure: how many people got a fever was not given.",
            " It happened to 4 out of 100 people with the cells and 1 out of 100 without.",
        ):
            item["side_effects"][0]["description"] = (
                "Fever. In a review it was about 3.7 times as likely as without the cells." + fix
            )
            self.assertEqual([p for p in problems("option", item) if "relative" in p], [], fix)


class NoSourceFoundTests(TestCase):
    def test_nothing_published_may_cite_a_no_source_found_placeholder(self):
        context = gate.GateContext(
            no_procedure_concerns=frozenset({"wrinkles"}), unsourced_references=frozenset({"K1"})
        )
        item = option_data()
        self.assertEqual(problems("option", item, context), [])
        item["rules"] = [
            {"health_item": "active-acne", "level": "caution", "explanation": "Wait.", "references": ["K1"]}
        ]
        self.assertEqual(
            problems("option", item, context),
            [
                'references: cites K1, marked "no source found": cite a source someone read, or reword the claim to '
                "say what we could not find"
            ],
        )

    def test_a_placeholder_nothing_cites_does_not_block_a_release(self):
        # Databases loaded from older packs still hold placeholders that nothing cites any more.
        context = gate.GateContext(unsourced_references=frozenset({"K1"}))
        placeholder = {
            "key": "K1",
            "title": "Peels are put off over active acne",
            "kind": "other",
            "verification": "commonly-known",
            "last_reviewed_on": "2026-12-02",
            "next_review_due": "2027-12-02",
        }
        self.assertEqual(problems("reference", placeholder, context), [])
