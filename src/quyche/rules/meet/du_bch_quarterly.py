"""MEET-DU-BCH-QUARTERLY — in a đảng ủy with a ban thường vụ, the Ban Chấp hành meets at least every
3 months."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.meetings import meeting_clauses
from quyche.model import Document
from quyche.rules.base import PROFILE, Context, Hit, rule
from quyche.rules.meet._kit import EPS, anchor, interval_text, judgeable, say


@rule("MEET-DU-BCH-QUARTERLY", needs=[PROFILE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    p = ctx.profile
    if p is None or not p.is_dang_uy or not p.has_btv:
        return  # without a ban thường vụ the Ban Chấp hành meets monthly (rules.md §10.4, a parameter)
    part = "dn_cap_tren" if p.is_dn_cap_tren else "other"
    mc = meeting_clauses(doc.zones)
    judged = mc.judged("bch")
    for s in judged:
        if (s.interval or 0.0) > 3 + EPS:
            yield Hit(
                f"Ban Chấp hành họp thường lệ {interval_text(s)}, thưa hơn mức ít nhất 3 tháng một lần: "
                f"{say(s.text)}",
                paragraph=s.paragraph, zone="body", part=part, expected="ít nhất 3 tháng một lần", actual=s.phrase,
            )
    if not judged and judgeable(doc):
        yield Hit(
            "Quy chế không quy định số lần họp thường lệ của Ban Chấp hành (ít nhất 3 tháng một lần)",
            paragraph=anchor(mc, doc), zone="body", part=part, expected="ít nhất 3 tháng một lần", actual=None,
        )
