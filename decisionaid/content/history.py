"""History that shows only real edits, each with a reason.

Every save of a content row, from the admin, the content pack, a history revert or a shell, stores its text with
"\\n" line endings (`text.normalise_newlines`), so the same text never reads as a change. Every history row gets a
reason: the one set on the instance (`instance._change_reason`, which django-simple-history reads in its
post_save and post_delete), else the one of the enclosing `change_reason(...)` block, else "added", "changed" or
"deleted". `HistoryReasonAdminMixin` gives admin saves a reason naming what the form changed, and an admin save
that changed nothing no history row at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.signals import pre_delete, pre_save
from django.dispatch import receiver
from django.utils import timezone

from decisionaid.content.text import keep_untouched_text, normalise_newlines

ADDED, CHANGED, DELETED = "added", "changed", "deleted"
ADDED_IN_ADMIN = "added in the admin"
DELETED_IN_ADMIN = "deleted in the admin"

_block_reason: ContextVar[str | None] = ContextVar("content_change_reason", default=None)
# The reason this module gave an instance itself, so that a later save of the same instance gets a fresh default
# (an "added" must not stick to the next change) while a reason set by the caller is always kept.
DEFAULT_REASON_ATTR = "_default_change_reason"


@contextmanager
def change_reason(reason: str) -> Iterator[None]:
    """Rows saved or deleted in the block without a reason of their own get `reason` (e.g. the rows a delete
    cascades to)."""
    token = _block_reason.set(reason)
    try:
        yield
    finally:
        _block_reason.reset(token)


def is_content_model(sender: object) -> bool:
    """A model of the content app itself, not one of django-simple-history's historical models."""
    meta = getattr(sender, "_meta", None)
    return meta is not None and meta.app_label == "content" and not sender.__name__.startswith("Historical")


def has_history(model: type[models.Model]) -> bool:
    return hasattr(model._meta, "simple_history_manager_attribute")


def fitted(model: type[models.Model], reason: str) -> str:
    """`reason` shortened to fit the history table's change-reason column."""
    history = getattr(model, model._meta.simple_history_manager_attribute)
    limit = history.model._meta.get_field("history_change_reason").max_length
    if limit is None or len(reason) <= limit:
        return reason
    return reason[: limit - 1].rstrip(" ,") + "…"


def normalise_text_fields(instance: models.Model) -> None:
    deferred = instance.get_deferred_fields()  # reading one would fetch it mid-save
    for field in instance._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)) and field.attname not in deferred:
            value = getattr(instance, field.attname)
            if (normalised := normalise_newlines(value)) is not value:
                setattr(instance, field.attname, normalised)


def has_own_reason(instance: models.Model) -> bool:
    """True if the code saving `instance` gave it a change reason (not a default given here)."""
    current = getattr(instance, "_change_reason", None)
    return bool(current) and current != getattr(instance, DEFAULT_REASON_ATTR, None)


def give_reason(instance: models.Model, default: str) -> None:
    """Give `instance` a change reason unless its caller set one."""
    if has_own_reason(instance):
        instance._change_reason = fitted(type(instance), str(instance._change_reason))
        return
    reason = fitted(type(instance), _block_reason.get() or default)
    instance._change_reason = reason
    setattr(instance, DEFAULT_REASON_ATTR, reason)


@receiver(pre_save)
def normalise_and_give_reason(sender, instance, **kwargs) -> None:
    if not is_content_model(sender):
        return
    normalise_text_fields(instance)
    if has_history(sender):
        give_reason(instance, ADDED if instance._state.adding else CHANGED)


@receiver(pre_delete)
def give_delete_reason(sender, instance, **kwargs) -> None:
    if is_content_model(sender) and has_history(sender):
        give_reason(instance, DELETED)


# --- the admin ---------------------------------------------------------------------------------------------


def changed_fields(form) -> str:
    """The verbose names of the fields `form` changed, e.g. "what it is, how it works"."""
    names = []
    for name in form.changed_data:
        try:
            label = form.instance._meta.get_field(name).verbose_name
        except FieldDoesNotExist:
            label = form.fields[name].label or name
        names.append(str(label))
    return ", ".join(names)


