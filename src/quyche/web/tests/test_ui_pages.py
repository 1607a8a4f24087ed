"""The Vietnamese pages: each page for each role, with the right content, and 404 outside the user's scope —
whole pages and htmx fragments alike (the world: :mod:`quyche.web.tests.ui_world`)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from quyche.web.tests.ui_world import SECRET, text, ui_fixtures

HX = {"HX-Request": "true"}


world, _media_root, as_user = ui_fixtures("ui-pages")


def get(client: Client, url: str, status: int = 200, **kwargs: Any) -> str:
    response = client.get(url, **kwargs)
    assert response.status_code == status, f"{url}: {response.status_code}"
    return text(response) if not getattr(response, "streaming", False) else ""


# ------------------------------------------------------------------------------------------- sign-in
def test_every_page_needs_login(world: dict[str, Any], db: None) -> None:
    anon = Client()
    org, version, task = world["orgs"]["phu_loc"], world["version"], world["task"]
    urls = ["/", "/to-chuc/", f"/to-chuc/{org.pk}/", f"/to-chuc/{org.pk}/truc-thuoc/", f"/to-chuc/{org.pk}/ho-so/",
            f"/to-chuc/{org.pk}/tuan-thu/", f"/to-chuc/{org.pk}/sinh-hoat/", f"/phien-ban/{version.pk}/",
            f"/phien-ban/{version.pk}/tep-goc/", f"/quy-che/{world['reg'].pk}/tai-len/", "/nhiem-vu/",
            "/van-ban/", "/van-ban/QD-77-TU-2025/", "/quy-tac/", "/quy-tac/TYP-NO-KT/"]
    for url in urls:
        response = anon.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/?next="), url
        # an htmx request after the session expired: the whole page goes to the sign-in page, then back
        response = anon.get(url, headers={**HX, "HX-Current-URL": f"http://testserver/to-chuc/{org.pk}/?thang=2025-11"})
        assert response.status_code == 204 and not response.content, url
        assert response["HX-Redirect"] == f"/dang-nhap/?next=/to-chuc/{org.pk}/%3Fthang%3D2025-11", url
    response = anon.post(f"/nhiem-vu/{task.pk}/dong/")
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


def test_login_page_is_vietnamese(world: dict[str, Any], db: None) -> None:
    client = Client()
    html = get(client, "/dang-nhap/")
    assert '<html lang="vi">' in html and "Đăng nhập" in html and "Tên đăng nhập" in html and "Mật khẩu" in html
    response = client.post("/dang-nhap/", {"username": "kiemtra", "password": "sai-mat-khau"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in text(response)
    response = client.post("/dang-nhap/", {"username": "kiemtra", "password": "mat-khau-dai-kiem-thu"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert "Trần Thị Bình" in get(client, "/")
    assert client.get("/dang-xuat/").status_code == 405  # a link cannot sign anyone out
    response = client.post("/dang-xuat/")
    assert response.status_code == 302 and response["Location"] == "/dang-nhap/"
    assert client.get("/").status_code == 302


# ------------------------------------------------------------------------------------------- dashboard
@pytest.mark.parametrize(("role", "scope", "sees_secret"), [
    ("admin", "Toàn bộ các tổ chức", True),
    ("board", "Đảng bộ tỉnh Tây Ninh và các tổ chức trực thuộc", True),
    ("inspector", "Đảng ủy xã An Hòa và các tổ chức trực thuộc", False),
    ("staff", "Chi bộ thôn Phú Lộc", False),
])
def test_dashboard(as_user: Any, role: str, scope: str, sees_secret: bool) -> None:
    response = as_user(role).get("/")
    assert "no-store" in response["Cache-Control"] and "HX-Request" in response["Vary"]
    html = text(response)
    assert "Tổng quan" in html and scope in html
    assert "Quy chế theo tình trạng" in html and "Dự thảo" in html
    assert "Chi bộ thôn Phú Lộc" in html  # its version has errors and its task is overdue
    assert "is-overdue" in html and "Quá hạn" in html
    assert "Sinh hoạt chi bộ tháng" in html
    assert ("Chi bộ thôn Tân Lập" in html) == sees_secret
    if role == "staff":
        assert "Đảng ủy xã An Hòa" not in html


# ------------------------------------------------------------------------------------------- tree
@pytest.mark.parametrize(("role", "present", "absent"), [
    ("admin", ["Đảng bộ tỉnh Tây Ninh", "Đảng ủy xã An Hòa", "Đảng ủy xã Bình Minh"], []),
    ("inspector", ["Đảng ủy xã An Hòa", "Chi bộ thôn Phú Lộc", "Chi bộ Trường Tiểu học An Hòa"],
     ["Đảng bộ tỉnh Tây Ninh", "Bình Minh", "Tân Lập"]),
    ("staff", ["Chi bộ thôn Phú Lộc"], ["Đảng ủy xã An Hòa", "Tân Lập", "Trường Tiểu học"]),
])
def test_tree(as_user: Any, role: str, present: list[str], absent: list[str]) -> None:
    html = get(as_user(role), "/to-chuc/")
    assert "Cây tổ chức" in html
    for name in present:
        assert name in html, name
    for name in absent:
        assert name not in html, name


def test_tree_badges(as_user: Any, world: dict[str, Any]) -> None:
    html = get(as_user("inspector"), "/to-chuc/")
    assert "Dự thảo" in html and "lỗi" in html and "rà soát quá hạn" in html and "Chưa có quy chế" in html


def test_tree_children_load_on_demand(as_user: Any, world: dict[str, Any]) -> None:
    binh_minh, an_hoa = world["orgs"]["binh_minh"], world["orgs"]["an_hoa"]
    admin = as_user("admin")
    page = get(admin, "/to-chuc/")
    assert f'hx-get="/to-chuc/{binh_minh.pk}/truc-thuoc/"' in page and 'hx-trigger="toggle once"' in page
    assert "Chi bộ thôn Tân Lập" not in page  # the second level loads on demand
    fragment = get(admin, f"/to-chuc/{binh_minh.pk}/truc-thuoc/", headers=HX)
    assert "Chi bộ thôn Tân Lập" in fragment and "<html" not in fragment and fragment.lstrip().startswith("<li")
    response = admin.get(f"/to-chuc/{binh_minh.pk}/truc-thuoc/")  # without htmx: the organisation's page
    assert response.status_code == 302 and response["Location"] == f"/to-chuc/{binh_minh.pk}/"
    inspector = as_user("inspector")
    get(inspector, f"/to-chuc/{binh_minh.pk}/truc-thuoc/", 404, headers=HX)
    assert "Chi bộ thôn Phú Lộc" in get(inspector, f"/to-chuc/{an_hoa.pk}/truc-thuoc/", headers=HX)
    get(as_user("staff"), f"/to-chuc/{an_hoa.pk}/truc-thuoc/", 404, headers=HX)


def test_tree_search(as_user: Any) -> None:
    html = get(as_user("inspector"), "/to-chuc/?q=thôn")
    assert "Chi bộ thôn Phú Lộc" in html and "Tân Lập" not in html
    fragment = get(as_user("admin"), "/to-chuc/?q=Tân", headers=HX)
    assert "Chi bộ thôn Tân Lập" in fragment and "<html" not in fragment


# ------------------------------------------------------------------------------------------- organisation
@pytest.mark.parametrize("role", ["admin", "board", "inspector", "staff"])
def test_organization_page(as_user: Any, world: dict[str, Any], role: str) -> None:
    org = world["orgs"]["phu_loc"]
    html = get(as_user(role), f"/to-chuc/{org.pk}/")
    # the profile as a readable table
    for expected in ("Hồ sơ tổ chức", "Chi bộ trực thuộc", "Thôn, tổ dân phố", "2025 - 2030", "Số đảng viên chính thức",
                     "Phạm Văn Dũng", "Bí thư", "Phó Bí thư", "Phụ trách công tác tổ chức", "Lịch sử hồ sơ",
                     "Trần Thị Bình", "Hồ sơ nhiệm kỳ 2025 - 2030"):
        assert expected in html, expected
    # regulations and versions, tasks, meetings and compliance
    assert f'href="/phien-ban/{world["version"].pk}/"' in html and "quy-che-phu-loc.docx" in html
    assert "Bí thư thay đổi: rà soát Điều 3" in html and "Quá hạn" in html
    assert "Sinh hoạt thường kỳ tháng này" in html and "Tuân thủ tháng" in html and 'id="tuan-thu"' in html
    assert SECRET not in html and "Tân Lập" not in html
    assert f'action="/to-chuc/{org.pk}/sinh-hoat/"' in html  # staff and supervisors record meetings
    assert f'href="/to-chuc/{org.pk}/ho-so/"' in html


def test_organization_outside_scope_is_404(as_user: Any, world: dict[str, Any]) -> None:
    orgs = world["orgs"]
    for role, names in {"inspector": ["tan_lap", "binh_minh", "tinh"], "staff": ["an_hoa", "truong", "tan_lap"],
                        "staff_tl": ["phu_loc"]}.items():
        client = as_user(role)
        for name in names:
            for url in (f"/to-chuc/{orgs[name].pk}/", f"/to-chuc/{orgs[name].pk}/ho-so/",
                        f"/to-chuc/{orgs[name].pk}/sinh-hoat/", f"/to-chuc/{orgs[name].pk}/quy-che/moi/"):
                get(client, url, 404)
            get(client, f"/to-chuc/{orgs[name].pk}/tuan-thu/", 404, headers=HX)
    get(as_user("admin"), "/to-chuc/999999/", 404)


def test_breadcrumbs_show_only_visible_ancestors(as_user: Any, world: dict[str, Any]) -> None:
    org = world["orgs"]["phu_loc"]
    assert "Đảng bộ tỉnh Tây Ninh" in get(as_user("board"), f"/to-chuc/{org.pk}/")
    html = get(as_user("inspector"), f"/to-chuc/{org.pk}/")
    assert f'href="/to-chuc/{world["orgs"]["an_hoa"].pk}/"' in html
    assert f'href="/to-chuc/{world["orgs"]["tinh"].pk}/"' not in html


def test_compliance_fragment(as_user: Any, world: dict[str, Any]) -> None:
    org, today = world["orgs"]["phu_loc"], world["today"]
    month = f"{today:%Y-%m}"
    fragment = get(as_user("staff"), f"/to-chuc/{org.pk}/tuan-thu/?thang={month}", headers=HX)
    assert fragment.lstrip().startswith('<div id="tuan-thu"') and "<html" not in fragment
    assert f"Tuân thủ tháng {today.month}/{today.year}" in fragment and "Sáu tháng gần nhất" in fragment
    page = get(as_user("staff"), f"/to-chuc/{org.pk}/tuan-thu/?thang=2025-01")
    assert "<html" in page and "tháng 1/2025" in page and "Chi bộ không sinh hoạt thường kỳ" in page


# ------------------------------------------------------------------------------------------- version
@pytest.mark.parametrize(("role", "can_waive", "can_issue"), [
    ("admin", True, True), ("inspector", True, True), ("staff", False, False),
])
def test_version_page(as_user: Any, world: dict[str, Any], role: str, can_waive: bool, can_issue: bool) -> None:
    version, waiver = world["version"], world["waiver"]
    html = get(as_user(role), f"/phien-ban/{version.pk}/")
    # summary of the document
    for expected in ("Thông tin văn bản", "QUY CHẾ", "01-QC/ĐU", "15/10/2025", "ĐẢNG ỦY XÃ AN HÒA", "Số điều",
                     "quy-che-phu-loc.docx", "Bản trình chi bộ", "20/11/2025"):
        assert expected in html, expected
    # findings grouped by zone, severity badges, rule links, expected vs actual, fix
    visible = [f for f in version.findings if f["rule"] != waiver.rule]
    first = visible[0]
    assert f'href="/quy-tac/{first["rule"]}/"' in html
    assert 'class="badge badge--error">Lỗi<' in html or 'class="badge badge--warning">Cảnh báo<' in html
    assert 'class="zone"' in html and "Cách sửa" in html
    if any(f.get("expected") is not None for f in visible):
        assert "Cần" in html and "Hiện có" in html
    # the waived finding apart, with its waiver
    assert "Phát hiện được miễn áp dụng" in html
    assert "Chờ hướng dẫn của Ban Tổ chức Tỉnh ủy" in html and "Trần Thị Bình" in html
    assert f"{waiver.expires:%d/%m/%Y}" in html
    assert (f'action="/phien-ban/{version.pk}/mien-tru/"' in html) == can_waive
    assert (f'href="/phien-ban/{version.pk}/ban-hanh/"' in html) == can_issue
    assert f'action="/quy-che/{world["reg"].pk}/tai-len/"' in html  # staff and supervisors upload
    assert SECRET not in html


def test_version_outside_scope_is_404(as_user: Any, world: dict[str, Any]) -> None:
    version_tl = world["version_tl"]
    for role in ("inspector", "staff"):
        client = as_user(role)
        for url in (f"/phien-ban/{version_tl.pk}/", f"/phien-ban/{version_tl.pk}/tep-goc/",
                    f"/phien-ban/{version_tl.pk}/mien-tru/", f"/phien-ban/{version_tl.pk}/ban-hanh/",
                    f"/quy-che/{world['reg_tl'].pk}/tai-len/"):
            get(client, url, 404)
    get(as_user("staff_tl"), f"/phien-ban/{world['version'].pk}/", 404)
    assert SECRET in get(as_user("admin"), f"/phien-ban/{version_tl.pk}/")


def test_original_file(as_user: Any, world: dict[str, Any]) -> None:
    response = as_user("staff").get(f"/phien-ban/{world['version'].pk}/tep-goc/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == world["docx"]
    assert "quy-che-phu-loc.docx" in response["Content-Disposition"]


def test_rule_pages(as_user: Any, world: dict[str, Any]) -> None:
    client = as_user("staff")
    rule = world["version"].findings[0]["rule"]
    html = get(client, f"/quy-tac/{rule}/")
    for heading in ("Yêu cầu", "Vì sao", "Ví dụ sai", "Ví dụ đúng", "Cách sửa", "Căn cứ"):
        assert f"<h2>{heading}</h2>" in html, heading
    response = client.get("/quy-tac/REG-MIXED/")  # an alias goes to the rule's own page
    assert response.status_code == 302 and response["Location"] == "/quy-tac/TYP-REGIME-MIXED/"
    get(client, "/quy-tac/KHONG-CO/", 404)
    listing = get(client, "/quy-tac/")
    assert "Quy tắc kiểm tra" in listing and 'href="/quy-tac/TYP-NO-KT/"' in listing


# ------------------------------------------------------------------------------------------- tasks
@pytest.mark.parametrize(("role", "sees_secret", "can_close"), [
    ("admin", True, True), ("board", True, True), ("inspector", False, True), ("staff", False, False),
])
def test_task_list(as_user: Any, world: dict[str, Any], role: str, sees_secret: bool, can_close: bool) -> None:
    html = get(as_user(role), "/nhiem-vu/")
    assert "Nhiệm vụ rà soát" in html and "Bí thư thay đổi: rà soát Điều 3" in html
    assert "is-overdue" in html and "Quá hạn 3 ngày" in html
    assert (SECRET in html) == sees_secret
    assert (f'hx-post="/nhiem-vu/{world["task"].pk}/dong/"' in html) == can_close


def test_task_filters(as_user: Any, world: dict[str, Any]) -> None:
    client = as_user("admin")
    assert SECRET not in get(client, "/nhiem-vu/?status=open&reason=profile_changed")
    assert "Bí thư thay đổi" not in get(client, "/nhiem-vu/?status=open&reason=new_term")
    assert "Không có nhiệm vụ nào khớp bộ lọc" in get(client, "/nhiem-vu/?status=closed")
    overdue = get(client, "/nhiem-vu/?status=open&overdue=on")
    assert "Bí thư thay đổi" in overdue and SECRET not in overdue
    assert SECRET in get(client, "/nhiem-vu/?status=all&q=Tân Lập")
    fragment = get(client, "/nhiem-vu/?status=open", headers=HX)
    assert fragment.lstrip().startswith('<div id="danh-sach"') and "<html" not in fragment


def test_close_task(as_user: Any, world: dict[str, Any]) -> None:
    from quyche.web.reviews.models import ReviewTask

    task = world["task"]
    response = as_user("staff").post(f"/nhiem-vu/{task.pk}/dong/", {"resolution": "x"})
    assert response.status_code == 403 and "Chỉ cán bộ kiểm tra" in text(response)
    assert as_user("inspector").post(f"/nhiem-vu/{world['task_tl'].pk}/dong/").status_code == 404
    assert ReviewTask.objects.get(pk=task.pk).status == "open"
    response = as_user("inspector").post(f"/nhiem-vu/{task.pk}/dong/", {"resolution": "Đã rà soát Điều 3"},
                                         headers=HX)
    assert response.status_code == 200
    row = text(response)
    assert row.lstrip().startswith(f'<tr id="nhiem-vu-{task.pk}"') and "Đã đóng" in row and "Đã rà soát Điều 3" in row
    assert ReviewTask.objects.get(pk=task.pk).status == "closed"


def test_close_task_without_htmx_goes_back(as_user: Any, world: dict[str, Any]) -> None:
    task = world["task"]
    response = as_user("admin").post(f"/nhiem-vu/{task.pk}/dong/", {"next": "/nhiem-vu/?status=all"})
    assert response.status_code == 302 and response["Location"] == "/nhiem-vu/?status=all"
    response = as_user("admin").post(f"/nhiem-vu/{task.pk}/dong/", {"next": "https://example.com/"})
    assert response.status_code == 302 and response["Location"] == "/nhiem-vu/"


# ------------------------------------------------------------------------------------------- references
def test_reference_list_and_search(as_user: Any) -> None:
    client = as_user("staff")
    html = get(client, "/van-ban/")
    assert "Văn bản căn cứ" in html and "294-QĐ/TW" in html and "77-QĐ/TU" in html
    found = get(client, "/van-ban/?q=77-QĐ/TU")
    assert 'href="/van-ban/QD-77-TU-2025/"' in found and "1 văn bản khớp" in found
    fragment = get(client, "/van-ban/?q=294", headers=HX)
    assert fragment.lstrip().startswith('<div id="ket-qua"') and "294-QĐ/TW" in fragment and "<html" not in fragment
    assert "Không tìm thấy văn bản nào" in get(client, "/van-ban/?q=khongcovanbannay")


@pytest.mark.parametrize(("role", "orgs"), [
    ("admin", {"Chi bộ thôn Phú Lộc", "Chi bộ thôn Tân Lập"}),
    ("inspector", {"Chi bộ thôn Phú Lộc"}),
    ("staff", {"Chi bộ thôn Phú Lộc"}),
    ("staff_tl", {"Chi bộ thôn Tân Lập"}),
])
def test_reference_impact_is_scoped(as_user: Any, role: str, orgs: set[str]) -> None:
    html = get(as_user(role), "/van-ban/QD-77-TU-2025/")
    assert "Ảnh hưởng" in html and "Điều 6" in html and "Quy định số 77-QĐ/TU ngày 05/01/2025" in html
    for name in ("Chi bộ thôn Phú Lộc", "Chi bộ thôn Tân Lập"):
        assert (name in html) == (name in orgs), name


def test_reference_chain(as_user: Any) -> None:
    html = get(as_user("staff"), "/van-ban/QD-294-TW-2025/")
    assert "Chuỗi thay thế" in html and "20-QĐ/TW" in html and "Cần xác nhận" in html
    get(as_user("staff"), "/van-ban/KHONG-CO/", 404)
