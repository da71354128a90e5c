"""Approval badges say no more than their sources (issue 16): sunscreen is not "approved" for any skin concern,
and PRP injected into the face is off-label in the US, not a cleared use."""

from __future__ import annotations

from django.test import TestCase

from decisionaid.content.catalogue import current_catalogue


class ApprovalBadgeTests(TestCase):
    def status(self, option: str, place: str) -> str:
        return current_catalogue().option(option).status_in(place).status

    def test_no_option_is_approved_for_a_concern_its_sources_do_not_name(self):
        self.assertEqual(self.status("no-procedure", "us"), "off-label")  # sold to protect from the sun
        self.assertEqual(self.status("no-procedure", "au"), "off-label")
        self.assertEqual(self.status("no-procedure", "ca"), "unknown")  # no Health Canada page found
        approved = [
            (option.slug, status.jurisdiction)
            for option in current_catalogue().options
            for status in option.statuses
            if status.status == "approved"
        ]
        self.assertEqual(approved, [])

    def test_prp_injections_are_off_label_in_the_us_and_up_to_the_province_in_canada(self):
        self.assertEqual(self.status("prp-injections", "us"), "off-label")
        self.assertEqual(self.status("prp-injections", "ca"), "unknown")
