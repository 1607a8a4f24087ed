"""REST API: the organisation tree (subtree filter, children, create, move) and profile versions."""

from __future__ import annotations

import json
from typing import Any

import pytest

from quyche.web.organizations.models import Organization, ProfileVersion
from quyche.web.reviews.models import ReviewTask
from quyche.web.tests.apiclient import Api, token_for

YAML = """schema: quyche/profile/v1
name: "Chi bộ thôn Phú Lộc"
kind: chi_bo_truc_thuoc
type: thon_to_dan_pho
superior: "Đảng bộ xã An Hòa"
place: "An Hòa"
term: {from: 2025, to: 2030}
members: 12
committee:
  - {name: "Phạm Văn Dũng", role: bi_thu}
"""


@pytest.fixture
def apis(users: dict[str, Any]) -> dict[str, Api]:
    return {name: Api(token_for(user)) for name, user in users.items()}


def names(response: Any) -> list[str]:
    return [o["name"] for o in response.json()["items"]]


def test_lists_are_scoped_and_filter_by_subtree(apis: dict[str, Api], tree: dict[str, Any]) -> None:
    admin, inspector, staff = apis["admin"], apis["inspector"], apis["staff"]
    assert admin.get("/organizations").json()["count"] == 6
    assert names(inspector.get("/organizations")) == [
        "Đảng ủy xã An Hòa", "Chi bộ thôn Phú Lộc", "Chi bộ Trường Tiểu học An Hòa"]
    assert names(staff.get("/organizations")) == ["Chi bộ thôn Phú Lộc"]
    assert set(names(admin.get("/organizations", under=tree["binh_minh"].pk))) == {
        "Đảng ủy xã Bình Minh", "Chi bộ thôn Tân Lập"}
    assert inspector.get("/organizations", under=tree["binh_minh"].pk).status_code == 404
    assert names(admin.get("/organizations", q="Trường")) == ["Chi bộ Trường Tiểu học An Hòa"]
    assert admin.get("/organizations", kind="dang_bo_tinh").json()["count"] == 1
    children = inspector.get(f"/organizations/{tree['an_hoa'].pk}/children").json()
    assert [c["name"] for c in children["items"]] == ["Chi bộ thôn Phú Lộc", "Chi bộ Trường Tiểu học An Hòa"]
    detail = inspector.get(f"/organizations/{tree['phu_loc'].pk}").json()
    assert [a["name"] for a in detail["ancestors"]] == ["Đảng ủy xã An Hòa"]  # the province is not in scope
    assert detail["kind_label"] == "Chi bộ trực thuộc" and detail["active"] and detail["profile_version"] is None
    assert staff.get(f"/organizations/{tree['phu_loc'].pk}").json()["ancestors"] == []
    assert staff.get(f"/organizations/{tree['truong'].pk}").status_code == 404
    assert admin.get(f"/organizations/{tree['tinh'].pk}").json()["children_count"] == 2


def test_pagination(apis: dict[str, Api], tree: dict[str, Any]) -> None:
    admin = apis["admin"]
    first = admin.get("/organizations", limit=4).json()
    rest = admin.get("/organizations", limit=4, offset=4).json()
    assert first["count"] == rest["count"] == 6
    assert len(first["items"]) == 4 and len(rest["items"]) == 2
    assert {o["id"] for o in first["items"]}.isdisjoint({o["id"] for o in rest["items"]})
    assert admin.get("/organizations", offset=10).json() == {"items": [], "count": 6}
    for bad in ({"limit": 0}, {"limit": 501}, {"offset": -1}, {"limit": "nhiều"}):
        response = admin.get("/organizations", **bad)
        assert response.status_code == 422 and response.json()["detail"].startswith("Dữ liệu gửi lên không hợp lệ")


