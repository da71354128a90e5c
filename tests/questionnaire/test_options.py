"""The options page, compare and the decision steps."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from decisionaid.content.catalogue import current_catalogue, forget_catalogue
from decisionaid.content.models import Evidence, Option
from tests.questionnaire.journey import answer_all_steps, decide, every_option_open
from tests.questionnaire.test_steps import JourneyTestCase
from tests.releases import release_working_copy

OPTIONS = reverse("questionnaire:options")
COMPARE = reverse("questionnaire:compare")


class OptionsPageTests(JourneyTestCase):
    def setUp(self):
        answer_all_steps(self.client, skin_type="5", isotretinoin="yes")

    def test_it_states_the_decision_and_what_happens_with_no_procedure(self):
        response = self.client.get(OPTIONS)
        self.assertContains(response, "What happens with no procedure")
        self.assertContains(response, 'id="option-no-procedure"')

    def test_it_shows_one_card_per_option_with_evidence_for_the_concern_in_editorial_order(self):
        response = self.client.get(OPTIONS)
        shown = re.findall(r'<article class="option-row" id="option-([a-z-]+)"', response.content.decode())
        expected = list(
            Option.objects.filter(evidence__concern__slug="acne-scars")
            .order_by("order", "slug")
            .values_list("slug", flat=True)
        )
        self.assertEqual(shown, expected)
        self.assertIn("stem-cell-injections", shown)  # marketed with little evidence: shown, as such

    def test_each_card_shows_certainty_in_words_approval_with_its_date_and_side_effects(self):
        response = self.client.get(OPTIONS, every_option_open())
        self.assertContains(response, "It may help acne scars, but we are not sure.")
        self.assertContains(response, "We are very unsure whether it helps acne scars.")
        self.assertContains(response, 'How sure we are: <a href="/glossary/#certainty-low">low</a>.')
        self.assertContains(response, "checked 22 November 2026")
        self.assertContains(response, "Serious or lasting risks")

    def test_personal_flags_show_with_their_reason(self):
        response = self.client.get(OPTIONS, every_option_open())
        self.assertContains(response, "Usually not done, or put off:")
        self.assertContains(response, "Needs an individual assessment:")

    def test_numbers_come_with_icon_arrays_and_a_text_alternative(self):
        response = self.client.get(OPTIONS, every_option_open())
        arrays = re.findall(
            r'<svg class="icon-array icon-array-100 icon-array-(benefit|harm)" viewBox="0 0 100 100" role="img" '
            r'aria-label="([^"]+)"',
            response.content.decode(),
        )
        self.assertTrue(arrays)
        self.assertTrue(all("out of 100" in label for _, label in arrays))

    def test_benefit_and_harm_pictures_differ_in_shape_and_say_so(self):
        page = self.client.get(OPTIONS, every_option_open()).content.decode()
        kinds = dict(
            re.findall(r'icon-array-(benefit|harm)" viewBox="0 0 100 100" role="img" aria-label="([^"]+)"', page)
        )
        self.assertIn("filled circles are people who were helped", kinds["benefit"])
        self.assertIn("filled squares are people who had this", kinds["harm"])
        self.assertIn('<figcaption class="icon-legend" aria-hidden="true">', page)
        self.assertIn("a4 4 0 1 0 8 0", page)  # circles for a benefit

    def test_limit_notes_appear_where_an_option_exceeds_the_limits(self):
        self.assertContains(self.client.get(OPTIONS, every_option_open()), "You said you could take up to 7 days off.")

    def test_the_values_table_shows_the_top_attributes_with_no_totals(self):
        self.client.post(
            reverse("questionnaire:step", args=["values"]),
            {
                "downtime": "4",
                "cost": "0",
                "sessions": "0",
                "discomfort": "0",
                "improvement": "0",
                "evidence": "3",
                "approval": "0",
                "serious-harms": "1",
                "pigment-scarring": "0",
                "durability": "0",
            },
        )
        response = self.client.get(OPTIONS)
        table = (
            response.content.decode()
            .split('class="table table-sm values-table stack-on-phone"')[1]
            .split("</table>")[0]
        )
        self.assertEqual(re.findall(r'<th scope="col">([^<]+)</th>', table), ["Option", "Downtime", "How sure we are"])
        self.assertNotIn("Total", table)
        self.assertNotIn("score", table.lower())

    def test_re_sorting_by_downtime_changes_the_order_but_keeps_every_option(self):
        editorial = re.findall(r'id="option-([a-z-]+)"', self.client.get(OPTIONS).content.decode())
        by_downtime = re.findall(r'id="option-([a-z-]+)"', self.client.get(OPTIONS + "?sort=downtime").content.decode())
        self.assertNotEqual(editorial, by_downtime)
        self.assertEqual(sorted(editorial), sorted(by_downtime))
        self.assertEqual(self.client.get(OPTIONS + "?sort=<script>").status_code, 200)

    def test_details_open_in_place_only_for_the_options_the_patient_opened(self):
        page = self.client.get(OPTIONS).content.decode()
        self.assertNotIn("Sources for this option", page)  # the page a phone first gets is the glance layer
        self.assertIn('href="/start/options/?open=microneedling#option-microneedling"', page)
        page = self.client.get(OPTIONS, {"open": "microneedling"}).content.decode()
        cards = dict(re.findall(r'<article class="option-row" id="option-([a-z-]+)"(.*?)</article>', page, re.S))
        self.assertIn("Sources for this option", cards["microneedling"])
        self.assertIn("What it involves", cards["microneedling"])
        self.assertEqual(
            re.findall(r'<a href="([^"]+)" class="is-open">Hide the details', cards["microneedling"]),
            ["/start/options/?#option-microneedling"] * 2,  # above and below the details
        )
        self.assertNotIn("Sources for this option", cards["peel-medium"])
        self.assertIn('href="/start/options/?open=microneedling&amp;open=peel-medium#option-peel-medium"', page)

    def test_sorting_keeps_the_open_details_and_opening_keeps_the_sort(self):
        page = self.client.get(OPTIONS, {"sort": "downtime", "open": "tretinoin"}).content.decode()
        self.assertIn('href="?sort=cost&amp;open=tretinoin#options-list"', page)
        self.assertIn(
            'href="/start/options/?sort=downtime&amp;open=tretinoin&amp;open=peel-deep#option-peel-deep"', page
        )
        self.assertEqual(page.count("Sources for this option"), 1)

    def test_unknown_or_repeated_options_to_open_are_ignored(self):
        response = self.client.get(
            OPTIONS, {"open": ["<script>", "no-such-option", "microneedling", "microneedling", "x" * 5000]}
        )
        self.assertEqual(response.status_code, 200)
        page = response.content.decode()
        self.assertEqual(page.count("Sources for this option"), 1)
        self.assertNotIn("<script>", page)
        self.assertNotIn("no-such-option", page)

    def test_it_runs_a_small_fixed_number_of_queries(self):
        self.client.get(OPTIONS)
        with self.assertNumQueries(2):  # the session, and the current release's number and sign-off
            self.client.get(OPTIONS)
        all_open = every_option_open()
        with self.assertNumQueries(2):  # the same with every option's details open
            self.client.get(OPTIONS, all_open)

    def test_building_the_content_takes_the_same_queries_with_ten_times_the_options(self):
        def cold_queries():
            forget_catalogue()
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(OPTIONS).status_code, 200)
            return len(queries)

        self.client.get(OPTIONS)  # the journey's first visit also counts it in the funnel (study/recording.py)
        before = cold_queries()
        template = Option.objects.get(slug="microneedling")
        concern = Evidence.objects.filter(option=template).first().concern
        for number in range(150):
            extra = Option.objects.create(
                slug=f"extra-{number}", name=f"Extra {number}", family="peel", order=50, status="published"
            )
            Evidence.objects.create(option=extra, concern=concern, certainty="low", summary="Test.")
        release_working_copy()
        self.assertEqual(cold_queries(), before)
        self.assertEqual(len(current_catalogue().options), 166)


class CompareTests(JourneyTestCase):
    def setUp(self):
        answer_all_steps(self.client)

    def test_two_to_four_options_give_a_grid_with_one_column_each(self):
        response = self.client.get(COMPARE, {"options": ["no-procedure", "microneedling", "peel-medium"]})
        grid = response.content.decode().split("compare-grid")[1].split("</table>")[0]
        self.assertEqual(len(re.findall(r'<th scope="col">', grid)), 3)
        for row in (
            "What is it?",
            "How many sessions?",
            "How long to recover (downtime)?",
            "What does it cost?",
            "What are the serious risks?",
            "Does anything in my answers matter?",
        ):
            self.assertIn(row, grid)
        self.assertIn("All numbers are out of 100 people", response.content.decode())

    def test_one_or_five_options_are_refused_with_a_message(self):
        for picked in (["microneedling"], ["no-procedure", "tretinoin", "microneedling", "peel-medium", "peel-deep"]):
            response = self.client.get(COMPARE, {"options": picked})
            self.assertContains(response, "Pick between 2 and 4 options", status_code=400)

    def test_an_option_not_shown_for_this_concern_is_refused(self):
        response = self.client.get(COMPARE, {"options": ["no-procedure", "vampire-facial"]})
        self.assertContains(response, "Select a valid choice", status_code=400)


class DecisionTests(JourneyTestCase):
    def setUp(self):
        answer_all_steps(self.client)

    def test_the_sure_test_is_worded_exactly(self):
        response = self.client.get(reverse("questionnaire:decision"))
        for text in (
            "Do you feel SURE about the best choice for you?",
            "Do you know the benefits and risks of each option?",
            "Are you clear about which benefits and risks matter most to you?",
            "Do you have enough support and advice to make a choice?",
        ):
            self.assertContains(response, text)

    def test_a_leaning_outside_the_options_shown_is_a_form_error(self):
        response = self.client.post(
            reverse("questionnaire:decision"),
            {
                "leaning": "ipl",
                "stage": "close",
                "role": "share",
                "sure": "yes",
                "understand": "yes",
                "risk_benefit": "yes",
                "encouragement": "yes",
            },
        )  # IPL is not shown for acne scars
        self.assertContains(response, "Select a valid choice")

    def test_a_score_of_3_or_less_is_shown_as_a_sign_to_seek_support_with_help_for_each_no(self):
        decide(self.client, sure="no", encouragement="no")
        response = self.client.get(reverse("questionnaire:questions"))
        self.assertContains(response, "Your SURE score: 2 out of 4")
        self.assertContains(response, "may want more support")
        self.assertContains(response, "Take more time")
        self.assertContains(response, "talk it over with someone you trust")

    def test_the_questions_page_needs_the_decision_first(self):
        self.assertRedirects(self.client.get(reverse("questionnaire:questions")), reverse("questionnaire:decision"))

    def test_questions_for_compared_options_are_pre_ticked_with_warning_signs_for_cell_products(self):
        self.client.get(COMPARE, {"options": ["no-procedure", "stem-cell-injections"]})
        decide(self.client)
        response = self.client.get(reverse("questionnaire:questions"))
        ticked = response.context["form"].initial["chosen"]
        offered = [key for key, _ in response.context["form"].fields["chosen"].choices]
        self.assertTrue(ticked)
        self.assertLess(len(ticked), len(offered))
        self.assertContains(response, "Warning signs of an unproven clinic")
