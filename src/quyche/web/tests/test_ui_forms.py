"""The forms of the pages: valid and invalid submissions, who may submit them, and CSRF.

Each test runs in its own transaction over the shared world (:mod:`quyche.web.tests.ui_world`)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client

from quyche.web.meetings.models import Meeting
from quyche.web.organizations.models import ProfileVersion
from quyche.web.regulations.models import Regulation, RegulationVersion, Waiver
from quyche.web.tests.ui_world import csrf_token, text, ui_fixtures

HX = {"HX-Request": "true"}


world, _media_root, as_user = ui_fixtures("ui-forms")


def field_errors(html: str, field_id: str) -> str:
    """The error block rendered next to one field (empty when there is none)."""
    start = html.find(f'id="{field_id}_error"')
    if start < 0:
        return ""
    return html[start:html.find("</div>", start)]


# ------------------------------------------------------------------------------------------- profile
PROFILE_YAML = """\
schema: quyche/profile/v1
name: Chi bộ thôn Phú Lộc
kind: chi_bo_truc_thuoc
type: thon_to_dan_pho
superior: Đảng bộ xã An Hòa
place: An Hòa
term: {from: 2025, to: 2030}
members: %d
committee:
  - name: Võ Thị Em
    role: bi_thu
    duties: [Phụ trách chung]
