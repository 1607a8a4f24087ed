"""Builders for the REF rule tests: a regulation with a given căn cứ block and date, and organisation profiles."""

from __future__ import annotations

from typing import Any

from factory import L, PartyDoc
from quyche.model import Document
from quyche.profile import Profile, profile_from_dict

OPERATIVE = "Ban Chấp hành Đảng bộ xã An Hòa ban hành Quy chế làm việc khóa I, nhiệm kỳ 2025 - 2030 như sau:"

DIEU_LE = "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"
QD_294 = "- Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;"
HD_06 = ("- Căn cứ Hướng dẫn số 06-HD/TW ngày 09/6/2025 của Ban Bí thư hướng dẫn một số vấn đề cụ thể thi hành "
         "Điều lệ Đảng;")
QD_24 = "- Căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;"
QD_298 = ("- Căn cứ Quy định số 298-QĐ/TW ngày 09/6/2025 của Ban Bí thư về chức năng, nhiệm vụ, quyền hạn, tổ chức bộ "
          "máy của đảng ủy xã, phường, đặc khu;")
SUPERIOR_QC = "- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh Tây Ninh nhiệm kỳ 2025 - 2030;"
CONGRESS = "- Căn cứ Nghị quyết Đại hội đại biểu Đảng bộ xã An Hòa lần thứ I, nhiệm kỳ 2025 - 2030,"


def date_line(day: int, month: int, year: int) -> L:
    return L(f"An Hòa, ngày {day:02d} tháng {month:02d} năm {year}" if month < 3 else
             f"An Hòa, ngày {day:02d} tháng {month} năm {year}", i=True)


def right_column(day: int = 15, month: int = 10, year: int = 2025, *, dated: bool = True) -> list[L]:
    title = L("ĐẢNG CỘNG SẢN VIỆT NAM", b=True, size=15, border_bottom="single")
    if not dated:
        return [title, L("An Hòa, ngày     tháng     năm 2025", i=True)]
    return [title, date_line(day, month, year)]


def cancu(*lines: str, operative: bool = True) -> list[L]:
    out = [L(t, align="both") for t in lines]
    return out + ([L(OPERATIVE, align="both")] if operative else [])


def ref_doc(*lines: str, on: tuple[int, int, int] | None = (15, 10, 2025), **kw: Any) -> Document:
    """A clean regulation whose căn cứ block is ``lines`` (the operative sentence added), dated ``on``
    (day, month, year) or undated (a draft) when ``on`` is None."""
    right = right_column(*on) if on is not None else right_column(dated=False)
    kw.setdefault("right", right)
    return PartyDoc(cancu=cancu(*lines), **kw).read()


def body_with(*clauses: str) -> list[L]:
    """A minimal body: one chapter, one article carrying ``clauses``."""
    return [L("Chương I", b=True), L("NHỮNG QUY ĐỊNH CHUNG", b=True),
            L("Điều 1. Mối quan hệ công tác", b=True, align="both"),
            *(L(c, align="both") for c in clauses),
            L("Điều 2. Hiệu lực thi hành", b=True, align="both"),
            L("Quy chế này có hiệu lực kể từ ngày ký.", align="both")]


def profile(kind: str, type_: str, **kw: Any) -> Profile:
    data: dict[str, Any] = {
        "schema": "quyche/profile/v1", "name": "Đảng ủy xã An Hòa", "kind": kind, "type": type_,
        "superior": "Đảng bộ tỉnh Tây Ninh", "place": "An Hòa", "term": {"from": 2025, "to": 2030, "khoa": "I"},
        "members": 6,
        "committee": [{"name": "Nguyễn Văn An", "role": "bi_thu"}, {"name": "Trần Thị Bình", "role": "pho_bi_thu"}],
    }
    data.update(kw)
    return profile_from_dict(data)


def xa_profile() -> Profile:
    return profile("dang_uy_cap_tren_co_so", "xa", members=300)


def ubnd_profile() -> Profile:
    return profile("chi_bo_co_so", "ubnd_xa", name="Chi bộ Ủy ban nhân dân xã An Hòa",
                   superior="Đảng bộ xã An Hòa")


def school_profile() -> Profile:
    return profile("dang_uy_co_so", "truong_hoc", name="Đảng ủy Trường Trung học phổ thông An Hòa",
                   superior="Đảng bộ xã An Hòa", members=40)


def thon_profile() -> Profile:
    return profile("chi_bo_truc_thuoc", "thon_to_dan_pho", name="Chi bộ thôn Phú Lộc",
                   superior="Đảng bộ xã An Hòa")
