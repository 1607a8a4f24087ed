"""TYP-AUTHORITY — the type is within the issuing body's competence (399-QĐ/TW Điều 11, table §10.2)."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.catalogue import competence
from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import issuer_kind, quote, signs_for_btv, type_key

_BODY_NAME = {
    "dang_uy": "Đảng ủy (Ban Chấp hành đảng bộ cơ sở)",
    "ban_thuong_vu": "Ban Thường vụ đảng ủy cơ sở",
    "chi_bo": "Chi bộ",
}


@rule("TYP-AUTHORITY")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    title = z.title_type
    if title is None:
        return
    body = issuer_kind(z)
    if body == "dang_uy" and signs_for_btv(z):
        body = "ban_thuong_vu"
    if body not in _BODY_NAME:
        return  # not a grassroots collective the table covers
    allowed = competence().get(type_key(title), {})
    if allowed.get(body, True):
        return
    may = [name for key, name in _BODY_NAME.items() if allowed.get(key)]
    where = z.authority if body == "ban_thuong_vu" and z.authority is not None else (z.issuer or title)
    yield Hit(
        f"{_BODY_NAME[body]} không có thẩm quyền ban hành văn bản thể loại {quote(title)} "
        "(bảng thẩm quyền theo Quy định 399-QĐ/TW Điều 11)",
        paragraph=title,
        zone="title.type",
        expected=("do " + ", ".join(may) + " ban hành") if may else "không thuộc thẩm quyền cấp cơ sở",
        actual=f"{title.plain} — {where.plain}",
        fix="Chọn thể loại thuộc thẩm quyền của cơ quan ban hành, hoặc để cơ quan có thẩm quyền ban hành",
    )
