"""Backup → restore into an empty database gives back the same rows and files."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any
from zipfile import ZipFile

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from quyche.web.accounts.models import User
from quyche.web.accounts.services import authenticate_token, create_token
from quyche.web.audit.models import AuditLog
from quyche.web.backup import MODELS, BackupError, create_backup, restore_backup
from quyche.web.meetings.services import record_meeting
from quyche.web.organizations.models import Organization
from quyche.web.organizations.services import add_profile_version, create_organization
from quyche.web.references.models import Reference
from quyche.web.references.services import load_packaged_references, save_reference
from quyche.web.regulations.models import RegulationVersion
from quyche.web.regulations.services import create_regulation, grant_waiver, issue_version, upload_version
from quyche.web.reviews.models import ReviewTask


def data_members(archive: bytes) -> dict[str, bytes]:
    with ZipFile(io.BytesIO(archive)) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n != "manifest.json"}


@pytest.fixture
def populated(tree: dict[str, Any], users: dict[str, Any], profiles: dict[str, Any], docx: Any, upload: Any
              ) -> dict[str, Any]:
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Ban xây dựng Đảng")
    group.permissions.add(Permission.objects.get(codename="change_reference"))
    users["inspector"].groups.add(group)
    load_packaged_references()
    add_profile_version(tree["an_hoa"], profiles["xa"](), users["inspector"])
    reg = create_regulation(tree["an_hoa"], 2025, 2030, khoa="I")
    v1 = issue_version(upload_version(reg, upload(docx(extra_articles=[
        ("Quan hệ công tác", ["Thực hiện theo Quy định số 294-QĐ/TW."])])), users["staff"]), users["inspector"])
    upload_version(reg, upload(docx(issuer="ĐẢNG ỦY XÃ AN HÒA (DỰ THẢO)"), "du-thao.docx"), users["staff"])
    grant_waiver(rule=v1.findings[0]["rule"] if v1.findings else "FMT-HEADER-STAR", organization=tree["an_hoa"],
                 approver=users["inspector"], reason="thử", expires=date(2030, 1, 1))
    ref = Reference.objects.get(key="HD-06-TW-2025")
    ref.link_confidence = "M"
    save_reference(ref, users["inspector"], source="xác nhận")
    add_profile_version(tree["an_hoa"], profiles["xa"](term={"from": 2030, "to": 2035}), users["inspector"])
    record_meeting(tree["phu_loc"], date=date(2025, 11, 5), kind="thuong_ky", duration_minutes=120, present=9,
                   total=10, actor=users["staff"])
    _, raw_token = create_token(users["inspector"], "báo cáo")
    assert ReviewTask.objects.exists()
    return {"token": raw_token}


@pytest.mark.django_db(transaction=True)
def test_round_trip(populated: dict[str, Any], _media_root: Path) -> None:
    buffer = io.BytesIO()
    summary = create_backup(buffer)
    archive = buffer.getvalue()
    assert summary.rows["regulations.regulationversion"] == 2 and summary.files == 2
    assert summary.rows["references.reference"] == 50
    before = data_members(archive)
    counts = {label: n for label, n in summary.rows.items()}
    max_org = Organization.objects.order_by("-pk").values_list("pk", flat=True).first()
    stamps = list(AuditLog.objects.order_by("pk").values_list("created_at", flat=True))
    assert any(t.microsecond % 1000 for t in stamps)

    # empty the database (as after a fresh `migrate`) and the file store
    call_command("flush", interactive=False, verbosity=0)
    for name in [v["name"] for v in summary.manifest["files"]]:
        default_storage.delete(name)
    assert not User.objects.exists() and not RegulationVersion.objects.exists()

    restored = restore_backup(io.BytesIO(archive))
    assert restored.rows == counts
    again = io.BytesIO()
    create_backup(again)
    after = data_members(again.getvalue())
    assert sorted(after) == sorted(before)
    for name in before:  # every row and every file, byte for byte
        assert after[name] == before[name], name

    # and the restored data works: files readable, token valid, immutability kept, new ids continue
    v = RegulationVersion.objects.get(number=1)
    with default_storage.open(v.file.name, "rb") as fh:
        assert fh.read()
    assert authenticate_token(populated["token"]) == User.objects.get(username="kiemtra")
    assert User.objects.get(username="kiemtra").has_perm("references.change_reference")
    # timestamps keep their microseconds (Django's own encoder would cut them to milliseconds)
    assert list(AuditLog.objects.order_by("pk").values_list("created_at", flat=True)) == stamps
    new = create_organization("Đảng bộ tỉnh mới", "dang_bo_tinh")
    assert max_org is not None and new.pk > max_org


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_with_data(populated: dict[str, Any]) -> None:
    buffer = io.BytesIO()
    create_backup(buffer)
    with pytest.raises(BackupError, match="không trống"):
        restore_backup(io.BytesIO(buffer.getvalue()))


def test_restore_refuses_damaged_archives(db: None, tmp_path: Path) -> None:
    bad = tmp_path / "x.zip"
    with ZipFile(bad, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"schema": "other"}))
    with pytest.raises(BackupError, match="lược đồ"):
        restore_backup(bad)
    with ZipFile(bad, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"schema": "quyche/backup/v1", "migrations": [["regulations",
                                                                                               "9999_future"]]}))
    with pytest.raises(BackupError, match="phiên bản mới hơn"):
        restore_backup(bad)
    with ZipFile(bad, "w") as zf:
        zf.writestr("hello.txt", "x")
    with pytest.raises(BackupError, match="manifest"):
        restore_backup(bad)


def test_every_model_is_backed_up() -> None:
    from quyche.web.backup import backup_models

    assert len(backup_models()) == len(MODELS)
