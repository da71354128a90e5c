"""The content pack: the clinical content as versioned YAML files in the repository.

Each kind's file and fields are in `serialization.SPECS`, and `serialize` gives the pack's plain-dict shape (the
same shape the publishing gate checks). `load_pack` reads the files into the database idempotently, refusing
published items the gate would refuse; `export_pack` writes the database back out. Export, then load into an
empty database, then export again gives identical files.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import models, transaction

from decisionaid.content import gate
from decisionaid.content.history import change_reason
from decisionaid.content.models import ContentItem, Release
from decisionaid.content.publishing import gate_context
from decisionaid.content.serialization import (
    SPECS,
    WORKFLOW_FIELDS,
    KindSpec,
    normalize,
    prefetched,
    related_name,
    serialize,
)
from decisionaid.content.text import normalise_newlines


class PackError(Exception):
    """A malformed content pack; the message names the file and the item."""

    def __init__(self, path: str, item: str | None, message: str) -> None:
        where = f"{path}, item {item!r}" if item else path
        super().__init__(f"{where}: {message}")


def digest(data: dict) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


# --- exporting --------------------------------------------------------------------------------------------


class _PackDumper(yaml.SafeDumper):
    pass


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    text = normalise_newlines(text)  # never a "\r": a text with line breaks is a block, one line a line
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_PackDumper.add_representer(str, _represent_text)


def dump_yaml(data: object) -> str:
    return yaml.dump(
        data, Dumper=_PackDumper, sort_keys=False, allow_unicode=True, width=1_000_000
    )  # one text, one line: small diffs


def export_pack(directory: Path, release: Release | None = None) -> dict[str, int]:
    """Write the working copy (or a release) to `directory`; returns how many items of each kind were written."""
    counts: dict[str, int] = {}
    for spec in SPECS:
        if release is None:
            items = [serialize(instance) for instance in prefetched(spec)]
        else:
            items = [_as_published(item) for item in release.snapshot["items"].get(spec.kind, [])]
        counts[spec.kind] = len(items)
        if spec.one_file_per_item:
            folder = directory / spec.path
            folder.mkdir(parents=True, exist_ok=True)
            wanted = {f"{item[spec.key]}.yaml": item for item in items}
            for stale in folder.glob("*.yaml"):
                if stale.name not in wanted:
                    stale.unlink()
            for name, item in wanted.items():
                (folder / name).write_text(dump_yaml(item), encoding="utf-8")
        else:
            (directory / spec.path).write_text(dump_yaml(items), encoding="utf-8")
    return counts


def _as_published(item: dict) -> dict:
    """A release's item as the pack writes it: the status a released item has, before its review dates."""
    dates = {name: item[name] for name in WORKFLOW_FIELDS if name in item}
    rest = {name: value for name, value in item.items() if name not in WORKFLOW_FIELDS}
    return {**rest, "status": ContentItem.Status.PUBLISHED.value, **dates}


# --- loading ----------------------------------------------------------------------------------------------


@dataclass
class LoadResult:
    counts: Counter = field(default_factory=Counter)  # (kind, outcome) -> number
    kept: list[str] = field(default_factory=list)  # items left alone because they were edited in the admin

    def total(self, outcome: str) -> int:
        return sum(number for (_, result), number in self.counts.items() if result == outcome)


def read_pack(directory: Path) -> list[tuple[KindSpec, str, dict]]:
    """Parse and check the shape of every file; returns (spec, file name, raw item) in load order."""
    entries = []
    for spec in SPECS:
        if spec.one_file_per_item:
            files = sorted((directory / spec.path).glob("*.yaml"))
        else:
            files = [directory / spec.path]
        for path in files:
            shown = str(path.relative_to(directory))
            if not path.exists():
                raise PackError(shown, None, "file is missing")
            try:
                parsed = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (yaml.YAMLError, UnicodeDecodeError) as error:
                raise PackError(shown, None, f"is not valid YAML: {error}") from None
            items = [parsed] if spec.one_file_per_item else (parsed if parsed is not None else [])
            if not isinstance(items, list):
                raise PackError(shown, None, "must hold a list of items")
            for number, item in enumerate(items, start=1):
                entries.append((spec, shown, _checked_shape(spec, shown, number, item, path)))
    return entries


