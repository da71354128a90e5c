"""SURE scoring and choosing the questions to ask."""

from decisionaid.content.catalogue import ScopedFacts
from decisionaid.questionnaire.decision import considered_options, items_for, score_sure
from tests.questionnaire.test_matching import option


class TestSure:
    def test_four_yes_answers_score_4_with_no_conflict(self):
        result = score_sure({"sure": "yes", "understand": "yes", "risk_benefit": "yes", "encouragement": "yes"})
        assert (result.score, result.conflict, result.help) == (4, False, ())

    def test_each_no_routes_to_its_own_help_and_3_or_less_signals_conflict(self):
        result = score_sure({"sure": "no", "understand": "yes", "risk_benefit": "no", "encouragement": "yes"})
        assert result.score == 2 and result.conflict
        assert [question.key for question in result.help] == ["sure", "risk_benefit"]
        assert "table" in str(result.help[1].help_if_no) and "more time" in str(result.help[0].help_if_no)

    def test_missing_answers_count_as_no(self):
        assert score_sure({}).score == 0


class TestQuestionsToAsk:
    def test_considered_options_are_those_compared_and_leaned_to(self):
        shown = [option("a"), option("b"), option("c")]
        picked = considered_options(shown=shown, compared=["a"], leaning="c")
        assert [o.slug for o in picked] == ["a", "c"]

    def test_with_nothing_compared_or_leaned_to_all_shown_options_are_considered(self):
        shown = [option("a"), option("b")]
        assert considered_options(shown=shown, compared=[], leaning="unsure") == shown

    def test_questions_apply_by_scope(self):
        questions = [
            ScopedFacts(key="all", text="", explanation="", scope="all", family="", option_slugs=frozenset()),
            ScopedFacts(key="peels", text="", explanation="", scope="family", family="peel", option_slugs=frozenset()),
            ScopedFacts(
                key="ipl", text="", explanation="", scope="options", family="", option_slugs=frozenset({"ipl"})
            ),
        ]
        assert [q.key for q in items_for(questions, [option("peel-medium")])] == ["all", "peels"]


class TestQuestionsPage:
    """The questions to ask, as a patient sees them on the questions page (shipped content, release 1)."""

    @staticmethod
    def questions_page(client, **answers):
        from django.urls import reverse

        from tests.questionnaire.journey import answer_all_steps, decide

        leaning = answers.pop("leaning", "unsure")
        compared = answers.pop("compared", None)
        answer_all_steps(client, **answers)
        if compared:
            client.get(reverse("questionnaire:compare"), {"options": compared})
        decide(client, leaning=leaning)
        response = client.get(reverse("questionnaire:questions"))
        return response.context["form"], response.content.decode()

    def test_leaning_towards_microneedling_ticks_its_own_questions_first(self, client, db):
        form, _ = self.questions_page(client, leaning="microneedling")
        offered = [key for key, _ in form.fields["chosen"].choices]
        ticked = form.initial["chosen"]
        from decisionaid.content.catalogue import current_catalogue

        scope = {q.key: q.scope for q in current_catalogue().questions}
        specific = [key for key in ticked if scope[key] != "all"]
        assert specific and ticked[: len(specific)] == specific  # the option's own questions come first
        assert all(
            offered.index(key) < offered.index(other) for key in ticked for other in offered if other not in ticked
        )
        assert "q-fda-reviewed" not in ticked  # a stem-cell and exosome question, not for microneedling

    def test_country_specific_questions_and_warnings_only_for_that_country(self, client, db):
        form, page = self.questions_page(
            client, jurisdiction="au", compared=["stem-cell-injections", "exosomes-injected"]
        )
        keys = [key for key, _ in form.fields["chosen"].choices]
        assert "q-japan-plan-number" not in keys and "q-korea-designated" not in keys
        assert "Stem cell treatment advertised to the public in Australia" in page
        assert "A clinic in Japan that cannot show a plan number" not in page

    def test_another_country_sees_every_countrys_questions(self, client, db):
        form, page = self.questions_page(client, jurisdiction="other", compared=["stem-cell-injections"])
        keys = [key for key, _ in form.fields["chosen"].choices]
        assert {"q-japan-plan-number", "q-korea-designated"} <= set(keys)
        assert "A clinic in Japan that cannot show a plan number" in page
