"""Admin URLs whose id cannot be a key of the model answer 404 Not Found, never a server error or a redirect."""

from __future__ import annotations

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404


def checked_key(model: type[models.Model], value: str) -> object:
    """`value`, an id from an admin URL, as `model`'s primary key; Http404 if it cannot be one."""
    try:
        return model._meta.pk.to_python(unquote(value))
    except (ValidationError, ValueError):
        raise Http404(f"No {model._meta.verbose_name} has the id {value!r}.") from None


class MalformedIdNotFoundMixin:
    """For a ModelAdmin: its change, delete and history pages, and django-simple-history's page of one past
    version, answer 404 for an id that is not a key (Django redirects or, for history, fails with a 500)."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        checked_key(self.model, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        checked_key(self.model, object_id)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        checked_key(self.model, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        checked_key(self.model, object_id)
        history = getattr(self.model, self.model._meta.simple_history_manager_attribute)
        checked_key(history.model, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)