"""


def test_profile_form_is_prefilled(as_user: Any, world: dict[str, Any]) -> None:
    org = world["orgs"]["phu_loc"]
    response = as_user("staff").get(f"/to-chuc/{org.pk}/ho-so/")
    assert response.status_code == 200
    html = text(response)
    assert "Cập nhật hồ sơ tổ chức" in html and "Phạm Văn Dũng" in html and "Kiểm tra và lưu hồ sơ" in html
    assert 'aria-describedby="id_text_helptext"' in html


@pytest.mark.parametrize(("yaml_text", "message"), [
    (PROFILE_YAML % 2, "trường “members”: chi bộ phải có ít nhất 3 đảng viên chính thức"),
    ((PROFILE_YAML % 7).replace("chi_bo_truc_thuoc", "chi_bo_lon"), "trường “kind”: “chi_bo_lon” không hợp lệ"),
    ("name: [không đóng ngoặc\n", "YAML/JSON không hợp lệ (dòng"),
    ("- chỉ là một danh sách\n", "hồ sơ phải là một bảng khóa"),
    ("", "Chưa nhập hồ sơ."),
])
def test_profile_error_is_shown_next_to_the_field(as_user: Any, world: dict[str, Any], yaml_text: str,
                                                  message: str) -> None:
    org = world["orgs"]["phu_loc"]
    before = ProfileVersion.objects.count()
    response = as_user("staff").post(f"/to-chuc/{org.pk}/ho-so/", {"text": yaml_text, "note": ""})
    assert response.status_code == 400
    html = text(response)
    assert message in field_errors(html, "id_text"), html[html.find("form-errors"):][:600]
    assert 'aria-invalid="true"' in html and "id_text_error" in html
    assert ProfileVersion.objects.count() == before


def test_profile_saved(as_user: Any, world: dict[str, Any]) -> None:
    org = world["orgs"]["phu_loc"]
    staff = as_user("staff")
    response = staff.post(f"/to-chuc/{org.pk}/ho-so/", {"text": PROFILE_YAML % 12, "note": "Đại hội bầu bí thư mới"})
    assert response.status_code == 302 and response["Location"] == f"/to-chuc/{org.pk}/"
    latest = org.profile_versions.order_by("-number").first()
    assert latest is not None and latest.number == 2 and latest.data["members"] == 12
    assert latest.author == world["users"]["staff"] and latest.source_text == PROFILE_YAML % 12
    page = text(staff.get(f"/to-chuc/{org.pk}/"))
    assert "Đã lưu hồ sơ phiên bản 2" in page and "Võ Thị Em" in page and "Có chi ủy" in page
    assert "Lịch sử hồ sơ (2 phiên bản)" in page


def test_profile_form_outside_scope(as_user: Any, world: dict[str, Any]) -> None:
    an_hoa = world["orgs"]["an_hoa"]
    assert as_user("staff").post(f"/to-chuc/{an_hoa.pk}/ho-so/", {"text": PROFILE_YAML % 9}).status_code == 404
    assert ProfileVersion.objects.filter(organization=an_hoa).count() == 1


# ------------------------------------------------------------------------------------------- meetings
def meeting_data(world: dict[str, Any], **over: Any) -> dict[str, Any]:
    data = {"date": f"{world['today'] - timedelta(days=1):%Y-%m-%d}", "kind": "chuyen_de", "duration_minutes": 100,
            "present": 6, "total": 7, "notes": "Chuyên đề học tập và làm theo tư tưởng, đạo đức Hồ Chí Minh"}
    data.update(over)
    return data


def test_meeting_recorded(as_user: Any, world: dict[str, Any]) -> None:
    org = world["orgs"]["phu_loc"]
    staff = as_user("staff")
    response = staff.post(f"/to-chuc/{org.pk}/sinh-hoat/", meeting_data(world))
    assert response.status_code == 302 and response["Location"].startswith(f"/to-chuc/{org.pk}/?thang=")
    meeting = Meeting.objects.filter(organization=org, kind="chuyen_de").get()
    assert meeting.created_by == world["users"]["staff"] and meeting.duration_minutes == 100
    page = text(staff.get(response["Location"]))
    assert "Đã ghi buổi sinh hoạt ngày" in page and "Chuyên đề học tập" in page


@pytest.mark.parametrize(("over", "field", "message"), [
    ({"present": 9, "total": 7}, "id_present", "Số có mặt không được lớn hơn tổng số"),
    ({"kind": "chuyen_de", "combined": "on"}, "id_combined", "Chỉ buổi sinh hoạt thường kỳ mới kết hợp chuyên đề"),
    ({"date": "2999-01-01"}, "id_date", "Ngày họp không được sau hôm nay"),
    ({"date": "31/02/2025"}, "id_date", "Ngày không hợp lệ"),
    ({"duration_minutes": 0}, "id_duration_minutes", "Thời lượng phải ít nhất 1 phút"),
    ({"total": ""}, "id_total", "Chưa nhập tổng số đảng viên"),
])
def test_meeting_invalid(as_user: Any, world: dict[str, Any], over: dict[str, Any], field: str, message: str) -> None:
    org = world["orgs"]["phu_loc"]
    before = Meeting.objects.count()
    response = as_user("staff").post(f"/to-chuc/{org.pk}/sinh-hoat/", meeting_data(world, **over))
    assert response.status_code == 400
    assert message in field_errors(text(response), field)
    assert Meeting.objects.count() == before


def test_meeting_outside_scope(as_user: Any, world: dict[str, Any]) -> None:
    tan_lap = world["orgs"]["tan_lap"]
    assert as_user("staff").post(f"/to-chuc/{tan_lap.pk}/sinh-hoat/", meeting_data(world)).status_code == 404
    assert as_user("inspector").post(f"/to-chuc/{tan_lap.pk}/sinh-hoat/", meeting_data(world)).status_code == 404
    assert not Meeting.objects.filter(organization=tan_lap, kind="chuyen_de").exists()


# ------------------------------------------------------------------------------------------- waivers
def waiver_data(world: dict[str, Any], **over: Any) -> dict[str, Any]:
    data = {"rule": world["rules"][1], "scope": "regulation", "paragraph": "", "reason": "Theo ý kiến Ban Tổ chức",
            "expires": f"{world['today'] + timedelta(days=30):%Y-%m-%d}"}
    data.update(over)
    return data


@pytest.mark.parametrize("role", ["inspector", "admin", "board"])
def test_waiver_granted_by_supervisors(as_user: Any, world: dict[str, Any], role: str) -> None:
    version = world["version"]
    client = as_user(role)
    response = client.post(f"/phien-ban/{version.pk}/mien-tru/", waiver_data(world))
    assert response.status_code == 302 and response["Location"] == f"/phien-ban/{version.pk}/"
    waiver = Waiver.objects.get(rule=world["rules"][1])
    assert waiver.scope == "regulation" and waiver.regulation == world["reg"]
    assert waiver.approver == world["users"][role]
    page = text(client.get(response["Location"]))
    assert "Đã miễn áp dụng quy tắc" in page and "Theo ý kiến Ban Tổ chức" in page


def test_waiver_refused_to_staff(as_user: Any, world: dict[str, Any]) -> None:
    version = world["version"]
    staff = as_user("staff")
    response = staff.post(f"/phien-ban/{version.pk}/mien-tru/", waiver_data(world))
    assert response.status_code == 403 and "Chỉ cán bộ kiểm tra" in text(response)
    assert staff.get(f"/phien-ban/{version.pk}/mien-tru/").status_code == 403
    assert not Waiver.objects.filter(rule=world["rules"][1]).exists()
    assert f'action="/phien-ban/{version.pk}/mien-tru/"' not in text(staff.get(f"/phien-ban/{version.pk}/"))


@pytest.mark.parametrize(("over", "field", "message"), [
    ({"reason": "   "}, "id_reason", "Cần ghi lý do miễn áp dụng"),
    ({"expires": "2000-01-01"}, "id_expires", "Ngày hết hiệu lực phải sau hôm nay"),
    ({"rule": "KHONG-CO"}, "id_rule", "Hãy chọn một lựa chọn hợp lệ"),
])
def test_waiver_invalid(as_user: Any, world: dict[str, Any], over: dict[str, Any], field: str, message: str) -> None:
    version = world["version"]
    before = Waiver.objects.count()
    response = as_user("inspector").post(f"/phien-ban/{version.pk}/mien-tru/", waiver_data(world, **over))
    assert response.status_code == 400
    assert message in field_errors(text(response), field)
    assert Waiver.objects.count() == before


# ------------------------------------------------------------------------------------------- upload
def test_upload_shows_findings(as_user: Any, world: dict[str, Any], docx: Any, upload: Any) -> None:
    reg = world["reg"]
    data = docx(issuer="ĐẢNG ỦY XÃ AN HÒA MỚI")
    staff = as_user("staff")
    response = staff.post(f"/quy-che/{reg.pk}/tai-len/", {"file": upload(data, "Quy chế sửa.docx"),
                                                                      "note": "Bản sửa theo góp ý"})
    assert response.status_code == 302
    version = reg.versions.order_by("-number").first()
    assert version is not None and version.number == 2 and version.filename == "Quy chế sửa.docx"
    assert response["Location"] == f"/phien-ban/{version.pk}/"
    html = text(staff.get(response["Location"]))
    assert "Đã tải lên và kiểm tra phiên bản 2" in html and "Kết quả kiểm tra" in html
    assert "Bản sửa theo góp ý" in html
    for f in version.findings[:3]:
        assert f'href="/quy-tac/{f["rule"]}/"' in html


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"this is not a word document at all", "quy-che.docx", "Không đọc được tệp"),
    (b"MZ\x90\x00", "quy-che.exe", "chỉ nhận tệp"),
    (b"PK\x03\x04broken zip", "quy-che.docx", "Không đọc được tệp"),
])
def test_unreadable_upload_stores_nothing(as_user: Any, world: dict[str, Any], upload: Any, data: bytes, name: str,
                                          message: str) -> None:
    reg = world["reg"]
    originals = world["media"] / "originals"
    files_before = sorted(p.name for p in originals.rglob("*")) if originals.exists() else []
    before = RegulationVersion.objects.count()
    response = as_user("staff").post(f"/quy-che/{reg.pk}/tai-len/", {"file": upload(data, name)})
    assert response.status_code == 400
    errors = field_errors(text(response), "id_file")
    assert message in errors, errors
    assert RegulationVersion.objects.count() == before
    assert (sorted(p.name for p in originals.rglob("*")) if originals.exists() else []) == files_before


def test_upload_outside_scope(as_user: Any, world: dict[str, Any], docx: Any, upload: Any) -> None:
    reg_tl = world["reg_tl"]
    response = as_user("staff").post(f"/quy-che/{reg_tl.pk}/tai-len/", {"file": upload(docx())})
    assert response.status_code == 404
    assert reg_tl.versions.count() == 1


# ------------------------------------------------------------------------------------------- issue, regulation
def test_issue_needs_confirmation(as_user: Any, world: dict[str, Any]) -> None:
    version = world["version"]
    staff = as_user("staff")
    assert staff.get(f"/phien-ban/{version.pk}/ban-hanh/").status_code == 403
    assert staff.post(f"/phien-ban/{version.pk}/ban-hanh/", {"confirm": "on"}).status_code == 403
    inspector = as_user("inspector")
    page = text(inspector.get(f"/phien-ban/{version.pk}/ban-hanh/"))
    assert "Ghi nhận ban hành phiên bản 1" in page and "không thể sửa hay xóa" in page
    response = inspector.post(f"/phien-ban/{version.pk}/ban-hanh/", {})
    assert response.status_code == 400 and "Hãy đánh dấu xác nhận" in text(response)
    version.refresh_from_db()
    assert not version.is_issued
    response = inspector.post(f"/phien-ban/{version.pk}/ban-hanh/", {"confirm": "on"})
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.is_issued and version.issued_by == world["users"]["inspector"]
    assert world["task"].__class__.objects.get(pk=world["task"].pk).status == "closed"  # issuing closes the tasks
    assert "Đã ban hành" in text(inspector.get(f"/phien-ban/{version.pk}/"))


def test_create_regulation(as_user: Any, world: dict[str, Any]) -> None:
    org = world["orgs"]["phu_loc"]
    staff = as_user("staff")
    response = staff.post(f"/to-chuc/{org.pk}/quy-che/moi/", {"term_start": 2030, "term_end": 2035, "khoa": "II"})
    assert response.status_code == 302 and response["Location"] == f"/to-chuc/{org.pk}/#quy-che"
    assert Regulation.objects.filter(organization=org, term_start=2030, khoa="II").exists()
    response = staff.post(f"/to-chuc/{org.pk}/quy-che/moi/", {"term_start": 2025, "term_end": 2030})
    assert response.status_code == 400 and "đã có quy chế của nhiệm kỳ này" in text(response)
    response = staff.post(f"/to-chuc/{org.pk}/quy-che/moi/", {"term_start": 2030, "term_end": 2030})
    assert response.status_code == 400 and "Năm kết thúc nhiệm kỳ phải sau năm bắt đầu" in text(response)


# ------------------------------------------------------------------------------------------- CSRF
def test_csrf_enforced_on_every_form(as_user: Any, world: dict[str, Any]) -> None:
    org, version, task, reg = world["orgs"]["phu_loc"], world["version"], world["task"], world["reg"]
    posts = {
        f"/to-chuc/{org.pk}/ho-so/": {"text": PROFILE_YAML % 12},
        f"/to-chuc/{org.pk}/sinh-hoat/": meeting_data(world),
        f"/to-chuc/{org.pk}/quy-che/moi/": {"term_start": 2030, "term_end": 2035},
        f"/phien-ban/{version.pk}/mien-tru/": waiver_data(world),
        f"/phien-ban/{version.pk}/ban-hanh/": {"confirm": "on"},
        f"/quy-che/{reg.pk}/tai-len/": {"note": "x"},
        f"/nhiem-vu/{task.pk}/dong/": {"resolution": "x"},
        "/dang-xuat/": {},
    }
    client = as_user("admin", enforce_csrf_checks=True)
    for url, data in posts.items():
        response = client.post(url, data)
        assert response.status_code == 403, url
        assert "Không gửi được biểu mẫu" in text(response)
    assert ProfileVersion.objects.filter(organization=org).count() == 1
    assert not Meeting.objects.filter(kind="chuyen_de").exists()
    login = {"username": "kiemtra", "password": "mat-khau-dai-kiem-thu"}
    assert Client(enforce_csrf_checks=True).post("/dang-nhap/", login).status_code == 403


def test_csrf_token_lets_forms_through(as_user: Any, world: dict[str, Any]) -> None:
    org, task = world["orgs"]["phu_loc"], world["task"]
    client = as_user("inspector", enforce_csrf_checks=True)
    page = text(client.get(f"/to-chuc/{org.pk}/ho-so/"))
    token = csrf_token(page)
    response = client.post(f"/to-chuc/{org.pk}/ho-so/", {"text": PROFILE_YAML % 12, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    # htmx sends the token in a header (hx-headers on <body>)
    listing = text(client.get("/nhiem-vu/"))
    assert 'hx-headers=\'{"X-CSRFToken": "' in listing
    header_token = listing.split('"X-CSRFToken": "', 1)[1].split('"', 1)[0]
    response = client.post(f"/nhiem-vu/{task.pk}/dong/", {"resolution": "Đã rà soát"},
                           headers={**HX, "X-CSRFToken": header_token})
    assert response.status_code == 200 and "Đã đóng" in text(response)
