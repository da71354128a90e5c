"""The admin for content editors and clinical reviewers: roles, the publishing gate, history, review dates."""

import datetime

from django.contrib.auth.models import Group, User
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from decisionaid.content.catalogue import current_catalogue
from decisionaid.content.gate import add_months
from decisionaid.content.models import ContentItem, GlossaryTerm, Option
from decisionaid.content.pack import load_pack
from decisionaid.content.releases import can_publish
from decisionaid.content.signals import EDITOR_GROUP, REVIEWER_GROUP
from tests.admin_forms import change_form_data
from tests.content.test_pack import write_pack
from tests.content_db import clear_content
from tests.factories import option_data
from tests.releases import release_working_copy

PUBLISHED, IN_REVIEW, DRAFT = ContentItem.Status.PUBLISHED, ContentItem.Status.IN_REVIEW, ContentItem.Status.DRAFT


def make_user(name: str, group: str) -> User:
    user = User.objects.create_user(name, password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


class AdminTestCase(TestCase):
    """The admin over a database holding only the test's own glossary term."""

    @classmethod
    def setUpTestData(cls):
        clear_content()
        cls.editor = make_user("edna", EDITOR_GROUP)
        cls.reviewer = make_user("rita", REVIEWER_GROUP)
        cls.other_reviewer = make_user("omar", REVIEWER_GROUP)
        cls.term = GlossaryTerm.objects.create(
            slug="exosome",
            term="Exosome",
            definition="A tiny bubble that cells release. It carries signals.",
            status=IN_REVIEW,
            last_reviewed_on=datetime.date(2026, 1, 10),
            next_review_due=datetime.date(2027, 1, 10),
        )

    def change_url(self, obj) -> str:
        return reverse(f"admin:content_{obj._meta.model_name}_change", args=[obj.pk])

    def post_change(self, user: User, obj, **changes):
        self.client.force_login(user)
        data = change_form_data(self.client.get(self.change_url(obj)))
        data.update(changes)
        return self.client.post(self.change_url(obj), data, follow=True)


class RoleGroupTests(AdminTestCase):
    def test_editors_can_edit_but_not_publish_or_delete_items(self):
        self.assertTrue(self.editor.has_perm("content.change_option"))
        self.assertFalse(can_publish(self.editor))
        self.assertFalse(self.editor.has_perm("content.delete_option"))
        self.assertFalse(self.editor.has_perm("content.add_clinicalsignoff"))

    def test_reviewers_can_publish(self):
        self.assertTrue(can_publish(self.reviewer))

    def test_a_superuser_outside_the_reviewer_group_cannot_publish(self):
        root = User.objects.create_superuser("root", password="a-long-test-password")
        self.assertFalse(can_publish(root))
        root.groups.add(Group.objects.get(name=REVIEWER_GROUP))
        self.assertTrue(can_publish(root))


class WorkingCopyTests(AdminTestCase):
    def test_a_save_says_once_that_the_change_waits_for_a_release(self):
        response = self.post_change(self.editor, self.term, definition="A very small bubble that cells give off.")
        self.assertContains(response, "to the working copy. Patients will see this only after a clinical reviewer")
        self.assertNotContains(response, "successfully")
        self.assertEqual(len(response.context["messages"]), 1)
        self.term.refresh_from_db()
        self.assertEqual(self.term.definition, "A very small bubble that cells give off.")

    def test_anyone_may_mark_an_item_for_the_next_release_which_changes_nothing_live(self):
        self.post_change(self.editor, self.term, status=PUBLISHED)
        self.term.refresh_from_db()
        self.assertEqual(self.term.status, PUBLISHED)
        self.assertEqual(current_catalogue().glossary, ())

    def test_the_change_page_says_how_the_item_stands_against_the_live_release(self):
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(self.change_url(self.term)), "Not in any release (draft)")
        GlossaryTerm.objects.filter(pk=self.term.pk).update(status=PUBLISHED)
        self.assertContains(self.client.get(self.change_url(self.term)), "New: goes live with the next release")
        release_working_copy()
        self.assertContains(self.client.get(self.change_url(self.term)), "Unchanged since release 1")
        self.post_change(self.editor, self.term, definition="A very small bubble that cells give off.")
        page = self.client.get(self.change_url(self.term))
        self.assertContains(page, "Changed by edna on")
        self.assertContains(page, "waits for the next release")
        self.post_change(self.editor, self.term, status=DRAFT)
        self.assertContains(self.client.get(self.change_url(self.term)), "to be removed by the next release")
        changelist = self.client.get(reverse("admin:content_glossaryterm_changelist"))
        self.assertContains(changelist, "to be removed by the next release")


