"""Matching answers to options: pure functions over catalogue snapshots, then whole patients on the shipped pack."""

import datetime

import pytest

from decisionaid.content.catalogue import (
    EvidenceFacts,
    OptionFacts,
    RuleFacts,
    SideEffectFacts,
    StatusFacts,
    current_catalogue,
)
from decisionaid.questionnaire.matching import Answers, match_options, sort_matches, top_attributes


def option(slug="peel-medium", *, order=5, concerns=("acne-scars",), rules=(), no_procedure=False, **fields):
    defaults = dict(
        name=slug.title(),
        family="peel",
        what_it_is="",
        what_happens="",
        sessions_min=1,
        sessions_max=3,
        downtime_days_min=5,
        downtime_days_max=7,
        discomfort="moderate",
        cost_min_usd=None,
        cost_max_usd=None,
        cost_note="",
        results_last="",
    )
    defaults.update(fields)
    return OptionFacts(
        slug=slug,
        order=order,
        is_no_procedure=no_procedure,
        rules=tuple(rules),
        evidence=tuple(
            EvidenceFacts(
                concern=c, certainty="low", summary="Some trials.", expected_improvement="", is_marketed_for=False
            )
            for c in concerns
        ),
        statuses=(
            StatusFacts(jurisdiction="us", status="approved", explanation="Cleared.", as_of=datetime.date(2026, 11, 1)),
        ),
        **defaults,
    )


def answers(**fields):
    return Answers(**{"concern": "acne-scars", "jurisdiction": "us", "skin_type": "2", **fields})


def flags_of(matches, slug):
    return [(flag.level, flag.item) for flag in next(m for m in matches if m.option.slug == slug).flags]


class TestWhichOptionsAreShown:
    def test_it_shows_only_options_with_evidence_for_the_main_concern(self):
        shown = match_options(
            answers=answers(), options=[option("peel-medium"), option("ipl", concerns=("pigmentation",))]
        )
        assert [m.option.slug for m in shown] == ["peel-medium"]

    def test_no_procedure_is_always_shown_even_without_evidence_for_the_concern(self):
        shown = match_options(
            answers=answers(), options=[option("no-procedure", concerns=(), no_procedure=True, order=0)]
        )
        assert [m.option.slug for m in shown] == ["no-procedure"]
        assert shown[0].evidence is None
        assert shown[0].ratings["evidence"] == "Not studied"

    def test_options_come_in_editorial_order_not_input_order(self):
        shown = match_options(answers=answers(), options=[option("ipl", order=9), option("tretinoin", order=1)])
        assert [m.option.slug for m in shown] == ["tretinoin", "ipl"]


class TestPersonalFlags:
    rule = RuleFacts(health_item="pregnant", skin_types=frozenset(), level="avoid", explanation="Not in pregnancy.")
    skin_rule = RuleFacts(
        health_item=None,
        skin_types=frozenset({"4", "5", "6"}),
        level="caution",
        explanation="Dark patches are more likely.",
    )

    def test_a_yes_answer_raises_the_rules_level_with_its_reason(self):
        (match,) = match_options(answers=answers(health={"pregnant": "yes"}), options=[option(rules=[self.rule])])
        assert [(f.level, f.item, f.reason) for f in match.flags] == [("avoid", "pregnant", "Not in pregnancy.")]

    def test_a_no_answer_raises_nothing(self):
        (match,) = match_options(answers=answers(health={"pregnant": "no"}), options=[option(rules=[self.rule])])
        assert match.flags == ()

    def test_not_sure_becomes_check_with_your_clinician_and_keeps_the_reason(self):
        (match,) = match_options(answers=answers(health={"pregnant": "unsure"}), options=[option(rules=[self.rule])])
        assert [(f.level, f.item) for f in match.flags] == [("check", "pregnant")]
        assert "not sure" in match.flags[0].reason and "Not in pregnancy." in match.flags[0].reason

    def test_not_sure_about_an_item_the_option_has_no_rule_for_raises_nothing(self):
        (match,) = match_options(answers=answers(health={"keloid": "unsure"}), options=[option(rules=[self.rule])])
        assert match.flags == ()

    def test_a_listed_skin_type_raises_the_skin_type_rule(self):
        (match,) = match_options(answers=answers(skin_type="5"), options=[option(rules=[self.skin_rule])])
        assert [(f.level, f.item) for f in match.flags] == [("caution", "skin-type")]

    def test_an_unlisted_skin_type_raises_nothing(self):
        (match,) = match_options(answers=answers(skin_type="3"), options=[option(rules=[self.skin_rule])])
        assert match.flags == ()

    def test_an_unsure_skin_type_becomes_a_check(self):
        (match,) = match_options(answers=answers(skin_type="unsure"), options=[option(rules=[self.skin_rule])])
        assert [(f.level, f.item) for f in match.flags] == [("check", "skin-type")]

    def test_flags_are_listed_avoid_then_caution_then_check(self):
        rules = [
            self.skin_rule,
            RuleFacts(health_item="keloid", skin_types=frozenset(), level="caution", explanation="K."),
            self.rule,
        ]
        (match,) = match_options(
            answers=answers(skin_type="5", health={"pregnant": "yes", "keloid": "unsure"}),
            options=[option(rules=rules)],
        )
        assert [f.level for f in match.flags] == ["avoid", "caution", "check"]


