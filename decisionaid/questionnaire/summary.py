"""Turning a finished journey into a saved summary record, and a record into the export.

The record keeps two things: `export`, the machine-readable body in the agreed format (product.md §3 slugs),
and `shown`, the words the patient saw, so a summary always reads as it did when saved even after the
content changes.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from decisionaid.content import vocabulary
from decisionaid.content.catalogue import Catalogue, ReferenceFacts, ScopedFacts
from decisionaid.content.vocabulary import Certainty, RegulatoryStatusCode
from decisionaid.questionnaire import choices
from decisionaid.questionnaire.decision import score_sure
from decisionaid.questionnaire.matching import Match, top_attributes
from decisionaid.questionnaire.models import SavedSummary
from decisionaid.questionnaire.steps import Journey

ANSWER_KEYS = (
    "concern",
    "other_concerns",
    "goals",
    "skin_type",
    "age_band",
    "jurisdiction",
    "health",
    "limits",
    "values",
)
OPTION_KEYS = ("slug", "name", "certainty", "flags", "regulatory", "exceeds_limits")


def label(options, code) -> str:
    return str(dict(options).get(code, code or ""))


def export_answers(journey: Journey) -> dict:
    limits = journey.matching_answers()
    return {
        "concern": journey.answer("concern", "concern"),
        "other_concerns": list(journey.answer("concern", "other_concerns", [])),
        "goals": {key: journey.answer("goals", key) for key in ("result", "timing", "duration")},
        "skin_type": journey.answer("about-you", "skin_type"),
        "age_band": journey.answer("about-you", "age_band"),
        "jurisdiction": journey.answer("country", "jurisdiction"),
        "health": journey.health_answers(),
        "limits": {"max_downtime_days": limits.max_downtime_days, "budget": limits.budget_usd},
        "values": journey.values(),
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
                "evidence": match.evidence.summary if match.evidence else "",
                "expected_improvement": match.evidence.expected_improvement if match.evidence else "",
                "evidence_refs": keys(match.evidence) if match.evidence else [],
                "ratings": dict(match.ratings),
                "flags": [
                    {
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
                    "as_of": match.status.as_of.isoformat() if match.status and match.status.as_of else None,
                    "refs": keys(match.status) if match.status else [],
                },
                "limit_notes": [note.text for note in match.limit_notes],
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
            "references": [
                {"key": key, "text": citation_text(reference), "short": citation_text(reference, short=True)}
                for key, reference in cited.items()
            ],
        },
    }


def citation_text(reference: ReferenceFacts, *, short: bool = False) -> str:
    """A reference as one line of plain text, for a saved summary's numbered list.

    The short form, for the two-page printout, names only the first author when there are more than two, and
    is the same for every point that rests on common knowledge, so the printout lists those once.
    """
    if reference.is_commonly_known:
        if short:
            return "No published source found: based on common clinical knowledge; still to be checked."
        return f"No source found: {reference.title}. Based on common clinical knowledge; still to be checked."
    authors = reference.authors
    if short and len(names := [name.strip() for name in authors.split(",") if name.strip()]) > 2:
        authors = f"{names[0]}, et al"
    parts = [authors, reference.title, " ".join(filter(None, [reference.publisher, str(reference.year or "")]))]
    text = ". ".join(part.strip().rstrip(".") for part in parts if part and part.strip()) + "."
    if reference.doi:
        text += f" doi:{reference.doi}"
    elif reference.pmid:
        text += f" PMID {reference.pmid}"
    elif reference.url:
        text += f" {reference.url}"
    return text


def _in_order(mapping: dict, keys) -> dict:
    """`mapping` with its keys in the agreed order (PostgreSQL's jsonb does not keep the order they were saved in)."""
    return {key: mapping[key] for key in keys if key in mapping} | {k: v for k, v in mapping.items() if k not in keys}


def export_body(summary: SavedSummary) -> dict:
    """The export, with every object's keys in the agreed order."""
    body = summary.record["export"]
    answers = body["answers"]
    return {
        "code": summary.display_code,
        "created_at": summary.created_at.isoformat(),
        "expires_at": summary.expires_at.isoformat(),
        "content_version": summary.release_number,
        "answers": _in_order(
            {
                **answers,
                "goals": _in_order(answers["goals"], ("result", "timing", "duration")),
                "health": _in_order(answers["health"], vocabulary.HEALTH_ITEM_SLUGS),
                "limits": _in_order(answers["limits"], ("max_downtime_days", "budget")),
                "values": _in_order(answers["values"], choices.ATTRIBUTE_SLUGS),
            },
            ANSWER_KEYS,
        ),
        "options": [
            _in_order(
                {
                    **option,
                    "flags": [_in_order(flag, ("level", "item", "reason")) for flag in option["flags"]],
                    "regulatory": _in_order(option["regulatory"], ("jurisdiction", "status", "as_of")),
                },
                OPTION_KEYS,
            )
            for option in body["options"]
        ],
        "decision": _in_order(body["decision"], ("leaning", "stage", "role")),
        "sure": _in_order(
            {**body["sure"], "answers": _in_order(body["sure"]["answers"], choices.SURE_KEYS)},
            ("answers", "score", "conflict"),
        ),
        "questions": body["questions"],
    }
