"""Parts of pages kept once drawn (option cards, step forms) are never stale and never someone else's."""

import re

from django.test import Client
from django.urls import reverse

from decisionaid.content.models import Concern, Evidence
from decisionaid.lib.remember import forget_everything
from decisionaid.questionnaire.steps import STEPS
from tests.questionnaire.journey import answer_all_steps, every_option_open
from tests.questionnaire.test_steps import JourneyTestCase
from tests.releases import release_working_copy

OPTIONS = reverse("questionnaire:options")
COMPARE = reverse("questionnaire:compare")
AVOID = "Usually not done, or put off:"


class SharedCardTests(JourneyTestCase):
    def patient(self, **answers) -> Client:
        client = Client()
        answer_all_steps(client, **answers)
        return client

    def test_a_page_built_from_kept_parts_is_the_page_built_afresh(self):
        # Different flags shift the reference numbers of later cards, and each sort order numbers them anew.
        patients = [
            self.patient(skin_type="5", isotretinoin="yes", pregnant="unsure"),
            self.patient(),
            self.patient(skin_type="1", max_downtime="0", jurisdiction="uk", **{"cold-sores": "yes"}),
        ]
        for sort in ("editorial", "downtime", "certainty"):
            kept = [
                patient.get(OPTIONS, {"sort": sort, **every_option_open()}).content.decode() for patient in patients
            ]
            for patient, page in zip(patients, kept, strict=False):
                forget_everything()
                self.assertEqual(
                    patient.get(OPTIONS, {"sort": sort, **every_option_open()}).content.decode(), page, sort
                )

    def test_one_patients_flags_and_limits_never_show_on_anothers_page(self):
        flagged = self.patient(skin_type="5", isotretinoin="yes", max_downtime="0")
        plain = self.patient(max_downtime="any")
        self.assertContains(flagged.get(OPTIONS, every_option_open()), AVOID)
        self.assertContains(flagged.get(OPTIONS, every_option_open()), "You said you could take no time off.")
        page = plain.get(OPTIONS, every_option_open()).content.decode()
        self.assertNotIn(AVOID, page)
        self.assertNotIn("You said you could take", page)
        self.assertNotIn("Your skin type needs extra care", page)
        self.assertContains(flagged.get(OPTIONS, every_option_open()), AVOID)  # and the other way round

    def test_citation_numbers_in_the_cards_do_not_depend_on_health_answers(self):
        def cards_without_personal_parts(client: Client) -> list[str]:
            page = client.get(OPTIONS, every_option_open()).content.decode()
            page = re.sub(r'<div class="flags">.*?</div>\s*</div>', "", page, flags=re.S)
            page = re.sub(r'<p class="limit-note[^>]*>.*?</p>', "", page)
            page = re.sub(r'<div class="glance-personal">.*?</div>', "", page, flags=re.S)
            # Each option's own list of sources grows by what its flags cite; the numbers before them stay.
            page = re.sub(
                r'<section aria-labelledby="[a-z-]+-src-heading" class="references">.*?</section>', "", page, flags=re.S
            )
            return [" ".join(card.split()) for card in re.findall(r"<article.*?</article>", page, flags=re.S)]

        plain = cards_without_personal_parts(self.patient())
        flagged = cards_without_personal_parts(
            self.patient(skin_type="5", isotretinoin="yes", pregnant="unsure", **{"cold-sores": "yes"})
        )
        self.assertEqual(len(plain), 14)
        self.assertEqual(flagged, plain)

    def test_every_citation_points_into_its_own_options_list_of_sources(self):
        for answers in ({}, {"skin_type": "5", "isotretinoin": "yes"}):
            page = self.patient(**answers).get(OPTIONS, every_option_open()).content.decode()
            self.assertNotIn("\ue000", page)  # no citation left unfilled
            articles = re.findall(r'<article class="option-row" id="option-([a-z-]+)".*?</article>', page, flags=re.S)
            self.assertEqual(len(articles), 14)
            for slug, article in re.findall(
                r'<article class="option-row" id="option-([a-z-]+)"(.*?)</article>', page, flags=re.S
            ):
                listed = set(re.findall(rf'id="{slug}-src-(\d+)"', article))
                cited = set(re.findall(r'href="#([a-z-]+-src-\d+)"', article))
                self.assertTrue(cited, slug)
                self.assertLessEqual(cited, {f"{slug}-src-{number}" for number in listed}, slug)
            outside = re.sub(r"<article.*?</article>", "", page, flags=re.S)
            self.assertLessEqual(
                set(re.findall(r'href="#outlook-src-(\d+)"', outside)),
                set(re.findall(r'id="outlook-src-(\d+)"', outside)),
            )

    def test_an_edited_evidence_summary_shows_once_released_and_not_before(self):
        patient = self.patient()
        patient.get(OPTIONS, every_option_open())
        evidence = Evidence.objects.get(option__slug="microneedling", concern__slug="acne-scars")
        evidence.summary = "An edited summary for this test."
        evidence.save()
        self.assertNotContains(patient.get(OPTIONS, every_option_open()), "An edited summary for this test.")
        release_working_copy()
        self.assertContains(patient.get(OPTIONS, every_option_open()), "An edited summary for this test.")

    def test_answers_checked_before_a_content_change_are_checked_again_after_it(self):
        patient = self.patient()
        self.assertEqual(patient.get(OPTIONS).status_code, 200)
        concern = Concern.objects.get(slug="acne-scars")
        concern.status = Concern.Status.DRAFT
        concern.save()
        release_working_copy()
        self.assertRedirects(patient.get(OPTIONS), reverse("questionnaire:step", args=["concern"]))

    def test_the_options_pages_compare_checkboxes_match_the_compare_pages_form(self):
        patient = self.patient()
        picked = {"options": ["no-procedure", "microneedling"]}
        self.assertEqual(patient.get(COMPARE, picked).status_code, 200)  # remembered as compared

        def checkboxes(html: str) -> list[tuple]:
            boxes = re.findall(
                r'<input type="checkbox" class="form-check-input"\s+name="options" value="([^"]+)"\s*'
                r'id="([^"]+)"( checked)?>\s*<label for="\2" class="form-check-label">\s*([^<]+?)\s*</label>',
                html,
            )
            legend = re.search(r'<legend\s+class="form-label requiredField fs-6">\s*([^<]+?)\s*<', html).group(1)
            return [legend, *boxes]

        on_options = checkboxes(patient.get(OPTIONS).content.decode())
        on_compare = checkboxes(patient.get(COMPARE, picked).content.decode())
        self.assertEqual(on_options, on_compare)
        self.assertEqual(len(on_options), 15)  # the legend and 14 options
        self.assertEqual([box[0] for box in on_options[1:] if box[2]], ["no-procedure", "microneedling"])


