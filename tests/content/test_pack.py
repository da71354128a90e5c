"""Loading and exporting the content pack."""

import filecmp
import shutil
import tempfile
from io import StringIO
from pathlib import Path

import yaml
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings

from decisionaid.content import vocabulary
from decisionaid.content.catalogue import current_catalogue
from decisionaid.content.models import Option, Reference, Release
from decisionaid.content.pack import dump_yaml
from tests.content_db import clear_content
from tests.factories import REVIEWED, option_data

SHIPPED = Path(settings.CONTENT_PACK_DIR)


ACNE_SCARS = {"slug": "acne-scars", "name": "Acne scars", "order": 2, "status": "draft"}
# The shipped jurisdictions cite these sources (how to report a side effect, how to check a practitioner).
JURISDICTION_SOURCES = [
    reference
    for reference in yaml.safe_load((SHIPPED / "references.yaml").read_text())
    if reference["key"]
    in {key for place in yaml.safe_load((SHIPPED / "jurisdictions.yaml").read_text()) for key in place["references"]}
]


def write_pack(folder: Path, *, references=None, options=(), concerns=(ACNE_SCARS,)) -> Path:
    """A minimal valid pack: the shipped vocabulary plus the given items."""
    for name in ("jurisdictions.yaml", "health_items.yaml"):
        shutil.copy(SHIPPED / name, folder / name)
    refs = (
        references
        if references is not None
        else [
            {
                "key": "R1",
                "title": "A trial of microneedling",
                "kind": "rct",
                "verification": "verified",
                "checked_on": "2026-11-22",
                **REVIEWED,
            }
        ]
    )
    (folder / "references.yaml").write_text(dump_yaml([*refs, *JURISDICTION_SOURCES]))
    (folder / "concerns.yaml").write_text(dump_yaml(list(concerns)))
    (folder / "options").mkdir(exist_ok=True)
    for option in options:
        (folder / "options" / f"{option['slug']}.yaml").write_text(dump_yaml(option))
    for name in (
        "questions.yaml",
        "warning_signs.yaml",
        "glossary.yaml",
        "faq.yaml",
        "knowledge.yaml",
        "site_texts.yaml",
    ):
        (folder / name).write_text("[]\n")
    return folder


def load(folder: Path, *args: str) -> str:
    out = StringIO()
    call_command("load_content", "--from", str(folder), *args, stdout=out)
    return out.getvalue()


class FolderTestCase(TestCase):
    """Each test has an empty folder of its own."""

    def setUp(self):
        self.folder = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.folder)


class PackTestCase(FolderTestCase):
    """Each test loads its own pack into a database without content."""

    def setUp(self):
        clear_content()
        super().setUp()


class LoadContentTests(PackTestCase):
    def test_it_creates_items_and_prints_counts(self):
        write_pack(self.folder, options=[option_data(status="draft")])
        output = load(self.folder)
        self.assertIn("45 created, 0 updated, 0 unchanged", output)
        self.assertEqual(Option.objects.get(slug="microneedling").side_effects.get().events, 7)

    def test_loading_twice_changes_nothing(self):
        write_pack(self.folder, options=[option_data(status="draft")])
        load(self.folder)
        output = load(self.folder)
        self.assertIn("0 created, 0 updated, 45 unchanged", output)

    def test_it_updates_an_item_changed_in_the_pack(self):
        write_pack(self.folder, options=[option_data(status="draft")])
        load(self.folder)
        write_pack(self.folder, options=[option_data(status="draft", name="Microneedling (collagen induction)")])
        self.assertIn("1 updated", load(self.folder))
        self.assertEqual(Option.objects.get().name, "Microneedling (collagen induction)")

    def test_it_keeps_an_admin_edit_unless_forced(self):
        write_pack(self.folder, options=[option_data(status="draft")])
        load(self.folder)
        Option.objects.filter(slug="microneedling").update(name="Edited in the admin")
        write_pack(self.folder, options=[option_data(status="draft", name="Changed in the pack")])
        output = load(self.folder)
        self.assertIn("1 kept with admin edits", output)
        self.assertIn("option microneedling", output)
        self.assertEqual(Option.objects.get().name, "Edited in the admin")
        load(self.folder, "--force")
        self.assertEqual(Option.objects.get().name, "Changed in the pack")

    def test_loading_changes_the_working_copy_only_never_the_release(self):
        write_pack(self.folder, options=[option_data()])
        load(self.folder)
        self.assertFalse(Release.objects.exists())
        self.assertEqual(current_catalogue().options, ())


