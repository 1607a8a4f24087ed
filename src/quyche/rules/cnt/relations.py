"""CNT-RELATIONS — a working-relationships block: with the superior cấp ủy (part ``superior``), with the unit's
head or administration, with the Mặt trận Tổ quốc and đoàn thể, and with subordinate chi bộ where the profile
lists any (part ``others``).

Found through the model skeleton (``rel.*`` blocks: "Quan hệ với …" titles, or articles of a "MỐI QUAN HỆ CÔNG
TÁC" chapter whose text names the partner). Without any relationship article or chapter, one finding (part
``superior``) covers the whole block.
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.cnt._kit import heading_of, outline


@rule("CNT-RELATIONS")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    o = outline(doc, ctx)
    if o is None:
        return
    expected = o.expected("CNT-RELATIONS")
    if not expected:
        return
    if not o.mapping.found("relations"):
        yield Hit(
            "Không có chương hoặc điều về mối quan hệ công tác (trước hết là quan hệ với cấp ủy cấp trên; với "
            f"chính quyền hoặc thủ trưởng đơn vị; với Mặt trận Tổ quốc và các đoàn thể) (mô hình khung {o.version})",
            paragraph=o.anchor("relations"), zone="body", part="superior",
            expected="Chương … MỐI QUAN HỆ CÔNG TÁC", actual=None,
        )
        return
    for block in o.mapping.missing(expected):
        heading = heading_of(block)
        superior = block.key == "rel.superior"
        yield Hit(
            f"Phần mối quan hệ công tác thiếu điều “{heading}” (mô hình khung {o.version})",
            paragraph=o.anchor("relations"), zone="body", part="superior" if superior else "others",
            expected=f"Điều … {heading}", actual=None,
            fix=f"Thêm “Điều … {heading}” trong chương “MỐI QUAN HỆ CÔNG TÁC”"
            + (" (tổ chức trực thuộc đảng ủy xã: Ban Thường vụ Đảng ủy xã lãnh đạo trực tiếp, thường xuyên)"
               if superior else ""),
        )
