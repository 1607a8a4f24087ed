"""Users, roles, what each role sees, and hashed API tokens."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.utils import timezone

from quyche.web.accounts.models import ApiToken, Role, User
from quyche.web.accounts.services import (
    authenticate_token,
    can_approve_waivers,
    can_view,
    create_token,
    hash_token,
    revoke_token,
    visible_organizations,
)


def test_staff_and_inspectors_need_an_organisation(db: None) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("khongtochuc", role=Role.STAFF)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("kiemtra-le", role=Role.INSPECTOR)
    User.objects.create_user("quantri2", role=Role.ADMINISTRATOR)


def test_superuser_is_an_administrator(db: None) -> None:
    su = User.objects.create_superuser("root", "root@example.vn", "mat-khau-rat-dai")
    assert su.role == Role.ADMINISTRATOR and su.organization is None


def test_argon2_hashes_passwords(settings: Any) -> None:
    from quyche.web import settings as project

    assert project.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    settings.PASSWORD_HASHERS = project.PASSWORD_HASHERS
    encoded = make_password("mat-khau-dai-1")
    assert encoded.startswith("argon2$") and check_password("mat-khau-dai-1", encoded)


def test_visibility_by_role(users: dict[str, Any], tree: dict[str, Any]) -> None:
    admin, inspector, staff = users["admin"], users["inspector"], users["staff"]
    assert visible_organizations(admin).count() == 6
    assert {o.name for o in visible_organizations(inspector)} == {
        "Đảng ủy xã An Hòa", "Chi bộ thôn Phú Lộc", "Chi bộ Trường Tiểu học An Hòa"}
    assert list(visible_organizations(staff)) == [tree["phu_loc"]]
    assert can_view(inspector, tree["phu_loc"]) and not can_view(inspector, tree["tan_lap"])
    assert can_view(staff, tree["phu_loc"]) and not can_view(staff, tree["an_hoa"])
    assert can_approve_waivers(inspector, tree["phu_loc"]) and not can_approve_waivers(staff, tree["phu_loc"])
    staff.is_active = False
    assert not visible_organizations(staff).exists() and not can_view(staff, tree["phu_loc"])


def test_tokens_are_stored_hashed(users: dict[str, Any]) -> None:
    token, raw = create_token(users["inspector"], "máy chủ báo cáo")
    assert raw.startswith("qct_") and len(raw) > 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.key_hash == hash_token(raw) and raw not in (stored.key_hash, stored.prefix, stored.name)
    assert stored.prefix == raw[:12]
    assert authenticate_token(raw) == users["inspector"]
    stored.refresh_from_db()
    assert stored.last_used_at is not None
    assert authenticate_token(raw[:-1] + ("A" if raw[-1] != "A" else "B")) is None
    assert authenticate_token("") is None and authenticate_token("Bearer " + raw) is None
    revoke_token(token)
    assert authenticate_token(raw) is None


def test_expired_tokens_and_inactive_users(users: dict[str, Any]) -> None:
    now = timezone.now()
    _, raw = create_token(users["staff"], "tạm", expires_at=now + timedelta(days=1))
    assert authenticate_token(raw, now=now) == users["staff"]
    assert authenticate_token(raw, now=now + timedelta(days=2)) is None
    users["staff"].is_active = False
    users["staff"].save()
    assert authenticate_token(raw, now=now) is None


def test_last_used_is_not_written_on_every_request(users: dict[str, Any]) -> None:
    token, raw = create_token(users["staff"], "x")
    now = timezone.now()
    authenticate_token(raw, now=now)
    authenticate_token(raw, now=now + timedelta(seconds=10))
    token.refresh_from_db()
    assert token.last_used_at == now