def test_create_and_move(apis: dict[str, Api], tree: dict[str, Any]) -> None:
    admin, inspector, staff = apis["admin"], apis["inspector"], apis["staff"]
    new = {"name": "Chi bộ thôn Mới", "kind": "chi_bo_truc_thuoc", "type": "thon_to_dan_pho",
           "parent": tree["an_hoa"].pk}
    assert staff.post("/organizations", new).status_code == 404  # the commune is not in its scope
    assert staff.post("/organizations", {**new, "parent": tree["phu_loc"].pk}).status_code == 403
    assert inspector.post("/organizations", {**new, "parent": tree["binh_minh"].pk}).status_code == 404
    assert inspector.post("/organizations", {**new, "parent": None}).status_code == 403  # only administrators
    created = inspector.post("/organizations", new)
    assert created.status_code == 201 and created.json()["parent_id"] == tree["an_hoa"].pk
    assert inspector.post("/organizations", new).status_code == 422  # the same name under the same parent
    assert inspector.post("/organizations", {**new, "name": "X", "kind": "khong_co"}).status_code == 422
    new_id = created.json()["id"]
    # move inside the subtree: the new chi bộ under the school's chi bộ, then back
    moved = inspector.post(f"/organizations/{new_id}/move", {"parent": tree["truong"].pk})
    assert moved.status_code == 200 and moved.json()["depth"] == 3
    assert Organization.objects.get(pk=new_id).path.startswith(tree["truong"].path)
    # not out of the subtree, not its own organisation, never below itself
    assert inspector.post(f"/organizations/{new_id}/move", {"parent": tree["binh_minh"].pk}).status_code == 404
    assert inspector.post(f"/organizations/{tree['an_hoa'].pk}/move", {"parent": tree["an_hoa"].pk}).status_code \
        == 403
    cycle = admin.post(f"/organizations/{tree['an_hoa'].pk}/move", {"parent": tree["phu_loc"].pk})
    assert cycle.status_code == 422 and "chính nó" in cycle.json()["detail"]
    assert admin.post(f"/organizations/{tree['binh_minh'].pk}/move", {"parent": None}).json()["depth"] == 0


def test_profiles_yaml_json_and_errors(apis: dict[str, Api], tree: dict[str, Any], profiles: dict[str, Any]) -> None:
    staff = apis["staff"]
    org = tree["phu_loc"].pk
    assert staff.get(f"/organizations/{org}/profile").status_code == 404
    as_yaml = staff.raw(f"/organizations/{org}/profiles?note=hồ+sơ+đầu", YAML, "application/yaml")
    assert as_yaml.status_code == 201, as_yaml.content
    assert as_yaml.json()["source_text"] == YAML and as_yaml.json()["number"] == 1
    assert as_yaml.json()["note"] == "hồ sơ đầu" and as_yaml.json()["author"] == "vanphong"
    as_json = staff.raw(f"/organizations/{org}/profiles", json.dumps(profiles["chi_bo"](members=8)), "application/json")
    assert as_json.status_code == 201 and as_json.json()["data"]["members"] == 8
    wrapped = staff.post(f"/organizations/{org}/profiles", {"text": YAML.replace("members: 12", "members: 13"),
                                                            "note": "kết nạp"})
    assert wrapped.status_code == 201 and wrapped.json()["number"] == 3 and wrapped.json()["note"] == "kết nạp"
    # 422 with the field quyche names; nothing stored
    invalid = staff.post(f"/organizations/{org}/profiles", {"data": profiles["chi_bo"](members=2)})
    assert invalid.status_code == 422 and "members" in invalid.json()["detail"]
    broken = staff.raw(f"/organizations/{org}/profiles", "name: [unclosed", "text/yaml")
    assert broken.status_code == 422 and "YAML" in broken.json()["detail"]
    assert staff.raw(f"/organizations/{org}/profiles", "{", "application/json").status_code == 422
    assert staff.raw(f"/organizations/{org}/profiles", "x", "application/xml").status_code == 415
    assert staff.post(f"/organizations/{org}/profiles", {"text": YAML, "data": {}}).status_code == 422
    assert ProfileVersion.objects.filter(organization_id=org).count() == 3
    # reading: current, by number, the list newest first
    assert staff.get(f"/organizations/{org}/profile").json()["number"] == 3
    assert staff.get(f"/organizations/{org}/profiles/1").json()["data"]["members"] == 12
    assert [p["number"] for p in staff.get(f"/organizations/{org}/profiles").json()["items"]] == [3, 2, 1]
    # a change that matters (another bí thư) opens a review task
    other = YAML.replace("Phạm Văn Dũng", "Lê Thị Hoa")
    assert staff.raw(f"/organizations/{org}/profiles", other, "text/plain").status_code == 201
    assert ReviewTask.objects.filter(organization_id=org, reason="profile_changed").exists()
    # scope
    assert staff.post(f"/organizations/{tree['truong'].pk}/profiles", {"text": YAML}).status_code == 404
    assert apis["inspector"].post(f"/organizations/{tree['truong'].pk}/profiles", {
        "data": profiles["chi_bo"](name="Chi bộ Trường Tiểu học An Hòa", type="truong_hoc")}).status_code == 201
