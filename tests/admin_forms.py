"""Turn a rendered admin change page into the POST data its Save button would send."""

from __future__ import annotations

import datetime


def _as_post_value(value):
    if value is None or value is False:
        return None
    if value is True:
        return "on"
    if isinstance(value, (list, tuple)):
        return [str(getattr(v, "pk", v)) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(getattr(value, "pk", value))


def _add_form(data: dict, form) -> None:
    for name in form.fields:
        value = _as_post_value(form[name].value())
        if value is not None:
            data[form.add_prefix(name)] = value


def form_data(form) -> dict:
    """The POST data that sends `form` back unchanged."""
    data: dict = {}
    _add_form(data, form)
    return data


def change_form_data(response) -> dict:
    data: dict = {}
    _add_form(data, response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        _add_form(data, formset.management_form)
        for form in formset.initial_forms:
            _add_form(data, form)
    return data
