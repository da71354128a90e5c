"""Admin widgets that show the reading grade of patient-facing text right beside it."""

from __future__ import annotations

from django.contrib.admin.widgets import AdminTextareaWidget, AdminTextInputWidget
from django.utils.html import format_html

from decisionaid.lib.readability import MAX_GRADE, reading_grade


def grade_note(value: str | None) -> str:
    grade = reading_grade(value or "")
    if grade is None:
        return format_html('<p class="help reading-grade">{}</p>', "Reading grade: too short to grade.")
    verdict = "within the limit" if grade <= MAX_GRADE else "above the limit — simplify"
    return format_html(
        '<p class="help reading-grade">Reading grade: US grade {} ({} of {}).</p>',
        grade,
        verdict,
        MAX_GRADE,
    )


class GradedTextarea(AdminTextareaWidget):
    def render(self, name, value, attrs=None, renderer=None):
        return super().render(name, value, attrs, renderer) + grade_note(value)


class GradedTextInput(AdminTextInputWidget):
    def render(self, name, value, attrs=None, renderer=None):
        return super().render(name, value, attrs, renderer) + grade_note(value)
