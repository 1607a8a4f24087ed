"""REST API: meetings by organisation and month, monthly compliance; review tasks (filters, close)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from quyche.web.meetings.models import Meeting
from quyche.web.reviews.models import Reason, ReviewTask
from quyche.web.reviews.services import open_task
from quyche.web.tests.apiclient import Api, token_for


@pytest.fixture
def apis(users: dict[str, Any]) -> dict[str, Api]:
    return {name: Api(token_for(user)) for name, user in users.items()}


def meeting(org: Any, day: str, kind: str = "thuong_ky", minutes: int = 120, **more: Any) -> dict[str, Any]:
    return {"organization": org.pk, "date": day, "kind": kind, "duration_minutes": minutes, "present": 9,
            "total": 10, **more}


def test_meetings_by_month_and_compliance(apis: dict[str, Api], tree: dict[str, Any]) -> None:
    staff, inspector = apis["staff"], apis["inspector"]
    org = tree["phu_loc"]
    for day, kind, minutes in [("2025-10-03", "thuong_ky", 120), ("2025-11-05", "thuong_ky", 80),
                               ("2025-11-20", "chuyen_de", 95)]:
        made = staff.post("/meetings", meeting(org, day, kind, minutes))
        assert made.status_code == 201, made.content
    assert made.json()["created_by"] == "vanphong" and made.json()["attendance"] == 0.9
    november = staff.get("/meetings", organization=org.pk, month="2025-11").json()
    assert november["count"] == 2 and [m["date"] for m in november["items"]] == ["2025-11-20", "2025-11-05"]
    assert inspector.get("/meetings").json()["count"] == 3
    assert apis["admin"].get("/meetings", month="2025-10").json()["count"] == 1
    result = inspector.get("/meetings/compliance", organization=org.pk, month="2025-11").json()
    assert result["organization"]["id"] == org.pk and (result["year"], result["month"]) == (2025, 11)
    assert result["applicable"] and not result["ok"]
    assert result["regular_count"] == 1 and result["thematic_in_quarter"] == 1
    assert [i["code"] for i in result["issues"]] == ["duration_short"]
    assert "80 phút" in result["issues"][0]["message"] and result["issues"][0]["citation"]
    assert [m["date"] for m in result["meetings"]] == ["2025-11-05", "2025-11-20"]
    commune = inspector.get("/meetings/compliance", organization=tree["an_hoa"].pk, month="2025-11").json()
    assert not commune["applicable"] and commune["issues"][0]["code"] == "not_chi_bo"
    # validation and scope
    assert staff.get("/meetings/compliance", organization=org.pk, month="2025-13").status_code == 422
    assert staff.get("/meetings", month="11/2025").status_code == 422
    too_many = staff.post("/meetings", meeting(org, "2025-12-01", present=11, total=10))
    assert too_many.status_code == 422 and "lớn hơn tổng số" in too_many.json()["detail"]
    assert staff.post("/meetings", meeting(org, "2025-12-01", "hop_mat")).status_code == 422
    combined = staff.post("/meetings", meeting(org, "2025-12-01", "chuyen_de", combined=True))
    assert combined.status_code == 422
    assert staff.post("/meetings", meeting(tree["truong"], "2025-12-01")).status_code == 404
    assert staff.get("/meetings/compliance", organization=tree["truong"].pk, month="2025-11").status_code == 404
    assert Meeting.objects.count() == 3


@pytest.fixture
def tasks(tree: dict[str, Any]) -> dict[str, ReviewTask]:
    made = {
        "phu_loc": open_task(tree["phu_loc"], Reason.NEW_TERM, "Nhiệm kỳ mới", {}, due_date=date(2025, 12, 1))[0],
        "truong": open_task(tree["truong"], Reason.PROFILE_CHANGED, "Bí thư thay đổi", {})[0],
        "tan_lap": open_task(tree["tan_lap"], Reason.PROFILE_CHANGED, "Bí thư thay đổi", {})[0],
    }
    return made


def test_tasks_filters_and_close(apis: dict[str, Api], tree: dict[str, Any], tasks: dict[str, ReviewTask]) -> None:
    admin, inspector, staff = apis["admin"], apis["inspector"], apis["staff"]
    assert admin.get("/tasks").json()["count"] == 3
    assert {t["organization"]["name"] for t in inspector.get("/tasks").json()["items"]} == {
        "Chi bộ thôn Phú Lộc", "Chi bộ Trường Tiểu học An Hòa"}
    mine = staff.get("/tasks").json()
    assert mine["count"] == 1 and mine["items"][0]["reason"] == "new_term"
    assert mine["items"][0]["reason_label"] == "Nhiệm kỳ mới"
    assert admin.get("/tasks", reason="profile_changed").json()["count"] == 2
    assert admin.get("/tasks", under=tree["binh_minh"].pk).json()["count"] == 1
    assert inspector.get("/tasks", under=tree["binh_minh"].pk).status_code == 404
    assert admin.get("/tasks", overdue="true").json()["count"] == 1  # due 1/12/2025
    task = tasks["phu_loc"].pk
    # staff read their tasks but do not close them; the inspector does, with a resolution
    assert staff.get(f"/tasks/{task}").json()["summary"] == "Nhiệm kỳ mới"
    assert staff.post(f"/tasks/{task}/close", {"resolution": "Đã sửa"}).status_code == 403
    assert inspector.post(f"/tasks/{task}/close", {"resolution": ""}).status_code == 422
    assert inspector.post(f"/tasks/{tasks['tan_lap'].pk}/close", {"resolution": "x"}).status_code == 404
    closed = inspector.post(f"/tasks/{task}/close", {"resolution": "Chi bộ đã sửa Điều 3"})
    assert closed.status_code == 200, closed.content
    body = closed.json()
    assert body["status"] == "closed" and body["closed_by"] == "Trần Thị Bình"
    assert body["resolution"] == "Chi bộ đã sửa Điều 3" and body["closed_at"]
    assert inspector.post(f"/tasks/{task}/close", {"resolution": "lần nữa"}).status_code == 409
    assert admin.get("/tasks", status="open").json()["count"] == 2
    assert admin.get("/tasks", status="closed").json()["count"] == 1