class OptionGateInAdminTests(TestCase):
    """An option missing a reference shows every problem on its page and in the list filter."""

    @classmethod
    def setUpTestData(cls):
        import tempfile
        from pathlib import Path

        folder = Path(tempfile.mkdtemp())
        item = option_data(status="in-review")
        item["side_effects"][0]["references"] = []
        item["what_it_is"] = "The best treatment, with no risk."
        clear_content()
        load_pack(write_pack(folder, options=[item]))
        cls.option = Option.objects.get(slug="microneedling")
        cls.reviewer = make_user("rita", REVIEWER_GROUP)

    def test_the_change_page_lists_every_problem_not_just_the_first(self):
        self.client.force_login(self.reviewer)
        page = self.client.get(reverse("admin:content_option_change", args=[self.option.pk]))
        self.assertContains(page, "side effect 1: cites no reference")
        self.assertContains(page, "best")
        self.assertContains(page, "no risk")

    def test_the_list_filter_finds_items_with_problems(self):
        self.client.force_login(self.reviewer)
        response = self.client.get(reverse("admin:content_option_changelist") + "?checks=problems")
        self.assertContains(response, "Microneedling")
        self.assertContains(response, "problems")
        response = self.client.get(reverse("admin:content_option_changelist") + "?checks=ready")
        self.assertNotContains(response, "/change/")


class ReviewDateAdminTests(AdminTestCase):
    def test_review_due_filter_lists_overdue_items(self):
        GlossaryTerm.objects.filter(pk=self.term.pk).update(
            next_review_due=timezone.localdate() - datetime.timedelta(days=1)
        )
        self.client.force_login(self.reviewer)
        response = self.client.get(reverse("admin:content_glossaryterm_changelist") + "?review=due")
        self.assertContains(response, "Exosome")
        response = self.client.get(reverse("admin:content_glossaryterm_changelist") + "?review=current")
        self.assertNotContains(response, "Exosome</a>")

    def test_mark_reviewed_sets_todays_date_and_a_review_in_12_months(self):
        self.client.force_login(self.reviewer)
        self.client.post(
            reverse("admin:content_glossaryterm_changelist"),
            {"action": "mark_reviewed", "_selected_action": [self.term.pk]},
            follow=True,
        )
        self.term.refresh_from_db()
        today = timezone.localdate()
        self.assertEqual(self.term.last_reviewed_on, today)
        self.assertEqual(self.term.next_review_due, add_months(today, 12))

    def test_an_editor_cannot_mark_content_reviewed(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("admin:content_glossaryterm_changelist"),
            {"action": "mark_reviewed", "_selected_action": [self.term.pk]},
            follow=True,
        )
        self.assertContains(response, "Only a clinical reviewer can mark content reviewed.")
        self.term.refresh_from_db()
        self.assertEqual(self.term.last_reviewed_on, datetime.date(2026, 1, 10))


class ReadabilityInAdminTests(AdminTestCase):
    def test_the_reading_grade_is_shown_beside_patient_facing_text(self):
        self.client.force_login(self.editor)
        response = self.client.get(self.change_url(self.term))
        self.assertContains(response, "Reading grade: US grade")


class HistoryTests(AdminTestCase):
    def test_each_change_is_recorded_with_who_made_it(self):
        self.post_change(self.editor, self.term, definition="A very small bubble that cells give off.")
        record = self.term.history.first()
        self.assertEqual(
            (record.history_user, record.definition), (self.editor, "A very small bubble that cells give off.")
        )
        self.client.force_login(self.reviewer)
        response = self.client.get(reverse("admin:content_glossaryterm_history", args=[self.term.pk]))
        self.assertContains(response, "edna")


class ShippedContentAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.reviewer = make_user("rita", REVIEWER_GROUP)

    def test_every_admin_list_and_change_page_opens(self):
        from django.contrib import admin

        self.client.force_login(User.objects.create_superuser("root", password="a-long-test-password"))
        for model, _model_admin in admin.site._registry.items():
            if model._meta.app_label != "content":
                continue
            with self.subTest(model=model.__name__):
                response = self.client.get(reverse(f"admin:content_{model._meta.model_name}_changelist"))
                self.assertEqual(response.status_code, 200)
                first = model.objects.first()
                if first is not None:
                    response = self.client.get(
                        reverse(f"admin:content_{model._meta.model_name}_change", args=[first.pk])
                    )
                    self.assertEqual(response.status_code, 200)
