"""A saved summary: what is stored, and how it is drawn again from its release.

A summary stores only what the patient said — their answers, decision and SURE answers, the options they
compared, the questions they chose and wrote — and the number of the release it was made from (`saved_record`).
Releases never change, so `draw` gets back exactly what the patient saw by running the same matching on that
release: `export`, the machine-readable body in the agreed format (product.md §3 slugs), and `shown`, the words
for the summary page and the printout.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from decisionaid.content import vocabulary, wording
from decisionaid.content.catalogue import EMPTY, Catalogue, ReferenceFacts, ScopedFacts, catalogue_for_release
from decisionaid.content.vocabulary import Certainty, RegulatoryStatusCode
from decisionaid.questionnaire import choices
from decisionaid.questionnaire.decision import questions_to_ask, score_sure
from decisionaid.questionnaire.matching import Match, match_options, top_attributes
from decisionaid.questionnaire.steps import SESSION_KEY, Journey
from decisionaid.summaries.citations import citation_text
from decisionaid.summaries.models import SavedSummary

RECORD_FORMAT = 2


def label(options, code) -> str:
    return str(dict(options).get(code, code or ""))


def export_answers(journey: Journey) -> dict:
    """The answers in the agreed format, each object's keys in the agreed order (stored answers may come back from
    PostgreSQL's jsonb in another order)."""
    limits = journey.matching_answers()
    health = journey.health_answers()
    values = journey.values()
    return {
        "concern": journey.answer("concern", "concern"),
        "other_concerns": list(journey.answer("concern", "other_concerns", [])),
        "goals": {key: journey.answer("goals", key) for key in ("result", "timing", "duration")},
        "skin_type": journey.answer("about-you", "skin_type"),
        "age_band": journey.answer("about-you", "age_band"),
        "jurisdiction": journey.answer("country", "jurisdiction"),
        "health": {slug: health[slug] for slug in vocabulary.HEALTH_ITEM_SLUGS if slug in health},
        "limits": {"max_downtime_days": limits.max_downtime_days, "budget": limits.budget_usd},
        "values": {slug: values[slug] for slug in choices.ATTRIBUTE_SLUGS if slug in values},
    }


def export_option(match: Match, jurisdiction: str) -> dict:
    status = match.status
    return {
        "slug": match.option.slug,
        "name": match.option.name,
        "certainty": match.evidence.certainty if match.evidence else Certainty.NOT_STUDIED.value,
        "flags": [{"level": flag.level, "item": flag.item, "reason": flag.reason} for flag in match.flags],
        "regulatory": {
            "jurisdiction": jurisdiction,
            "status": status.status if status else RegulatoryStatusCode.UNKNOWN.value,
            "as_of": status.as_of.isoformat() if status and status.as_of else None,
        },
        "exceeds_limits": match.exceeds_limits,
    }


