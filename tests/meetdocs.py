"""Working regulations with a chosen meeting article, for the MEET and TERM rule tests.

``chibo_doc(meeting=[…])`` is a regulation of "Chi bộ thôn Phú Lộc" whose "Điều 4. Chế độ sinh hoạt" has the
given clauses (``None``: no meeting article at all); ``danguy_doc(meeting=[…])`` the same for "Đảng ủy xã An
Hòa" ("Điều 4. Chế độ họp"). Both go through a real DOCX (tests/factory.py). ``profile(...)`` builds the
organisation profiles the rules need.
"""

from __future__ import annotations

from typing import Any

from factory import L, Layout, PartyDoc
from quyche.model import Document
from quyche.profile import Profile, profile_from_dict

CHI_BO_LEFT = [L("ĐẢNG BỘ XÃ AN HÒA"), L("CHI BỘ THÔN PHÚ LỘC", b=True), L("*"), L("Số 01-QC/CB")]
CHI_BO_SIGN = [L("T/M CHI BỘ", b=True), L("BÍ THƯ", b=True), L(""), L("Lê Văn Bình", b=True)]
CHI_BO_SUMMARY = "làm việc của Chi bộ thôn Phú Lộc, nhiệm kỳ 2025 - 2030"
DANG_UY_SUMMARY = "làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, nhiệm kỳ 2025 - 2030"

# A clean chi bộ meeting article (the corpus wording).
CHI_BO_MEETING = [
    "1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần vào ngày 05 hằng tháng.",
    "2. Chi bộ sinh hoạt chuyên đề ít nhất mỗi quý một lần.",
    "3. Thời gian sinh hoạt ít nhất 90 phút; khi kết hợp sinh hoạt thường kỳ và chuyên đề ít nhất 120 phút.",
    "4. Trước mỗi kỳ sinh hoạt, Bí thư phân công chuẩn bị nội dung, dự thảo nghị quyết; thời gian, địa điểm, nội "
    "dung sinh hoạt được thông báo đến đảng viên và cấp ủy cấp trên; tài liệu được đăng tải trên ứng dụng Sổ tay "
    "đảng viên điện tử trước ít nhất 01 ngày.",
    "5. Buổi sinh hoạt chỉ được tiến hành khi có ít nhất hai phần ba số đảng viên được triệu tập có mặt. Nghị quyết "
    "có giá trị khi được quá nửa tổng số đảng viên chính thức của Chi bộ tán thành.",
]

# A clean đảng ủy xã meeting article.
DANG_UY_MEETING = [
    "1. Ban Chấp hành họp thường lệ ba tháng một lần; họp bất thường khi cần.",
    "2. Ban Thường vụ họp thường lệ mỗi tháng một lần; họp bất thường khi cần.",
    "3. Thường trực Đảng ủy giao ban hằng tuần.",
    "4. Hội nghị chỉ được tiến hành khi có ít nhất hai phần ba số thành viên được triệu tập có mặt. Nghị quyết, "
    "quyết định có giá trị khi được quá nửa tổng số thành viên tán thành.",
]


def _date_line(date_text: str) -> list[L]:
    return [L("ĐẢNG CỘNG SẢN VIỆT NAM", b=True, size=15, border_bottom="single"),
            L(f"An Hòa, {date_text}", i=True)]


def _body(meeting: list[str] | None, who: str, meeting_title: str, extra: list[str]) -> list[L]:
    out = [L("Chương I", b=True), L("NHỮNG QUY ĐỊNH CHUNG", b=True),
           L("Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng", b=True, align="both"),
           L(f"Quy chế này quy định trách nhiệm, quyền hạn, chế độ làm việc của {who}.", align="both"),
           L("Điều 2. Nguyên tắc làm việc", b=True, align="both"),
           L("Bảo đảm nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách.", align="both"),
           L("Chương II", b=True), L("CHẾ ĐỘ LÀM VIỆC", b=True),
           L("Điều 3. Trách nhiệm, quyền hạn", b=True, align="both"),
           L(f"1. {who} lãnh đạo thực hiện nhiệm vụ chính trị.", align="both")]
    out += [L(t, align="both") for t in extra]
    n = 4
    if meeting is not None:
        out.append(L(f"Điều {n}. {meeting_title}", b=True, align="both"))
        out += [L(t, align="both") for t in meeting]
        n += 1
    out += [L(f"Điều {n}. Hiệu lực thi hành", b=True, align="both"),
            L("Quy chế này có hiệu lực kể từ ngày ký.", align="both")]
    return out


