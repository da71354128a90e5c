"""Line endings: every stored text uses "\\n" only, whatever sent it.

Browsers send a textarea's lines joined by "\\r\\n". Stored as sent, an untouched field differs from what is in
the database, so saving an untouched form rewrote it, history showed edits nobody made, and the content pack got
one-line "…\\r\\n…" strings. `normalise_newlines` is the one rule; the admin's text form fields apply it in
`to_python`, so Django's `has_changed` sees an untouched textarea as unchanged (`history` applies it to every
saved row, and the pack to what it reads and writes).

Django's text form fields also strip the ends of what is sent, so a text loaded from the pack with a final line
break ("…\\n", a YAML block scalar) would lose it on every save. The fields therefore compare the stored text
cleaned the same way, and `keep_untouched_text` puts the stored text back in fields the form did not change.
"""

from __future__ import annotations

from functools import cache

from django import forms
from django.core.exceptions import ValidationError


def normalise_newlines(value):
    """`value` with "\\r\\n" and lone "\\r" made "\\n"; anything that is not a string is returned as is."""
    if not isinstance(value, str) or "\r" not in value:
        return value
    return value.replace("\r\n", "\n").replace("\r", "\n")


class NormalisedNewlinesMixin:
    """For a form field that takes text: line endings are normalised before anything else looks at the value."""

    def to_python(self, value):
        return super().to_python(normalise_newlines(value))

    def has_changed(self, initial, data):
        if isinstance(initial, str):
            # Compare like with like: the stored "line\n" and the submitted "line\r\n" (stripped) are the same text.
            try:
                initial = self.to_python(initial)
            except ValidationError:
                pass
        return super().has_changed(initial, data)


@cache
def normalised_field_class(field_class: type[forms.Field]) -> type[forms.Field]:
    """`field_class` with `NormalisedNewlinesMixin` (one class per field class, made once)."""
    if issubclass(field_class, NormalisedNewlinesMixin):
        return field_class
    return type(f"Normalised{field_class.__name__}", (NormalisedNewlinesMixin, field_class), {"__module__": __name__})


NormalisedCharField = normalised_field_class(forms.CharField)


def normalised_formfield(formfield: forms.Field | None) -> forms.Field | None:
    """The admin's form field for a model field, made to normalise line endings if it takes free text (a
    `forms.CharField` or one of its subclasses: URLs, slugs...). Its widget and every other setting are kept,
    so this wraps whatever `formfield_for_dbfield` built, e.g. a graded textarea."""
    if isinstance(formfield, forms.CharField):
        formfield.__class__ = normalised_field_class(type(formfield))
    return formfield


def keep_untouched_text(form: forms.BaseForm) -> None:
    """Put the stored text back in each text field of a bound, valid model form that the form did not change,
    so an untouched field is saved byte for byte as it was (not stripped of a final line break). Only for an
    instance that is already stored: a new one has nothing to keep."""
    instance = getattr(form, "instance", None)
    if instance is None or instance._state.adding:
        return
    changed = set(form.changed_data)
    for name, field in form.fields.items():
        if name in changed or name not in form.initial or not isinstance(field, NormalisedNewlinesMixin):
            continue
        if hasattr(instance, name):
            setattr(instance, name, normalise_newlines(form.initial[name]))
