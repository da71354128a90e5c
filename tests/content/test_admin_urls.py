"""Admin URLs with a malformed id answer 404 Not Found for every content model, never a server error."""

from django.contrib import admin
from django.contrib.auth.models import User
from django.test import TestCase
from django.urls import NoReverseMatch, reverse

from decisionaid.content.models import GlossaryTerm

MALFORMED = ("abc", "1.5", "_27")  # the last is the admin's quoting of "'"


def content_admin_names() -> list[str]:
    return sorted(model._meta.model_name for model in admin.site._registry if model._meta.app_label == "content")


def urls_with_a_malformed_id(name: str, bad: str) -> dict[str, str]:
    """The object's change, delete and history pages, and its past-version page (for models with history)."""
    urls = {page: reverse(f"admin:content_{name}_{page}", args=[bad]) for page in ("change", "delete", "history")}
    try:
        urls["version of malformed object"] = reverse(f"admin:content_{name}_simple_history", args=[bad, "1"])
        urls["malformed version"] = reverse(f"admin:content_{name}_simple_history", args=["1", bad])
    except NoReverseMatch:  # no history kept for this model
        pass
    return urls


class MalformedAdminIdTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.staff = User.objects.create_superuser("root", password="a-long-test-password")

    def setUp(self):
        self.client.force_login(self.staff)
        self.client.raise_request_exception = False  # a server error shows as a 500, not as the test's own error

    def test_every_content_model_answers_404_for_a_malformed_id(self):
        for name in content_admin_names():
            for bad in MALFORMED:
                for page, url in urls_with_a_malformed_id(name, bad).items():
                    with self.subTest(url=url, page=page):
                        self.assertEqual(self.client.get(url).status_code, 404)

    def test_an_items_history_and_a_past_version_still_open(self):
        term = GlossaryTerm.objects.create(slug="admin-url-test", term="Admin URL test", definition="A word.")
        version = term.history.get()
        url = reverse("admin:content_glossaryterm_simple_history", args=[term.pk, version.history_id])
        self.assertContains(self.client.get(url), "Admin URL test")
        history = self.client.get(reverse("admin:content_glossaryterm_history", args=[term.pk]))
        self.assertContains(history, f'href="{url}"')
