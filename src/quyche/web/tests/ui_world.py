"""The small province the page tests browse (built once per test module, committed, flushed at the end).

::

    Đảng bộ tỉnh Tây Ninh ── Đảng ủy xã An Hòa ── Chi bộ thôn Phú Lộc      (regulation, waiver, overdue task)
                          │                    └─ Chi bộ Trường Tiểu học An Hòa
                          └─ Đảng ủy xã Bình Minh ── Chi bộ thôn Tân Lập   (regulation, task, meeting)

Users: ``admin``; ``board`` (inspector of the province: the board); ``inspector`` (of An Hòa: sees An Hòa,
Phú Lộc, the school); ``staff`` (of Phú Lộc); ``staff_tl`` (of Tân Lập). Everything of Tân Lập carries the
word ``SECRET`` so a test can tell whether a page leaks it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.test import Client, override_settings

PASSWORD = "mat-khau-dai-kiem-thu"
SECRET = "BÍMẬT-TÂNLẬP"
CITES_77 = ("Quan hệ công tác", ["Thực hiện theo Quy định số 77-QĐ/TU ngày 05/01/2025 của Ban Thường vụ Tỉnh ủy."])


def board_reference(key: str, number: str, day: date) -> Any:
    from quyche.web.references.models import Reference
    from quyche.web.references.services import fields_of

    return Reference(**fields_of({
        "key": key, "number_symbol": number, "doc_type": "Quy định", "date": day, "issuer": "Tỉnh ủy",
        "title_short": "Quy định về quan hệ công tác", "kind": "other", "applies_to": ["all"], "confidence": "H",
        "status": "in_force",
    }))


def build() -> dict[str, Any]:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from quyche.web.accounts.models import Role, User
    from quyche.web.conftest import chi_bo_profile, regulation_docx, xa_profile
    from quyche.web.meetings.services import record_meeting
    from quyche.web.organizations.services import add_profile_version, create_organization
    from quyche.web.references.services import load_packaged_references, save_reference
    from quyche.web.regulations.services import create_regulation, grant_waiver, upload_version
    from quyche.web.reviews.models import Reason
    from quyche.web.reviews.services import open_task

    today = timezone.localdate()
    tinh = create_organization("Đảng bộ tỉnh Tây Ninh", "dang_bo_tinh")
    an_hoa = create_organization("Đảng ủy xã An Hòa", "dang_uy_co_so", "xa", tinh)
    phu_loc = create_organization("Chi bộ thôn Phú Lộc", "chi_bo_truc_thuoc", "thon_to_dan_pho", an_hoa)
    truong = create_organization("Chi bộ Trường Tiểu học An Hòa", "chi_bo_truc_thuoc", "truong_hoc", an_hoa)
    binh_minh = create_organization("Đảng ủy xã Bình Minh", "dang_uy_co_so", "xa", tinh)
    tan_lap = create_organization("Chi bộ thôn Tân Lập", "chi_bo_truc_thuoc", "thon_to_dan_pho", binh_minh)
    orgs = {"tinh": tinh, "an_hoa": an_hoa, "phu_loc": phu_loc, "truong": truong, "binh_minh": binh_minh,
            "tan_lap": tan_lap}

    def user(name: str, role: str, org: Any, full_name: str) -> Any:
        return User.objects.create_user(name, password=PASSWORD, role=role, organization=org, full_name=full_name)

    users = {
        "admin": user("quantri", Role.ADMINISTRATOR, None, "Quản trị hệ thống"),
        "board": user("bantinh", Role.INSPECTOR, tinh, "Lê Thị Tỉnh"),
        "inspector": user("kiemtra", Role.INSPECTOR, an_hoa, "Trần Thị Bình"),
        "staff": user("vanphong", Role.STAFF, phu_loc, "Nguyễn Văn Phú"),
        "staff_tl": user("tanlap", Role.STAFF, tan_lap, "Hoàng Văn Lập"),
    }
    admin = users["admin"]
    load_packaged_references()
    save_reference(board_reference("QD-77-TU-2025", "77-QĐ/TU", date(2025, 1, 5)), admin, source="Công văn 15-CV/TU")
    add_profile_version(an_hoa, xa_profile(), admin, note="Hồ sơ sau đại hội")
    add_profile_version(phu_loc, chi_bo_profile(committee=[
        {"name": "Phạm Văn Dũng", "role": "bi_thu", "duties": ["Phụ trách chung", "Phụ trách công tác tổ chức"]},
        {"name": "Võ Thị Em", "role": "pho_bi_thu", "duties": ["Phụ trách công tác kiểm tra, giám sát"]},
    ]), users["inspector"], note="Hồ sơ nhiệm kỳ 2025 - 2030")
    add_profile_version(tan_lap, chi_bo_profile(name="Chi bộ thôn Tân Lập", superior="Đảng bộ xã Bình Minh",
                                                committee=[{"name": f"Đồng chí {SECRET}", "role": "bi_thu"}]), admin)

    data = regulation_docx(extra_articles=[CITES_77])
    reg = create_regulation(phu_loc, 2025, 2030, khoa="I")
    version = upload_version(reg, SimpleUploadedFile("quy-che-phu-loc.docx", data), users["staff"],
                             as_of=date(2025, 11, 20), note="Bản trình chi bộ")
    rules = sorted({f["rule"] for f in version.findings})
    assert len(rules) >= 2, "the test document must break at least two rules"
    waiver = grant_waiver(rule=rules[0], organization=phu_loc, approver=users["inspector"],
                          reason="Chờ hướng dẫn của Ban Tổ chức Tỉnh ủy", expires=today + timedelta(days=60),
                          version=version)
    reg_tl = create_regulation(tan_lap, 2025, 2030)
    version_tl = upload_version(reg_tl, SimpleUploadedFile("quy-che-tan-lap.docx", data), users["staff_tl"],
                                as_of=date(2025, 11, 20), note=SECRET)
    task = open_task(phu_loc, Reason.PROFILE_CHANGED, "Bí thư thay đổi: rà soát Điều 3", {
        "changes": [{"field": "secretary", "message": "Bí thư thay đổi: Phạm Văn Dũng → Võ Thị Em"}]},
        regulation=reg, version=version, due_date=today - timedelta(days=3), actor=admin)[0]
    task_tl = open_task(tan_lap, Reason.NEW_TERM, f"Nhiệm kỳ mới {SECRET}", {}, regulation=reg_tl,
                        version=version_tl, due_date=today + timedelta(days=20), actor=admin)[0]
    meeting = record_meeting(phu_loc, actor=users["staff"], date=today, kind="thuong_ky", duration_minutes=95,
                             present=6, total=7, notes="Sinh hoạt thường kỳ tháng này")
    meeting_tl = record_meeting(tan_lap, actor=users["staff_tl"], date=today, kind="thuong_ky", duration_minutes=95,
                                present=6, total=7, notes=SECRET)
    return {"orgs": orgs, "users": users, "reg": reg, "version": version, "rules": rules, "waiver": waiver,
            "reg_tl": reg_tl, "version_tl": version_tl, "task": task, "task_tl": task_tl, "meeting": meeting,
            "meeting_tl": meeting_tl, "docx": data, "today": today}


@contextlib.contextmanager
def built(django_db_blocker: Any, media: Path) -> Iterator[dict[str, Any]]:
    """The world, committed for a test module (each test still runs in its own rolled-back transaction);
    flushed at the end. Its files live in ``media`` (point MEDIA_ROOT there in every test)."""
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media), PASSWORD_HASHERS=fast):
        try:
            yield {**build(), "media": media}
        finally:
            call_command("flush", interactive=False, verbosity=0)


def client_for(user: Any, **kwargs: Any) -> Client:
    client = Client(**kwargs)
    if user is not None:
        client.force_login(user)
    return client


def csrf_token(html: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert found, "the page has no CSRF token"
    return found.group(1)


def text(response: Any) -> str:
    return bytes(response.content).decode("utf-8")


def ui_fixtures(label: str) -> tuple[Any, Any, Any]:
    """The fixtures a page-test module shares: ``world`` (built once per module in its own media folder),
    an autouse ``_media_root`` pointing MEDIA_ROOT there, and ``as_user(name, **client_kwargs)``.
    Use: ``world, _media_root, as_user = ui_fixtures("ui-pages")`` at module level."""
    import pytest

    @pytest.fixture(scope="module")
    def world(django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[dict[str, Any]]:
        with built(django_db_blocker, tmp_path_factory.mktemp(label)) as w:
            yield w

    @pytest.fixture(autouse=True)
    def _media_root(settings: Any, world: dict[str, Any]) -> Path:
        settings.MEDIA_ROOT = str(world["media"])
        media: Path = world["media"]
        return media

    @pytest.fixture
    def as_user(world: dict[str, Any], db: None) -> Any:
        def make(name: str, **kwargs: Any) -> Client:
            return client_for(world["users"][name], **kwargs)

        return make

    return world, _media_root, as_user
