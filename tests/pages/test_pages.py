"""The public pages: home, treatments, about, and friendly errors."""

from django.test import TestCase, override_settings
from django.urls import reverse

from decisionaid.content.catalogue import current_catalogue
from decisionaid.content.models import Option
from tests.releases import release_working_copy


class PublicPageTestCase(TestCase):
    """The public pages over the shipped content pack (loaded once per test database)."""


class HomePageTests(PublicPageTestCase):
    def test_it_says_what_the_tool_is_and_is_not(self):
        response = self.client.get(reverse("pages:home"))
        self.assertContains(response, "What this tool is not")
        self.assertContains(response, "does not pick a treatment for you")
        self.assertContains(response, '<a class="visually-hidden-focusable skip-link" href="#main">')
        self.assertContains(response, '<html lang="en">')

    def test_it_shows_the_release_its_date_and_clinical_review_state(self):
        response = self.client.get(reverse("pages:home"))
        self.assertContains(response, "Content release 1, published")
        self.assertContains(response, "Not yet reviewed by an independent clinician.")
        self.assertContains(response, "Next review due")

    def test_it_loads_bootstrap_from_our_own_static_files(self):
        response = self.client.get(reverse("pages:home"))
        self.assertContains(response, 'href="/static/css/bootstrap-subset.min.css"')
        self.assertNotContains(response, "cdn")

    def test_a_post_is_refused_with_405(self):
        self.assertEqual(self.client.post(reverse("pages:home")).status_code, 405)


class TreatmentListTests(PublicPageTestCase):
    def test_it_lists_released_options_only(self):
        Option.objects.filter(slug="peel-deep").update(status="draft")
        release_working_copy()
        response = self.client.get(reverse("pages:treatment_list"))
        self.assertContains(response, "No procedure: sun protection and your usual skincare")
        self.assertNotContains(response, "Deep chemical peel")

    def test_it_says_the_order_is_not_a_ranking(self):
        self.assertContains(self.client.get(reverse("pages:treatment_list")), "The order is not a ranking.")


class TreatmentDetailTests(PublicPageTestCase):
    def test_sessions_and_cost_read_as_on_every_other_page(self):
        page = self.client.get(reverse("pages:treatment_detail", args=["laser-ablative-fractional"])).content.decode()
        self.assertIn("$1,000 or more a session (rough US price)", page)  # not "1000– US dollars"
        self.assertNotIn("1000–", page)
        self.assertIn(
            "1 session</dd>",
            self.client.get(reverse("pages:treatment_detail", args=["stem-cell-injections"])).content.decode(),
        )

    def test_a_price_from_another_use_is_not_shown_as_the_price(self):
        # The only prices found for stem cell injections were for heart failure clinics: they stay in the note.
        page = self.client.get(reverse("pages:treatment_detail", args=["stem-cell-injections"])).content.decode()
        self.assertIn("Not known<br>", page)
        self.assertNotIn("$6,000 to $20,700", page)
        self.assertIn("those clinics treated heart failure, not skin", page)

    def test_it_shows_the_option_with_its_sources(self):
        response = self.client.get(reverse("pages:treatment_detail", args=["no-procedure"]))
        self.assertContains(response, "<h1>No procedure: sun protection and your usual skincare</h1>", html=True)
        self.assertContains(response, "How sure we are:")
        self.assertContains(response, 'id="ref-1"')
        self.assertContains(response, 'href="#ref-1"')
        self.assertContains(response, "Is it approved where you live?")
        option = Option.objects.get(slug="no-procedure")
        self.assertContains(response, option.side_effects.first().description)
        self.assertContains(response, "Written or last edited on")

    def test_it_shows_every_jurisdiction(self):
        response = self.client.get(reverse("pages:treatment_detail", args=["no-procedure"]))
        for name in (
            "United States",
            "European Union",
            "United Kingdom",
            "Canada",
            "Australia",
            "Japan",
            "South Korea",
            "Another country",
        ):
            self.assertContains(response, f'<th scope="row">{name}</th>', html=True)

    def test_an_option_left_out_of_the_release_is_not_found(self):
        Option.objects.filter(slug="peel-deep").update(status="in-review")
        self.assertEqual(self.client.get(reverse("pages:treatment_detail", args=["peel-deep"])).status_code, 200)
        release_working_copy()
        response = self.client.get(reverse("pages:treatment_detail", args=["peel-deep"]))
        self.assertContains(response, "We could not find that page", status_code=404)

    def test_an_unknown_slug_gets_a_friendly_404(self):
        response = self.client.get("/treatments/vampire-facial/")
        self.assertContains(response, "We could not find that page", status_code=404)

    def test_the_page_reads_the_release_with_one_query(self):
        current_catalogue()  # the release is read once per process, then held
        with self.assertNumQueries(1):  # the current release's number and sign-off
            self.client.get(reverse("pages:treatment_detail", args=["no-procedure"]))


