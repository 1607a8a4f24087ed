"""ORG-SUPERIOR-LINE — line 1 at the top left names the profile's ``superior``.

Part ``profile`` (error): line 1 is another organisation than ``superior`` — compared folded, abbreviations
spelt out, the committee's name taken for its đảng bộ ("ĐẢNG ỦY XÃ X" = "Đảng bộ xã X", "TỈNH ỦY X" =
"Đảng bộ tỉnh X"; the wording itself is FMT-HEADER-ORG-SUPERIOR's).
Part ``kind`` (info ⚑, inferred): from 01/7/2025 there is no district level; a đảng ủy xã/phường/đặc khu
shows its province ("ĐẢNG BỘ TỈNH …" / "ĐẢNG BỘ THÀNH PHỐ …"), and a line 1 naming a district-level đảng
bộ ("ĐẢNG BỘ HUYỆN …", "HUYỆN ỦY …") is out of date for every kind. Judged on the document date (the
check date when the document has none).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from quyche.model import Document
from quyche.rules.base import PROFILE, Context, Hit, rule
from quyche.rules.common import org_key, quote

REFORM = date(2025, 7, 1)

# Folded committee names → their đảng bộ ("tinh uy x" → "dang bo tinh x").
_COMMITTEE = (
    (re.compile(r"^ban thuong vu\s+"), ""),
    (re.compile(r"^ban chap hanh\s+"), ""),
    (re.compile(r"^dang uy\s+"), "dang bo "),
    (re.compile(r"^tinh uy\s+"), "dang bo tinh "),
    (re.compile(r"^thanh uy\s+"), "dang bo thanh pho "),
    (re.compile(r"^huyen uy\s+"), "dang bo huyen "),
    (re.compile(r"^quan uy\s+"), "dang bo quan "),
    (re.compile(r"^thi uy\s+"), "dang bo thi xa "),
)
_PROVINCE = re.compile(r"^dang bo (tinh|thanh pho)\b")
_DISTRICT = re.compile(r"^dang bo (huyen|quan|thi xa)\b")


def superior_key(text: str) -> str:
    key = org_key(text)
    for rx, repl in _COMMITTEE:
        key = rx.sub(repl, key)
    return key.strip()


@rule("ORG-SUPERIOR-LINE", needs=[PROFILE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    p = ctx.profile
    line = doc.zones.superior
    if p is None or line is None or not line.plain.strip():
        return
    written = line.plain.strip()
    key = superior_key(written)
    if key != superior_key(p.superior):
        yield Hit(
            f"Dòng tên đảng bộ cấp trên {quote(line)} khác cấp trên trong hồ sơ tổ chức “{p.superior}”",
            paragraph=line, zone="header.left", part="profile", expected=p.superior.upper(), actual=written,
            fix=f"Ghi dòng đầu góc trái là “{p.superior.upper()}” (hoặc cập nhật hồ sơ tổ chức nếu cấp trên đã "
            "thay đổi)",
        )
    when = ctx.doc_date or ctx.as_of
    if when < REFORM:
        return
    if p.is_dang_uy_xa and not _PROVINCE.match(key):
        yield Hit(
            f"Từ 01/7/2025 đảng ủy xã, phường, đặc khu trực thuộc tỉnh ủy, thành ủy; dòng tên cấp trên "
            f"{quote(line)} thường phải là “ĐẢNG BỘ TỈNH …” hoặc “ĐẢNG BỘ THÀNH PHỐ …”",
            paragraph=line, zone="header.left", part="kind", expected="ĐẢNG BỘ TỈNH … / ĐẢNG BỘ THÀNH PHỐ …",
            actual=written,
            fix="Ghi tên đảng bộ tỉnh, thành phố trực thuộc Trung ương là cấp trên trực tiếp",
        )
    elif _DISTRICT.match(key):
        expected = ("ĐẢNG BỘ TỈNH … / ĐẢNG BỘ THÀNH PHỐ …" if p.is_dang_uy_xa
                    else "ĐẢNG BỘ XÃ/PHƯỜNG/ĐẶC KHU … (hoặc đảng bộ cấp trên trực tiếp hiện nay)")
        yield Hit(
            f"Dòng tên cấp trên {quote(line)} là cấp huyện, cấp này không còn từ 01/7/2025; cấp trên trực tiếp "
            "thường là đảng bộ xã, phường, đặc khu",
            paragraph=line, zone="header.left", part="kind", expected=expected, actual=written,
            fix="Ghi tên đảng bộ cấp trên trực tiếp hiện nay, ví dụ “ĐẢNG BỘ XÃ …”, và cập nhật hồ sơ tổ chức",
        )