def _checked_shape(spec: KindSpec, shown: str, number: int, item: object, path: Path) -> dict:
    if not isinstance(item, dict):
        raise PackError(shown, f"#{number}", "must be a mapping of field names to values")
    name = str(item.get(spec.key) or f"#{number}")
    if spec.key not in item:
        raise PackError(shown, name, f"has no {spec.key!r}")
    if unknown := sorted(set(item) - spec.allowed_keys):
        raise PackError(shown, name, f"has unknown fields: {', '.join(map(str, unknown))}")
    if spec.one_file_per_item and path.stem != str(item[spec.key]):
        raise PackError(shown, name, f"the file must be named after its {spec.key}: {item[spec.key]}.yaml")
    for child in spec.children:
        rows = item.get(child.name, [])
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise PackError(shown, name, f"{child.name} must be a list of mappings")
        for row_number, row in enumerate(rows, start=1):
            if unknown := sorted(set(row) - set(child.fields)):
                raise PackError(shown, name, f"{child.name} {row_number} has unknown fields: {', '.join(unknown)}")
    return item


def load_pack(directory: Path, *, force: bool = False) -> LoadResult:
    """Load the pack into the working copy in one transaction; a malformed pack changes nothing. Patients see
    it only once a clinical reviewer publishes a release."""
    entries = read_pack(directory)
    result = LoadResult()
    seen: set[tuple[str, str]] = set()
    with transaction.atomic():
        for spec, shown, raw in entries:
            name = str(raw[spec.key])
            if (spec.kind, name) in seen:
                raise PackError(shown, name, "appears twice in the pack")
            seen.add((spec.kind, name))
            outcome = _load_item(spec, shown, raw, force=force)
            result.counts[(spec.kind, outcome)] += 1
            if outcome == "kept":
                result.kept.append(f"{spec.kind} {name}")
        if failures := published_items_failing_gate():
            spec, item, problems = failures[0]
            raise PackError(
                pack_file(spec, item),
                str(item),
                "is published but fails the publishing checks: "
                + "; ".join(map(str, problems))
                + f" ({len(failures)} item(s) fail in all)",
            )
    return result


def pack_file(spec: KindSpec, key: object) -> str:
    return f"{spec.path}{key}.yaml" if spec.one_file_per_item else spec.path


def published_items_failing_gate() -> list[tuple[KindSpec, str, list]]:
    """(spec, key, problems) for every published item that the publishing gate would refuse."""
    context = gate_context()
    failures = []
    for spec in SPECS:
        for instance in prefetched(spec).published():
            data = serialize(instance)
            if problems := gate.problems_for(spec.kind, data, context=context):
                failures.append((spec, str(data[spec.key]), problems))
    return failures


def with_defaults(spec: KindSpec, raw: dict) -> dict:
    """Fill in the model's defaults for missing fields (an order of 0, a draft status), as saving would."""

    def filled(model: type[models.Model], names: tuple[str, ...], data: dict) -> dict:
        result = dict(data)
        for name in names:
            model_field = model._meta.get_field(name)
            if name not in result and model_field.has_default() and not callable(model_field.default):
                result[name] = model_field.default
        return result

    item = filled(spec.model, (*spec.fields, *WORKFLOW_FIELDS), raw)
    for child in spec.children:
        if child.name in item:
            item[child.name] = [filled(child.model, child.fields, row) for row in item[child.name]]
    return item


