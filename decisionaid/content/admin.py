"""The admin for content editors and clinical reviewers.

Editors change drafts; reviewers publish. The publishing gate's problems show on every change page and as a
list filter, publishing is refused while any remain, and a reviewer cannot publish a change they made. The
admins are shared by every request, so nothing a request works out is kept on them: it travels on the request's
own form or page items. A malformed id in any admin URL answers 404 (`admin_ids`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib import admin, messages
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from decisionaid.content import gate, publishing
from decisionaid.content.admin_ids import MalformedIdNotFoundMixin
from decisionaid.content.history import HistoryReasonAdminMixin
from decisionaid.content.models import (
    ClinicalSignOff,
    Concern,
    ContentItem,
    ContentVersion,
    ContraindicationRule,
    Evidence,
    FaqEntry,
    GlossaryTerm,
    HealthItem,
    Jurisdiction,
    Option,
    Outcome,
    Question,
    Reference,
    RegulatoryStatus,
    SideEffect,
    SiteText,
    WarningSign,
)
from decisionaid.content.text import normalised_formfield
from decisionaid.content.widgets import GradedTextarea, GradedTextInput

WORKFLOW_FIELDSET = (
    "Review and publishing",
    {"fields": ("status", "last_reviewed_on", "next_review_due", "publishing_problems", "changed_by", "published_by")},
)
# Fields whose change is not a change of the content itself.
NON_CONTENT_FIELDS = {"status", "last_reviewed_on", "next_review_due"}
# The attribute that carries an item's publishing problems from the changelist to its "publishing checks" cell.
PAGE_PROBLEMS = "publishing_problems_on_page"


@dataclass(frozen=True)
class PublishIntent:
    """What a change-form save asked for, noted before the item is saved (the status is held back until the
    inlines are saved too)."""

    previous_status: str | None
    wants_publish: bool

    @property
    def was_published(self) -> bool:
        return self.previous_status == ContentItem.Status.PUBLISHED


def graded_widget(db_field: models.Field, kind: str):
    if db_field.name not in gate.PROSE_FIELDS.get(kind, ()):
        return None
    return GradedTextarea if isinstance(db_field, models.TextField) else GradedTextInput


class GradedFieldsMixin:
    """Shows the reading grade beside each patient-facing text field."""

    grade_kind = ""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if widget := graded_widget(db_field, self.grade_kind):
            kwargs["widget"] = widget
        return normalised_formfield(super().formfield_for_dbfield(db_field, request, **kwargs))


class ReviewDueFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("due", "Review due or overdue"), ("soon", "Due within 60 days"), ("current", "Up to date")]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "due":
            return queryset.review_due(today)
        if self.value() == "soon":
            return queryset.filter(next_review_due__gt=today, next_review_due__lte=today + datetime.timedelta(days=60))
        if self.value() == "current":
            return queryset.exclude(pk__in=queryset.review_due(today).values("pk"))
        return queryset


class PublishingChecksFilter(admin.SimpleListFilter):
    title = "publishing checks"
    parameter_name = "checks"

    def lookups(self, request, model_admin):
        return [("problems", "Has problems"), ("ready", "Ready to publish")]

    def queryset(self, request, queryset):
        if self.value() not in {"problems", "ready"}:
            return queryset
        with_problems = [pk for pk, found in publishing.problems_by_pk(queryset).items() if found]
        if self.value() == "problems":
            return queryset.filter(pk__in=with_problems)
        return queryset.exclude(pk__in=with_problems)


@admin.action(description="Mark reviewed today (next review in 12 months)")
def mark_reviewed(modeladmin, request, queryset):
    if not publishing.can_publish(request.user):
        modeladmin.message_user(request, "Only a clinical reviewer can mark content reviewed.", messages.ERROR)
        return
    today = timezone.localdate()
    for item in queryset:
        item.last_reviewed_on = today
        item.next_review_due = gate.add_months(today, gate.REVIEW_INTERVAL_MONTHS)
        item._change_reason = "marked reviewed"
        item.save(update_fields=["last_reviewed_on", "next_review_due", "updated_at"])
    modeladmin.message_user(request, f"Marked {queryset.count()} item(s) reviewed on {today:%d %B %Y}.")


class ContentItemAdmin(HistoryReasonAdminMixin, MalformedIdNotFoundMixin, GradedFieldsMixin, SimpleHistoryAdmin):
    list_filter = ("status", ReviewDueFilter, PublishingChecksFilter)
    readonly_fields = ("publishing_problems", "changed_by", "published_by")
    actions = [mark_reviewed]
    list_per_page = 50
    # A reference URL typed without a scheme means https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by", "published_by")

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if "checks" in changelist.list_display:
            # The "publishing checks" column: one set of queries for the page, kept on the page's own items
            # (never on this admin, which every request shares).
            shown = list(changelist.result_list)
            found = publishing.problems_by_pk(self.model.objects.filter(pk__in=[item.pk for item in shown]))
            for item in shown:
                setattr(item, PAGE_PROBLEMS, found.get(item.pk, []))
        return changelist

    @admin.display(description="publishing checks")
    def checks(self, obj) -> str:
        found = getattr(obj, PAGE_PROBLEMS, None)
        if found is None:
            found = publishing.problems_for(obj)
        return "Ready" if not found else f"{len(found)} problem{'s' if len(found) != 1 else ''}"

    @admin.display(description="Problems that stop publishing")
    def publishing_problems(self, obj) -> str:
        if obj is None or obj.pk is None:
            return "Save the item first; the checks then run on what was saved."
        found = publishing.problems_for(obj)
        if not found:
            return "None: this item passes every publishing check."
        return format_html(
            '<ul class="publishing-problems">{}</ul>',
            format_html_join("", "<li>{}</li>", ((str(problem),) for problem in found)),
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not publishing.can_publish(request.user) and "status" in form.base_fields:
            field = form.base_fields["status"]
            field.choices = [choice for choice in field.choices if choice[0] != ContentItem.Status.PUBLISHED]
            field.help_text = "Editors can save drafts and send them for review; a clinical reviewer publishes."
        return form

    def save_model(self, request, obj, form, change):
        intent = PublishIntent(
            previous_status=type(obj).objects.filter(pk=obj.pk).values_list("status", flat=True).first(),
            wants_publish=obj.status == ContentItem.Status.PUBLISHED,
        )
        # Kept on this request's form for save_related, never on this admin, which every request shares.
        form.publish_intent = intent
        if intent.wants_publish and not intent.was_published:
            # Held back until save_related, when the inlines are saved and the gate can see everything.
            obj.status = intent.previous_status or ContentItem.Status.IN_REVIEW
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj, intent = form.instance, form.publish_intent
        changed_now = bool(set(form.changed_data) - NON_CONTENT_FIELDS) or any(fs.has_changed() for fs in formsets)
        if changed_now:
            type(obj).objects.filter(pk=obj.pk).update(changed_by=request.user)
            obj.changed_by = request.user
        if not intent.wants_publish or (intent.was_published and not changed_now):
            return
        refusal = publishing.publish_refusal(obj, request.user, changed_now=changed_now)
        found = publishing.problems_for(obj)
        if refusal or found:
            if intent.was_published:  # the published text changed, so it goes back to review
                type(obj).objects.filter(pk=obj.pk).update(status=ContentItem.Status.IN_REVIEW)
            reason = refusal or f"{len(found)} problem(s) remain: " + "; ".join(map(str, found))
            self.message_user(request, f"Not published. {reason} Your other changes were saved.", messages.ERROR)
            return
        version = publishing.mark_published(obj, request.user)
        self.message_user(request, f"Published. The site's content version is now {version}.")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        workflow = set(WORKFLOW_FIELDSET[1]["fields"])
        main = [name for name in fieldsets[0][1]["fields"] if name not in workflow]
        return [(None, {"fields": main}), WORKFLOW_FIELDSET]


class OptionChildInline(GradedFieldsMixin, admin.StackedInline):
    extra = 0
    autocomplete_fields = ("references",)


class EvidenceInline(OptionChildInline):
    model = Evidence
    grade_kind = "evidence"


OUTCOME_FIELDS = (
    "concern",
    "kind",
    "description",
    "events",
    "denominator",
    "group",
    "time_frame",
    "certainty",
    "references",
)
SIDE_EFFECT_FIELDS = ("description", "severity", "events", "denominator", "duration", "references")


class OutcomeInline(OptionChildInline):
    model = Outcome
    grade_kind = "outcomes"
    fields = OUTCOME_FIELDS


class SideEffectInline(OptionChildInline):
    model = SideEffect
    grade_kind = "side_effects"
    fields = SIDE_EFFECT_FIELDS


class RegulatoryStatusInline(OptionChildInline):
    model = RegulatoryStatus
    grade_kind = "regulatory"


class ContraindicationRuleInline(OptionChildInline):
    model = ContraindicationRule
    grade_kind = "rules"


@admin.register(Option)
class OptionAdmin(ContentItemAdmin):
    grade_kind = "option"
    list_display = ("name", "slug", "family", "order", "status", "checks", "next_review_due")
    list_filter = ("family", *ContentItemAdmin.list_filter)
    search_fields = ("name", "slug", "what_it_is")
    autocomplete_fields = ("references",)
    inlines = [EvidenceInline, OutcomeInline, SideEffectInline, RegulatoryStatusInline, ContraindicationRuleInline]


@admin.register(Concern)
class ConcernAdmin(ContentItemAdmin):
    grade_kind = "concern"
    list_display = ("name", "slug", "order", "status", "checks", "next_review_due")
    search_fields = ("name", "slug", "description")
    autocomplete_fields = ("references",)


@admin.register(Reference)
class ReferenceAdmin(ContentItemAdmin):
    grade_kind = "reference"
    list_display = ("key", "title", "year", "kind", "verification", "status", "next_review_due")
    list_filter = ("kind", "verification", *ContentItemAdmin.list_filter)
    search_fields = ("key", "title", "authors", "publisher", "doi", "pmid")


@admin.register(Jurisdiction)
class JurisdictionAdmin(ContentItemAdmin):
    grade_kind = "jurisdiction"
    list_display = ("name", "slug", "order", "status", "next_review_due")
    search_fields = ("name", "slug")


@admin.register(HealthItem)
class HealthItemAdmin(ContentItemAdmin):
    grade_kind = "health-item"
    list_display = ("slug", "short_label", "order", "status", "checks", "next_review_due")
    search_fields = ("slug", "question", "short_label")


class ScopedItemAdmin(ContentItemAdmin):
    list_filter = ("scope", "family", *ContentItemAdmin.list_filter)
    autocomplete_fields = ("options", "references")


@admin.register(Question)
class QuestionAdmin(ScopedItemAdmin):
    grade_kind = "question"
    list_display = ("text", "topic", "scope", "family", "status", "checks", "next_review_due")
    list_filter = ("topic", *ScopedItemAdmin.list_filter)
    search_fields = ("key", "text")


@admin.register(WarningSign)
class WarningSignAdmin(ScopedItemAdmin):
    grade_kind = "warning-sign"
    list_display = ("title", "scope", "family", "status", "checks", "next_review_due")
    search_fields = ("key", "title", "explanation")


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(ContentItemAdmin):
    grade_kind = "glossary-term"
    list_display = ("term", "slug", "status", "checks", "next_review_due")
    search_fields = ("term", "definition")


@admin.register(FaqEntry)
class FaqEntryAdmin(ContentItemAdmin):
    grade_kind = "faq"
    list_display = ("question", "order", "status", "checks", "next_review_due")
    search_fields = ("question", "answer")
    autocomplete_fields = ("references",)


@admin.register(ClinicalSignOff)
class ClinicalSignOffAdmin(MalformedIdNotFoundMixin, SimpleHistoryAdmin):
    list_display = ("reviewer_name", "qualifications", "signed_off_on")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not ClinicalSignOff.objects.exists() and super().has_add_permission(request)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return publishing.can_publish(request.user) and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        obj.pk = 1
        super().save_model(request, obj, form, change)


@admin.register(SiteText)
class SiteTextAdmin(ContentItemAdmin):
    grade_kind = "site-text"
    list_display = ("title", "slug", "status", "checks", "next_review_due")
    search_fields = ("title", "body")


class OptionChildAdmin(HistoryReasonAdminMixin, MalformedIdNotFoundMixin, GradedFieldsMixin, SimpleHistoryAdmin):
    """The option's rows on their own, for searching across options; editing them counts as changing the option."""

    autocomplete_fields = ("references",)
    list_select_related = ("option",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        note_option_changed(obj.option, request.user)

    def delete_model(self, request, obj):
        option = obj.option
        super().delete_model(request, obj)
        note_option_changed(option, request.user)


def note_option_changed(option: Option, user) -> None:
    """A changed row changes its option: record who changed it, and send a published option back to review."""
    updates = {"changed_by": user}
    if option.status == ContentItem.Status.PUBLISHED:
        updates["status"] = ContentItem.Status.IN_REVIEW
    Option.objects.filter(pk=option.pk).update(**updates)


@admin.register(Evidence)
class EvidenceAdmin(OptionChildAdmin):
    grade_kind = "evidence"
    list_display = ("option", "concern", "certainty", "is_marketed_for")
    list_filter = ("certainty", "concern", "is_marketed_for", "option__family")
    search_fields = ("option__name", "summary")


@admin.register(Outcome)
class OutcomeAdmin(OptionChildAdmin):
    grade_kind = "outcomes"
    fields = ("option", *OUTCOME_FIELDS)
    list_display = ("description", "option", "concern", "kind", "events", "denominator", "certainty")
    list_filter = ("kind", "certainty", "concern", "option__family")
    search_fields = ("option__name", "description", "group")


@admin.register(SideEffect)
class SideEffectAdmin(OptionChildAdmin):
    grade_kind = "side_effects"
    fields = ("option", *SIDE_EFFECT_FIELDS)
    list_display = ("description", "option", "severity", "events", "denominator")
    list_filter = ("severity", "option__family")
    search_fields = ("option__name", "description")


@admin.register(RegulatoryStatus)
class RegulatoryStatusAdmin(OptionChildAdmin):
    grade_kind = "regulatory"
    list_display = ("option", "jurisdiction", "status", "as_of")
    list_filter = ("status", "jurisdiction", "option__family")
    search_fields = ("option__name", "explanation")
    list_select_related = ("option", "jurisdiction")


@admin.register(ContraindicationRule)
class ContraindicationRuleAdmin(OptionChildAdmin):
    grade_kind = "rules"
    list_display = ("option", "health_item", "skin_types", "level")
    list_filter = ("level", "health_item", "option__family")
    search_fields = ("option__name", "explanation")
    list_select_related = ("option", "health_item")


@admin.register(ContentVersion)
class ContentVersionAdmin(MalformedIdNotFoundMixin, admin.ModelAdmin):
    list_display = ("number", "changed_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


admin.site.site_header = "Skin treatment decision aid — content"
admin.site.site_title = "Decision aid content"
admin.site.index_title = "Clinical content"
