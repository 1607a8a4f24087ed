"""The board-editable catalogue: import the packaged one, edit with history, build a quyche catalogue.

Every write goes through :func:`save_reference` / :func:`delete_reference` / :func:`revert_change`: the
whole catalogue is validated by quyche before anything is stored (a broken link or a cycle is refused with
quyche's message), the change is kept in :class:`ReferenceChange`, and an event that matters to working
regulations — a supersession link added or confirmed, a model regulation changed — opens review tasks
(:mod:`quyche.web.reviews.services`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone

from quyche import references as core
from quyche.web.audit import services as audit
from quyche.web.audit.models import Action
from quyche.web.references.models import (
    BOARD_ORIGIN,
    PACKAGED_ORIGIN,
    ChangeAction,
    Reference,
    ReferenceChange,
)

RECORD_FIELDS = (
    "key", "number_symbol", "doc_type", "date", "date_precision", "date_confidence", "issuer", "issuer_confidence",
    "title_short", "kind", "applies_to", "in_force_from", "in_force_from_precision", "in_force_from_confidence",
    "superseded_by", "superseded_on", "superseded_on_precision", "link_confidence", "link_status", "link_type",
    "amends", "obsolete_for", "confidence", "status", "status_confidence", "content_confidence", "subject", "scope",
    "default_for", "default_for_confidence", "see_also", "review_after", "deadline", "basis", "note", "source",
)
DATE_FIELDS = frozenset(("date", "in_force_from", "superseded_on", "deadline"))
LIST_FIELDS = frozenset(("applies_to", "obsolete_for", "scope", "default_for", "see_also", "source"))
PRECISION_FIELDS = frozenset(("date_precision", "in_force_from_precision", "superseded_on_precision"))
# Fields whose change does not alter what a model regulation asks of organisations.
_CLERICAL = frozenset(("note", "source", "official_text", "origin", "updated_at", "updated_by"))
_RANK = {"H": 3, "M": 2, "L": 1}

assert set(RECORD_FIELDS) <= core._FIELDS, "every mirrored field is a field of references.md §1"


class ReferenceEditError(ValueError):
    """A catalogue edit that cannot be stored; the message says why (Vietnamese)."""


# ------------------------------------------------------------------------------------------- rows ↔ records
def _plain(value: Any) -> Any:
    """JSON-ready copy (dates inside obsolete_for become ISO strings)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=lambda v: v.isoformat()))


def record_of(ref: Reference) -> dict[str, Any]:
    """A row as a record of the packaged schema (references.md §1): empty values left out."""
    out: dict[str, Any] = {}
    for name in RECORD_FIELDS:
        value = ref.superseded_by_id if name == "superseded_by" else getattr(ref, name)
        if name == "applies_to":
            out[name] = list(value or [])  # required, [] included (references.md §1)
            continue
        if value is None or value == "" or value == [] or (name == "basis" and value is False):
            continue
        if name in PRECISION_FIELDS and value == "day":
            continue
        out[name] = value
    return out


