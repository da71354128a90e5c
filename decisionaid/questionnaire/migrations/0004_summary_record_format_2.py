"""Saved summaries store only what the patient said; their words are drawn again from their release.

Records saved before (format 1: the export and the words shown) are turned into format 2 from their export's
answers. Summaries saved before releases existed are attached to release 1 when it is published.
"""

from django.db import migrations

NO_LIMIT = "any"


def _as_format_2(record: dict, steps) -> dict:
    export, shown = record.get("export", {}), record.get("shown", {})
    answers = export.get("answers", {})
    goals, limits, health = answers.get("goals", {}), answers.get("limits", {}), answers.get("health", {})

    def code(value) -> str:
        return NO_LIMIT if value is None else str(value)

    stored = {
        "concern": {"concern": answers.get("concern"), "other_concerns": answers.get("other_concerns", [])},
        "goals": {key: goals.get(key) for key in ("result", "timing", "duration")},
        "about-you": {"skin_type": answers.get("skin_type"), "age_band": answers.get("age_band")},
        "country": {"jurisdiction": answers.get("jurisdiction")},
        "limits": {"max_downtime": code(limits.get("max_downtime_days")), "budget": code(limits.get("budget"))},
        "values": {key: str(value) for key, value in answers.get("values", {}).items()},
    }
    for step in steps:
        if step.slug.startswith("health"):
            stored[step.slug] = {slug: health[slug] for slug in step.form_class.items if slug in health}
    chosen = shown.get("chosen_question_keys", [])
    return {
        "format": 2,
        "journey": {
            "answers": stored,
            "decision": {**export.get("decision", {}), **export.get("sure", {}).get("answers", {})},
            "compared": shown.get("considered", []),
        },
        "chosen_questions": chosen,
        "own_questions": export.get("questions", [])[len(chosen) :],
    }


def to_format_2(apps, schema_editor):
    SavedSummary = apps.get_model("questionnaire", "SavedSummary")
    old = SavedSummary.objects.exclude(record__format=2)
    if not old.exists():
        return
    from decisionaid.questionnaire.steps import STEPS  # only when there is something to convert

    for summary in old.iterator():
        summary.record = _as_format_2(summary.record, STEPS)
        summary.save(update_fields=["record"])


class Migration(migrations.Migration):
    dependencies = [("questionnaire", "0003_summary_release")]

    operations = [migrations.RunPython(to_format_2, migrations.RunPython.noop)]
