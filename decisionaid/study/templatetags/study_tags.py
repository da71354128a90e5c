from django import template

from decisionaid.study.forms import KNOWLEDGE_CHOICES

register = template.Library()
_LABELS = dict(KNOWLEDGE_CHOICES)


@register.filter
def knowledge_answer(value: str) -> str:
    """A knowledge-check answer as the patient chose it ("True", "False", "Not sure")."""
    return str(_LABELS.get(value, value))
