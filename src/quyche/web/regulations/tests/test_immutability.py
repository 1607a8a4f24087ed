"""Issued versions never change: refused by the model, the manager and the database."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models.deletion import ProtectedError

from quyche.web.immutable import ImmutableError
from quyche.web.regulations.models import RegulationStatus, RegulationVersion, VersionCitation
from quyche.web.regulations.services import create_regulation, delete_draft_version, issue_version, upload_version


@pytest.fixture
def version(tree: dict[str, Any], users: dict[str, Any], docx: Any, upload: Any) -> RegulationVersion:
    reg = create_regulation(tree["an_hoa"], 2025, 2030)
    return upload_version(reg, upload(docx()), users["staff"])


def raw_update(table: str, column: str, value: Any, pk: int) -> None:
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute(f"UPDATE {table} SET {column} = %s WHERE id = %s", [value, pk])


def test_draft_content_never_changes(version: RegulationVersion) -> None:
    version.findings = []
    with pytest.raises(ImmutableError, match="kết quả kiểm tra"):
        version.save()
    with pytest.raises(IntegrityError):
        raw_update(RegulationVersion._meta.db_table, "ruleset", "khác", version.pk)


def test_issue_once_then_frozen(version: RegulationVersion, users: dict[str, Any]) -> None:
    issue_version(version, users["inspector"])
    version.refresh_from_db()
    assert version.is_issued and version.issued_by == users["inspector"]
    assert version.regulation.status == RegulationStatus.ISSUED
    # model
    version.note = "sửa sau khi ban hành"
    with pytest.raises(ImmutableError, match="đã ban hành"):
        version.save()
    version.refresh_from_db()
    version.issued_at = None
    version.issued_by = None
    with pytest.raises(ImmutableError):
        version.save()
    with pytest.raises(ImmutableError, match="không được xóa"):
        version.delete()
    # manager
    with pytest.raises(ImmutableError):
        RegulationVersion.objects.filter(pk=version.pk).update(note="x")
    with pytest.raises(ImmutableError):
        RegulationVersion.objects.filter(pk=version.pk).delete()
    with pytest.raises(ImmutableError):
        RegulationVersion.objects.bulk_update([version], ["note"])
    # the regulation cannot be deleted from under it
    with pytest.raises(ProtectedError):
        version.regulation.delete()
    # database: any update of an issued row is refused, even of the issue fields
    with pytest.raises(IntegrityError):
        raw_update(RegulationVersion._meta.db_table, "note", "x", version.pk)
    with pytest.raises(IntegrityError):
        raw_update(RegulationVersion._meta.db_table, "issued_at", None, version.pk)
    with pytest.raises(IntegrityError):
        raw_update(VersionCitation._meta.db_table, "raw", "x", version.citations.first().pk)  # type: ignore[union-attr]
    stored = RegulationVersion.objects.get(pk=version.pk)
    assert stored.note == "" and stored.is_issued


def test_issuing_supersedes_older_terms(tree: dict[str, Any], users: dict[str, Any], docx: Any,
                                        upload: Any) -> None:
    old = create_regulation(tree["an_hoa"], 2020, 2025)
    issue_version(upload_version(old, upload(docx()), users["staff"]), users["inspector"])
    new = create_regulation(tree["an_hoa"], 2025, 2030)
    issue_version(upload_version(new, upload(docx(issuer="ĐẢNG ỦY XÃ AN HÒA ")), users["staff"]), users["inspector"])
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.status, new.status) == (RegulationStatus.SUPERSEDED, RegulationStatus.ISSUED)


def test_a_draft_uploaded_by_mistake_can_be_removed(version: RegulationVersion, users: dict[str, Any],
                                                    upload: Any, docx: Any) -> None:
    from django.core.files.storage import default_storage

    name = version.file.name
    twin = upload_version(version.regulation, upload(docx()), users["staff"])  # same bytes, same file
    delete_draft_version(version, users["staff"])
    assert default_storage.exists(name)  # still used by the twin
    with pytest.raises(ImmutableError):  # not through the queryset either once issued
        issue_version(twin, users["inspector"]).delete()
