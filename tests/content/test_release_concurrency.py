"""Two clinical reviewers press "Publish" at the same moment on PostgreSQL: one release, never two with one number."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection

from decisionaid.content import releases
from decisionaid.content.models import Option, Release
from decisionaid.content.signals import REVIEWER_GROUP


@pytest.mark.django_db(transaction=True)
def test_simultaneous_publishes_make_one_release_and_tell_the_other_to_look_again(shipped_content):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's concurrent writers (CI runs the suite on it)")
    reviewers = []
    for name in ("rita", "omar", "ines", "tomas"):
        user = User.objects.create_user(name, password="a-long-test-password", is_staff=True)
        user.groups.add(Group.objects.get(name=REVIEWER_GROUP))
        reviewers.append(user)
    Option.objects.filter(slug="microneedling").update(name="Microneedling (collagen induction)")
    digest = releases.propose().digest
    all_ready = threading.Barrier(len(reviewers))

    def press_publish(user) -> str:
        try:
            all_ready.wait(timeout=30)
            releases.publish_release(user=user, note=f"by {user}", base_number=1, digest=digest)
            return "published"
        except releases.PublishRefused as refusal:
            return " ".join(refusal.reasons)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(reviewers)) as pool:
        outcomes = list(pool.map(press_publish, reviewers))

    assert outcomes.count("published") == 1, outcomes
    assert all("Look at the changes again" in outcome for outcome in outcomes if outcome != "published"), outcomes
    assert list(Release.objects.values_list("number", flat=True)) == [2, 1]
    assert Release.objects.get(number=2).snapshot["items"]["option"]  # a whole snapshot, not a half-written one