class TestLimitNotes:
    def test_downtime_longer_than_the_limit_is_a_note_not_an_exclusion(self):
        (match,) = match_options(answers=answers(max_downtime_days=3), options=[option(downtime_days_max=7)])
        assert match.exceeds_limits == ["downtime"]
        assert "up to 3 days" in match.limit_notes[0].text

    def test_downtime_within_the_limit_has_no_note(self):
        (match,) = match_options(answers=answers(max_downtime_days=7), options=[option(downtime_days_max=7)])
        assert match.limit_notes == ()

    def test_no_downtime_limit_never_raises_a_note(self):
        (match,) = match_options(answers=answers(max_downtime_days=None), options=[option(downtime_days_max=30)])
        assert match.limit_notes == ()

    def test_a_known_price_above_the_budget_is_noted(self):
        (match,) = match_options(answers=answers(budget_usd=500), options=[option(cost_min_usd=1000)])
        assert match.exceeds_limits == ["budget"]
        assert "$1,000 or more a session" in match.limit_notes[0].text

    def test_an_unknown_price_is_not_claimed_to_exceed_the_budget(self):
        (match,) = match_options(
            answers=answers(budget_usd=250), options=[option(cost_min_usd=None, cost_max_usd=None)]
        )
        assert match.limit_notes == ()
        assert match.ratings["cost"] == "Not known"


class TestRatingsAndOrder:
    def test_every_attribute_gets_a_plain_description_and_none_is_a_number_score(self):
        effects = (
            SideEffectFacts(
                description="Scar",
                severity="serious",
                events=3,
                denominator=100,
                duration="",
                is_pigment_or_scarring=True,
            ),
        )
        (match,) = match_options(answers=answers(), options=[option(side_effects=effects)])
        assert match.ratings["serious-harms"] == "1 listed. The most often: 3 out of 100 people."
        assert match.ratings["pigment-scarring"].startswith("1 listed.")
        assert match.ratings["downtime"] == "5 to 7 days"
        assert match.ratings["approval"] == "Approved or cleared for this use"

    def test_resorting_by_downtime_puts_unknown_values_last(self):
        shown = match_options(
            answers=answers(),
            options=[
                option("a", order=1, downtime_days_min=None, downtime_days_max=None),
                option("b", order=2, downtime_days_max=14),
                option("c", order=3, downtime_days_max=0, downtime_days_min=0),
            ],
        )
        assert [m.option.slug for m in sort_matches(shown, by="downtime")] == ["c", "b", "a"]
        assert [m.option.slug for m in sort_matches(shown, by="nonsense")] == ["a", "b", "c"]

    def test_top_attributes_are_those_rated_3_or_4_most_important_first(self):
        assert top_attributes({"cost": 3, "downtime": 4, "evidence": 1}) == ["downtime", "cost"]

    def test_when_nothing_is_rated_3_or_more_the_highest_rated_are_used(self):
        assert top_attributes({"cost": 2, "evidence": 2, "sessions": 1}) == ["cost", "evidence"]
        assert top_attributes({}) == []


@pytest.fixture
def catalogue(shipped_content):
    return current_catalogue()


class TestWholePatients:
    """Real patients against the shipped content pack."""

    def test_darker_skin_recent_isotretinoin_and_acne_scars(self, catalogue):
        matches = match_options(
            answers=answers(skin_type="5", health={"isotretinoin": "yes"}), options=catalogue.options
        )
        assert matches[0].option.slug == "no-procedure"
        assert ("avoid", "isotretinoin") in flags_of(matches, "peel-deep")
        assert ("avoid", "skin-type") in flags_of(matches, "peel-deep")
        assert ("caution", "isotretinoin") in flags_of(matches, "microneedling")
        assert ("caution", "skin-type") in flags_of(matches, "laser-ablative-fractional")
        assert flags_of(matches, "no-procedure") == []

    def test_pregnancy_and_melasma(self, catalogue):
        matches = match_options(
            answers=answers(concern="pigmentation", health={"pregnant": "yes", "melasma": "yes"}),
            options=catalogue.options,
        )
        slugs = [m.option.slug for m in matches]
        assert "no-procedure" in slugs and "laser-pigment" in slugs
        assert ("avoid", "pregnant") in flags_of(matches, "tretinoin")
        assert ("avoid", "melasma") in flags_of(matches, "ipl")
        assert ("caution", "melasma") in flags_of(matches, "laser-pigment")

    def test_blood_thinners_and_prp(self, catalogue):
        matches = match_options(
            answers=answers(concern="wrinkles", health={"blood-thinners": "yes", "bleeding-disorder": "unsure"}),
            options=catalogue.options,
        )
        assert flags_of(matches, "prp-injections") == [("caution", "blood-thinners"), ("check", "bleeding-disorder")]

    def test_a_patient_with_no_health_issues_and_no_limits_gets_no_flags_or_notes(self, catalogue):
        matches = match_options(answers=answers(skin_type="2"), options=catalogue.options)
        assert all(m.flags == () and m.limit_notes == () for m in matches)
        assert all(m.status is not None for m in matches)
