from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from decisionaid.content import releases


class Command(BaseCommand):
    help = (
        "Publish the working copy as the next release, with the same checks as the admin's publish page. "
        "--first publishes release 1 on a new site (and does nothing once a release exists)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--note", required=True, help="What the release changes and why.")
        who = parser.add_mutually_exclusive_group(required=True)
        who.add_argument("--reviewer", help="User name of the clinical reviewer who publishes.")
        who.add_argument("--first", action="store_true", help="Release 1 of a new site, without a reviewer.")

    def handle(self, *args, note: str, reviewer: str | None, first: bool, **options):
        try:
            if first:
                release = releases.publish_first_release(note)
                if release is None:
                    self.stdout.write("A release exists already; nothing was published.")
                    return
            else:
                user = get_user_model().objects.filter(username=reviewer).first()
                if user is None:
                    raise CommandError(f"No user {reviewer!r}.")
                proposal = releases.propose()
                release = releases.publish_release(
                    user=user, note=note, base_number=proposal.base_number, digest=proposal.digest
                )
        except releases.PublishRefused as refusal:
            raise CommandError("Not published. " + "\n".join(refusal.reasons)) from None
        self.stdout.write(f"Published release {release.number} ({len(release.changes)} changed item(s)).")