class KeptStepFormTests(JourneyTestCase):
    def step_page(self, client: Client, slug: str) -> str:
        html = client.get(reverse("questionnaire:step", args=[slug])).content.decode()
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)

    def test_each_step_drawn_from_a_kept_form_is_the_step_drawn_afresh(self):
        answered = Client()
        answer_all_steps(answered, skin_type="5", isotretinoin="yes")
        for step in STEPS:
            kept = self.step_page(answered, step.slug)
            forget_everything()
            self.assertEqual(self.step_page(answered, step.slug), kept, step.slug)
        first = self.step_page(self.client, STEPS[0].slug)
        forget_everything()
        self.assertEqual(self.step_page(self.client, STEPS[0].slug), first)

    def test_one_patients_answers_are_never_ticked_on_anothers_form(self):
        answered = Client()
        answer_all_steps(answered, concern="raised-scars")
        self.assertRegex(self.step_page(answered, "concern"), r'value="raised-scars"[^>]*checked')
        self.assertNotIn("checked", self.step_page(self.client, "concern"))

    def test_a_form_with_errors_shows_them(self):
        self.step_page(self.client, "concern")  # the empty form, kept
        response = self.client.post(reverse("questionnaire:step", args=["concern"]), {"concern": "not-a-concern"})
        self.assertContains(response, "Please check your answers", status_code=200)
        self.assertContains(response, "is-invalid", status_code=200)

    def test_a_concern_taken_down_leaves_the_form_with_the_next_release(self):
        self.assertIn('value="acne-scars"', self.step_page(self.client, "concern"))
        concern = Concern.objects.get(slug="acne-scars")
        concern.status = Concern.Status.DRAFT
        concern.save()
        self.assertIn('value="acne-scars"', self.step_page(self.client, "concern"))
        release_working_copy()
        self.assertNotIn('value="acne-scars"', self.step_page(self.client, "concern"))
