"""How well each option's claims are sourced: counted from the live release, shown on the About page and in
content_report (issue 16)."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from decisionaid.content.catalogue import current_catalogue
from decisionaid.content.models import Evidence, Outcome, Reference
from decisionaid.content.report import option_sourcing, overall_checked_share
from tests.releases import release_working_copy


class SourcingFiguresTests(TestCase):
    def test_a_row_counts_as_checked_only_when_one_of_its_sources_was_read(self):
        before = {row.slug: row for row in option_sourcing(current_catalogue())}
        self.assertTrue(any(row.unchecked_rows for row in before.values()))
        # Once every source is read, every row of every option rests on a checked source.
        Reference.objects.update(verification=Reference.Verification.VERIFIED, checked_on="2026-12-02")
        release_working_copy()
        after = option_sourcing(current_catalogue())
        self.assertEqual({row.unchecked_rows for row in after}, {0})
        self.assertEqual(overall_checked_share(after), 100)
        self.assertEqual({row.slug: row.rows for row in after}, {slug: row.rows for slug, row in before.items()})

    def test_the_about_page_shows_the_live_figures(self):
        sourcing = option_sourcing(current_catalogue())
        page = self.client.get(reverse("pages:about")).content.decode()
        self.assertIn(f"{overall_checked_share(sourcing)}% of what we say about the treatments", page)
        microneedling = next(row for row in sourcing if row.slug == "microneedling")
        self.assertIn(f'<th scope="row">Microneedling</th><td data-label="Statements">{microneedling.rows}</td>', page)

    def test_content_report_lists_each_option(self):
        output = StringIO()
        call_command("content_report", stdout=output)
        self.assertIn("Claim rows resting on a source we read", output.getvalue())
        self.assertIn("laser-ablative-fractional", output.getvalue())

    def test_content_report_lists_ratings_above_the_rule_and_numbers_problems(self):
        output = StringIO()
        call_command("content_report", stdout=output)
        report = output.getvalue()
        self.assertIn(
            "Certainty ratings above what their sources' kinds allow: 3 (0 without a reviewer's reason)", report
        )
        self.assertIn(
            "laser-pigment for Sun damage and sun spots: Very low (rule: at most Not studied). Reason: ", report
        )
        self.assertIn("for how long): 0 problem(s)", report)
        # A number that loses its follow-up time, and a rating that loses its reason, are counted and listed.
        Outcome.objects.filter(option__slug="peel-deep").update(time_frame="")
        Evidence.objects.filter(option__slug="laser-pigment", concern__slug="sun-damage").update(certainty_reason="")
        output = StringIO()
        call_command("content_report", stdout=output)
        report = output.getvalue()
        self.assertIn("for how long): 1 problem(s)\n  peel-deep: outcome 1 › time_frame: is empty", report)
        self.assertIn("(1 without a reviewer's reason)", report)
        self.assertIn("Reason: NONE", report)
