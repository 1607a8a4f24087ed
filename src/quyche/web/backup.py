"""Backup and restore: every row (JSON, model by model, by primary key) and every stored file in one ZIP.

Layout of the archive::

    manifest.json                     schema, time, quyche version, applied migrations, row counts, files (sha256)
    data/<app>.<model>.json           Django JSON serialisation, rows ordered by primary key
    files/<storage name>              the stored original files (originals/ab/<sha256>.docx …)

Foreign keys to users, groups, permissions and content types are written as natural keys, so a restore
into a freshly migrated empty database (where permissions and content types got other ids) gives back the
same data. :func:`restore_backup` refuses a database that already holds data, or one that lacks a
migration the backup was made with.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, Any
from zipfile import ZIP_DEFLATED, ZipFile

from django.apps import apps
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder

SCHEMA = "quyche/backup/v1"
# Load order: a natural-key foreign key (a user by username, a group by name) needs its row first.
MODELS = (
    "auth.group",
    "accounts.user",
    "accounts.apitoken",
    "organizations.organization",
    "organizations.profileversion",
    "references.reference",
    "references.referencechange",
    "regulations.regulation",
    "regulations.regulationversion",
    "regulations.versioncitation",
    "regulations.waiver",
    "reviews.reviewtask",
    "meetings.meeting",
    "audit.auditlog",
    "admin.logentry",
)
CHUNK = 1 << 20


class _ExactEncoder(DjangoJSONEncoder):
    """Django's encoder cuts datetimes to milliseconds; a backup keeps every microsecond."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


class BackupError(Exception):
    """The archive cannot be made or restored; the message says why (Vietnamese)."""


@dataclass(frozen=True, slots=True)
class BackupSummary:
    rows: dict[str, int]
    files: int
    manifest: dict[str, Any]


def backup_models() -> list[type[models.Model]]:
    """The models a backup holds, in load order; fails loudly if an app gained a model not listed here."""
    listed = [apps.get_model(label) for label in MODELS]
    ours = {m for app in ("accounts", "organizations", "references", "regulations", "reviews", "meetings", "audit")
            for m in apps.get_app_config(app).get_models()}
    missing = sorted(m._meta.label_lower for m in ours - set(listed))
    if missing:
        raise BackupError(f"mô hình chưa có trong danh sách sao lưu: {', '.join(missing)}")
    return listed


def _file_fields(model: type[models.Model]) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def _stored_files(model_list: list[type[models.Model]]) -> list[str]:
    names: set[str] = set()
    for model in model_list:
        for field in _file_fields(model):
            names.update(n for n in model._default_manager.values_list(field, flat=True) if n)
    return sorted(names)


def _migrations(alias: str) -> list[list[str]]:
    recorder = MigrationRecorder(connections[alias])
    return sorted([app, name] for app, name in recorder.applied_migrations())


def _quyche_version() -> str:
    try:
        return version("quyche")
    except PackageNotFoundError:
        return "unknown"


def create_backup(dest: str | Path | IO[bytes], *, using: str = DEFAULT_DB_ALIAS) -> BackupSummary:
    """Write every row and stored file to one ZIP archive at ``dest`` (a path or a binary stream)."""
    model_list = backup_models()
    rows: dict[str, int] = {}
    files: list[dict[str, Any]] = []
    with transaction.atomic(using=using), ZipFile(dest, "w", compression=ZIP_DEFLATED) as zf:
        # one transaction: rows and file list are one consistent snapshot (PostgreSQL: repeatable enough
        # for a backup made while the service runs; SQLite: writers wait)
        for model in model_list:
            label = model._meta.label_lower
            qs = model._default_manager.using(using).order_by("pk")
            rows[label] = qs.count()
            with zf.open(f"data/{label}.json", "w") as raw, io.TextIOWrapper(raw, encoding="utf-8") as out:
                serializers.serialize(
                    "json", qs.iterator(chunk_size=500), stream=out, indent=1, cls=_ExactEncoder,
                    use_natural_foreign_keys=True, use_natural_primary_keys=False,
                )
        for name in _stored_files(model_list):
            if not default_storage.exists(name):
                raise BackupError(f"thiếu tệp đã lưu “{name}” (kho tệp không khớp cơ sở dữ liệu)")
            digest = hashlib.sha256()
            size = 0
            with default_storage.open(name, "rb") as src, zf.open(f"files/{name}", "w", force_zip64=True) as dst:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    dst.write(chunk)
            files.append({"name": name, "sha256": digest.hexdigest(), "size": size})
        manifest = {
            "schema": SCHEMA,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "quyche": _quyche_version(),
            "database": connections[using].vendor,
            "migrations": _migrations(using),
            "models": [{"model": m._meta.label_lower, "rows": rows[m._meta.label_lower]} for m in model_list],
            "files": files,
        }
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    return BackupSummary(rows, len(files), manifest)


