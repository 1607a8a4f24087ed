"""REST API: authentication (bearer tokens, browser session with CSRF), the 401 answer, the OpenAPI schema."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.utils import timezone

import quyche
from quyche.web.accounts.models import ApiToken
from quyche.web.accounts.services import create_token
from quyche.web.tests.apiclient import Api, token_for


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/api/me"), ("get", "/api/organizations"), ("get", "/api/organizations/1"),
     ("post", "/api/organizations"), ("get", "/api/references/QD-24-TW-2021"), ("get", "/api/tasks"),
     ("post", "/api/meetings"), ("delete", "/api/versions/1"), ("get", "/api/versions/1/original")],
)
def test_no_credentials_is_401_json_in_vietnamese(db: None, method: str, path: str) -> None:
    response = getattr(Client(), method)(path)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response["WWW-Authenticate"].startswith("Bearer")
    body = response.json()
    assert set(body) == {"detail"} and "Chưa xác thực" in body["detail"]
    assert "Chưa xác thực".encode() in response.content  # UTF-8, not \\u escapes


def test_bad_tokens_are_refused_without_falling_back_to_the_session(users: dict[str, Any]) -> None:
    client = Client()
    client.force_login(users["admin"])
    for header in ("Bearer qct_không-có-khóa-này", "Bearer ", "Bearer abc"):
        response = client.get("/api/me", headers={"Authorization": header})
        assert response.status_code == 401, header
        assert response.json()["detail"] == "Khóa truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi."
    assert client.get("/api/me").status_code == 200  # the session alone still works


def test_bearer_token(users: dict[str, Any]) -> None:
    api = Api(token_for(users["inspector"]))
    me = api.get("/me").json()
    assert me["username"] == "kiemtra" and me["role"] == "inspector" and me["full_name"] == "Trần Thị Bình"
    assert me["organization"]["name"] == "Đảng ủy xã An Hòa"
    assert me["can_edit_references"] is False  # an inspector of a commune, not of the board at the root


def test_token_expiry_and_inactive_users(users: dict[str, Any]) -> None:
    staff = users["staff"]
    token, raw = create_token(staff, "hết hạn sau một giờ", expires_at=timezone.now() + timedelta(hours=1))
    api = Api(raw)
    assert api.get("/me").status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = api.get("/me")
    assert response.status_code == 401 and "hết hạn" in response.json()["detail"]
    fresh = Api(token_for(staff))
    assert fresh.get("/me").status_code == 200
    staff.is_active = False
    staff.save()
    assert fresh.get("/me").status_code == 401


def test_token_endpoints(users: dict[str, Any]) -> None:
    user = users["staff"]
    browser = Client()
    browser.force_login(user)
    made = browser.post("/api/me/tokens", {"name": "báo cáo tháng"}, content_type="application/json")
    assert made.status_code == 201
    raw = made.json()["token"]
    assert raw.startswith("qct_") and made.json()["prefix"] == raw[:12]
    api = Api(raw)
    assert api.get("/me").json()["username"] == user.username
    assert [t["name"] for t in api.get("/me/tokens").json()] == ["báo cáo tháng"]
    assert "token" not in api.get("/me/tokens").json()[0]  # shown once only
    # a token cannot mint tokens (a leaked token must not outlive its revocation)
    assert api.post("/me/tokens", {"name": "khác"}).status_code == 403
    past = (timezone.now() - timedelta(days=1)).isoformat()
    assert browser.post("/api/me/tokens", {"name": "x", "expires_at": past},
                        content_type="application/json").status_code == 422
    # someone else's token is not found; one's own is revoked
    other = ApiToken.objects.get(user=user)
    assert Api(token_for(users["admin"])).delete(f"/me/tokens/{other.pk}").status_code == 404
    assert api.delete(f"/me/tokens/{other.pk}").status_code == 204
    assert api.get("/me").status_code == 401


def test_session_needs_csrf_for_unsafe_methods(users: dict[str, Any], tree: dict[str, Any]) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(users["staff"])
    assert browser.get("/api/me").status_code == 200
    meeting = {"organization": tree["phu_loc"].pk, "date": "2025-11-05", "kind": "thuong_ky",
               "duration_minutes": 120, "present": 7, "total": 7}
    refused = browser.post("/api/meetings", meeting, content_type="application/json")
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    browser.get("/admin/login/")  # sets the CSRF cookie, as any page with a form does
    csrf = browser.cookies["csrftoken"].value
    accepted = browser.post("/api/meetings", meeting, content_type="application/json", headers={"X-CSRFToken": csrf})
    assert accepted.status_code == 201
    # a bearer token is never sent by a browser on its own: no CSRF needed
    api = Api(token_for(users["staff"]), Client(enforce_csrf_checks=True))
    assert api.post("/meetings", {**meeting, "date": "2025-12-03"}).status_code == 201


def test_openapi_schema_is_public_and_lists_the_paths(db: None) -> None:
    response = Client().get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "quyche API" and schema["info"]["version"] == quyche.__version__
    paths = set(schema["paths"])
    for wanted in [
        "/api/organizations", "/api/organizations/{org_id}", "/api/organizations/{org_id}/children",
        "/api/organizations/{org_id}/move", "/api/organizations/{org_id}/profiles",
        "/api/organizations/{org_id}/profile", "/api/regulations", "/api/regulations/{regulation_id}",
        "/api/regulations/{regulation_id}/versions", "/api/versions/{version_id}",
        "/api/versions/{version_id}/findings", "/api/versions/{version_id}/issue",
        "/api/versions/{version_id}/original", "/api/waivers", "/api/waivers/{waiver_id}/revoke", "/api/tasks",
        "/api/tasks/{task_id}/close", "/api/references", "/api/references/{ref}", "/api/references/{ref}/impact",
        "/api/references/{ref}/supersede", "/api/meetings", "/api/meetings/compliance", "/api/me",
    ]:
        assert wanted in paths, wanted
    assert "/healthz" not in paths and "/api/healthz" not in paths
    schemes = schema["components"]["securitySchemes"]
    assert schemes["BearerToken"]["scheme"] == "bearer" and schemes["SessionCookie"]["in"] == "cookie"
    upload = schema["paths"]["/api/regulations/{regulation_id}/versions"]["post"]
    assert "multipart/form-data" in upload["requestBody"]["content"]
    listing = schema["paths"]["/api/organizations"]["get"]
    assert {p["name"] for p in listing["parameters"]} >= {"limit", "offset", "under"}
    assert any("Số mục tối đa" in (p.get("description") or "") for p in listing["parameters"])
    assert "Tên tổ chức đảng" in str(schema["components"]["schemas"]["OrganizationOut"])
    refs = set(re.findall(r"#/components/schemas/(\w+)", response.content.decode()))
    assert refs and refs <= set(schema["components"]["schemas"])  # no dangling reference


def test_docs_need_a_session(users: dict[str, Any]) -> None:
    anonymous = Client().get("/api/docs")
    assert anonymous.status_code == 302
    where = anonymous["Location"]
    assert where.startswith(resolve_url(settings.LOGIN_URL)) and "next=/api/docs" in where
    browser = Client()
    browser.force_login(users["staff"])
    page = browser.get("/api/docs")
    assert page.status_code == 200 and b"openapi.json" in page.content


def test_healthz_stays_outside_the_api(db: None) -> None:
    assert Client().get("/healthz").json() == {"status": "ok"}
