"""MEET-CB-MONTHLY — the chi bộ (and its chi ủy) hold their regular meeting once a month."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.meetings import meeting_clauses
from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.meet._kit import EPS, anchor, interval_text, judgeable, org_kind, say

_WHO = {"chi_bo": "Chi bộ", "chi_uy": "Chi ủy"}


@rule("MEET-CB-MONTHLY")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    if org_kind(doc, ctx) != "chi_bo":
        return  # đảng ủy: MEET-DU-* judge their bodies
    mc = meeting_clauses(doc.zones)
    stated = False
    for body in ("chi_bo", "chi_uy"):
        # A sentence of a chi bộ's meeting article that names no body is about the chi bộ itself.
        judged = mc.judged(body, ("regular",), implicit=body == "chi_bo")
        stated = stated or (body == "chi_bo" and bool(judged))
        for s in judged:
            if (s.interval or 0.0) > 1 + EPS:
                yield Hit(
                    f"{_WHO[body]} sinh hoạt thường kỳ {interval_text(s)}, thưa hơn mức mỗi tháng một lần "
                    f"Điều lệ Đảng quy định: {say(s.text)}",
                    paragraph=s.paragraph, zone="body", expected="mỗi tháng một lần", actual=s.phrase,
                    fix=f"Sửa thành “{_WHO[body]} {'sinh hoạt' if body == 'chi_bo' else 'họp'} thường kỳ mỗi "
                    "tháng một lần”",
                )
    if not stated and judgeable(doc):
        yield Hit(
            "Quy chế không quy định chi bộ sinh hoạt thường kỳ mỗi tháng một lần (không tìm thấy số lần sinh hoạt "
            "thường kỳ của chi bộ)",
            paragraph=anchor(mc, doc), zone="body", expected="mỗi tháng một lần", actual=None,
        )
