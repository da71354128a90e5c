from django.core.management.base import BaseCommand, CommandError

from decisionaid.content import gate
from decisionaid.content.pack import pack_file
from decisionaid.content.publishing import gate_context
from decisionaid.content.serialization import SPECS, prefetched, serialize


class Command(BaseCommand):
    help = "List the publishing-gate problems of every content item (drafts included with --all)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Check drafts and items in review too.")

    def handle(self, *args, all: bool, **options):
        context = gate_context()
        failing_published = 0
        for spec in SPECS:
            items = prefetched(spec) if all else prefetched(spec).published()
            for instance in items:
                data = serialize(instance)
                problems = gate.problems_for(spec.kind, data, context=context)
                if problems:
                    failing_published += instance.is_published
                    self.stdout.write(f"{pack_file(spec, data[spec.key])} [{data[spec.key]}] ({instance.status})")
                    for problem in problems:
                        self.stdout.write(f"    - {problem}")
        if failing_published:
            raise CommandError(f"{failing_published} published item(s) fail the publishing checks.")
        self.stdout.write(self.style.SUCCESS("Every published item passes the publishing checks."))
