"""Readers see each source's citation, how well we checked it in plain words and when; a reviewer's own notes on a
source never reach a page, a printout, a PDF or an export."""

from __future__ import annotations

from django.test import TestCase
from django.urls import reverse

from decisionaid.content.models import Reference
from decisionaid.summaries.models import SavedSummary
from tests.questionnaire.journey import answer_all_steps, decide, every_option_open, save_summary
from tests.releases import release_working_copy

INTERNAL = "Fact-check reference R49; authors not captured"


class ReaderSourcesTests(TestCase):
    def setUp(self):
        Reference.objects.update(note=INTERNAL)  # every source, so every list would show one
        release_working_copy()

    def pages(self) -> dict[str, bytes]:
        answer_all_steps(self.client, skin_type="5", isotretinoin="yes")
        options = self.client.get(reverse("questionnaire:options"), every_option_open()).content
        decide(self.client)
        summary = save_summary(self.client)
        code = SavedSummary.objects.get().code
        return {
            "treatment page": self.client.get(reverse("pages:treatment_detail", args=["microneedling"])).content,
            "questions people ask": self.client.get(reverse("pages:faq")).content,
            "options, every option open": options,
            "summary": self.client.get(summary).content,
            "printout": self.client.get(summary + "print/").content,
            "export": self.client.get(reverse("summary:export", args=[code])).content,
        }

    def test_no_reviewers_note_reaches_any_page(self):
        for name, content in self.pages().items():
            with self.subTest(name):
                self.assertNotIn(INTERNAL.encode(), content)

    def test_sources_say_how_and_when_they_were_checked(self):
        page = self.client.get(reverse("pages:treatment_detail", args=["microneedling"])).content.decode()
        self.assertIn("We read it, and it says what we cite it for. Checked 22 November 2026.", page)
