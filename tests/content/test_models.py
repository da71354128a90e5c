"""Model-level rules an editor meets when saving in the admin."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import TestCase

from decisionaid.content.models import Option, SideEffect


class FrequencyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.option = Option.objects.get(slug="microneedling")

    def test_more_people_than_the_group_is_refused(self):
        effect = SideEffect(option=self.option, description="Redness", severity="mild", events=120, denominator=100)
        with self.assertRaisesMessage(ValidationError, "between 0 and the group size"):
            effect.full_clean()

    def test_a_number_without_a_group_size_is_refused(self):
        effect = SideEffect(option=self.option, description="Redness", severity="mild", events=3)
        with self.assertRaisesMessage(ValidationError, "or neither (not known)"):
            effect.full_clean()

    def test_the_database_refuses_it_too(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            SideEffect.objects.create(
                option=self.option, description="Redness", severity="mild", events=5, denominator=0
            )

    def test_not_known_is_both_empty(self):
        effect = SideEffect(option=self.option, description="Redness", severity="mild")
        effect.full_clean()
        self.assertFalse(effect.is_frequency_known)


class OptionRangeTests(TestCase):
    def test_a_maximum_below_the_minimum_is_refused(self):
        option = Option(
            slug="microneedling", name="Microneedling", family="microneedling", sessions_min=6, sessions_max=3
        )
        with self.assertRaisesMessage(ValidationError, "The maximum must not be below the minimum."):
            option.full_clean()
