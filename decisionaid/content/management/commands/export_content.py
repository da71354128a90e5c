from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from decisionaid.content.models import Release
from decisionaid.content.pack import export_pack


class Command(BaseCommand):
    help = (
        "Write the working copy out as the content pack, for review like code; --release N writes what release N "
        "published instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            dest="directory",
            type=Path,
            default=None,
            help="Pack folder (default: the repository's content_pack/).",
        )
        parser.add_argument("--release", type=int, default=None, help="Export this release instead.")

    def handle(self, *args, directory: Path | None, release: int | None, **options):
        chosen = None
        if release is not None and (chosen := Release.objects.filter(number=release).first()) is None:
            raise CommandError(f"There is no release {release}.")
        directory = directory or Path(settings.CONTENT_PACK_DIR)
        directory.mkdir(parents=True, exist_ok=True)
        counts = export_pack(directory, chosen)
        summary = ", ".join(f"{number} {kind}" for kind, number in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Exported to {directory}: {summary}."))
