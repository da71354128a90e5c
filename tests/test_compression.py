"""Pages are sent compressed to a browser that accepts it: the options page is about a fifth of its size."""

from __future__ import annotations

import gzip

from django.urls import reverse

from tests.questionnaire.journey import answer_all_steps
from tests.questionnaire.test_steps import JourneyTestCase


class CompressionTests(JourneyTestCase):
    def test_the_options_page_is_sent_gzipped_and_unpacks_to_the_same_page(self):
        answer_all_steps(self.client)
        plain = self.client.get(reverse("questionnaire:options"))
        packed = self.client.get(reverse("questionnaire:options"), headers={"accept-encoding": "gzip"})
        self.assertNotIn("Content-Encoding", plain)
        self.assertEqual(packed["Content-Encoding"], "gzip")
        self.assertIn("Accept-Encoding", packed["Vary"])
        self.assertLess(len(packed.content), len(plain.content) / 4)
        self.assertIn(b"Your options at a glance", gzip.decompress(packed.content))
