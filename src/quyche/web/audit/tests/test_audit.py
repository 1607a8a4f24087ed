"""Every change made through the services is in the audit log, which nobody can edit."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from quyche.web.audit.models import AuditLog
from quyche.web.audit.services import diff, history, record, snapshot
from quyche.web.immutable import ImmutableError
from quyche.web.organizations.services import add_profile_version, move_organization


def test_services_write_entries(tree: dict[str, Any], users: dict[str, Any], profiles: dict[str, Any]) -> None:
    org = tree["phu_loc"]
    created = history(org).get()
    assert created.action == "create" and created.diff["name"] == {"old": None, "new": "Chi bộ thôn Phú Lộc"}
    move_organization(org, tree["binh_minh"], actor=users["admin"])
    moved = history(org).filter(action="update").get()
    assert moved.actor == users["admin"] and moved.actor_name == "quantri"
    assert moved.diff["parent"] == {"old": tree["an_hoa"].pk, "new": tree["binh_minh"].pk}
    assert set(moved.diff) == {"parent", "path"}  # same depth under the new parent
    v = add_profile_version(org, profiles["chi_bo"](), users["inspector"])
    entry = history(v).get()
    assert entry.organization_id == org.pk and entry.diff["number"]["new"] == 1


def test_diff_and_snapshot(users: dict[str, Any]) -> None:
    snap = snapshot(users["staff"])
    assert "password" not in snap and snap["username"] == "vanphong"
    assert diff({"a": 1, "b": 2}, {"a": 1, "b": 3}) == {"b": {"old": 2, "new": 3}}
    assert diff(None, {"a": 1}) == {"a": {"old": None, "new": 1}}


def test_log_is_append_only(db: None) -> None:
    entry = record(None, "create", None, model="x.y", object_id=1, object_repr="thử")
    assert entry.actor is None and entry.actor_name == ""
    entry.note = "sửa"
    with pytest.raises(ImmutableError):
        entry.save()
    with pytest.raises(ImmutableError):
        entry.delete()
    with pytest.raises(ImmutableError):
        AuditLog.objects.update(note="x")


def test_admin_is_read_only_and_logs_edits(users: dict[str, Any], tree: dict[str, Any]) -> None:
    admin = users["admin"]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client = Client()
    client.force_login(admin)
    assert client.get("/admin/audit/auditlog/").status_code == 200
    assert client.get("/admin/audit/auditlog/add/").status_code == 403
    org = tree["truong"]
    response = client.post(f"/admin/organizations/organization/{org.pk}/change/", {
        "name": "Chi bộ Trường Tiểu học An Hòa 1", "kind": org.kind, "type": org.type, "parent": org.parent_id,
        "profile_versions-TOTAL_FORMS": "0", "profile_versions-INITIAL_FORMS": "0",
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = history(org).filter(action="update").get()
    assert entry.actor == admin and entry.diff["name"]["new"] == "Chi bộ Trường Tiểu học An Hòa 1"
