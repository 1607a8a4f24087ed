"""MEET-DBCS-PLENARY — in a đảng bộ cơ sở the whole membership meets twice a year (6-month and year-end
reviews)."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.meetings import meeting_clauses
from quyche.model import Document
from quyche.rules.base import PROFILE, Context, Hit, rule
from quyche.rules.meet._kit import EPS, anchor, interval_text, judgeable, say


@rule("MEET-DBCS-PLENARY", needs=[PROFILE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    p = ctx.profile
    # A đảng ủy xã / phường is cấp trên cơ sở since 01/7/2025 even where its profile says dang_uy_co_so.
    if p is None or p.kind != "dang_uy_co_so" or p.is_dang_uy_xa:
        return
    mc = meeting_clauses(doc.zones)
    plenary = [s for s in mc.of("dang_bo") if s.interval is not None]
    if not plenary:
        if judgeable(doc):
            yield Hit(
                "Quy chế không quy định hội nghị đảng viên toàn đảng bộ (mỗi năm 2 lần, vào dịp sơ kết 6 tháng và "
                "tổng kết năm)",
                paragraph=anchor(mc, doc), zone="body", expected="mỗi năm 2 lần", actual=None,
            )
        return
    best = min(plenary, key=lambda s: s.interval or 0.0)
    if (best.interval or 0.0) > 6 + EPS:
        yield Hit(
            f"Hội nghị đảng viên toàn đảng bộ {interval_text(best)}, thưa hơn mức mỗi năm 2 lần: {say(best.text)}",
            paragraph=best.paragraph, zone="body", expected="mỗi năm 2 lần", actual=best.phrase,
        )
