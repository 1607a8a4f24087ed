"""MEET-QUORUM-2-3 — a meeting of the đảng ủy or its ban thường vụ is valid only with at least 2/3 of the
members summoned present; a lower stated quorum ("quá nửa", "1/2", "50%") is flagged."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.meetings import meeting_clauses
from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.meet._kit import org_kind, say

_CHI_BO_BODIES = {"chi_bo", "chi_uy", "chi_bo_sub"}
_NOT_JUDGED = {"dang_bo", "to_dang", "superior"}  # plenary of members, tổ đảng, the superior: other rules


@rule("MEET-QUORUM-2-3")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    kind = org_kind(doc, ctx)
    if kind is None:
        return
    for q in meeting_clauses(doc.zones).quorums:
        if q.reaches_two_thirds:
            continue
        bodies = set(q.bodies)
        if bodies and bodies <= _NOT_JUDGED:
            continue
        if kind == "chi_bo" or (bodies and bodies <= _CHI_BO_BODIES):
            part = "chi_bo"
        elif ctx.profile is not None and getattr(ctx.profile, "is_dn_cap_tren", False):
            part = "dn_cap_tren"
        else:
            part = "dang_uy_khac"
        yield Hit(
            f"Điều kiện hợp lệ của hội nghị chỉ cần “{q.phrase}” số thành viên có mặt, thấp hơn mức ít nhất "
            f"2/3 số thành viên được triệu tập: {say(q.text)}",
            paragraph=q.paragraph, zone="body", part=part, expected="ít nhất 2/3 số được triệu tập có mặt",
            actual=q.phrase,
        )
