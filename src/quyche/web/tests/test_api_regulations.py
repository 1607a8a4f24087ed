"""REST API: regulations and versions (upload → check → findings, waivers on a date, issue, original file)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from quyche.web.audit.models import AuditLog
from quyche.web.regulations.models import RegulationVersion, Waiver
from quyche.web.tests.apiclient import Api, token_for


@pytest.fixture
def staff(users: dict[str, Any]) -> Api:
    return Api(token_for(users["staff"]))


@pytest.fixture
def inspector(users: dict[str, Any]) -> Api:
    return Api(token_for(users["inspector"]))


@pytest.fixture
def regulation(staff: Api, tree: dict[str, Any], profiles: dict[str, Any]) -> dict[str, Any]:
    profile = staff.post(f"/organizations/{tree['phu_loc'].pk}/profiles", {"data": profiles["chi_bo"]()})
    assert profile.status_code == 201
    response = staff.post("/regulations", {"organization": tree["phu_loc"].pk, "term_start": 2025, "term_end": 2030,
                                           "title": "Quy chế làm việc của Chi ủy"})
    assert response.status_code == 201, response.content
    body: dict[str, Any] = response.json()
    return body


def test_upload_check_findings_round_trip(staff: Api, inspector: Api, regulation: dict[str, Any],
                                          docx: Callable[..., bytes]) -> None:
    assert regulation["organization"]["name"] == "Chi bộ thôn Phú Lộc" and regulation["versions"] == []
    data = docx(cancu=["- Căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương;"])
    response = staff.upload(f"/regulations/{regulation['id']}/versions", data, "Quy chế làm việc.docx",
                            as_of="2025-11-20", note="bản trình hội nghị")
    assert response.status_code == 201, response.content
    v = response.json()
    assert v["number"] == 1 and not v["issued"] and v["filename"] == "Quy chế làm việc.docx"
    assert v["size"] == len(data) and v["source_format"] == "docx" and v["as_of"] == "2025-11-20"
    assert v["uploaded_by"] == "vanphong" and v["profile_version"] == 1 and v["note"] == "bản trình hội nghị"
    assert v["ruleset"] and v["catalogue_version"] and v["skeleton_version"]
    assert v["findings"] and all({"rule", "severity", "message", "location"} <= set(f) for f in v["findings"])
    assert sum(v["findings_count"].values()) == len(v["findings"])
    assert [a["number"] for a in v["structure"]["articles"]][:2] == ["1", "2"]
    assert any(c["number_symbol"] == "24-QĐ/TW" and c["article"] == "" for c in v["citations"])
    # the stored row is the same
    assert RegulationVersion.objects.get(pk=v["id"]).findings == v["findings"]
    # findings on a date, before and after a waiver
    rule = v["findings"][0]["rule"]
    n_rule = sum(1 for f in v["findings"] if f["rule"] == rule)
    before = staff.get(f"/versions/{v['id']}/findings", on="2026-01-01").json()
    assert len(before["visible"]) == len(v["findings"]) and before["waived"] == [] and before["on"] == "2026-01-01"
    # staff may not waive; the inspector over the chi bộ may, and is recorded as the approver
    waiver = {"rule": rule, "reason": "Đã báo cáo cấp trên, chờ hướng dẫn", "expires": "2030-03-01",
              "version": v["id"]}
    assert staff.post("/waivers", waiver).status_code == 403
    granted = inspector.post("/waivers", waiver)
    assert granted.status_code == 201, granted.content
    w = granted.json()
    assert w["approver"] == "Trần Thị Bình" and w["scope"] == "version" and w["active"]
    assert w["organization"]["name"] == "Chi bộ thôn Phú Lộc"
    during = staff.get(f"/versions/{v['id']}/findings", on="2030-02-28").json()
    assert rule not in {f["rule"] for f in during["visible"]} and len(during["waived"]) == n_rule
    assert during["waived"][0]["waiver"]["id"] == w["id"]
    after = staff.get(f"/versions/{v['id']}/findings", on="2030-03-01").json()
    assert rule in {f["rule"] for f in after["visible"]} and after["waived"] == []
    # revoking sets the expiry to today: the finding shows again now
    assert staff.post(f"/waivers/{w['id']}/revoke", {}).status_code == 403
    assert inspector.post(f"/waivers/{w['id']}/revoke", {"expires": "2031-01-01"}).status_code == 422
    revoked = inspector.post(f"/waivers/{w['id']}/revoke", {"note": "đã sửa"})
    assert revoked.status_code == 200 and not revoked.json()["active"]
    now = staff.get(f"/versions/{v['id']}/findings").json()
    assert rule in {f["rule"] for f in now["visible"]}
    assert AuditLog.objects.filter(model="regulations.waiver", object_id=str(w["id"]), action="update").exists()
    # the regulation shows its version
    reg = staff.get(f"/regulations/{regulation['id']}").json()
    assert reg["versions_count"] == 1 and reg["latest_version"] == 1 and reg["versions"][0]["id"] == v["id"]


def test_waiver_validation(inspector: Api, regulation: dict[str, Any], docx: Callable[..., bytes],
                           staff: Api) -> None:
    v = staff.upload(f"/regulations/{regulation['id']}/versions", docx()).json()
    base = {"reason": "lý do", "expires": "2030-01-01", "version": v["id"]}
    unknown = inspector.post("/waivers", {**base, "rule": "KHONG-CO-QUY-TAC"})
    assert unknown.status_code == 422 and "không có quy tắc" in unknown.json()["detail"]
    assert inspector.post("/waivers", {**base, "rule": "x", "expires": "2020-01-01"}).status_code == 422
    assert inspector.post("/waivers", {"rule": "x", "reason": "r", "expires": "2030-01-01"}).status_code == 422
    assert not Waiver.objects.exists()


def test_issue_download_and_delete(staff: Api, inspector: Api, regulation: dict[str, Any],
                                   docx: Callable[..., bytes]) -> None:
    data = docx()
    first = staff.upload(f"/regulations/{regulation['id']}/versions", data, "Quy chế.docx").json()
    second = staff.upload(f"/regulations/{regulation['id']}/versions", data, "Quy chế (2).docx").json()
    assert second["number"] == 2 and second["sha256"] == first["sha256"]
    # the original, as uploaded, to whoever can view it
    download = staff.get(f"/versions/{first['id']}/original")
    assert download.status_code == 200 and b"".join(download.streaming_content) == data
    assert "attachment" in download["Content-Disposition"] and "Quy" in download["Content-Disposition"]
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    assert download["Cache-Control"] == "private, no-store"
    # staff may not delete nor issue; the inspector may
    assert staff.delete(f"/versions/{second['id']}").status_code == 403
    assert inspector.delete(f"/versions/{second['id']}").status_code == 204
    assert staff.get(f"/versions/{second['id']}").status_code == 404
    assert staff.post(f"/versions/{first['id']}/issue").status_code == 403
    issued = inspector.post(f"/versions/{first['id']}/issue")
    assert issued.status_code == 200 and issued.json()["issued"] and issued.json()["issued_by"] == "Trần Thị Bình"
    assert inspector.post(f"/versions/{first['id']}/issue").status_code == 409
    gone = inspector.delete(f"/versions/{first['id']}")
    assert gone.status_code == 409 and "ban hành" in gone.json()["detail"]
    assert staff.get(f"/regulations/{regulation['id']}").json()["status"] == "issued"
    listed = staff.get("/versions", issued="true").json()
    assert [x["id"] for x in listed["items"]] == [first["id"]] and listed["count"] == 1


def test_upload_limits(staff: Api, regulation: dict[str, Any], docx: Callable[..., bytes], settings: Any) -> None:
    url = f"/regulations/{regulation['id']}/versions"
    wrong_type = staff.upload(url, b"MZ\x90\x00 binary", "virus.exe")
    assert wrong_type.status_code == 415 and wrong_type.json()["code"] == "unsupported"
    disguised = staff.upload(url, b"%PDF-1.4 not really", "quy-che.docx")
    assert disguised.status_code == 422 and "PDF" in disguised.json()["detail"]  # the content decides
    assert staff.upload(url, b"", "rong.docx").status_code == 422
    settings.QUYCHE_MAX_UPLOAD_BYTES = 1000
    too_big = staff.upload(url, docx())
    assert too_big.status_code == 413 and "quá lớn" in too_big.json()["detail"]
    settings.QUYCHE_MAX_UPLOAD_BYTES = 10
    declared = staff.upload(url, b"x" * 300_000, "lon.txt")  # refused from Content-Length, before reading
    assert declared.status_code == 413
    missing = staff.client.post(f"/api{url}", {}, headers=staff.headers)
    assert missing.status_code == 422 and missing.json()["detail"].startswith("Dữ liệu gửi lên không hợp lệ")
    assert not RegulationVersion.objects.exists()


def test_regulation_validation_and_filters(staff: Api, users: dict[str, Any], tree: dict[str, Any]) -> None:
    bad = staff.post("/regulations", {"organization": tree["phu_loc"].pk, "term_start": 2030, "term_end": 2025})
    assert bad.status_code == 422 and "sau năm bắt đầu" in bad.json()["detail"]
    assert staff.post("/regulations", {"organization": tree["phu_loc"].pk, "term_start": 2025,
                                       "term_end": 2030}).status_code == 201
    duplicate = staff.post("/regulations", {"organization": tree["phu_loc"].pk, "term_start": 2025, "term_end": 2030})
    assert duplicate.status_code == 422
    assert staff.post("/regulations", {"organization": tree["truong"].pk, "term_start": 2025,
                                       "term_end": 2030}).status_code == 404  # a sibling: not visible
    admin = Api(token_for(users["admin"]))
    for org in ("an_hoa", "truong", "tan_lap"):
        assert admin.post("/regulations", {"organization": tree[org].pk, "term_start": 2025,
                                           "term_end": 2030}).status_code == 201
    under = admin.get("/regulations", under=tree["an_hoa"].pk).json()
    assert {r["organization"]["name"] for r in under["items"]} == {
        "Đảng ủy xã An Hòa", "Chi bộ thôn Phú Lộc", "Chi bộ Trường Tiểu học An Hòa"}
    assert admin.get("/regulations", organization=tree["tan_lap"].pk).json()["count"] == 1
    assert staff.get("/regulations").json()["count"] == 1
