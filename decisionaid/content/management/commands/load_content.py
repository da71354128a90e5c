from contextlib import nullcontext
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from decisionaid.content.history import changes_by
from decisionaid.content.pack import PackError, load_pack
from decisionaid.content.serialization import SPECS


class Command(BaseCommand):
    help = "Load the content pack into the database (idempotent; keeps admin edits unless --force)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--from",
            dest="directory",
            type=Path,
            default=None,
            help="Pack folder (default: the repository's content_pack/).",
        )
        parser.add_argument(
            "--author",
            default=None,
            help="User name of whoever wrote the pack's changes; the history, and so the two-person rule on "
            "publishing, then names them (without it: 'content pack import').",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite items that were changed in the admin since they were loaded.",
        )

    def handle(self, *args, directory: Path | None, force: bool, author: str | None, **options):
        directory = directory or Path(settings.CONTENT_PACK_DIR)
        if not directory.is_dir():
            raise CommandError(f"No content pack folder at {directory}.")
        user = None
        if author is not None and (user := get_user_model().objects.filter(username=author).first()) is None:
            raise CommandError(f"No user {author!r}.")
        try:
            with changes_by(user) if user else nullcontext():
                result = load_pack(directory, force=force)
        except PackError as error:
            raise CommandError(f"Content pack not loaded (nothing was changed): {error}") from None
        for spec in SPECS:
            row = {
                outcome: result.counts[(spec.kind, outcome)] for outcome in ("created", "updated", "unchanged", "kept")
            }
            if any(row.values()):
                self.stdout.write(f"  {spec.kind}: " + ", ".join(f"{n} {outcome}" for outcome, n in row.items() if n))
        self.stdout.write(
            self.style.SUCCESS(
                f"Content pack loaded: {result.total('created')} created, {result.total('updated')} updated, "
                f"{result.total('unchanged')} unchanged, {result.total('kept')} kept with admin edits."
            )
        )
        if result.kept:
            self.stdout.write("Kept (edited in the admin; use --force to overwrite): " + ", ".join(result.kept))
