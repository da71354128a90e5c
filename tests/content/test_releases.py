"""Content releases: nothing an editor or reviewer does in the admin reaches a patient until another clinical
reviewer publishes a release that passes the publishing gate; summaries keep the release they were made from."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path
from unittest import mock

from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.db import DatabaseError
from django.test import Client, TestCase
from django.urls import reverse

from decisionaid.content import releases
from decisionaid.content.models import (
    ContraindicationRule,
    Disclosure,
    Evidence,
    FaqEntry,
    Option,
    Release,
)
from decisionaid.content.signals import EDITOR_GROUP, REVIEWER_GROUP
from decisionaid.summaries.models import SavedSummary
from tests.admin_forms import change_form_data
from tests.questionnaire.journey import answer_all_steps, decide, save_summary

PUBLIC_PAGES = (
    "/",
    "/treatments/",
    "/treatments/microneedling/",
    "/treatments/no-procedure/",
    "/questions-people-ask/",
    "/glossary/",
    "/about/",
)
NEW_SENTENCE = "Microneedling uses a pen with many fine needles to make tiny wounds in the top layers of the skin."


def make_user(name: str, group: str | None, **extra) -> User:
    user = User.objects.create_user(name, password="a-long-test-password", is_staff=True, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


class ReleaseTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("edna", EDITOR_GROUP)
        cls.reviewer = make_user("rita", REVIEWER_GROUP)
        cls.other_reviewer = make_user("omar", REVIEWER_GROUP)
        cls.microneedling = Option.objects.get(slug="microneedling")

    def setUp(self):
        self.patient = Client()
        answer_all_steps(self.patient, concern="acne-scars")

    def public_pages(self) -> dict[str, bytes]:
        """Every public page and a patient's options and compare pages, byte for byte."""
        pages = {url: Client().get(url).content for url in PUBLIC_PAGES}
        compare = {"options": ["no-procedure", "microneedling"]}
        pages["compare"] = self.patient.get(reverse("questionnaire:compare"), compare).content
        pages["options"] = self.patient.get(reverse("questionnaire:options")).content  # after compare: remembers it
        return pages

    def as_user(self, user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    def edit_option(self, user: User, **changes):
        client = self.as_user(user)
        url = reverse("admin:content_option_change", args=[self.microneedling.pk])
        data = {**change_form_data(client.get(url)), **changes}
        return client.post(url, data, follow=True)

    def publish_page(self, user: User, query: str = ""):
        return self.as_user(user).get(reverse("admin:content_release_publish") + query)

    def publish(self, user: User, note: str = "Clearer wording", query: str = ""):
        client = self.as_user(user)
        page = client.get(reverse("admin:content_release_publish") + query)
        html = page.content.decode()
        form = {
            "base": re.search(r'name="base" value="(\d+)"', html).group(1),
            "digest": re.search(r'name="digest" value="([0-9a-f]+)"', html).group(1),
            "note": note,
        }
        if republish := re.search(r'name="republish" value="(\d+)"', html):
            form["republish"] = republish.group(1)
        return client.post(reverse("admin:content_release_publish"), form, follow=True)


class NothingReachesPatientsWithoutARelease(ReleaseTestCase):
    """Every route that changes the working copy leaves every public page byte-identical."""

    def assert_public_pages_unchanged(self, change) -> None:
        before = self.public_pages()
        change()
        after = self.public_pages()
        changed = [name for name in before if before[name] != after[name]]
        self.assertEqual(changed, [])
        self.assertEqual(Release.objects.count(), 1)

    def test_an_editors_edit_of_a_published_option(self):
        self.assert_public_pages_unchanged(lambda: self.edit_option(self.editor, what_it_is=NEW_SENTENCE))
        self.microneedling.refresh_from_db()
        self.assertEqual(self.microneedling.what_it_is, NEW_SENTENCE)
        self.assertContains(self.as_user(self.editor).get("/treatments/microneedling/"), "Microneedling")

    def test_a_reviewers_own_change_and_taking_no_procedure_out(self):
        no_procedure = Option.objects.get(slug="no-procedure")

        def change():
            client = self.as_user(self.reviewer)
            url = reverse("admin:content_option_change", args=[no_procedure.pk])
            client.post(url, {**change_form_data(client.get(url)), "status": "draft"})

        self.assert_public_pages_unchanged(change)
        self.assertContains(Client().get("/treatments/no-procedure/"), "No procedure")

    def test_deleting_an_inline_row_through_the_form(self):
        def change():
            client = self.as_user(self.editor)
            url = reverse("admin:content_option_change", args=[self.microneedling.pk])
            data = change_form_data(client.get(url))
            data["rules-0-DELETE"] = "on"
            client.post(url, data)

        self.assert_public_pages_unchanged(change)
        self.assertFalse(ContraindicationRule.objects.filter(option=self.microneedling, health_item__slug="pregnant"))

    def test_bulk_deleting_rules_from_the_changelist(self):
        rule = ContraindicationRule.objects.get(option=self.microneedling, health_item__slug="pregnant")

        def change():
            self.as_user(self.reviewer).post(
                reverse("admin:content_contraindicationrule_changelist"),
                {"action": "delete_selected", "_selected_action": [rule.pk], "post": "yes"},
            )

        self.assert_public_pages_unchanged(change)
        self.assertFalse(ContraindicationRule.objects.filter(pk=rule.pk).exists())

    def test_reverting_an_faq_answer_from_history(self):
        entry = FaqEntry.objects.get(slug="do-stem-cell-facials-cause-cancer")
        client = self.as_user(self.reviewer)
        url = reverse("admin:content_faqentry_change", args=[entry.pk])
        original = entry.answer
        client.post(url, {**change_form_data(client.get(url)), "answer": "A miracle, the best, recommended."})
        client.post(url, {**change_form_data(client.get(url)), "answer": original})
        version = entry.history.order_by("history_date")[0]  # the "miracle" version
        revert = reverse("admin:content_faqentry_simple_history", args=[entry.pk, version.history_id])

        self.assert_public_pages_unchanged(lambda: client.post(revert, change_form_data(client.get(revert))))
        entry.refresh_from_db()
        self.assertIn("miracle", entry.answer)
        self.assertNotContains(Client().get("/questions-people-ask/"), "miracle")

    def test_loading_the_content_pack(self):
        def change():
            Option.objects.filter(pk=self.microneedling.pk).update(name="Changed in the admin")
            call_command("load_content", "--force", stdout=StringIO())

        self.assert_public_pages_unchanged(change)

    def test_a_superuser_outside_the_reviewer_group_cannot_publish(self):
        self.edit_option(self.editor, what_it_is=NEW_SENTENCE)
        root = User.objects.create_superuser("root", password="a-long-test-password")
        proposal = releases.propose()
        form = {"base": "1", "digest": proposal.digest, "note": "I am root"}
        self.assertContains(self.publish_page(root), "Only a member of the Clinical reviewer group can publish")
        self.assert_public_pages_unchanged(
            lambda: self.assertEqual(
                self.as_user(root).post(reverse("admin:content_release_publish"), form).status_code, 403
            )
        )


class PublishingARelease(ReleaseTestCase):
    def test_the_diff_of_a_one_sentence_edit_shows_that_field_only_word_by_word(self):
        self.edit_option(self.editor, what_it_is=NEW_SENTENCE)
        page = self.publish_page(self.other_reviewer)
        self.assertContains(page, "What changes for patients (1 item)")
        self.assertContains(page, "Changed: Option “Microneedling”")
        self.assertContains(page, "Changed by: edna")
        self.assertContains(page, '<th scope="row">What it is</th>', html=False)
        self.assertEqual(page.content.decode().count('<th scope="row">'), 1)
        marked = re.sub(r'<span class="visually-hidden">[^<]*</span>', "", page.content.decode())
        self.assertIn("pen <del>or a roller </del>with", marked)
        self.assertIn("<del>The needles</del><ins>to</ins> make", marked)
        self.assertContains(page, '<span class="visually-hidden">[removed: </span>or a roller')

    def test_another_reviewer_publishes_and_patients_see_exactly_the_change(self):
        before = self.public_pages()
        self.edit_option(self.editor, what_it_is=NEW_SENTENCE)
        response = self.publish(self.other_reviewer, note="Plainer description of microneedling")
        self.assertContains(response, "Published release 2.")
        after = self.public_pages()
        self.assertIn(NEW_SENTENCE, after["/treatments/microneedling/"].decode())
        # Pages that do not show the description differ only in their footer's release line.
        footer = re.compile(rb"Content release \d+, published [^<]*?\.")
        for name in ("/treatments/no-procedure/", "/glossary/", "/about/"):
            self.assertEqual(
                footer.sub(b"", before[name]).replace(b"release 1", b"release 2"), footer.sub(b"", after[name])
            )
        release = Release.objects.get(number=2)
        self.assertEqual(release.published_by, self.other_reviewer)
        self.assertEqual(release.note, "Plainer description of microneedling")
        self.assertEqual(
            [(c["item"], c["action"], c["fields"], c["authors"]) for c in release.changes],
            [("option:microneedling", "changed", ["What it is"], ["edna"])],
        )

    def test_a_reviewer_cannot_publish_a_change_they_made_by_any_route(self):
        rule = ContraindicationRule.objects.get(option=self.microneedling, health_item__slug="pregnant")
        self.as_user(self.reviewer).post(
            reverse("admin:content_contraindicationrule_changelist"),
            {"action": "delete_selected", "_selected_action": [rule.pk], "post": "yes"},
        )
        page = self.publish_page(self.reviewer)
        self.assertContains(page, "Health rule removed “pregnant”")
        response = self.publish(self.reviewer)
        self.assertContains(
            response,
            "You changed these items yourself, so another clinical reviewer must publish them",
            status_code=409,
        )
        self.assertEqual(Release.objects.count(), 1)
        self.assertContains(self.publish(self.other_reviewer), "Published release 2.")

    def test_a_revert_counts_as_the_reviewers_own_change(self):
        entry = FaqEntry.objects.get(slug="do-stem-cell-facials-cause-cancer")
        self.as_user(self.editor)
        client = self.as_user(self.editor)
        url = reverse("admin:content_faqentry_change", args=[entry.pk])
        client.post(url, {**change_form_data(client.get(url)), "answer": entry.answer + " Ask your doctor."})
        version = entry.history.order_by("history_date").last()
        client.post(url, {**change_form_data(client.get(url)), "answer": entry.answer})
        reviewer = self.as_user(self.reviewer)
        revert = reverse("admin:content_faqentry_simple_history", args=[entry.pk, version.history_id])
        reviewer.post(revert, change_form_data(reviewer.get(revert)))
        response = self.publish(self.reviewer)
        self.assertContains(response, "You changed these items yourself", status_code=409)

    def test_the_gate_refuses_and_lists_every_problem(self):
        entry = FaqEntry.objects.get(slug="do-stem-cell-facials-cause-cancer")
        FaqEntry.objects.filter(pk=entry.pk).update(answer="A miracle. The best treatment, with no risk.")
        Option.objects.filter(pk=self.microneedling.pk).update(what_it_is="")
        page = self.publish_page(self.other_reviewer)
        html = page.content.decode()
        for expected in ("miracle", "best", "no risk", "Option “Microneedling”: What it is: is empty"):
            self.assertIn(expected, html)
        response = self.publish(self.other_reviewer)
        self.assertContains(response, "Not published. Nothing patients see has changed.", status_code=409)
        self.assertContains(response, "problem(s) must be fixed first", status_code=409)
        self.assertEqual(Release.objects.count(), 1)

    def test_a_note_is_required(self):
        self.edit_option(self.editor, what_it_is=NEW_SENTENCE)
        response = self.publish(self.other_reviewer, note="   ")
        self.assertContains(response, "Write a note", status_code=409)
        self.assertEqual(Release.objects.count(), 1)

    def test_nothing_to_publish_is_refused(self):
        self.assertContains(self.publish(self.other_reviewer), "Nothing differs from release 1", status_code=409)

    def test_an_editor_sees_the_diff_but_cannot_publish(self):
        self.edit_option(self.editor, what_it_is=NEW_SENTENCE)
        self.assertContains(self.publish_page(self.editor), "Only a member of the Clinical reviewer group")
        response = self.as_user(self.editor).post(reverse("admin:content_release_publish"), {"note": "x"})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(Release.objects.count(), 1)

    def test_changes_made_while_the_reviewer_was_looking_are_not_published_unseen(self):
        self.edit_option(self.editor, what_it_is=NEW_SENTENCE)
        client = self.as_user(self.other_reviewer)
        html = client.get(reverse("admin:content_release_publish")).content.decode()
        digest = re.search(r'name="digest" value="([0-9a-f]+)"', html).group(1)
        Option.objects.filter(pk=self.microneedling.pk).update(what_happens="Something nobody looked at.")
        response = client.post(reverse("admin:content_release_publish"), {"base": "1", "digest": digest, "note": "x"})
        self.assertContains(response, "The content changed while you were looking", status_code=409)
        self.assertEqual(Release.objects.count(), 1)

    def test_a_second_reviewer_publishing_from_the_same_view_is_told_to_look_again(self):
        self.edit_option(self.editor, what_it_is=NEW_SENTENCE)
        proposal = releases.propose()
        releases.publish_release(user=self.reviewer, note="first", base_number=1, digest=proposal.digest)
        with self.assertRaisesRegex(releases.PublishRefused, "Release 2 was published while you were looking"):
            releases.publish_release(user=self.other_reviewer, note="second", base_number=1, digest=proposal.digest)
        self.assertEqual(list(Release.objects.values_list("number", flat=True)), [2, 1])

    def test_a_database_failure_part_way_leaves_the_current_release_live(self):
        self.edit_option(self.editor, what_it_is=NEW_SENTENCE)
        before = self.public_pages()
        with mock.patch("decisionaid.content.releases._store", side_effect=DatabaseError("disk full")):
            response = self.publish(self.other_reviewer)
        self.assertContains(
            response, "The release could not be saved, so the current release stays live", status_code=409
        )
        self.assertEqual(Release.objects.count(), 1)
        self.assertEqual(self.public_pages(), before)

    def test_a_release_is_never_changed(self):
        release = Release.objects.get(number=1)
        release.note = "rewritten"
        with self.assertRaises(ValueError):
            release.save()
        self.assertEqual(
            self.as_user(self.reviewer).post(f"/admin/content/release/{release.pk}/delete/").status_code, 403
        )

    def test_rolling_back_publishes_an_earlier_releases_content_as_a_new_release(self):
        original = self.public_pages()["/treatments/microneedling/"]
        self.edit_option(self.editor, what_it_is=NEW_SENTENCE)
        self.publish(self.other_reviewer)
        self.assertContains(Client().get("/treatments/microneedling/"), NEW_SENTENCE)
        response = self.publish(self.reviewer, note="Roll back to release 1", query="?republish=1")
        self.assertContains(response, "Published release 3.")
        rolled_back = Client().get("/treatments/microneedling/").content
        self.assertEqual(rolled_back.replace(b"release 3", b"release 1"), original.replace(b"release 3", b"release 1"))
        self.assertEqual(Release.objects.get(number=3).republishes, 1)
        self.microneedling.refresh_from_db()
        self.assertEqual(self.microneedling.what_it_is, NEW_SENTENCE)  # the working copy is left alone

    def test_after_a_roll_back_the_changes_it_took_off_the_site_still_need_another_reviewer(self):
        self.edit_option(self.editor, what_it_is=NEW_SENTENCE)
        rule = ContraindicationRule.objects.get(option=self.microneedling, health_item__slug="pregnant")
        self.as_user(self.reviewer).post(
            reverse("admin:content_contraindicationrule_changelist"),
            {"action": "delete_selected", "_selected_action": [rule.pk], "post": "yes"},
        )
        self.publish(self.other_reviewer)  # release 2: both changes, checked by omar
        self.publish(self.reviewer, note="Roll back", query="?republish=1")  # release 3: release 1's content
        self.assertEqual(Release.objects.latest().number, 3)
        # The working copy still holds rita's deletion, which release 3 took off the site again.
        page = self.publish_page(self.reviewer)
        self.assertContains(page, "Changed by: edna, rita")
        self.assertContains(self.publish(self.reviewer), "You changed these items yourself", status_code=409)
        self.assertContains(self.publish(self.other_reviewer), "Published release 4.")

    def test_the_disclosure_is_part_of_the_release(self):
        Disclosure.objects.create(id=1, authors="A. Writer, dermatology nurse", funder="No outside funding")
        self.assertNotContains(Client().get("/about/"), "A. Writer")
        page = self.publish_page(self.other_reviewer)
        self.assertContains(page, "Authors, funding and conflicts of interest")
        self.publish(self.other_reviewer)
        about = Client().get("/about/")
        self.assertContains(about, "A. Writer, dermatology nurse")
        self.assertContains(about, "No outside funding")


class SummariesKeepTheirRelease(ReleaseTestCase):
    def test_a_summary_shows_its_own_releases_wording_after_a_later_release(self):
        decide(self.patient, leaning="microneedling")
        url = save_summary(self.patient)
        summary = SavedSummary.objects.get()
        self.assertEqual(summary.release_number, 1)
        evidence = Evidence.objects.get(option=self.microneedling, concern__slug="acne-scars")
        old_summary_text = evidence.summary
        nonce = re.compile(rb'nonce="[^"]+"')

        def pages_now() -> dict[str, bytes]:
            return {
                suffix: nonce.sub(b"", Client().get(url + suffix).content) for suffix in ("", "print/", "export.json")
            }

        pages = pages_now()
        Evidence.objects.filter(pk=evidence.pk).update(summary="Rewritten for release 2.")
        self.publish(self.other_reviewer)
        self.assertEqual(Release.objects.latest().number, 2)
        self.assertEqual(pages_now(), pages)
        self.assertIn(old_summary_text[:60].encode(), pages[""])
        self.assertContains(Client().get(url), "Made with content release 1 of")
        self.assertEqual(Client().get(url + "export.json").json()["content_version"], 1)

    def test_an_item_deleted_later_never_breaks_a_summary(self):
        decide(self.patient, leaning="microneedling")
        url = save_summary(self.patient)
        Option.objects.filter(pk=self.microneedling.pk).delete()
        self.publish(self.other_reviewer)
        self.assertNotContains(Client().get("/treatments/"), "Microneedling")
        self.assertContains(Client().get(url), "Microneedling")
        self.assertEqual(Client().get(url + "summary.pdf").status_code, 200)

    def test_a_release_a_summary_refers_to_is_kept(self):
        decide(self.patient)
        save_summary(self.patient)
        from django.db.models import ProtectedError

        with self.assertRaises(ProtectedError):
            Release.objects.filter(number=1).delete()


class CommandLineTests(ReleaseTestCase):
    def test_publish_release_applies_the_same_checks(self):
        Option.objects.filter(pk=self.microneedling.pk).update(what_it_is=NEW_SENTENCE)
        with self.assertRaisesMessage(CommandError, "No user"):
            call_command("publish_release", "--reviewer", "nobody", "--note", "x", stdout=StringIO())
        output = StringIO()
        call_command("publish_release", "--reviewer", "omar", "--note", "From the shell", stdout=output)
        self.assertIn("Published release 2", output.getvalue())
        self.assertEqual(Release.objects.count(), 2)
        first = StringIO()
        call_command("publish_release", "--first", "--note", "x", stdout=first)
        self.assertIn("A release exists already; nothing was published.", first.getvalue())
        self.assertEqual(Release.objects.count(), 2)

    def test_an_import_names_its_author_and_that_reviewer_cannot_publish_it(self):
        import shutil
        import tempfile

        from django.conf import settings

        folder = Path(tempfile.mkdtemp()) / "pack"
        shutil.copytree(settings.CONTENT_PACK_DIR, folder)
        option_file = folder / "options/microneedling.yaml"
        option_file.write_text(option_file.read_text().replace("or a roller ", ""))
        call_command("load_content", "--from", str(folder), "--author", "rita", stdout=StringIO())
        self.assertContains(self.publish_page(self.other_reviewer), "Changed by: rita")
        self.assertContains(self.publish(self.reviewer), "You changed these items yourself", status_code=409)
        with self.assertRaisesMessage(CommandError, "No user 'nobody'"):
            call_command("load_content", "--from", str(folder), "--author", "nobody", stdout=StringIO())

    def test_export_content_writes_the_working_copy_or_a_release(self):
        import tempfile

        Option.objects.filter(pk=self.microneedling.pk).update(what_it_is=NEW_SENTENCE)
        working, released = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
        call_command("export_content", "--to", str(working), stdout=StringIO())
        call_command("export_content", "--to", str(released), "--release", "1", stdout=StringIO())
        self.assertIn(NEW_SENTENCE, (working / "options/microneedling.yaml").read_text())
        self.assertNotIn(NEW_SENTENCE, (released / "options/microneedling.yaml").read_text())
        with self.assertRaisesMessage(CommandError, "There is no release 9"):
            call_command("export_content", "--to", str(released), "--release", "9", stdout=StringIO())


class DeployCheckTests(TestCase):
    def test_check_deploy_fails_while_the_live_release_names_no_authors_or_funder(self):
        from decisionaid.content.checks import check_disclosure

        self.assertEqual([message.id for message in check_disclosure()], ["decisionaid.E001"])
        self.assertIn("names no authors and no funder", check_disclosure()[0].msg)
        Disclosure.objects.create(id=1, authors="A. Writer, dermatology nurse", funder="No outside funding")
        self.assertEqual([message.id for message in check_disclosure()], ["decisionaid.E001"])  # not released yet
        from tests.releases import release_working_copy

        release_working_copy()
        self.assertEqual(check_disclosure(), [])


class FirstReleaseTests(TestCase):
    def test_summaries_saved_before_releases_existed_join_release_1(self):
        from django.utils import timezone

        Release.objects.all().delete()
        summary = SavedSummary.objects.create(code="7DJFW9D4N79Q", record={}, expires_at=timezone.now())
        release = releases.publish_first_release("First release")
        summary.refresh_from_db()
        self.assertEqual((release.number, summary.release_number), (1, 1))
        self.assertIsNone(releases.publish_first_release("Again"))