def chibo_doc(meeting: list[str] | None = CHI_BO_MEETING, *, date: str = "ngày 20 tháng 11 năm 2025",
              summary: str = CHI_BO_SUMMARY, extra: list[str] | None = None,
              meeting_title: str = "Chế độ sinh hoạt", header_layout: Layout = "table",
              **overrides: Any) -> Document:
    kw: dict[str, Any] = {
        "left": CHI_BO_LEFT, "right": _date_line(date), "signature": CHI_BO_SIGN,
        "summary": [L(summary, b=True)],
        "cancu": [L("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", align="both"),
                  L("Chi bộ thôn Phú Lộc ban hành Quy chế làm việc nhiệm kỳ 2025 - 2030 như sau:", align="both")],
        "body": _body(meeting, "Chi bộ thôn Phú Lộc", meeting_title, extra or []),
        "header_layout": header_layout,
    }
    kw.update(overrides)
    return PartyDoc(**kw).read()


def danguy_doc(meeting: list[str] | None = DANG_UY_MEETING, *, date: str = "ngày 20 tháng 11 năm 2025",
               summary: str = DANG_UY_SUMMARY, extra: list[str] | None = None, meeting_title: str = "Chế độ họp",
               header_layout: Layout = "table", **overrides: Any) -> Document:
    kw: dict[str, Any] = {
        "right": _date_line(date), "summary": [L(summary, b=True)],
        "body": _body(meeting, "Ban Chấp hành Đảng bộ xã An Hòa", meeting_title, extra or []),
        "header_layout": header_layout,
    }
    kw.update(overrides)
    return PartyDoc(**kw).read()


def profile(kind: str = "chi_bo_truc_thuoc", type: str = "thon_to_dan_pho", *, committee: int = 2, btv: int = 0,
            members: int = 8, term: dict[str, Any] | None = None, **extra: Any) -> Profile:
    """A profile: ``committee`` members (bí thư, phó bí thư, ``btv`` ủy viên BTV, then ủy viên)."""
    roles = ["bi_thu", "pho_bi_thu"] + ["uy_vien_btv"] * btv
    roles += ["uy_vien"] * (committee - len(roles))
    dang_uy = kind.startswith("dang_uy")
    data: dict[str, Any] = {
        "schema": "quyche/profile/v1",
        "name": "Đảng ủy xã An Hòa" if dang_uy else "Chi bộ thôn Phú Lộc",
        "kind": kind, "type": type,
        "superior": "Đảng bộ tỉnh Tây Ninh" if dang_uy else "Đảng bộ xã An Hòa", "place": "An Hòa",
        "term": term or ({"from": 2025, "to": 2030, "khoa": "I"} if dang_uy else {"from": 2025, "to": 2030}),
        "members": members,
        "committee": [{"name": f"Đồng chí {i}", "role": r} for i, r in enumerate(roles[:committee])],
    }
    data.update(extra)
    return profile_from_dict(data)


def dn_profile(**kw: Any) -> Profile:
    """A đảng ủy cấp trên cơ sở in a state enterprise (the 147-QĐ/TW model): 15 ủy viên, BTV of 5."""
    return profile("dang_uy_cap_tren_co_so", "doanh_nghiep_nha_nuoc", committee=15, btv=3, members=600, **kw)


def xa_profile(**kw: Any) -> Profile:
    """A đảng ủy xã with a Ban Thường vụ (27 ủy viên, BTV of 9)."""
    return profile("dang_uy_cap_tren_co_so", "xa", committee=27, btv=7, members=480, **kw)
