"""Releases: what patients see changes only when a clinical reviewer publishes a checked snapshot.

The admin edits the *working copy* (the content models). `working_snapshot` reads every item marked published
into one plain dict in the content pack's shape; `publish_release` stores it as a new numbered `Release` after
the publishing gate passed over everything that would be live and after checking that the reviewer changed none
of the items that differ from the current release (the two-person rule, whatever route the change took: every
route leaves a history row with its user). A roll-back publishes an earlier release's snapshot as a new release,
with the same checks.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from decisionaid.content import gate, vocabulary
from decisionaid.content.models import ContentItem, Disclosure, Option, Reference, Release
from decisionaid.content.publishing import described
from decisionaid.content.release_diff import ItemChange, diff_snapshots, item_label
from decisionaid.content.serialization import OPTION_CHILDREN, SPEC_BY_KIND, SPEC_BY_MODEL, SPECS, prefetched, serialize
from decisionaid.content.signals import REVIEWER_GROUP

DISCLOSURE_FIELDS = ("authors", "funder", "conflicts_of_interest")
# Who made a change that left no user behind: a `load_content` import or a shell.
NO_USER = "content pack import or command line (no user)"


def item_key(kind: str, key: object) -> str:
    return f"{kind}:{key}"


# --- the working copy as a snapshot --------------------------------------------------------------------------


def working_snapshot() -> dict:
    """Every item marked published, in the pack's shape (without its status), and the disclosure."""
    items = {}
    for spec in SPECS:
        rows = []
        for instance in prefetched(spec).published():
            data = serialize(instance)
            data.pop("status", None)
            rows.append(data)
        items[spec.kind] = rows
    disclosure = Disclosure.current()
    return {"items": items, "disclosure": {name: getattr(disclosure, name) for name in DISCLOSURE_FIELDS}}


def empty_snapshot() -> dict:
    return {"items": {spec.kind: [] for spec in SPECS}, "disclosure": dict.fromkeys(DISCLOSURE_FIELDS, "")}


def content_digest(snapshot: dict) -> str:
    """What a reviewer looked at, so that publishing can refuse when it changed in the meantime."""
    content = {"items": snapshot["items"], "disclosure": snapshot["disclosure"]}
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()


def keys_of(snapshot: dict) -> list[str]:
    keys = [item_key(spec.kind, item[spec.key]) for spec in SPECS for item in snapshot["items"].get(spec.kind, [])]
    return [*keys, item_key("disclosure", "disclosure")]


# --- the gate over a whole release ---------------------------------------------------------------------------


def release_problems(snapshot: dict) -> list[str]:
    """Every problem that stops this snapshot going live: each item's gate, then what items refer to."""
    items = snapshot["items"]
    no_procedure = frozenset(
        row["concern"]
        for option in items.get("option", [])
        if option.get("is_no_procedure")
        for row in option.get("evidence", [])
    )
    context = gate.GateContext(
        jurisdictions=vocabulary.JURISDICTION_SLUGS,
        no_procedure_concerns=no_procedure,
        reference_kinds={reference["key"]: reference.get("kind", "") for reference in items.get("reference", [])},
        unsourced_references=frozenset(
            reference["key"]
            for reference in items.get("reference", [])
            if reference.get("verification") == Reference.Verification.COMMONLY_KNOWN
        ),
    )
    present = {
        target: {str(other[SPEC_BY_KIND[target].key]) for other in items.get(target, [])}
        for target in set(_REFERS_TO.values())
    }
    problems = []
    for spec in SPECS:
        for item in items.get(spec.kind, []):
            label = item_label(spec.kind, item)
            problems += [
                f"{label}: {described(problem, spec.model)}"
                for problem in gate.problems_for(spec.kind, item, context=context)
            ]
            problems += [f"{label}: {problem}" for problem in _dangling(spec.kind, item, present)]
    return problems


# What a field refers to, by the kind of item it names.
_REFERS_TO = {
    "references": "reference",
    "concern": "concern",
    "concerns": "concern",
    "jurisdiction": "jurisdiction",
    "health_item": "health-item",
    "options": "option",
    "jurisdictions": "jurisdiction",
}


