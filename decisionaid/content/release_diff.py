"""What differs between two release snapshots, item by item and field by field, in words a reviewer reads.

An option's rows (evidence, outcomes, side effects…) have no keys of their own, so they are matched by content:
rows that are equal are left out, a removed row and an added row in the same place are shown as one changed row.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist

from decisionaid.content.models import Disclosure
from decisionaid.content.serialization import SPEC_BY_KIND, SPECS, ChildSpec

# The fields that name an option's row in the diff.
_CHILD_ROW_NAMES = {
    "evidence": ("concern",),
    "outcomes": ("description",),
    "side_effects": ("description",),
    "regulatory": ("jurisdiction",),
    "rules": ("health_item", "skin_types"),
}
_CHILD_LABELS = {
    "evidence": "Evidence row",
    "outcomes": "Outcome",
    "side_effects": "Side effect",
    "regulatory": "Regulatory status",
    "rules": "Health rule",
}
DISCLOSURE_LABELS = {
    "authors": "Authors",
    "funder": "Funder",
    "conflicts_of_interest": "Conflicts of interest",
}


@dataclass(frozen=True)
class Segment:
    kind: str  # "same", "removed" or "added"
    text: str


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str

    @property
    def words(self) -> list[Segment]:
        """The change word by word, for showing deletions and insertions in place."""
        old, new = _tokens(self.before), _tokens(self.after)
        segments = []
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if op == "equal":
                segments.append(Segment("same", "".join(old[i1:i2])))
                continue
            removed, added = "".join(old[i1:i2]), "".join(new[j1:j2])
            # A replaced word and its replacement often share the space after them: show it once, unmarked.
            shared = ""
            while removed and added and removed[-1].isspace() and removed[-1] == added[-1]:
                shared, removed, added = removed[-1] + shared, removed[:-1], added[:-1]
            if removed:
                segments.append(Segment("removed", removed))
            if added:
                segments.append(Segment("added", added))
            if shared:
                segments.append(Segment("same", shared))
        return segments


@dataclass(frozen=True)
class ItemChange:
    kind: str
    key: str
    label: str
    action: str  # "new", "changed" or "removed"
    fields: tuple[FieldChange, ...]

    @property
    def item_key(self) -> str:
        return f"{self.kind}:{self.key}"

    @property
    def action_label(self) -> str:
        return {"new": "New", "changed": "Changed", "removed": "To be removed"}[self.action]


def _tokens(text: str) -> list[str]:
    return [token for token in re.split(r"(\s+)", text) if token]


def item_label(kind: str, item: dict) -> str:
    spec = SPEC_BY_KIND[kind]
    name = next((item[field] for field in ("name", "title", "term", "question", "text") if item.get(field)), None)
    shown = str(name or item[spec.key])
    if len(shown) > 80:
        shown = shown[:77] + "…"
    return f"{spec.model._meta.verbose_name.capitalize()} “{shown}”"


def shown_value(value: object) -> str:
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _field_label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name).capitalize()
    except FieldDoesNotExist:  # a name that is not a model field (e.g. a child list)
        return name.replace("_", " ").capitalize()


def _field_changes(model, before: dict, after: dict, names, prefix: str = "") -> list[FieldChange]:
    changes = []
    for name in names:
        old, new = shown_value(before.get(name)), shown_value(after.get(name))
        if old != new:
            changes.append(FieldChange(f"{prefix}{_field_label(model, name)}", old, new))
    return changes


def _row_name(child: ChildSpec, row: dict) -> str:
    parts = [shown_value(row.get(name)) for name in _CHILD_ROW_NAMES[child.name] if row.get(name)]
    text = " ".join(parts)
    return f"“{text[:60]}{'…' if len(text) > 60 else ''}”" if text else ""


def _row_text(child: ChildSpec, row: dict) -> str:
    return "\n".join(
        f"{_field_label(child.model, name)}: {shown_value(row[name])}" for name in child.fields if row.get(name)
    )


def _child_changes(child: ChildSpec, before: list[dict], after: list[dict]) -> list[FieldChange]:
    canon = lambda row: json.dumps(row, sort_keys=True, default=str)  # noqa: E731
    label = _CHILD_LABELS[child.name]
    changes = []
    matcher = difflib.SequenceMatcher(None, list(map(canon, before)), list(map(canon, after)), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        old_rows, new_rows = before[i1:i2], after[j1:j2]
        paired = min(len(old_rows), len(new_rows)) if op == "replace" else 0
        for number, (old, new) in enumerate(zip(old_rows[:paired], new_rows[:paired], strict=True), start=j1 + 1):
            prefix = f"{label} {number} {_row_name(child, new)}: ".replace("  ", " ")
            changes += _field_changes(child.model, old, new, child.fields, prefix)
        for row in old_rows[paired:]:
            changes.append(FieldChange(f"{label} removed {_row_name(child, row)}".strip(), _row_text(child, row), ""))
        for row in new_rows[paired:]:
            changes.append(FieldChange(f"{label} added {_row_name(child, row)}".strip(), "", _row_text(child, row)))
    return changes


def _item_changes(kind: str, before: dict, after: dict) -> list[FieldChange]:
    spec = SPEC_BY_KIND[kind]
    changes = _field_changes(spec.model, before, after, (*spec.fields, "last_reviewed_on", "next_review_due"))
    for child in spec.children:
        changes += _child_changes(child, before.get(child.name, []), after.get(child.name, []))
    return changes


def diff_snapshots(old: dict, new: dict) -> list[ItemChange]:
    """Every item that is new, changed or removed in `new` compared with `old`, in the pack's order."""
    changes = []
    for spec in SPECS:
        before = {str(item[spec.key]): item for item in old["items"].get(spec.kind, [])}
        after = {str(item[spec.key]): item for item in new["items"].get(spec.kind, [])}
        for key in sorted(before.keys() | after.keys(), key=lambda k: (k not in after, k)):
            old_item, new_item = before.get(key), after.get(key)
            if old_item == new_item:
                continue
            if old_item is None:
                action, label = "new", item_label(spec.kind, new_item)
            elif new_item is None:
                action, label = "removed", item_label(spec.kind, old_item)
            else:
                action, label = "changed", item_label(spec.kind, new_item)
            fields = _item_changes(spec.kind, old_item or {}, new_item or {})
            changes.append(ItemChange(spec.kind, key, label, action, tuple(fields)))
    if old["disclosure"] != new["disclosure"]:
        fields = tuple(
            FieldChange(label, shown_value(old["disclosure"].get(name)), shown_value(new["disclosure"].get(name)))
            for name, label in DISCLOSURE_LABELS.items()
            if old["disclosure"].get(name) != new["disclosure"].get(name)
        )
        changes.append(ItemChange("disclosure", "disclosure", str(Disclosure()), "changed", fields))
    return changes
