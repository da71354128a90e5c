"""Bootstrap's CSS comes from the pinned bootstrap-wrapper wheel, byte-identical to the 5.3.8 release."""
import hashlib
from unittest import TestCase

from django.contrib.staticfiles import finders

BOOTSTRAP_5_3_8_MIN_CSS_SHA256 = "d85327d99c7a3ee1f9b5d0500d1370acea3ad2db39c163c2f51f232baedbdede"


class BootstrapTests(TestCase):
    def test_the_served_css_is_bootstrap_5_3_8(self):
        path = finders.find("bootstrap/bootstrap.min.css")
        self.assertIsNotNone(path)
        with open(path, "rb") as css:
            self.assertEqual(hashlib.sha256(css.read()).hexdigest(), BOOTSTRAP_5_3_8_MIN_CSS_SHA256)
