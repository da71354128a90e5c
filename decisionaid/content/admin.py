"""The admin for content editors and clinical reviewers: it edits the working copy only.

Saving, reverting from history, deleting rows or items and bulk actions change the working copy; patients see a
change only once a clinical reviewer who did not make it publishes a release (`release_admin.py`). Every change
page shows the item's publishing problems (all of them) and how it differs from the current release. The admins
are shared by every request, so nothing a request works out is kept on them. A malformed id in any admin URL
answers 404 (`admin_ids`).
"""

from __future__ import annotations

import datetime

from django.contrib import admin, messages
from django.db import models
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from decisionaid.content import gate, publishing, releases
from decisionaid.content.admin_ids import MalformedIdNotFoundMixin
from decisionaid.content.history import HistoryReasonAdminMixin
from decisionaid.content.models import (
    ClinicalSignOff,
    Concern,
    ContraindicationRule,
    Disclosure,
    Evidence,
    FaqEntry,
    GlossaryTerm,
    HealthItem,
    Jurisdiction,
    KnowledgeItem,
    Option,
    Outcome,
    Question,
    Reference,
    RegulatoryStatus,
    Release,
    SideEffect,
    SiteText,
    WarningSign,
)
from decisionaid.content.text import normalised_formfield
from decisionaid.content.widgets import GradedTextarea, GradedTextInput

WORKFLOW_FIELDSET = (
    "Review and releases",
    {"fields": ("status", "last_reviewed_on", "next_review_due", "release_status", "publishing_problems")},
)
# The attributes that carry an item's problems and release status from the changelist to its cells.
PAGE_PROBLEMS = "publishing_problems_on_page"
PAGE_RELEASE_STATUS = "release_status_on_page"
# Set on a request whose save changed the working copy, so the confirmation says what happens next.
SAVED_TO_WORKING_COPY = "_saved_to_working_copy"


def working_copy_message(request: HttpRequest, item) -> str:
    return format_html(
        "Saved “{}” to the working copy. Patients will see this only after a clinical reviewer who did not make "
        'the change publishes a release (<a href="{}">see what the next release would change</a>).',
        item,
        reverse("admin:content_release_publish"),
    )


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
    if not releases.can_publish(request.user):
        modeladmin.message_user(request, "Only a clinical reviewer can mark content reviewed.", messages.ERROR)
        return
    today = timezone.localdate()
    for item in queryset:
        item.last_reviewed_on = today
        item.next_review_due = gate.add_months(today, gate.REVIEW_INTERVAL_MONTHS)
        item._change_reason = "marked reviewed"
        item.save(update_fields=["last_reviewed_on", "next_review_due", "updated_at"])
    modeladmin.message_user(request, f"Marked {queryset.count()} item(s) reviewed on {today:%d %B %Y}.")


class WorkingCopyMessageMixin:
    """After a save, one message saying the change waits for a release instead of Django's "changed
    successfully", which would read as if patients saw it already."""

    def message_user(self, request, message, level=messages.INFO, extra_tags="", fail_silently=False):
        saved = getattr(request, SAVED_TO_WORKING_COPY, None)
        if saved is not None and level == messages.SUCCESS:
            message = working_copy_message(request, saved)
        super().message_user(request, message, level, extra_tags, fail_silently)


