"""ORG-CHIUY-THRESHOLD — a chi ủy is described only where the chi bộ has ≥ 9 đảng viên chính thức.

A chi bộ (cơ sở or trực thuộc) with fewer than 9 full members has a bí thư and, if needed, one phó bí thư;
it must not present "Chi ủy" / "chi ủy viên" as a body of its own — a heading (Chương/Mục/Điều) or a
meeting clause ("Chi ủy họp …"). Another organisation's chi ủy ("Chi ủy Chi bộ thôn X" in a đảng ủy's
text) does not count (:func:`quyche.skeleton.bodies_described`).
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import PROFILE, Context, Hit, rule
from quyche.rules.common import quote
from quyche.rules.org._kit import outermost
from quyche.skeleton import bodies_described

MIN_MEMBERS = 9


@rule("ORG-CHIUY-THRESHOLD", needs=[PROFILE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    p = ctx.profile
    if p is None or not p.is_chi_bo or p.members >= MIN_MEMBERS:
        return
    for node in outermost(bodies_described(doc.zones, p).get("chi_uy", [])):
        yield Hit(
            f"Chi bộ có {p.members} đảng viên chính thức (dưới {MIN_MEMBERS}) nên không bầu chi ủy, nhưng quy "
            f"chế quy định cho chi ủy: {quote(node.para)}",
            paragraph=node.para, zone="body",
            expected=f"không có chi ủy ({p.members} đảng viên chính thức): Bí thư, Phó Bí thư",
            actual="có quy định về chi ủy",
            fix="Thay “Chi ủy” bằng “Bí thư Chi bộ” (và Phó Bí thư nếu có); bỏ nội dung về chi ủy viên",
        )