def fields_of(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record of the packaged schema → model field values (unknown fields refused)."""
    unknown = sorted(set(record) - set(RECORD_FIELDS) - {"origin"})
    if unknown:
        raise ReferenceEditError(f"văn bản “{record.get('key')}”: trường “{unknown[0]}” không có trong danh mục")
    out: dict[str, Any] = {}
    for name in RECORD_FIELDS:
        value = record.get(name)
        if name in LIST_FIELDS:
            items = [] if value is None else ([value] if isinstance(value, str) else list(value))
            out[name] = _plain(items)
        elif name in DATE_FIELDS:
            out[name] = value if value is None or isinstance(value, date) else date.fromisoformat(str(value))
        elif name in PRECISION_FIELDS:
            out[name] = value or "day"
        elif name == "basis":
            out[name] = bool(value)
        elif name == "superseded_by":
            out["superseded_by_id"] = value or None
        else:
            out[name] = "" if value is None else str(value)
    return out


def _jsonable_record(record: Mapping[str, Any]) -> dict[str, Any]:
    return dict(_plain(dict(record)))


# ------------------------------------------------------------------------------------------- catalogue
@cache
def _packaged_data() -> dict[str, Any]:
    text = resources.files("quyche.data").joinpath(core.DATA_FILE).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def build_catalogue(records: Iterable[Mapping[str, Any]]) -> core.ReferenceCatalogue:
    """Validate records with quyche (links, cycles, dates, vocabulary) → catalogue; raises CatalogueError.

    The version is the packaged one while the records equal the packaged catalogue, else
    ``<packaged>+db.<digest>`` so every finding records which board state it used (references.md §0)."""
    packaged = _packaged_data()
    recs = [dict(r) for r in records]
    data = {"version": packaged.get("version"), "references": recs, "bases": packaged.get("bases")}
    cat = core.catalogue_from_data(data, "cơ sở dữ liệu")
    base = core.packaged_catalogue()
    mine = sorted((replace(r, origin="") for r in cat.references), key=lambda r: r.key)
    if mine == sorted((replace(r, origin="") for r in base.references), key=lambda r: r.key):
        cat.version = base.version
    else:
        digest = hashlib.sha256(repr(mine).encode("utf-8")).hexdigest()[:10]
        cat.version = f"{base.version}+db.{digest}"
    return cat


def _records_from_rows(rows: Iterable[Reference]) -> list[dict[str, Any]]:
    return [{**record_of(r), "origin": r.origin} for r in rows]


def as_catalogue() -> core.ReferenceCatalogue:
    """The catalogue checks use: the database rows (board edits included); the packaged catalogue while the
    table is still empty."""
    rows = list(Reference.objects.order_by("date", "key"))
    if not rows:
        return core.packaged_catalogue()
    return build_catalogue(_records_from_rows(rows))


# ------------------------------------------------------------------------------------------- import
@dataclass(frozen=True, slots=True)
class LoadResult:
    version: str
    created: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: int


@transaction.atomic
def load_packaged_references(user: Any = None, *, update: bool = False) -> LoadResult:
    """Import quyche's packaged catalogue: add the entries the database lacks; with ``update`` also
    overwrite rows that still come from the package (never rows the board has edited or added)."""
    packaged = _packaged_data()
    version = str(packaged.get("version") or "0")
    existing = {r.key: r for r in Reference.objects.all()}
    edited = set(ReferenceChange.objects.exclude(action=ChangeAction.LOAD).values_list("reference_key", flat=True))
    created: list[str] = []
    updated: list[str] = []
    unchanged = 0
    now = timezone.now()
    for raw in packaged.get("references") or []:
        fields = fields_of(raw)
        key = fields["key"]
        row = existing.get(key)
        if row is None:
            row = Reference(**fields, origin=PACKAGED_ORIGIN, updated_at=now, updated_by=user)
            row.save()
            created.append(key)
            ReferenceChange.objects.create(
                reference_key=key, action=ChangeAction.LOAD, fields=sorted(record_of(row)), old={},
                new=_jsonable_record(record_of(row)), source=f"{core.DATA_FILE} {version}",
                confidence=row.confidence, user=user,
            )
            continue
        if not update or row.origin != PACKAGED_ORIGIN or key in edited:
            unchanged += 1
            continue
        old = record_of(row)
        for name, value in fields.items():
            setattr(row, name, value)
        new = record_of(row)
        if new == old:
            unchanged += 1
            continue
        changed = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
        row.updated_at, row.updated_by = now, user
        row.save()
        updated.append(key)
        ReferenceChange.objects.create(
            reference_key=key, action=ChangeAction.LOAD, fields=changed,
            old=_jsonable_record({k: old.get(k) for k in changed}),
            new=_jsonable_record({k: new.get(k) for k in changed}),
            source=f"{core.DATA_FILE} {version}", confidence=row.confidence, user=user,
        )
    build_catalogue(_records_from_rows(Reference.objects.all()))  # refuse (roll back) a broken result
    if created or updated:
        audit.record(user, Action.IMPORT, None, model=Reference._meta.label_lower, object_repr="danh mục văn bản",
                     changes={"created": {"old": None, "new": created}, "updated": {"old": None, "new": updated}},
                     note=f"{core.DATA_FILE} {version}")
    return LoadResult(version, tuple(created), tuple(updated), unchanged)


# ------------------------------------------------------------------------------------------- edits
def link_event(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> str | None:
    """"added" when a supersession link appears or points elsewhere, "confirmed" when it is confirmed or its
    confidence rises; None otherwise (references.md §0: adding or confirming a link is an event)."""
    target = new.get("superseded_by")
    if not target:
        return None
    if old is None or old.get("superseded_by") != target:
        return "added"
    if new.get("link_status") == "confirmed" and old.get("link_status") != "confirmed":
        return "confirmed"
    if old.get("link_status") == "UNCONFIRMED" and not new.get("link_status"):
        return "confirmed"

    def rank(rec: Mapping[str, Any]) -> int:
        return _RANK.get(str(rec.get("link_confidence") or rec.get("confidence") or "L"), 1)

    return "confirmed" if rank(new) > rank(old) else None


def _validate_with(ref: Reference, *, drop: bool = False) -> core.ReferenceCatalogue:
    rows = [r for r in Reference.objects.all() if r.pk != ref.pk and r.key != ref.key]
    records = _records_from_rows(rows)
    if not drop:
        records.append({**record_of(ref), "origin": ref.origin})
    return build_catalogue(records)


@transaction.atomic
def save_reference(
    ref: Reference,
    user: Any,
    *,
    source: str,
    note: str = "",
    confidence: str = "",
    reverts: ReferenceChange | None = None,
) -> ReferenceChange | None:
    """Store a new or edited row (``ref`` already carries the new values), after validating the whole
    catalogue. Returns the change kept in the history (None when nothing changed)."""
    if not source.strip():
        raise ReferenceEditError("mỗi thay đổi danh mục cần ghi nguồn (đường dẫn hoặc mô tả văn bản căn cứ)")
    old_row = Reference.objects.filter(pk=ref.pk).first() if ref.pk is not None else None
    if old_row is not None and old_row.key != ref.key:
        raise ReferenceEditError(f"không được đổi khóa “{old_row.key}” (các liên kết và trích dẫn dùng khóa này)")
    old = record_of(old_row) if old_row is not None else None
    new = record_of(ref)
    file_changed = old_row is not None and (old_row.official_text.name or "") != (ref.official_text.name or "")
    changed = sorted(k for k in set(old or {}) | set(new) if (old or {}).get(k) != new.get(k))
    if old is not None and not changed and not file_changed:
        return None
    if file_changed:
        changed.append("official_text")
    _validate_with(ref)  # raises quyche.references.CatalogueError with the key and field
    if old_row is None and ref.origin in ("", PACKAGED_ORIGIN):
        ref.origin = BOARD_ORIGIN
    ref.updated_at, ref.updated_by = timezone.now(), user
    ref.save()
    change = ReferenceChange.objects.create(
        reference_key=ref.key,
        action=ChangeAction.REVERT if reverts else ChangeAction.ADD if old is None else ChangeAction.CHANGE,
        reverts=reverts,
        fields=changed,
        old=_jsonable_record({k: (old or {}).get(k) for k in changed}) if old is not None else {},
        new=_jsonable_record({k: new.get(k) for k in changed if k != "official_text"}),
        source=source.strip(),
        confidence=confidence or ref.link_confidence or ref.confidence,
        note=note,
        user=user,
    )
    audit.record(user, Action.CREATE if old is None else Action.UPDATE, ref,
                 changes=audit.diff(old, new) if old is not None else audit.diff(None, new), note=source.strip())
    _events(ref, old, new, change, user)
    return change


def _events(ref: Reference, old: Mapping[str, Any] | None, new: Mapping[str, Any], change: ReferenceChange,
            user: Any) -> None:
    from quyche.web.reviews import services as reviews

    event = link_event(old, new)
    if event is not None:
        reviews.reference_superseded(ref, event=event, change=change, actor=user)
    if old is not None and old.get("status") == "UNCONFIRMED" and new.get("status") != "UNCONFIRMED":
        for pred in Reference.objects.filter(superseded_by=ref):
            reviews.reference_superseded(pred, event="confirmed", change=change, actor=user)
    meaningful = set(change.fields) - _CLERICAL
    if (new.get("kind") == "model" or (old or {}).get("kind") == "model") and meaningful:
        reviews.model_changed(ref, change=change, actor=user)


@transaction.atomic
def delete_reference(
    ref: Reference, user: Any, *, source: str, note: str = "", reverts: ReferenceChange | None = None
) -> ReferenceChange:
    """Remove a board entry (refused while another entry or the căn cứ sets point at it)."""
    if not source.strip():
        raise ReferenceEditError("mỗi thay đổi danh mục cần ghi nguồn")
    if Reference.objects.filter(superseded_by=ref).exists():
        raise ReferenceEditError(f"văn bản “{ref.key}” đang là văn bản thay thế của văn bản khác")
    _validate_with(ref, drop=True)
    old = record_of(ref)
    key = ref.key
    ref.delete()
    change = ReferenceChange.objects.create(
        reference_key=key, action=ChangeAction.REVERT if reverts else ChangeAction.DELETE, reverts=reverts,
        fields=sorted(old), old=_jsonable_record(old), new={}, source=source.strip(), note=note, user=user,
    )
    audit.record(user, Action.DELETE, None, model=Reference._meta.label_lower, object_id=key, object_repr=key,
                 changes=audit.diff(old, None), note=source.strip())
    return change


@transaction.atomic
def revert_change(change: ReferenceChange, user: Any, *, source: str = "", note: str = "") -> ReferenceChange | None:
    """Undo one change: put back the old values of its fields (refused when they were changed again since)."""
    why = source.strip() or f"hoàn tác thay đổi #{change.pk}"
    row = Reference.objects.filter(key=change.reference_key).first()
    removed = bool(change.old) and not change.new  # the change deleted the entry
    added = not change.old  # the change created it
    if removed:
        if row is not None:
            raise ReferenceEditError(f"văn bản “{change.reference_key}” đã có lại trong danh mục")
        row = Reference(**fields_of(change.old), origin=BOARD_ORIGIN)
        return save_reference(row, user, source=why, note=note, reverts=change)
    if row is None:
        raise ReferenceEditError(f"văn bản “{change.reference_key}” không còn trong danh mục")
    if added:
        return delete_reference(row, user, source=why, note=note, reverts=change)
    current = _jsonable_record(record_of(row))
    for name in change.fields:
        if name == "official_text":
            continue
        if current.get(name) != change.new.get(name):
            raise ReferenceEditError(
                f"trường “{name}” của “{row.key}” đã được sửa sau thay đổi này; hãy sửa trực tiếp"
            )
    restored = {**record_of(row), **{k: v for k, v in change.old.items() if v is not None}}
    for name in change.fields:
        if change.old.get(name) is None:
            restored.pop(name, None)
    for name, value in fields_of(restored).items():
        setattr(row, name, value)
    return save_reference(row, user, source=why, note=note, reverts=change)
