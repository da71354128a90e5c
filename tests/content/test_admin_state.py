"""The content admin keeps no per-request state on its ModelAdmin, which threaded workers share between requests."""

import datetime

from django.contrib import admin
from django.contrib.auth.models import User
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import RequestFactory, TestCase
from django.urls import reverse

from decisionaid.content.models import ContentItem, GlossaryTerm
from decisionaid.content.signals import EDITOR_GROUP, REVIEWER_GROUP
from tests.admin_forms import change_form_data, form_data
from tests.content.test_admin import make_user

PUBLISHED, IN_REVIEW = ContentItem.Status.PUBLISHED, ContentItem.Status.IN_REVIEW


def glossary_term(slug: str, **fields) -> GlossaryTerm:
    return GlossaryTerm.objects.create(
        slug=slug,
        term=slug.replace("-", " ").capitalize(),
        definition="A tiny bubble that cells release.",
        status=IN_REVIEW,
        last_reviewed_on=datetime.date(2026, 1, 10),
        next_review_due=datetime.date(2027, 1, 10),
        **fields,
    )


MISSING = object()


def admin_attributes() -> dict[str, object]:
    """Every attribute set on every registered ModelAdmin instance, as "OptionAdmin.name": value."""
    return {
        f"{type(model_admin).__name__}.{name}": value
        for model_admin in admin.site._registry.values()
        for name, value in vars(model_admin).items()
    }


class ChangeFormSave:
    """One change-form save through the admin's own steps, which a test can interleave with another's."""

    def __init__(self, model_admin, user: User, obj, **changes) -> None:
        self.model_admin = model_admin
        self.request = RequestFactory().post(reverse("admin:content_glossaryterm_change", args=[obj.pk]))
        self.request.user = user
        self.request._messages = CookieStorage(self.request)
        form_class = model_admin.get_form(self.request, obj, change=True)
        self.form = form_class({**form_data(form_class(instance=obj)), **changes}, instance=obj)
        assert self.form.is_valid(), self.form.errors

    def save_model(self) -> None:
        obj = self.model_admin.save_form(self.request, self.form, change=True)
        self.model_admin.save_model(self.request, obj, self.form, True)

    def save_related(self) -> list[str]:
        self.model_admin.save_related(self.request, self.form, [], True)
        return [str(message) for message in self.request._messages]


class ConcurrentRequestTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("edna", EDITOR_GROUP)
        cls.reviewer = make_user("rita", REVIEWER_GROUP)
        cls.ready = glossary_term("state-test-ready")
        cls.drafted = glossary_term("state-test-drafted")

    def test_two_saves_at_the_same_moment_each_confirm_their_own_item(self):
        model_admin = admin.site._registry[GlossaryTerm]
        first = ChangeFormSave(model_admin, self.reviewer, self.ready, status=PUBLISHED)
        second = ChangeFormSave(model_admin, self.editor, self.drafted, definition="A very small bubble from cells.")
        # The order two threads can run in: both saves begin before the first one finishes.
        first.save_model()
        second.save_model()
        first_messages = first.save_related()
        second_messages = second.save_related()
        self.ready.refresh_from_db()
        self.drafted.refresh_from_db()
        self.assertEqual(self.ready.status, PUBLISHED)
        self.assertEqual(self.drafted.definition, "A very small bubble from cells.")
        self.assertEqual(self.ready.history.first().history_user, self.reviewer)
        self.assertEqual(self.drafted.history.first().history_user, self.editor)
        self.assertEqual(first_messages, [])  # the confirmation comes with the response, for this request only
        self.assertEqual(second_messages, [])

    def test_no_admin_gains_attributes_from_a_list_page_or_a_saved_change(self):
        before = admin_attributes()
        self.client.force_login(self.reviewer)
        self.assertEqual(self.client.get(reverse("admin:content_glossaryterm_changelist")).status_code, 200)
        self.assertEqual(self.client.get(reverse("admin:content_option_changelist")).status_code, 200)
        url = reverse("admin:content_glossaryterm_change", args=[self.ready.pk])
        data = {**change_form_data(self.client.get(url)), "status": PUBLISHED}
        self.assertContains(self.client.post(url, data, follow=True), "to the working copy")
        after = admin_attributes()
        changed = {name for name in {*before, *after} if before.get(name, MISSING) != after.get(name, MISSING)}
        self.assertEqual(changed, set())
