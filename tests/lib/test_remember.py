"""lib/remember.py: a kept result is reused only for the very same inputs, and the oldest go when full."""

from unittest import TestCase, mock

from decisionaid.lib import remember


class RememberedTests(TestCase):
    def setUp(self):
        remember.forget_everything()

    def tearDown(self):
        remember.forget_everything()

    def test_the_same_inputs_reuse_the_result_and_other_inputs_do_not(self):
        drawn = []

        def draw(text):
            drawn.append(text)
            return text.upper()

        self.assertEqual(remember.remembered("card", ("acne-scars", "uk"), lambda: draw("a")), "A")
        self.assertEqual(remember.remembered("card", ("acne-scars", "uk"), lambda: draw("b")), "A")
        self.assertEqual(remember.remembered("card", ("acne-scars", "us"), lambda: draw("c")), "C")
        self.assertEqual(remember.remembered("glance", ("acne-scars", "uk"), lambda: draw("d")), "D")
        self.assertEqual(drawn, ["a", "c", "d"])

    def test_answers_given_as_a_dict_are_keyed_by_their_content(self):
        self.assertTrue(remember.remembered("step-valid", ("health", {"a": "no", "b": "yes"}), lambda: True))
        self.assertTrue(remember.remembered("step-valid", ("health", {"b": "yes", "a": "no"}), lambda: False))
        self.assertFalse(remember.remembered("step-valid", ("health", {"a": "yes", "b": "yes"}), lambda: False))

    def test_when_full_the_least_recently_used_goes_first(self):
        with mock.patch.object(remember, "MAX_ENTRIES", 2):
            remember.remembered("part", 1, lambda: "one")
            remember.remembered("part", 2, lambda: "two")
            remember.remembered("part", 1, lambda: "not drawn")  # 1 is now the most recently used
            remember.remembered("part", 3, lambda: "three")  # so 2 goes
            self.assertEqual(remember.remembered("part", 1, lambda: "drawn again"), "one")
            self.assertEqual(remember.remembered("part", 2, lambda: "drawn again"), "drawn again")
