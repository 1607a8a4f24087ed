"""MEET-DU-BTV-MONTHLY — the ban thường vụ meets monthly; the thường trực (where it exists) every 2 weeks."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.meetings import meeting_clauses
from quyche.model import Document
from quyche.rules.base import PROFILE, Context, Hit, rule
from quyche.rules.meet._kit import EPS, interval_text, say

_LIMITS = (("btv", "Ban Thường vụ", 1.0, "mỗi tháng một lần"), ("thuong_truc", "Thường trực", 0.5, "2 tuần một lần"))


@rule("MEET-DU-BTV-MONTHLY", needs=[PROFILE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    p = ctx.profile
    if p is None or not p.is_dang_uy or not p.has_btv:
        return  # a ban thường vụ the organisation does not have: ORG-BTV-THRESHOLD
    part = "dn_cap_tren" if p.is_dn_cap_tren else "other"
    mc = meeting_clauses(doc.zones)
    for body, who, limit, wanted in _LIMITS:
        for s in mc.judged(body):
            if (s.interval or 0.0) > limit + EPS:
                yield Hit(
                    f"{who} họp {interval_text(s)}, thưa hơn mức {wanted}: {say(s.text)}",
                    paragraph=s.paragraph, zone="body", part=part, expected=wanted, actual=s.phrase,
                )
