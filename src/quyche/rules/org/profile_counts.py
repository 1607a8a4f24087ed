"""ORG-PROFILE-COUNTS — the profile's counts are possible (checked with every document it is used for).

Part ``chi_bo_min`` (error): a chi bộ has at least 3 đảng viên chính thức (Điều lệ Điều 21 khoản 2); the
profile loader already rejects such a profile, the rule also covers one built in code.
Part ``co_so_size`` (warning): a tổ chức cơ sở đảng under 30 members is a chi bộ cơ sở, from 30 a đảng
bộ cơ sở — unless the superior consented in writing (optional field ``size_exception_approved``).
Part ``xa_committee`` (warning): a đảng ủy xã/phường/đặc khu of the 2025–2030 term has at most 27 ban chấp
hành members (at most 33 when formed from ≥ 3 units, optional ``merged_from_units``; unknown → 33) and a
ban thường vụ of 9–11 (counted from the committee roles; skipped when the profile lists no committee).
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import PROFILE, Context, Hit, rule

CHI_BO_MIN = 3
DANG_BO_MIN = 30
BCH_MAX = 27
BCH_MAX_MERGED = 33  # commune formed from 3 or more units
BTV_RANGE = (9, 11)


@rule("ORG-PROFILE-COUNTS", needs=[PROFILE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    p = ctx.profile
    if p is None:
        return
    if p.is_chi_bo and p.members < CHI_BO_MIN:
        yield Hit(
            f"Hồ sơ tổ chức: chi bộ chỉ có {p.members} đảng viên chính thức; mỗi chi bộ phải có ít nhất "
            f"{CHI_BO_MIN} đảng viên chính thức",
            zone="profile", part="chi_bo_min", expected=f"≥ {CHI_BO_MIN} đảng viên chính thức",
            actual=f"{p.members} đảng viên chính thức",
            fix="Sửa trường members của hồ sơ cho đúng số đảng viên chính thức",
        )
    approved = bool(p.extra.get("size_exception_approved"))
    if p.kind == "chi_bo_co_so" and p.members >= DANG_BO_MIN and not approved:
        yield Hit(
            f"Hồ sơ tổ chức: chi bộ cơ sở có {p.members} đảng viên (từ {DANG_BO_MIN} trở lên thường lập đảng bộ "
            "cơ sở) mà không ghi văn bản đồng ý của cấp trên",
            zone="profile", part="co_so_size", expected=f"dưới {DANG_BO_MIN} đảng viên, hoặc có ý kiến cấp trên",
            actual=f"{p.members} đảng viên",
            fix="Kiểm tra lại loại tổ chức và số đảng viên; nếu cấp trên đã đồng ý bằng văn bản, ghi "
            "size_exception_approved: true trong hồ sơ",
        )
    if p.kind == "dang_uy_co_so" and p.members < DANG_BO_MIN and not approved:
        yield Hit(
            f"Hồ sơ tổ chức: đảng bộ cơ sở chỉ có {p.members} đảng viên (dưới {DANG_BO_MIN} thường là chi bộ cơ "
            "sở) mà không ghi văn bản đồng ý của cấp trên",
            zone="profile", part="co_so_size", expected=f"từ {DANG_BO_MIN} đảng viên, hoặc có ý kiến cấp trên",
            actual=f"{p.members} đảng viên",
            fix="Kiểm tra lại loại tổ chức và số đảng viên; nếu cấp trên đã đồng ý bằng văn bản, ghi "
            "size_exception_approved: true trong hồ sơ",
        )
    if not (p.is_dang_uy_xa and p.term.start == 2025 and p.committee):
        return
    merged = p.extra.get("merged_from_units")
    units = merged if isinstance(merged, int) and not isinstance(merged, bool) else None
    limit = BCH_MAX_MERGED if units is None or units >= 3 else BCH_MAX
    if p.committee_size > limit:
        how = ("không rõ số đơn vị hợp nhất" if units is None
               else f"xã hình thành từ {units} đơn vị")
        yield Hit(
            f"Hồ sơ tổ chức: ban chấp hành đảng bộ xã, phường có {p.committee_size} ủy viên, vượt mức tối đa "
            f"{limit} ({how}) của nhiệm kỳ 2025–2030",
            zone="profile", part="xa_committee", expected=f"≤ {limit} ủy viên", actual=f"{p.committee_size} ủy viên",
            fix="Kiểm tra danh sách ban chấp hành trong hồ sơ (và trường merged_from_units)",
        )
    low, high = BTV_RANGE
    if not low <= p.btv_size <= high:
        yield Hit(
            f"Hồ sơ tổ chức: ban thường vụ đảng ủy xã, phường có {p.btv_size} ủy viên (tính theo vai trò bi_thu, "
            f"pho_bi_thu, pho_bi_thu_thuong_truc, uy_vien_btv); nhiệm kỳ 2025–2030 là {low}–{high}",
            zone="profile", part="xa_committee", expected=f"{low}–{high} ủy viên ban thường vụ",
            actual=f"{p.btv_size} ủy viên",
            fix="Đánh dấu đúng vai trò uy_vien_btv cho các ủy viên ban thường vụ trong hồ sơ",
        )