class ContentItemAdmin(
    WorkingCopyMessageMixin, HistoryReasonAdminMixin, MalformedIdNotFoundMixin, GradedFieldsMixin, SimpleHistoryAdmin
):
    list_filter = ("status", ReviewDueFilter, PublishingChecksFilter)
    readonly_fields = ("publishing_problems", "release_status")
    actions = [mark_reviewed]
    list_per_page = 50
    # A reference URL typed without a scheme means https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        # The "publishing checks" and "release" columns: one set of queries for the page, kept on the page's own
        # items (never on this admin, which every request shares).
        shown = list(changelist.result_list)
        on_page = self.model.objects.filter(pk__in=[item.pk for item in shown])
        problems = publishing.problems_by_pk(on_page) if "checks" in changelist.list_display else {}
        statuses = releases.release_status_by_pk(on_page)
        for item in shown:
            setattr(item, PAGE_PROBLEMS, problems.get(item.pk, []))
            setattr(item, PAGE_RELEASE_STATUS, statuses.get(item.pk, ""))
        return changelist

    @admin.display(description="publishing checks")
    def checks(self, obj) -> str:
        found = getattr(obj, PAGE_PROBLEMS, None)
        if found is None:
            found = publishing.problems_for(obj)
        return "Ready" if not found else f"{len(found)} problem{'s' if len(found) != 1 else ''}"

    @admin.display(description="compared with the live release")
    def release_status(self, obj) -> str:
        if obj is None or obj.pk is None:
            return "New: not in any release yet."
        found = getattr(obj, PAGE_RELEASE_STATUS, None)
        return (
            found if found is not None else releases.release_status_by_pk(type(obj).objects.filter(pk=obj.pk))[obj.pk]
        )

    @admin.display(description="Problems that stop a release")
    def publishing_problems(self, obj) -> str:
        if obj is None or obj.pk is None:
            return "Save the item first; the checks then run on what was saved."
        found = publishing.problems_for(obj)
        if not found:
            return "None: this item passes every publishing check."
        return format_html(
            '<p>{} problem(s):</p><ul class="publishing-problems">{}</ul>',
            len(found),
            format_html_join("", "<li>{}</li>", ((publishing.described(problem, type(obj)),) for problem in found)),
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        setattr(request, SAVED_TO_WORKING_COPY, form.instance)

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
    list_display = ("name", "slug", "family", "order", "status", "release_status", "checks", "next_review_due")
    list_filter = ("family", *ContentItemAdmin.list_filter)
    search_fields = ("name", "slug", "what_it_is")
    autocomplete_fields = ("references",)
    inlines = [EvidenceInline, OutcomeInline, SideEffectInline, RegulatoryStatusInline, ContraindicationRuleInline]


@admin.register(Concern)
class ConcernAdmin(ContentItemAdmin):
    grade_kind = "concern"
    list_display = ("name", "slug", "order", "status", "release_status", "checks", "next_review_due")
    search_fields = ("name", "slug", "description")
    autocomplete_fields = ("references",)


@admin.register(Reference)
class ReferenceAdmin(ContentItemAdmin):
    grade_kind = "reference"
    list_display = ("key", "title", "year", "kind", "verification", "status", "release_status", "next_review_due")
    list_filter = ("kind", "verification", *ContentItemAdmin.list_filter)
    search_fields = ("key", "title", "authors", "publisher", "doi", "pmid")


@admin.register(Jurisdiction)
class JurisdictionAdmin(ContentItemAdmin):
    grade_kind = "jurisdiction"
    list_display = ("name", "slug", "order", "status", "release_status", "next_review_due")
    search_fields = ("name", "slug")


@admin.register(HealthItem)
class HealthItemAdmin(ContentItemAdmin):
    grade_kind = "health-item"
    list_display = ("slug", "short_label", "order", "status", "release_status", "checks", "next_review_due")
    search_fields = ("slug", "question", "short_label")


class ScopedItemAdmin(ContentItemAdmin):
    list_filter = ("scope", "family", *ContentItemAdmin.list_filter)
    autocomplete_fields = ("options", "references", "jurisdictions")


@admin.register(Question)
class QuestionAdmin(ScopedItemAdmin):
    grade_kind = "question"
    list_display = ("text", "topic", "scope", "family", "status", "release_status", "checks", "next_review_due")
    list_filter = ("topic", *ScopedItemAdmin.list_filter)
    search_fields = ("key", "text")


@admin.register(WarningSign)
class WarningSignAdmin(ScopedItemAdmin):
    grade_kind = "warning-sign"
    list_display = ("title", "scope", "family", "status", "release_status", "checks", "next_review_due")
    search_fields = ("key", "title", "explanation")


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(ContentItemAdmin):
    grade_kind = "glossary-term"
    list_display = ("term", "slug", "status", "release_status", "checks", "next_review_due")
    search_fields = ("term", "definition")


@admin.register(FaqEntry)
class FaqEntryAdmin(ContentItemAdmin):
    grade_kind = "faq"
    list_display = ("question", "order", "status", "release_status", "checks", "next_review_due")
    search_fields = ("question", "answer")
    autocomplete_fields = ("references",)


@admin.register(KnowledgeItem)
class KnowledgeItemAdmin(ContentItemAdmin):
    grade_kind = "knowledge-item"
    list_display = ("statement", "is_true", "order", "status", "release_status", "checks", "next_review_due")
    list_filter = ("concerns", *ContentItemAdmin.list_filter)
    search_fields = ("slug", "statement", "explanation")
    filter_horizontal = ("concerns",)
    autocomplete_fields = ("references",)


@admin.register(Disclosure)
class DisclosureAdmin(
    WorkingCopyMessageMixin, HistoryReasonAdminMixin, MalformedIdNotFoundMixin, GradedFieldsMixin, SimpleHistoryAdmin
):
    """Authors, funder and conflicts of interest: working copy, published with the next release."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not Disclosure.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change):
        obj.pk = 1
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        setattr(request, SAVED_TO_WORKING_COPY, form.instance)


@admin.register(ClinicalSignOff)
class ClinicalSignOffAdmin(HistoryReasonAdminMixin, MalformedIdNotFoundMixin, GradedFieldsMixin, SimpleHistoryAdmin):
    """An independent clinician's sign-off of a release, recorded by a clinical reviewer."""

    list_display = ("release", "reviewer_name", "qualifications", "signed_off_on", "recorded_by")
    fields = ("release", "reviewer_name", "qualifications", "signed_off_on")

    def get_readonly_fields(self, request, obj=None):
        return ("release",) if obj else ()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return releases.can_publish(request.user)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return releases.can_publish(request.user)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_changeform_initial_data(self, request):
        live = Release.objects.order_by("-number").values_list("pk", flat=True).first()
        return {"release": live, "signed_off_on": timezone.localdate()}

    def save_model(self, request, obj, form, change):
        obj.recorded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(SiteText)
class SiteTextAdmin(ContentItemAdmin):
    grade_kind = "site-text"
    list_display = ("title", "slug", "status", "release_status", "checks", "next_review_due")
    search_fields = ("title", "body")


class OptionChildAdmin(
    WorkingCopyMessageMixin, HistoryReasonAdminMixin, MalformedIdNotFoundMixin, GradedFieldsMixin, SimpleHistoryAdmin
):
    """The option's rows on their own, for searching across options; editing them counts as changing the option."""

    autocomplete_fields = ("references",)
    list_select_related = ("option",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        setattr(request, SAVED_TO_WORKING_COPY, obj.option)


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


admin.site.site_header = "Skin treatment decision aid — content"
admin.site.site_title = "Decision aid content"
admin.site.index_title = "Clinical content"

from decisionaid.content import release_admin  # noqa: E402, F401  (the release pages register themselves)
