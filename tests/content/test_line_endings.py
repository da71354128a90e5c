"""Line endings are "\\n" in every stored text, so saving an untouched admin form changes nothing; every history
row says why it was made.

Browsers send a textarea's lines joined by "\\r\\n". Before the fix, an untouched save rewrote every multi-line
field with "\\r\\n", history showed edits nobody made (with the reason "None"), and `export_content` wrote those
fields as one-line "…\\r\\n…" strings.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import User
from django.test import TestCase
from django.urls import reverse

from decisionaid.content.models import Evidence, GlossaryTerm, Option, SideEffect
from decisionaid.content.pack import export_pack, load_pack
from tests.admin_forms import change_form_data, form_data

# A shipped option with multi-line texts, one of them ending in a line break (a YAML block scalar).
SLUG = "microneedling"


def as_a_browser_sends(data: dict) -> dict:
    """POST data with every line break sent as "\\r\\n", as browsers send textareas."""
    return {name: value.replace("\n", "\r\n") if isinstance(value, str) else value for name, value in data.items()}


def history_models() -> list:
    return [model for model in apps.get_app_config("content").get_models() if model.__name__.startswith("Historical")]


def history_rows() -> list:
    """Every history row of the content app (the shipped pack is loaded without history, so a test's own)."""
    return [row for model in history_models() for row in model.objects.all()]


def stored(option: Option) -> dict:
    """Every stored value of the option and of its rows (but the time it was last saved)."""
    rows = {
        name: list(getattr(option, name).order_by("pk").values())
        for name in ("evidence", "outcomes", "side_effects", "regulatory_statuses", "rules")
    }
    values = Option.objects.filter(pk=option.pk).values().get()
    values.pop("updated_at")
    return {"option": values, **rows}


class LineEndingTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = User.objects.create_superuser("root", password="a-long-test-password")

    def setUp(self):
        self.client.force_login(self.user)
        self.option = Option.objects.get(slug=SLUG)
        self.url = reverse("admin:content_option_change", args=[self.option.pk])

    def tearDown(self):
        reasons = [(row._meta.model_name, row.history_change_reason) for row in history_rows()]
        self.assertEqual([found for found in reasons if found[1] in (None, "", "None")], [])

    def post_option(self, **changes):
        data = as_a_browser_sends({**change_form_data(self.client.get(self.url)), **changes})
        response = self.client.post(self.url, data)
        self.assertEqual(response.status_code, 302, "the form was refused")
        return response


class AdminFormTests(LineEndingTestCase):
    def test_an_untouched_form_sent_with_crlf_changes_nothing_and_makes_no_history(self):
        # Multi-line text, in the option and in its rows, and text ending in a line break (a YAML block scalar),
        # which a browser sends back with "\r\n" and Django's form fields would strip.
        self.assertTrue(self.option.what_happens.endswith("\n"))
        self.assertTrue(self.option.side_effects.exists())
        before = stored(self.option)
        self.post_option()
        self.assertEqual(stored(self.option), before)
        self.assertEqual(history_rows(), [])

    def test_a_one_field_edit_sent_with_crlf_stores_lf_and_one_history_row_naming_the_field(self):
        before = stored(self.option)
        self.post_option(what_it_is="Tiny needles make small holes.\nThe skin heals them.")
        after = stored(self.option)
        self.assertEqual(after["option"].pop("what_it_is"), "Tiny needles make small holes.\nThe skin heals them.")
        before["option"].pop("what_it_is")
        for values in (before, after):  # who changed it, and the review status an edit may send it back to
            for name in ("status", "changed_by_id", "published_by_id"):
                values["option"].pop(name, None)
        self.assertEqual(after, before)
        [row] = history_rows()
        self.assertEqual((row._meta.model_name, row.history_type), ("historicaloption", "~"))
        self.assertEqual(row.history_change_reason, "changed in the admin: what it is")

    def test_deleting_an_inline_row_records_the_delete_with_a_reason(self):
        side_effect = self.option.side_effects.order_by("pk").first()
        self.post_option(**{"side_effects-0-DELETE": "on"})
        self.assertFalse(SideEffect.objects.filter(pk=side_effect.pk).exists())
        deleted = SideEffect.history.get(id=side_effect.pk)
        self.assertEqual((deleted.history_type, deleted.history_change_reason), ("-", "deleted in the admin"))
        # The option's own form was untouched, but its history shows that its rows changed.
        option_row = Option.history.get(id=self.option.pk)
        self.assertEqual(option_row.history_change_reason, "changed in the admin: side effects")

    def test_an_inline_edit_names_the_field_and_keeps_the_rows_other_text_as_stored(self):
        row = self.option.evidence.order_by("pk").first()
        # Multi-line text ending in a line break, as loaded from a YAML block scalar.
        Evidence.objects.filter(pk=row.pk).update(expected_improvement="Not known.\nAsk the clinic.\n")
        self.post_option(**{"evidence-0-summary": "Small studies,\nno comparison group."})
        row.refresh_from_db()
        self.assertEqual(row.summary, "Small studies,\nno comparison group.")
        self.assertEqual(row.expected_improvement, "Not known.\nAsk the clinic.\n")
        found = sorted((record._meta.model_name, record.history_change_reason) for record in history_rows())
        self.assertEqual(
            found,
            [
                ("historicalevidence", "changed in the admin: summary"),
                ("historicaloption", "changed in the admin: evidence"),
            ],
        )

    def test_delete_selected_records_each_delete_with_a_reason(self):
        terms = list(GlossaryTerm.objects.order_by("pk").values_list("pk", flat=True)[:3])
        response = self.client.post(
            reverse("admin:content_glossaryterm_changelist"),
            {"action": "delete_selected", "_selected_action": terms, "post": "yes"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertFalse(GlossaryTerm.objects.filter(pk__in=terms).exists())
        found = {(row.id, row.history_type, row.history_change_reason) for row in GlossaryTerm.history.all()}
        self.assertEqual(found, {(pk, "-", "deleted in the admin") for pk in terms})

    def test_deleting_an_option_gives_the_rows_deleted_with_it_a_reason(self):
        response = self.client.post(
            reverse("admin:content_option_changelist"),
            {"action": "delete_selected", "_selected_action": [self.option.pk], "post": "yes"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Option.objects.filter(pk=self.option.pk).exists())
        found = {(row._meta.model_name, row.history_type, row.history_change_reason) for row in history_rows()}
        self.assertIn(("historicaloption", "-", "deleted in the admin"), found)
        self.assertIn(("historicalsideeffect", "-", "deleted in the admin"), found)
        self.assertEqual({reason for _, _, reason in found}, {"deleted in the admin"})

    def test_a_history_revert_records_its_reason(self):
        first = self.option.what_it_is
        self.post_option(what_it_is="A first edit.")
        self.post_option(what_it_is="A second edit.")
        version = Option.history.get(what_it_is="A first edit.")
        url = reverse("admin:content_option_simple_history", args=[self.option.pk, version.history_id])
        page = self.client.get(url)
        response = self.client.post(url, as_a_browser_sends(form_data(page.context["adminform"].form)))
        self.assertEqual(response.status_code, 302, "the revert was refused")
        self.option.refresh_from_db()
        self.assertEqual(self.option.what_it_is, "A first edit.")
        self.assertNotEqual(first, self.option.what_it_is)
        latest = Option.history.latest("history_id")
        self.assertRegex(latest.history_change_reason, r"^reverted to the version of \d\d \w+ \d{4} \d\d:\d\d$")


class ContentPackTests(LineEndingTestCase):
    def setUp(self):
        super().setUp()
        self.folder = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.folder)

    def test_loading_a_pack_with_crlf_stores_lf(self):
        shutil.copytree(settings.CONTENT_PACK_DIR, self.folder, dirs_exist_ok=True)
        path = self.folder / "options" / f"{SLUG}.yaml"
        item = yaml.safe_load(path.read_text())
        item["what_happens"] = "Numbing cream.\r\nThe pen.\r\nHome the same day."
        item["side_effects"][0]["description"] = "Red skin.\r\nIt fades."
        # A plain YAML dump keeps the "\r\n" (as an escape in a quoted string), as an old export did.
        path.write_text(yaml.safe_dump(item, sort_keys=False, allow_unicode=True))
        self.assertIn("\\r\\n", path.read_text())
        load_pack(self.folder)
        option = Option.objects.get(slug=SLUG)
        self.assertEqual(option.what_happens, "Numbing cream.\nThe pen.\nHome the same day.")
        self.assertEqual(option.side_effects.order_by("pk").first().description, "Red skin.\nIt fades.")

    def test_exporting_a_text_with_crlf_writes_a_block_with_no_cr(self):
        # As stored by an admin save before the fix (an update skips the save signals that now normalise).
        Option.objects.filter(pk=self.option.pk).update(what_happens="Numbing cream.\r\nThe pen.\r\n")
        export_pack(self.folder)
        written = (self.folder / "options" / f"{SLUG}.yaml").read_bytes().decode()  # "\\r" and all
        self.assertNotIn("\r", written)
        self.assertNotIn("\\r", written)
        self.assertIn("what_happens: |\n  Numbing cream.\n  The pen.\n", written)
        self.assertEqual(yaml.safe_load(written)["what_happens"], "Numbing cream.\nThe pen.\n")


class SaveTests(LineEndingTestCase):
    def test_a_save_outside_the_admin_stores_lf_and_gets_a_reason(self):
        term = GlossaryTerm.objects.first()
        term.definition = "Old Mac line.\rWindows line.\r\nUnix line."
        term.save()
        term.refresh_from_db()
        self.assertEqual(term.definition, "Old Mac line.\nWindows line.\nUnix line.")
        self.assertEqual(term.history.get().history_change_reason, "changed")
        term.delete()
        self.assertEqual(GlossaryTerm.history.latest("history_id").history_change_reason, "deleted")
