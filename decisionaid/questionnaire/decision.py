"""SURE scoring and the choice of questions to take to a clinic: pure functions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from decisionaid.content.catalogue import Catalogue, OptionFacts, ScopedFacts
from decisionaid.questionnaire.choices import PRETICKED_QUESTIONS, SURE_QUESTIONS, YES, SureQuestion


@dataclass(frozen=True)
class SureResult:
    score: int
    conflict: bool  # 3 or less: the patient may want more support before deciding
    help: tuple[SureQuestion, ...]  # one piece of help for each "no"


def score_sure(answers: Mapping[str, str]) -> SureResult:
    """Score = number of "yes" answers (0–4); each "no" routes to the help that matches it."""
    score = sum(1 for question in SURE_QUESTIONS if answers.get(question.key) == YES)
    help_needed = tuple(question for question in SURE_QUESTIONS if answers.get(question.key) != YES)
    return SureResult(score=score, conflict=score <= 3, help=help_needed)


def considered_options(
    *, shown: Iterable[OptionFacts], compared: Iterable[str], leaning: str | None
) -> list[OptionFacts]:
    """The options the patient looked at closely: those compared and the one they lean to (else all shown)."""
    shown = list(shown)
    picked = set(compared) | ({leaning} if leaning else set())
    considered = [option for option in shown if option.slug in picked]
    return considered or shown


def items_for(items: Iterable[ScopedFacts], options: Iterable[OptionFacts]) -> list[ScopedFacts]:
    """Questions or warning signs that apply to any of the options, in their editorial order."""
    options = list(options)
    return [item for item in items if any(item.applies_to(option) for option in options)]


@dataclass(frozen=True)
class QuestionsToAsk:
    considered: list[OptionFacts]  # compared or leaned to (else all shown)
    offered: list[ScopedFacts]  # questions for any option shown, most relevant first
    ticked: list[ScopedFacts]  # ticked at first: the most relevant for the options considered
    warning_signs: list[ScopedFacts]  # for the options considered


SAFETY = "safety"
ALL_OPTIONS = "all"


def questions_to_ask(
    catalogue: Catalogue,
    *,
    shown: Iterable[OptionFacts],
    compared: Iterable[str],
    leaning: str | None,
    jurisdiction: str | None = None,
    flagged: Iterable[str] = (),
) -> QuestionsToAsk:
    """The questions to take to a clinic, most relevant first: those about the option the patient leans towards,
    then about the options they compared, then safety questions for an option their health answers flag, then
    the rest. Items tied to one country show only to patients there (all, for "another country")."""
    shown, compared, flagged = list(shown), set(compared), set(flagged)
    considered = considered_options(shown=shown, compared=compared, leaning=leaning)

    def here(items: Iterable[ScopedFacts]) -> list[ScopedFacts]:
        return [item for item in items if item.applies_in(jurisdiction)]

    def rank(question: ScopedFacts) -> int:
        specific = question.scope != ALL_OPTIONS  # about one option or family, not every option
        if specific and leaning and any(question.applies_to(o) for o in shown if o.slug == leaning):
            return 0
        if specific and any(question.applies_to(o) for o in shown if o.slug in compared):
            return 1
        if question.topic == SAFETY and any(question.applies_to(o) for o in considered if o.slug in flagged):
            return 2
        return 3 if any(question.applies_to(o) for o in considered) else 4

    offered = sorted(here(items_for(catalogue.questions, shown)), key=rank)  # sorted() keeps the editorial order
    candidates = [question for question in offered if rank(question) < 4]
    return QuestionsToAsk(
        considered=considered,
        offered=offered,
        ticked=candidates[:PRETICKED_QUESTIONS],
        warning_signs=here(items_for(catalogue.warning_signs, considered)),
    )
