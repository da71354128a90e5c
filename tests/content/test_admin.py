"""The admin for content editors and clinical reviewers: roles, the publishing gate, history, review dates."""

import datetime

from django.contrib.auth.models import Group, User
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from decisionaid.content.gate import add_months
from decisionaid.content.models import ContentItem, ContentVersion, GlossaryTerm, Option
from decisionaid.content.pack import load_pack
from decisionaid.content.signals import EDITOR_GROUP, REVIEWER_GROUP
from tests.admin_forms import change_form_data
from tests.content.test_pack import write_pack
from tests.content_db import clear_content
from tests.factories import option_data

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
    def test_editors_can_edit_but_not_publish(self):
        self.assertTrue(self.editor.has_perm("content.change_option"))
        self.assertFalse(self.editor.has_perm("content.publish_content"))
        self.assertFalse(self.editor.has_perm("content.delete_option"))

    def test_reviewers_can_publish(self):
        self.assertTrue(self.reviewer.has_perm("content.publish_content"))


class PublishingRoleTests(AdminTestCase):
    def test_an_editor_is_not_offered_the_published_status(self):
        self.client.force_login(self.editor)
        response = self.client.get(self.change_url(self.term))
        self.assertNotContains(response, '<option value="published"')
        self.post_change(self.editor, self.term, status=PUBLISHED)
        self.term.refresh_from_db()
        self.assertEqual(self.term.status, IN_REVIEW)

    def test_a_reviewer_publishes_an_editors_change_and_the_version_rises(self):
        self.post_change(self.editor, self.term, definition="A very small bubble that cells give off.")
        before = ContentVersion.current()
        response = self.post_change(self.reviewer, self.term, status=PUBLISHED)
        self.assertContains(response, "Published. The site&#x27;s content version is now")
        self.term.refresh_from_db()
        self.assertEqual((self.term.status, self.term.published_by), (PUBLISHED, self.reviewer))
        self.assertEqual(ContentVersion.current(), before + 1)

    def test_a_reviewer_cannot_publish_their_own_change(self):
        self.post_change(self.reviewer, self.term, definition="A very small bubble that cells give off.")
        response = self.post_change(self.reviewer, self.term, status=PUBLISHED)
        self.assertContains(response, "You made this change yourself, so another clinical reviewer must publish it.")
        self.term.refresh_from_db()
        self.assertEqual(self.term.status, IN_REVIEW)
        self.post_change(self.other_reviewer, self.term, status=PUBLISHED)
        self.term.refresh_from_db()
        self.assertEqual(self.term.status, PUBLISHED)

    def test_editing_a_published_item_sends_it_back_to_review(self):
        self.post_change(self.editor, self.term, definition="A very small bubble that cells give off.")
        self.post_change(self.reviewer, self.term, status=PUBLISHED)
        self.post_change(self.editor, self.term, definition="A tiny sac released by cells.", status=IN_REVIEW)
        self.term.refresh_from_db()
        self.assertEqual((self.term.status, self.term.changed_by), (IN_REVIEW, self.editor))


class OptionGateInAdminTests(TestCase):
    """An option missing a reference cannot be published, and the admin says why."""

    @classmethod
    def setUpTestData(cls):
        import tempfile
        from pathlib import Path

        folder = Path(tempfile.mkdtemp())
        item = option_data(status="in-review")
        item["side_effects"][0]["references"] = []
        clear_content()
        load_pack(write_pack(folder, options=[item]))
        cls.option = Option.objects.get(slug="microneedling")
        cls.reviewer = make_user("rita", REVIEWER_GROUP)

    def test_publishing_is_refused_and_the_problem_is_shown(self):
        self.client.force_login(self.reviewer)
        url = reverse("admin:content_option_change", args=[self.option.pk])
        page = self.client.get(url)
        self.assertContains(page, "side effect 1: cites no reference")
        data = change_form_data(page)
        data["status"] = PUBLISHED
        response = self.client.post(url, data, follow=True)
        self.assertContains(response, "Not published. 1 problem(s) remain: side effect 1: cites no reference")
        self.option.refresh_from_db()
        self.assertEqual(self.option.status, IN_REVIEW)

    def test_adding_the_reference_in_the_inline_lets_it_be_published(self):
        self.client.force_login(self.reviewer)
        url = reverse("admin:content_option_change", args=[self.option.pk])
        data = change_form_data(self.client.get(url))
        reference_pk = str(self.option.evidence.get().references.get().pk)
        data["side_effects-0-references"] = [reference_pk]
        data["status"] = PUBLISHED
        self.client.post(url, data, follow=True)
        self.option.refresh_from_db()
        # The reviewer changed the content themselves, so it waits for a second reviewer.
        self.assertEqual((self.option.status, self.option.changed_by), (IN_REVIEW, self.reviewer))
        second = make_user("omar", REVIEWER_GROUP)
        self.client.force_login(second)
        data = change_form_data(self.client.get(url))
        data["status"] = PUBLISHED
        self.client.post(url, data, follow=True)
        self.option.refresh_from_db()
        self.assertEqual(self.option.status, PUBLISHED)

    def test_the_list_filter_finds_items_with_problems(self):
        self.client.force_login(self.reviewer)
        response = self.client.get(reverse("admin:content_option_changelist") + "?checks=problems")
        self.assertContains(response, "Microneedling")
        self.assertContains(response, "1 problem")
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
