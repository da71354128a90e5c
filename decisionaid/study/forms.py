"""The study's forms: the knowledge check and the SURE test asked before the options page."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from decisionaid.content.catalogue import KnowledgeFacts
from decisionaid.questionnaire import choices
from decisionaid.questionnaire.choices import SURE_QUESTIONS
from decisionaid.questionnaire.forms import JourneyForm, radio
from decisionaid.study.knowledge import FALSE, TRUE, UNSURE

KNOWLEDGE_CHOICES = [(TRUE, _("True")), (FALSE, _("False")), (UNSURE, _("Not sure"))]


class KnowledgeForm(JourneyForm):
    """One true / false / not sure question per statement; a value outside those is a form error."""

    def __init__(self, *args, items: Iterable[KnowledgeFacts], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for item in items:
            self.fields[item.slug] = radio(item.statement, KNOWLEDGE_CHOICES)


class KnowledgeAndSureForm(KnowledgeForm):
    """Before the options page: the knowledge check, then the four SURE questions, word for word as the
    decision step asks them."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for question in SURE_QUESTIONS:
            self.fields[f"sure_{question.key}"] = radio(question.text, choices.YES_NO)

    def knowledge(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if not name.startswith("sure_")}

    def sure(self) -> dict:
        return {question.key: self.cleaned_data[f"sure_{question.key}"] for question in SURE_QUESTIONS}