def read_manifest(zf: ZipFile) -> dict[str, Any]:
    try:
        manifest = json.loads(zf.read("manifest.json"))
    except KeyError:
        raise BackupError("không phải bản sao lưu của quyche (thiếu manifest.json)") from None
    except ValueError:
        raise BackupError("manifest.json hỏng") from None
    if not isinstance(manifest, dict) or manifest.get("schema") != SCHEMA:
        raise BackupError(f"bản sao lưu không đúng lược đồ {SCHEMA}")
    return manifest


def _objects(zf: ZipFile, member: str, using: str) -> Iterator[Any]:
    with zf.open(member) as raw, io.TextIOWrapper(raw, encoding="utf-8") as text:
        yield from serializers.deserialize("json", text, using=using, handle_forward_references=True)


def restore_backup(src: str | Path | IO[bytes], *, using: str = DEFAULT_DB_ALIAS) -> BackupSummary:
    """Load an archive made by :func:`create_backup` into an empty, migrated database, files included."""
    model_list = backup_models()
    conn = connections[using]
    with ZipFile(src) as zf:
        manifest = read_manifest(zf)
        applied = {tuple(m) for m in _migrations(using)}
        missing = [f"{a}.{n}" for a, n in (tuple(m) for m in manifest.get("migrations", [])) if (a, n) not in applied]
        if missing:
            raise BackupError(
                "bản sao lưu được tạo với phiên bản mới hơn; hãy cập nhật quyche và chạy migrate trước "
                f"(thiếu: {', '.join(missing[:5])})"
            )
        busy = [m._meta.label_lower for m in model_list if m._default_manager.using(using).exists()]
        if busy:
            raise BackupError(
                f"cơ sở dữ liệu không trống (đã có dữ liệu: {', '.join(busy)}); chỉ khôi phục vào CSDL trống"
            )
        known = {m._meta.label_lower for m in model_list}
        wanted = [entry["model"] for entry in manifest.get("models", [])]
        unknown = sorted(set(wanted) - known)
        if unknown:
            raise BackupError(f"bản sao lưu có loại dữ liệu không biết: {', '.join(unknown)}")
        # files first (verified by hash): a failed database load leaves only unused, content-addressed files
        for entry in manifest.get("files", []):
            name = str(entry["name"])
            if name.startswith("/") or ".." in Path(name).parts:
                raise BackupError(f"tên tệp không an toàn trong bản sao lưu: {name}")
            data = zf.read(f"files/{name}")
            if hashlib.sha256(data).hexdigest() != entry["sha256"]:
                raise BackupError(f"tệp “{name}” trong bản sao lưu bị hỏng (sai mã băm)")
            if default_storage.exists(name):
                with default_storage.open(name, "rb") as fh:
                    if hashlib.sha256(fh.read()).hexdigest() == entry["sha256"]:
                        continue
                default_storage.delete(name)
            saved = default_storage.save(name, ContentFile(data))
            if saved != name:
                raise BackupError(f"không lưu được tệp “{name}” đúng tên")
        rows: dict[str, int] = {}
        with transaction.atomic(using=using):
            with conn.constraint_checks_disabled():
                for label in [m._meta.label_lower for m in model_list]:
                    member = f"data/{label}.json"
                    if label not in wanted:
                        continue
                    deferred = []
                    count = 0
                    for obj in _objects(zf, member, using):
                        obj.save(using=using)
                        if obj.deferred_fields:
                            deferred.append(obj)
                        count += 1
                    for obj in deferred:
                        obj.save_deferred_fields(using=using)
                    rows[label] = count
            conn.check_constraints(table_names=[m._meta.db_table for m in model_list])
            statements = conn.ops.sequence_reset_sql(no_style(), model_list)
            if statements:
                with conn.cursor() as cursor:
                    for sql in statements:
                        cursor.execute(sql)
    return BackupSummary(rows, len(manifest.get("files", [])), manifest)