def _load_item(spec: KindSpec, shown: str, raw: dict, *, force: bool) -> str:
    name = str(raw[spec.key])
    wanted = normalize(with_defaults(spec, raw))
    instance = prefetched(spec).filter(**{spec.key: name}).first()
    if instance is not None:
        current = serialize(instance)
        if current == wanted:
            if instance.pack_digest != digest(current):
                type(instance).objects.filter(pk=instance.pk).update(pack_digest=digest(current))
            return "unchanged"
        if digest(current) != instance.pack_digest and not force:
            return "kept"
        outcome = "updated"
    else:
        instance = spec.model()
        outcome = "created"
    try:
        with change_reason("load_content"):
            _apply(spec, instance, wanted)
    except ValidationError as error:
        raise PackError(shown, name, _describe(error)) from None
    except LookupError as error:
        raise PackError(shown, name, str(error.args[0])) from None
    stored = serialize(prefetched(spec).get(pk=instance.pk))
    if stored != wanted:
        changed = sorted(key for key in {*stored, *wanted} if stored.get(key) != wanted.get(key))
        raise PackError(shown, name, f"did not load faithfully; check the values of: {', '.join(changed)}")
    type(instance).objects.filter(pk=instance.pk).update(pack_digest=digest(stored))
    return outcome


def _apply(spec: KindSpec, instance: ContentItem, data: dict) -> None:
    many = _set_fields(instance, (spec.key, *spec.fields, *WORKFLOW_FIELDS), data)
    instance.full_clean(exclude=["pack_digest"])
    instance._change_reason = "load_content"
    instance.save()
    for name, keys in many.items():
        getattr(instance, name).set(keys)
    for child in spec.children:
        getattr(instance, related_name(child)).all().delete()
        for row_number, row in enumerate(data.get(child.name, []), start=1):
            record = child.model(option=instance)
            try:
                many = _set_fields(record, child.fields, row)
                record.full_clean(exclude=["option"])
            except ValidationError as error:
                raise ValidationError(f"{child.name} {row_number}: {_describe(error)}") from None
            except LookupError as error:
                raise LookupError(f"{child.name} {row_number}: {error.args[0]}") from None
            record.save()
            for name, keys in many.items():
                getattr(record, name).set(keys)


def _set_fields(instance: models.Model, names: tuple[str, ...], data: dict) -> dict[str, list]:
    """Set plain and foreign-key fields; return many-to-many values (looked up) to set after saving."""
    many: dict[str, list] = {}
    for name in names:
        model_field = instance._meta.get_field(name)
        value = data.get(name)
        if model_field.many_to_many:
            many[name] = _look_up_all(model_field.related_model, value or [], name)
        elif model_field.many_to_one:
            setattr(instance, name, _look_up(model_field.related_model, value, name) if value else None)
        elif value is None or value == "":
            setattr(instance, name, _empty_value(model_field))
        else:
            setattr(instance, model_field.attname, model_field.to_python(value))
    return many


def _empty_value(model_field: models.Field) -> object:
    if isinstance(model_field, models.BooleanField):
        return False
    if model_field.has_default():
        return model_field.get_default()
    return None if model_field.null else ""


def _natural_key(model: type[models.Model]) -> str:
    return "key" if any(f.name == "key" for f in model._meta.fields) else "slug"


def _look_up(model: type[models.Model], value: object, name: str) -> models.Model:
    found = model.objects.filter(**{_natural_key(model): str(value)}).first()
    if found is None:
        raise LookupError(f"{name}: unknown {model._meta.verbose_name} {value!r}")
    return found


def _look_up_all(model: type[models.Model], values: object, name: str) -> list[models.Model]:
    if not isinstance(values, list):
        raise LookupError(f"{name}: must be a list")
    key = _natural_key(model)
    found = {str(getattr(obj, key)): obj for obj in model.objects.filter(**{f"{key}__in": [str(v) for v in values]})}
    if missing := [str(v) for v in values if str(v) not in found]:
        raise LookupError(f"{name}: unknown {model._meta.verbose_name} {', '.join(missing)}")
    return [found[str(v)] for v in values]


def _describe(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
    return " ".join(error.messages)