class MalformedPackTests(PackTestCase):
    def assert_refused(self, message: str) -> None:
        with self.assertRaisesMessage(CommandError, message):
            load(self.folder)
        self.assertFalse(Reference.objects.exists(), "a malformed pack must change nothing")

    def test_it_names_the_file_for_invalid_yaml(self):
        write_pack(self.folder)
        (self.folder / "concerns.yaml").write_text("- slug: wrinkles\n  name: [unclosed\n")
        self.assert_refused("concerns.yaml: is not valid YAML")

    def test_it_names_the_file_and_item_for_an_unknown_field(self):
        write_pack(self.folder, options=[option_data(status="draft", colour="red")])
        self.assert_refused("options/microneedling.yaml, item 'microneedling': has unknown fields: colour")

    def test_it_names_an_unknown_reference(self):
        item = option_data(status="draft")
        item["side_effects"][0]["references"] = ["R999"]
        write_pack(self.folder, options=[item])
        self.assert_refused("item 'microneedling': side_effects 1: references: unknown reference R999")

    def test_it_refuses_a_slug_outside_the_vocabulary(self):
        write_pack(self.folder, options=[option_data(status="draft", slug="vampire-facial")])
        (self.folder / "options" / "microneedling.yaml").unlink(missing_ok=True)
        self.assert_refused("item 'vampire-facial': slug:")

    def test_it_refuses_a_wrong_choice(self):
        write_pack(self.folder, options=[option_data(status="draft", discomfort="unbearable")])
        self.assert_refused("item 'microneedling': discomfort:")

    def test_it_refuses_a_published_item_that_fails_the_gate(self):
        item = option_data()
        item["side_effects"][0]["references"] = []
        write_pack(self.folder, options=[item])
        self.assert_refused("is published but fails the publishing checks: side effect 1: cites no reference")

    def test_it_refuses_a_file_that_is_not_a_list(self):
        write_pack(self.folder)
        (self.folder / "glossary.yaml").write_text("term: exosome\n")
        self.assert_refused("glossary.yaml: must hold a list of items")


class ExportContentTests(FolderTestCase):
    def test_export_then_load_into_an_empty_database_then_export_gives_identical_files(self):
        first, second = self.folder / "first", self.folder / "second"
        call_command("export_content", "--to", str(first), stdout=StringIO())
        clear_content()
        with override_settings(SIMPLE_HISTORY_ENABLED=False):  # this test is not about history
            load(first)
        call_command("export_content", "--to", str(second), stdout=StringIO())
        comparison = filecmp.dircmp(first, second)
        self.assertEqual(comparison.diff_files + comparison.left_only + comparison.right_only, [])
        options = filecmp.dircmp(first / "options", second / "options")
        self.assertEqual(options.diff_files + options.left_only + options.right_only, [])
        self.assertEqual(len(list((second / "options").glob("*.yaml"))), 16)

    def test_the_shipped_pack_is_in_exported_form(self):
        """So content diffs stay minimal: run `manage.py export_content` after editing the pack by hand."""
        call_command("export_content", "--to", str(self.folder), stdout=StringIO())
        for path in sorted(SHIPPED.rglob("*.yaml")):
            relative = path.relative_to(SHIPPED)
            self.assertEqual((self.folder / relative).read_text(), path.read_text(), f"{relative} differs")


class ShippedPackTests(TestCase):
    def test_it_has_the_whole_vocabulary(self):
        from decisionaid.content.models import Concern, HealthItem, Jurisdiction

        self.assertEqual(set(Concern.objects.values_list("slug", flat=True)), set(vocabulary.CONCERN_SLUGS))
        self.assertEqual(set(Option.objects.values_list("slug", flat=True)), set(vocabulary.OPTION_SLUGS))
        self.assertEqual(set(Jurisdiction.objects.values_list("slug", flat=True)), set(vocabulary.JURISDICTION_SLUGS))
        self.assertEqual(set(HealthItem.objects.values_list("slug", flat=True)), set(vocabulary.HEALTH_ITEM_SLUGS))

    def test_the_no_procedure_option_is_published_for_every_concern(self):
        option = Option.objects.get(slug=vocabulary.NO_PROCEDURE_SLUG)
        self.assertTrue(option.is_published and option.is_no_procedure)
        self.assertEqual(set(option.evidence.values_list("concern__slug", flat=True)), set(vocabulary.CONCERN_SLUGS))

    def test_every_published_item_passes_the_publishing_gate(self):
        from decisionaid.content.pack import published_items_failing_gate

        self.assertEqual(published_items_failing_gate(), [])