def _dangling(kind: str, item: dict, present: dict[str, set[str]]) -> list[str]:
    """Names of items this one refers to that would not be in the release (drafts, or deleted); `present` holds
    the keys of each kind in the release."""
    found = []
    rows = [("", item)] + [
        (f"{child.name.replace('_', ' ')} {number}: ", row)
        for child in (OPTION_CHILDREN if kind == "option" else ())
        for number, row in enumerate(item.get(child.name, []), start=1)
    ]
    for where, row in rows:
        for name, target in _REFERS_TO.items():
            values = row.get(name)
            for value in values if isinstance(values, list) else [values] if values else []:
                if str(value) not in present[target]:
                    found.append(f"{where}{name.replace('_', ' ')} names {target} {value!r}, which is not published")
    return found


# --- who changed what ----------------------------------------------------------------------------------------


def _user_names(ids: set) -> dict:
    users = get_user_model().objects.filter(pk__in=[pk for pk in ids if pk is not None])
    return {user.pk: user.get_username() for user in users}


def _window_starts(changes: list[ItemChange]) -> dict[str, datetime.datetime | None]:
    """For each changed item, since when its changes are unreleased: the *content time* of the latest release
    that holds the item and whose content is not newer than the live release's. A release's content time is when
    it was published, or for a roll-back the content time of the release it republished, so the changes a
    roll-back took off the site count as unreleased again. An item never released counts every change."""
    rows = list(Release.objects.order_by("number").values_list("number", "published_at", "republishes", "item_keys"))
    content_time: dict[int, datetime.datetime] = {}
    for number, published_at, republishes, _keys in rows:
        content_time[number] = content_time.get(republishes, published_at) if republishes else published_at
    live = content_time[rows[-1][0]] if rows else None
    starts: dict[str, datetime.datetime | None] = {}
    for change in changes:
        held = [
            content_time[number]
            for number, _published, _republishes, keys in rows
            if change.item_key in keys and content_time[number] <= live
        ]
        starts[change.item_key] = max(held, default=None)
    return starts


def _history_user_ids(kind: str, key: str, since: datetime.datetime | None) -> set:
    if kind == "disclosure":
        rows = Disclosure.history.all()
        return set((rows.filter(history_date__gt=since) if since else rows).values_list("history_user_id", flat=True))
    spec = SPEC_BY_KIND[kind]
    history = spec.model.history.model
    rows = history.objects.filter(**{spec.key: key})
    # The item's ids: its own, and any it had before being deleted (and perhaps added again).
    ids = set(rows.values_list("id", flat=True)) | set(
        spec.model.objects.filter(**{spec.key: key}).values_list("id", flat=True)
    )
    if since:
        rows = rows.filter(history_date__gt=since)
    users = set(rows.values_list("history_user_id", flat=True))
    for child in OPTION_CHILDREN if kind == "option" else ():
        child_rows = child.model.history.model.objects.filter(option_id__in=ids)
        if since:
            child_rows = child_rows.filter(history_date__gt=since)
        users |= set(child_rows.values_list("history_user_id", flat=True))
    return users


def working_copy_authors(changes: list[ItemChange]) -> dict[str, set]:
    """item key -> ids of the users (None for an import) who changed it since it was last released."""
    starts = _window_starts(changes)
    return {change.item_key: _history_user_ids(change.kind, change.key, starts[change.item_key]) for change in changes}


def release_authors(changes: list[ItemChange], target: Release) -> dict[str, set]:
    """For a roll-back to `target`: who authored each item's content in `target` (from the releases' records)."""
    found: dict[str, set] = {change.item_key: set() for change in changes}
    wanted = set(found)
    for record in Release.objects.filter(number__lte=target.number).order_by("-number").values_list("changes"):
        for entry in record[0]:
            key = entry["item"]
            if key in wanted:
                found[key] = set(entry.get("author_ids", []))
                wanted.discard(key)
    return found


# --- each item's standing against the live release, for the admin ------------------------------------------


