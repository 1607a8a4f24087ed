"""ORG-BTV-THRESHOLD — a Ban Thường vụ is described only where the đảng ủy cơ sở has ≥ 9 members.

A đảng ủy cơ sở whose profile has no ban thường vụ (fewer than 9 committee entries and no ``uy_vien_btv``)
must not present "Ban Thường vụ" as a body of its own: a heading (Chương/Mục/Điều) or a meeting clause
("Ban Thường vụ Đảng ủy họp …"). Mentions of the superior's Ban Thường vụ ("thường xuyên là Ban Thường vụ
Đảng ủy xã …", "Ban Thường vụ Tỉnh ủy") do not count (:func:`quyche.skeleton.bodies_described`).
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import PROFILE, Context, Hit, rule
from quyche.rules.common import quote
from quyche.rules.org._kit import outermost
from quyche.skeleton import bodies_described

MIN_COMMITTEE = 9


@rule("ORG-BTV-THRESHOLD", needs=[PROFILE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    p = ctx.profile
    if p is None or p.kind != "dang_uy_co_so" or p.has_btv:
        return
    for node in outermost(bodies_described(doc.zones, p).get("ban_thuong_vu", [])):
        yield Hit(
            f"Đảng ủy có {p.committee_size} ủy viên (dưới {MIN_COMMITTEE}) nên không bầu Ban Thường vụ, nhưng "
            f"quy chế quy định cho Ban Thường vụ: {quote(node.para)}",
            paragraph=node.para, zone="body",
            expected=f"không có Ban Thường vụ (ban chấp hành {p.committee_size} ủy viên)",
            actual="có quy định về Ban Thường vụ",
            fix="Bỏ nội dung về Ban Thường vụ; giao các việc đó cho Ban Chấp hành, Bí thư, Phó Bí thư",
        )