def build_record(
    *,
    journey: Journey,
    catalogue: Catalogue,
    matches: tuple[Match, ...],
    questions: list[str],
    chosen_questions: list[ScopedFacts],
    warning_signs: list[ScopedFacts],
    considered: list[str],
) -> dict:
    answers = export_answers(journey)
    decision = journey.decision()
    sure_answers = {key: decision.get(key) for key in choices.SURE_KEYS}
    sure = score_sure(sure_answers)
    cited: dict[str, ReferenceFacts] = {}

    def keys(item) -> list[str]:
        for key in item.reference_keys:
            if key in catalogue.references:
                cited.setdefault(key, catalogue.references[key])
        return list(item.reference_keys)

    concern = catalogue.concern(answers["concern"])
    place = catalogue.jurisdiction(answers["jurisdiction"])
    shown_options = []
    for match in matches:
        shown_options.append(
            {
                "slug": match.option.slug,
                "name": match.option.name,
                "what_it_is": match.option.what_it_is,
                "certainty": match.evidence.certainty_label if match.evidence else Certainty.NOT_STUDIED.label,
                # The same certainty-linked sentence as every other page (content/wording.py).
                "certainty_statement": wording.certainty_statement(
                    match.evidence.certainty if match.evidence else None,
                    concern.name if concern else "",
                    is_marketed_for=bool(match.evidence and match.evidence.is_marketed_for),
                ),
                "evidence": match.evidence.summary if match.evidence else "",
                "expected_improvement": match.evidence.expected_improvement if match.evidence else "",
                "evidence_refs": keys(match.evidence) if match.evidence else [],
                "ratings": dict(match.ratings),
                "flags": [
                    {
                        "item": flag.item,
                        "level": flag.level,
                        "label": str(choices.FLAG_LABELS[flag.level]),
                        "reason": flag.reason,
                        "rule_text": flag.rule_text,
                        "refs": keys(flag),
                    }
                    for flag in match.flags
                ],
                "regulatory": {
                    "label": match.status.status_label if match.status else RegulatoryStatusCode.UNKNOWN.label,
                    "explanation": match.status.explanation if match.status else "",
                    # Words, in the one date format of the summary pages and printout (the export keeps ISO).
                    "as_of": date_format(match.status.as_of, "j F Y") if match.status and match.status.as_of else None,
                    "refs": keys(match.status) if match.status else [],
                },
                "limit_notes": [note.text for note in match.limit_notes],
                "exceeds_limits": list(match.exceeds_limits),
            }
        )
    health_items = {item.slug: item for item in catalogue.health_items}
    leaning = decision.get("leaning")
    return {
        "export": {
            "answers": answers,
            "options": [export_option(match, answers["jurisdiction"]) for match in matches],
            "decision": {key: decision.get(key) for key in ("leaning", "stage", "role")},
            "sure": {"answers": sure_answers, "score": sure.score, "conflict": sure.conflict},
            "questions": questions,
        },
        "shown": {
            "concern": concern.name if concern else answers["concern"],
            "decision_statement": concern.decision_statement if concern else "",
            "other_concerns": [c.name for slug in answers["other_concerns"] if (c := catalogue.concern(slug))],
            "goals": {
                "result": label(choices.GOAL_RESULT, answers["goals"]["result"]),
                "timing": label(choices.GOAL_TIMING, answers["goals"]["timing"]),
                "duration": label(choices.GOAL_DURATION, answers["goals"]["duration"]),
            },
            "skin_type": label(choices.SKIN_TYPE_WORDS, answers["skin_type"]),
            "age_band": label(choices.AGE_BANDS, answers["age_band"]),
            "jurisdiction": place.name if place else answers["jurisdiction"],
            "limits": {
                "downtime": label(choices.DOWNTIME_LIMITS, journey.answer("limits", "max_downtime")),
                "budget": label(choices.BUDGET_LIMITS, journey.answer("limits", "budget")),
            },
            "health": [
                {
                    "item": slug,
                    "question": item.question if (item := health_items.get(slug)) else slug,
                    "label": (item.short_label or item.question) if item else slug,
                    "answer": str(label(choices.HEALTH_ANSWERS, value)),
                }
                for slug, value in answers["health"].items()
                if value != choices.NO
            ],
            "top_values": [
                {
                    "slug": slug,
                    "heading": str(choices.ATTRIBUTE_BY_SLUG[slug].heading),
                    "importance": answers["values"].get(slug, 0),
                }
                for slug in top_attributes(answers["values"])
            ],
            "options": shown_options,
            "considered": considered,  # the options looked at closely (compared or leaned to), for print
            "leaning": next((m.option.name for m in matches if m.option.slug == leaning), _("Not sure yet")),
            "stage": label(choices.STAGES, decision.get("stage")),
            "role": label(choices.ROLES, decision.get("role")),
            "sure": [
                {"text": str(q.text), "answer": str(label(choices.YES_NO, sure_answers[q.key]))}
                for q in choices.SURE_QUESTIONS
            ],
            "chosen_question_keys": [question.key for question in chosen_questions],
            "warning_signs": [
                {"title": sign.text, "explanation": sign.explanation, "refs": keys(sign)} for sign in warning_signs
            ],
            # How to report a side effect and check a practitioner where the patient lives.
            "country_help": {
                "place": place.name,
                "report_side_effect": place.report_side_effect,
                "check_practitioner": place.check_practitioner,
                "checked_on": date_format(place.help_checked_on, "j F Y") if place.help_checked_on else "",
                "refs": keys(place),
            }
            if place and place.has_help
            else None,
            "references": [
                {"key": key, "text": citation_text(reference), "short": citation_text(reference, short=True)}
                for key, reference in cited.items()
            ],
        },
    }


def saved_record(journey: Journey, *, chosen_questions: list[str], own_questions: list[str]) -> dict:
    """What a saved summary stores: the patient's own answers and choices, nothing drawn from the content."""
    return {
        "format": RECORD_FORMAT,
        "journey": {
            "answers": journey.data.get("answers", {}),
            "decision": journey.decision(),
            "compared": journey.compared,
        },
        "chosen_questions": chosen_questions,
        "own_questions": own_questions,
    }


@dataclass(frozen=True)
class Drawn:
    """A saved summary drawn from its release: the export body and the words shown."""

    catalogue: Catalogue
    matches: tuple[Match, ...]
    export: dict
    shown: dict


def draw(summary: SavedSummary) -> Drawn:
    catalogue = summary_catalogue(summary)
    stored = summary.record
    journey = Journey({SESSION_KEY: dict(stored["journey"])}, catalogue)
    matches = match_options(answers=journey.matching_answers(), options=catalogue.options)
    to_ask = questions_to_ask(
        catalogue,
        shown=[match.option for match in matches],
        compared=journey.compared,
        leaning=journey.decision().get("leaning"),
        jurisdiction=journey.answer("country", "jurisdiction"),
        flagged=[match.option.slug for match in matches if match.flags],
    )
    chosen = [question for question in to_ask.offered if question.key in stored["chosen_questions"]]
    record = build_record(
        journey=journey,
        catalogue=catalogue,
        matches=matches,
        questions=[question.text for question in chosen] + list(stored["own_questions"]),
        chosen_questions=chosen,
        warning_signs=to_ask.warning_signs,
        considered=[option.slug for option in to_ask.considered],
    )
    return Drawn(catalogue, matches, record["export"], record["shown"])


def summary_catalogue(summary: SavedSummary) -> Catalogue:
    """The release a summary was made from (empty for one saved before releases existed that release 1 has not
    taken in yet: see `releases.publish_first_release`)."""
    return (catalogue_for_release(summary.release_number) if summary.release_number else None) or EMPTY


def export_body(summary: SavedSummary, drawn: Drawn) -> dict:
    """The export: the summary's own facts, then the body drawn from its release."""
    return {
        "code": summary.display_code,
        "created_at": summary.created_at.isoformat(),
        "expires_at": summary.expires_at.isoformat(),
        "content_version": summary.release_number,
        **drawn.export,
    }
