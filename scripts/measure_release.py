"""How long publishing a release of the whole shipped content takes, and the diff a one-sentence edit shows.

Usage: DATABASE_URL=... .venv/bin/python scripts/measure_release.py   (a scratch database: it is emptied first)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decisionaid.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402

from decisionaid.content import releases  # noqa: E402
from decisionaid.content.models import Option, Release  # noqa: E402
from decisionaid.content.signals import REVIEWER_GROUP  # noqa: E402


def main() -> None:
    call_command("flush", "--noinput", verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("load_content", verbosity=0)
    reviewer = User.objects.create_user("reviewer", is_staff=True)
    reviewer.groups.add(Group.objects.get(name=REVIEWER_GROUP))

    started = time.perf_counter()
    proposal = releases.propose()
    shown = time.perf_counter()
    releases.publish_release(user=reviewer, note="Whole pack", base_number=0, digest=proposal.digest)
    done = time.perf_counter()
    size = len(str(Release.objects.get(number=1).snapshot))
    print(f"Whole shipped content ({len(proposal.changes)} items, snapshot {size / 1024:.0f} KB as text):")
    print(f"  publish page (snapshot, diff, gate, authors): {(shown - started) * 1000:.0f} ms")
    print(f"  publishing (all checks again, then the release row): {(done - shown) * 1000:.0f} ms")

    option = Option.objects.get(slug="microneedling")
    option.what_it_is = option.what_it_is.replace(
        "uses a pen or a roller with many fine needles. The needles make", "uses a pen with many fine needles to make"
    )
    option.save()
    started = time.perf_counter()
    proposal = releases.propose()
    print(f"\nOne-sentence edit: publish page in {(time.perf_counter() - started) * 1000:.0f} ms; the diff:")
    for change in proposal.changes:
        print(f"  {change.action_label}: {change.label}")
        for field in change.fields:
            words = "".join(
                {"removed": f"[-{s.text}-]", "added": f"{{+{s.text}+}}"}.get(s.kind, s.text) for s in field.words
            )
            print(f"    {field.label}: {words}")


if __name__ == "__main__":
    main()
