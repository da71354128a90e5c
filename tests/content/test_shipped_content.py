"""The shipped content pack meets the content quality bar (issue 3)."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from decisionaid.content import vocabulary
from decisionaid.content.models import Concern, ContraindicationRule, Option

# The unambiguous "A" (avoid) cells of the evidence dossier's contraindication table (§10), as
# (option, health-screen item or skin types). Conditional cells ("A if …", "fully ablative: A") are not listed.
AVOID_CELLS = {
    "stem-cell-injections": {"pregnant", "skin-infection", "cancer-active", "bleeding-disorder"},
    "exosomes-topical": {"pregnant", "skin-infection", "active-acne"},
    "exosomes-injected": {"pregnant", "skin-infection", "active-acne"},
    "prp-injections": {"pregnant", "skin-infection", "bleeding-disorder"},
    "prp-microneedling": {"pregnant", "skin-infection", "bleeding-disorder", "active-acne"},
    "microneedling": {"pregnant", "skin-infection", "active-acne"},
    "peel-superficial": {"skin-infection"},
    "peel-medium": {"pregnant", "skin-infection"},
    "peel-deep": {
        "pregnant",
        "isotretinoin",
        "skin-infection",
        "active-acne",
        "keloid",
        "melasma",
        "heart-kidney-liver",
        "4,5,6",
    },
    "laser-ablative-fractional": {"pregnant", "skin-infection", "keloid", "melasma"},
    "laser-nonablative-fractional": {"pregnant", "skin-infection"},
    "laser-pigment": {"pregnant", "skin-infection"},
    "ipl": {"pregnant", "skin-infection", "photosensitive", "melasma", "4,5,6"},
    "tretinoin": {"pregnant"},
}


class ShippedContentTests(TestCase):
    def test_every_concern_has_the_no_procedure_option(self):
        for concern in Concern.objects.all():
            self.assertTrue(concern.evidence.filter(option__is_no_procedure=True).exists(), concern.slug)

    def test_every_published_option_has_a_harm_and_all_eight_jurisdictions(self):
        for option in Option.objects.published():
            with self.subTest(option=option.slug):
                self.assertTrue(option.side_effects.exists())
                self.assertEqual(
                    set(option.regulatory_statuses.values_list("jurisdiction__slug", flat=True)),
                    set(vocabulary.JURISDICTION_SLUGS),
                )

    def test_each_avoid_cell_of_the_dossier_table_is_an_avoid_rule(self):
        published = set(Option.objects.published().values_list("slug", flat=True))
        for option, triggers in AVOID_CELLS.items():
            if option not in published:
                continue
            for trigger in triggers:
                with self.subTest(option=option, trigger=trigger):
                    rules = ContraindicationRule.objects.filter(option__slug=option, level="avoid")
                    if trigger[0].isdigit():
                        self.assertTrue(rules.filter(skin_types=trigger).exists())
                    else:
                        self.assertTrue(rules.filter(health_item__slug=trigger).exists())

    def test_the_content_report_shows_no_text_above_grade_8_and_no_failing_item(self):
        out = StringIO()
        call_command("content_report", stdout=out)
        report = out.getvalue()
        self.assertIn("Texts above grade 8: 0", report)
        self.assertIn("Published items failing the publishing checks (incl. unreferenced claims): 0", report)
        self.assertRegex(report, r"concern\s+6\s")
        self.assertRegex(report, r"Balance: harms text as a share of benefits text.*\n  no-procedure\s+\d+%")

    def test_all_sixteen_options_are_published_with_questions_and_warning_signs(self):
        from decisionaid.content.models import Question, WarningSign

        self.assertEqual(Option.objects.published().count(), len(vocabulary.OPTION_SLUGS))
        for slug in ("stem-cell-injections", "exosomes-topical", "exosomes-injected"):
            option = Option.objects.get(slug=slug)
            with self.subTest(option=slug):
                self.assertTrue(Question.objects.published().applying_to(option).exists())
                self.assertTrue(WarningSign.objects.published().applying_to(option).exists())

    def test_the_faq_answers_the_questions_people_bring_from_clinic_websites(self):
        from decisionaid.content.models import FaqEntry, GlossaryTerm

        questions = " ".join(FaqEntry.objects.published().values_list("question", flat=True)).lower()
        for topic in (
            "cancer",
            "cream",
            "fda-registered",
            "62 trials",
            "80–100%",
            "short-term side effects",
            "experimental",
            "legitimate",
        ):
            self.assertIn(topic, questions)
        self.assertGreaterEqual(GlossaryTerm.objects.published().count(), 15)
