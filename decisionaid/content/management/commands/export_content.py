from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from decisionaid.content.pack import export_pack


class Command(BaseCommand):
    help = "Write the content in the database out as the content pack, for review like code."

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            dest="directory",
            type=Path,
            default=None,
            help="Pack folder (default: the repository's content_pack/).",
        )

    def handle(self, *args, directory: Path | None, **options):
        directory = directory or Path(settings.CONTENT_PACK_DIR)
        directory.mkdir(parents=True, exist_ok=True)
        counts = export_pack(directory)
        summary = ", ".join(f"{number} {kind}" for kind, number in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Exported to {directory}: {summary}."))
