"""Which release is live is looked up at most every LIVE_RELEASE_CHECK_SECONDS in each worker process: a release
published in another worker reaches this one within that time, one published in this worker at once."""

from __future__ import annotations

from unittest import mock

from django.test import Client, override_settings

from decisionaid.content.catalogue import forget_live_release
from tests.content.test_releases import NEW_SENTENCE, ReleaseTestCase

PAGE = "/treatments/microneedling/"


@override_settings(LIVE_RELEASE_CHECK_SECONDS=60)
class LiveReleaseLookedUpEveryFewSeconds(ReleaseTestCase):
    def setUp(self):
        super().setUp()
        forget_live_release()
        self.now = 1000.0
        clock = mock.patch("decisionaid.content.catalogue.time.monotonic", side_effect=lambda: self.now)
        clock.start()
        self.addCleanup(clock.stop)
        self.addCleanup(forget_live_release)

    def page(self) -> str:
        return Client().get(PAGE).content.decode()

    def test_a_release_published_in_another_worker_shows_within_the_check_interval(self):
        self.assertIn("Content release 1", self.page())
        self.edit_option(self.editor, what_it_is=NEW_SENTENCE)
        # In a test the publish is never committed, so this process is not told: as if another worker published.
        self.assertContains(self.publish(self.other_reviewer), "Published release 2.")
        self.now += 59
        self.assertNotIn(NEW_SENTENCE, self.page())
        self.now += 1
        page = self.page()
        self.assertIn(NEW_SENTENCE, page)
        self.assertIn("Content release 2", page)

    def test_a_release_published_in_this_worker_shows_at_once(self):
        self.assertIn("Content release 1", self.page())
        self.edit_option(self.editor, what_it_is=NEW_SENTENCE)
        with self.captureOnCommitCallbacks(execute=True):
            self.publish(self.other_reviewer)
        self.assertIn(NEW_SENTENCE, self.page())