class AboutPageTests(PublicPageTestCase):
    def test_it_shows_the_published_site_texts(self):
        response = self.client.get(reverse("pages:about"))
        for heading in ("Funding", "Disclaimer"):
            self.assertContains(response, heading)


@override_settings(DEBUG=False)
class ServerErrorTests(TestCase):
    def test_the_500_page_is_friendly_and_needs_no_database(self):
        from django.test import RequestFactory

        from decisionaid.pages.views import server_error

        response = server_error(RequestFactory().get("/"))
        self.assertEqual(response.status_code, 500)
        self.assertIn(b"Sorry, something went wrong on our side", response.content)


class FriendlyErrorTests(PublicPageTestCase):
    def test_a_post_without_a_form_token_gets_a_friendly_403(self):
        from django.test import Client

        response = Client(enforce_csrf_checks=True).post(reverse("pages:treatment_list"))
        self.assertContains(response, "Your form had expired", status_code=403)


def sign_off_release_1() -> None:
    import datetime

    from decisionaid.content.models import ClinicalSignOff, Release

    ClinicalSignOff.objects.create(
        release=Release.objects.get(number=1),
        reviewer_name="Dr Ada Okafor",
        qualifications="Consultant dermatologist",
        signed_off_on=datetime.date(2026, 12, 1),
    )


class ClinicalSignOffTests(PublicPageTestCase):
    def test_every_page_says_the_release_is_not_yet_clinically_reviewed_until_it_is_signed_off(self):
        for name in ("pages:home", "pages:about", "pages:faq", "pages:glossary", "questionnaire:start"):
            response = self.client.get(reverse(name))
            self.assertContains(response, "not yet been reviewed by an independent clinician", msg_prefix=name)

    def test_about_names_the_reviewer_once_the_current_release_is_signed_off(self):
        sign_off_release_1()
        response = self.client.get(reverse("pages:about"))
        self.assertContains(response, "signed off by Dr Ada Okafor (Consultant dermatologist) on 1 December 2026")
        self.assertContains(response, "Clinically reviewed on 1 December 2026 by Dr Ada Okafor")
        self.assertNotContains(response, "not yet been reviewed")

    def test_a_sign_off_of_an_earlier_release_does_not_cover_the_current_one(self):
        sign_off_release_1()
        from decisionaid.content.models import GlossaryTerm

        GlossaryTerm.objects.filter(pk=GlossaryTerm.objects.first().pk).update(definition="A new definition.")
        release_working_copy()
        response = self.client.get(reverse("pages:about"))
        self.assertContains(response, "Content release 2 has not yet been reviewed by an independent clinician")


class FaqAndGlossaryTests(PublicPageTestCase):
    def test_the_faq_shows_published_answers_with_numbered_sources(self):
        from decisionaid.content.models import FaqEntry, Reference

        entry = FaqEntry.objects.create(
            slug="cancer",
            question="Do stem cell facials cause cancer?",
            answer="Nobody knows for sure.",
            status="published",
        )
        entry.references.set([Reference.objects.get(key="R42")])
        FaqEntry.objects.create(slug="draft", question="A draft question?", answer="Not yet.", status="draft")
        release_working_copy()
        response = self.client.get(reverse("pages:faq"))
        self.assertContains(response, "Do stem cell facials cause cancer?")
        self.assertContains(response, 'href="#ref-1"')
        self.assertNotContains(response, "A draft question?")

    def test_the_glossary_lists_published_terms(self):
        response = self.client.get(reverse("pages:glossary"))
        self.assertContains(response, "Exosome")


class EveryTreatmentPageTests(PublicPageTestCase):
    def test_every_option_page_shows_its_harms_approval_and_sources(self):
        for option in Option.objects.published():
            with self.subTest(option=option.slug):
                response = self.client.get(reverse("pages:treatment_detail", args=[option.slug]))
                self.assertContains(response, "Side effects and risks")
                self.assertContains(response, "Is it approved where you live?")
                self.assertContains(response, 'id="ref-1"')
                self.assertNotContains(response, "have not been published here yet")

    def test_cell_and_exosome_pages_show_warning_signs(self):
        for slug in ("stem-cell-injections", "exosomes-injected"):
            response = self.client.get(reverse("pages:treatment_detail", args=[slug]))
            self.assertContains(response, "Warning signs of an unproven clinic")
            self.assertContains(response, "Questions to ask a clinic")