def _last_change(model, pk: int) -> tuple[str, datetime.datetime] | None:
    """(who, when) of the latest history row of an item or, for an option, of any of its rows."""
    rows = [model.history.filter(id=pk).order_by("-history_date").values_list("history_user_id", "history_date")[:1]]
    if model is Option:
        rows += [
            child.model.history.model.objects.filter(option_id=pk)
            .order_by("-history_date")
            .values_list("history_user_id", "history_date")[:1]
            for child in OPTION_CHILDREN
        ]
    found = [row for query in rows for row in query]
    if not found:
        return None
    user_id, when = max(found, key=lambda row: row[1])
    return _user_names({user_id}).get(user_id, NO_USER), when


def release_status_by_pk(queryset) -> dict[int, str]:
    """For each item: unchanged since release N / changed by X on date / new / to be removed / left out."""
    model = queryset.model
    spec = SPEC_BY_MODEL[model]
    live = current_release()
    number = live.number if live else 0
    released = {str(item[spec.key]): item for item in (live.snapshot["items"].get(spec.kind, []) if live else [])}
    found = {}
    for instance in prefetched(spec).filter(pk__in=queryset.values("pk")):
        data = serialize(instance)
        included = data.pop("status", None) == ContentItem.Status.PUBLISHED
        before = released.get(str(data[spec.key]))
        if before is None:
            found[instance.pk] = "New: goes live with the next release" if included else "Not in any release (draft)"
        elif not included:
            found[instance.pk] = f"In release {number}; to be removed by the next release"
        elif before == data:
            found[instance.pk] = f"Unchanged since release {number}"
        else:
            who, when = _last_change(model, instance.pk) or (NO_USER, None)
            on = f" on {timezone.localtime(when):%d %B %Y}" if when else ""
            found[instance.pk] = f"Changed by {who}{on}; waits for the next release"
    return found


# --- publishing ----------------------------------------------------------------------------------------------


def can_publish(user) -> bool:
    """Only an active staff member of the Clinical reviewer group; being a superuser is not enough."""
    return bool(
        user.is_authenticated and user.is_active and user.is_staff and user.groups.filter(name=REVIEWER_GROUP).exists()
    )


def current_release() -> Release | None:
    return Release.objects.order_by("-number").first()


def live_release_number() -> int | None:
    """The live release's number, without reading its snapshot."""
    return Release.objects.order_by("-number").values_list("number", flat=True).first()


@dataclass(frozen=True)
class Proposal:
    """What publishing would do now: the snapshot, its diff against the current release, its problems and who
    changed each item."""

    base: Release | None
    snapshot: dict
    changes: list[ItemChange]
    problems: list[str]
    authors: dict[str, set]
    republishes: Release | None = None

    @property
    def base_number(self) -> int:
        return self.base.number if self.base else 0

    @property
    def digest(self) -> str:
        return content_digest(self.snapshot)

    def changed_by(self, user) -> list[ItemChange]:
        """The items in the diff that `user` changed (the two-person rule)."""
        return [change for change in self.changes if user.pk in self.authors.get(change.item_key, ())]

    def author_names(self) -> dict[str, list[str]]:
        names = _user_names({pk for ids in self.authors.values() for pk in ids})
        return {
            key: sorted(names.get(pk, NO_USER) if pk is not None else NO_USER for pk in ids)
            for key, ids in self.authors.items()
        }


def propose(*, republish: Release | None = None) -> Proposal:
    base = current_release()
    snapshot = _republished(republish.snapshot) if republish else working_snapshot()
    changes = diff_snapshots(base.snapshot if base else empty_snapshot(), snapshot)
    authors = release_authors(changes, republish) if republish else working_copy_authors(changes)
    return Proposal(base, snapshot, changes, release_problems(snapshot), authors, republish)


def _republished(snapshot: dict) -> dict:
    return {"items": snapshot["items"], "disclosure": snapshot["disclosure"]}


