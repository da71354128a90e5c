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