def changed_in_admin(what: str) -> str:
    return f"changed in the admin: {what}" if what else "changed in the admin"


# Set on a request to django-simple-history's past-version form ("revert"): the id of the version it shows.
REVERTING_VERSION = "_reverting_to_version"


def reverted_version(model: type[models.Model], request):
    """The historical row a revert (django-simple-history's past-version form) is saving, else None."""
    version_id = getattr(request, REVERTING_VERSION, None)
    if version_id is None or not has_history(model):
        return None
    history = getattr(model, model._meta.simple_history_manager_attribute)
    return history.filter(history_id=version_id).first()


class HistoryReasonAdminMixin:
    """For a ModelAdmin over a model with history (put it before SimpleHistoryAdmin in the bases).

    A save records why: "added in the admin", "changed in the admin: <the fields changed>", "reverted to the
    version of <date>"; rows of its inlines get their own reasons, and deletes "deleted in the admin". A save
    whose form and inlines changed nothing makes no history row. Untouched text fields are saved as they were
    stored (`text.keep_untouched_text`). Every method calls super(), so an admin's own save logic still runs.
    """

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        setattr(request, REVERTING_VERSION, version_id)  # on the request: this admin is shared by every request
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_form(self, request, form, change):
        if change:
            keep_untouched_text(form)
        return super().save_form(request, form, change)

    def save_model(self, request, obj, form, change):
        skipped = False
        if has_own_reason(obj):
            pass  # the admin's own save logic gave the reason
        elif (version := reverted_version(type(obj), request)) is not None:
            date = timezone.localtime(version.history_date)
            obj._change_reason = f"reverted to the version of {date:%d %B %Y %H:%M}"
        elif not change:
            obj._change_reason = ADDED_IN_ADMIN
        elif form.has_changed():
            obj._change_reason = changed_in_admin(changed_fields(form))
        else:
            # Nothing changed in the form; if an inline did, save_related records the item after all.
            obj.skip_history_when_saving = True
            skipped = True
        try:
            super().save_model(request, obj, form, change)
        finally:
            if skipped:
                del obj.skip_history_when_saving

    def save_formset(self, request, form, formset, change):
        deleted = set(getattr(formset, "deleted_forms", []))
        for row_form in formset.forms:
            row = row_form.instance
            if row_form in deleted:
                row._change_reason = DELETED_IN_ADMIN
            elif row_form.has_changed():
                keep_untouched_text(row_form)
                row._change_reason = ADDED_IN_ADMIN if row._state.adding else changed_in_admin(changed_fields(row_form))
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        changed_inlines = [formset for formset in formsets if formset.has_changed()]
        obj = form.instance
        if change and changed_inlines and not form.has_changed() and not has_own_reason(obj) and has_history(type(obj)):
            # The item's own form was untouched, so save_model made no history row, but its rows changed: record
            # the item too, so that its history shows the edit.
            names = ", ".join(str(formset.model._meta.verbose_name_plural) for formset in changed_inlines)
            history = getattr(type(obj), obj._meta.simple_history_manager_attribute)
            reason = fitted(type(obj), changed_in_admin(names))
            obj._change_reason = reason
            history.bulk_history_create([obj], update=True, default_user=request.user, default_change_reason=reason)

    def delete_model(self, request, obj):
        obj._change_reason = DELETED_IN_ADMIN
        with change_reason(DELETED_IN_ADMIN):  # and the rows deleted with it
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with change_reason(DELETED_IN_ADMIN):
            super().delete_queryset(request, queryset)


@contextmanager
def changes_by(user) -> Iterator[None]:
    """History rows written in the block name `user` (e.g. whoever ran `load_content --author`), as the admin's
    rows name the signed-in user, so the two-person rule knows who made an import's changes."""
    from simple_history.models import HistoricalRecords

    context = HistoricalRecords.context
    before = getattr(context, "request", None)
    context.request = _AuthorOnly(user)
    try:
        yield
    finally:
        if before is None:
            del context.request
        else:
            context.request = before


class _AuthorOnly:
    """Stands in for a request in django-simple-history's context: it reads only `request.user`."""

    def __init__(self, user) -> None:
        self.user = user