class PublishRefused(Exception):
    """Why a release was not published; `reasons` lists every one."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__(" ".join(reasons))
        self.reasons = reasons


def refusals(proposal: Proposal, user, *, note: str) -> list[str]:
    reasons = []
    if not can_publish(user):
        reasons.append("Only a member of the Clinical reviewer group can publish a release.")
    if not note.strip():
        reasons.append("Write a note saying what this release changes and why.")
    if not proposal.changes:
        reasons.append(f"Nothing differs from release {proposal.base_number}, so there is nothing to publish.")
    if proposal.problems:
        reasons.append(f"{len(proposal.problems)} problem(s) must be fixed first (listed on this page).")
    if mine := proposal.changed_by(user):
        reasons.append(
            "You changed these items yourself, so another clinical reviewer must publish them: "
            + "; ".join(change.label for change in mine)
            + "."
        )
    return reasons


def publish_release(*, user, note: str, base_number: int, digest: str, republish: int | None = None) -> Release:
    """Publish the working copy (or, for a roll-back, release `republish`) as the next release.

    `base_number` and `digest` are what the reviewer looked at: if another release was published or the content
    changed since, nothing is published and the reviewer is asked to look again. The release row is written
    last, in one transaction, so a failure part-way leaves the current release live; the unique release number
    means two reviewers publishing at once make one release, never two with the same number.
    """
    try:
        with transaction.atomic():
            # Wait for any publish under way (it holds the lock on the latest release), then read the latest number
            # afresh: the locked row itself is the one that was latest when this publish began.
            list(Release.objects.select_for_update().order_by("-number").values_list("number", flat=True)[:1])
            latest = Release.objects.aggregate(latest=Max("number"))["latest"] or 0
            if latest != base_number:
                raise PublishRefused(
                    [f"Release {latest} was published while you were looking. Look at the changes again."]
                )
            target = Release.objects.filter(number=republish).first() if republish else None
            if republish and target is None:
                raise PublishRefused([f"There is no release {republish} to publish again."])
            proposal = propose(republish=target)
            if proposal.digest != digest:
                raise PublishRefused(["The content changed while you were looking. Look at the changes again."])
            if reasons := refusals(proposal, user, note=note):
                raise PublishRefused(reasons)
            return _store(proposal, user, note)
    except IntegrityError:
        raise PublishRefused(["Another release was published at the same moment. Look at the changes again."]) from None
    except DatabaseError:
        raise PublishRefused(
            ["The release could not be saved, so the current release stays live. Try again."]
        ) from None


def publish_first_release(note: str) -> Release | None:
    """Release 1 from the command line on a new site (`publish_release --first`): the gate applies, no reviewer
    does. Does nothing once any release exists: from then on only a reviewer publishes."""
    with transaction.atomic():
        if Release.objects.exists():
            return None
        proposal = propose()
        if proposal.problems:
            raise PublishRefused([f"{len(proposal.problems)} problem(s) must be fixed first.", *proposal.problems])
        release = _store(proposal, None, note)
        # Summaries saved before releases existed were made from the content that release 1 now holds.
        apps.get_model("summaries", "SavedSummary").objects.filter(release=None).update(release=release)
        return release


def _store(proposal: Proposal, user, note: str) -> Release:
    number = proposal.base_number + 1
    now = timezone.now()
    names = proposal.author_names()
    snapshot = {**proposal.snapshot, "edited": _edited_on(proposal, number, now)}
    return Release.objects.create(
        number=number,
        published_at=now,
        published_by=user,
        published_by_name=user.get_username() if user else "the command line (first release)",
        note=note.strip(),
        changes=[
            {
                "item": change.item_key,
                "label": change.label,
                "action": change.action,
                "fields": [field.label for field in change.fields],
                "authors": names.get(change.item_key, []),
                # None stands for an import or the command line, so a roll-back can name it too.
                "author_ids": sorted(proposal.authors.get(change.item_key, ()), key=lambda pk: (pk is None, pk or 0)),
            }
            for change in proposal.changes
        ],
        snapshot=snapshot,
        item_keys=keys_of(snapshot),
        republishes=proposal.republishes.number if proposal.republishes else None,
    )


def _edited_on(proposal: Proposal, number: int, now: datetime.datetime) -> dict[str, list]:
    """item key -> [release number, date] when its content last changed: pages say 'written or last edited on'."""
    today = timezone.localtime(now).date().isoformat()
    if proposal.republishes:  # a roll-back puts back items as they were edited then
        edited = proposal.republishes.snapshot.get("edited", {})
        return {key: edited.get(key, [number, today]) for key in keys_of(proposal.snapshot)}
    before = proposal.base.snapshot.get("edited", {}) if proposal.base else {}
    changed = {change.item_key for change in proposal.changes}
    return {
        key: [number, today] if key in changed or key not in before else before[key]
        for key in keys_of(proposal.snapshot)
    }
