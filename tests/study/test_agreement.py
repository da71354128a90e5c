"""The values–choice agreement rule (study/agreement.py) on made-up options."""

from types import SimpleNamespace
from unittest import TestCase

from decisionaid.study.agreement import values_agreement


def match(slug, *, downtime=None, cost=None, sessions=None, certainty="low"):
    option = SimpleNamespace(slug=slug, downtime_days_max=downtime, cost_max_usd=cost, sessions_max=sessions)
    return SimpleNamespace(option=option, evidence=SimpleNamespace(certainty=certainty))


OPTIONS = [
    match("none", downtime=0, cost=0, sessions=None, certainty="moderate"),
    match("peel", downtime=7, cost=300, sessions=1, certainty="low"),
    match("laser", downtime=14, cost=2000, sessions=3, certainty="low"),
    match("cream", downtime=2, cost=100, sessions=None, certainty="very-low"),
]


class AgreementTests(TestCase):
    def test_a_leaning_beaten_by_most_others_on_what_matters_most_differs(self):
        result = values_agreement(OPTIONS, {"leaning": "laser"}, {"downtime": 4, "cost": 1})
        self.assertFalse(result.agrees)
        self.assertEqual([(d.attribute, d.better, d.compared) for d in result.differences], [("downtime", 3, 3)])

    def test_a_leaning_in_the_better_half_fits(self):
        self.assertTrue(values_agreement(OPTIONS, {"leaning": "cream"}, {"downtime": 4, "cost": 4}).agrees)

    def test_certainty_counts_higher_as_better(self):
        self.assertFalse(values_agreement(OPTIONS, {"leaning": "cream"}, {"evidence": 4}).agrees)  # 3 of 3 are surer
        self.assertTrue(values_agreement(OPTIONS, {"leaning": "none"}, {"evidence": 4}).agrees)

    def test_no_rule_without_a_leaning_or_an_attribute_that_can_be_ordered(self):
        self.assertIsNone(values_agreement(OPTIONS, {"leaning": "unsure"}, {"downtime": 4}).agrees)
        self.assertIsNone(values_agreement(OPTIONS, {"leaning": "peel"}, {"discomfort": 4, "approval": 3}).agrees)
        self.assertIsNone(
            values_agreement(OPTIONS, {"leaning": "cream"}, {"sessions": 4}).agrees
        )  # its sessions not known
