"""TERM-RANGE-VALID — a term lasts 5 years (tổ chức cơ sở đảng, đảng ủy xã); a chi bộ trực thuộc's about
2.5 years, or 5 under the 294-QĐ/TW pilot for terms starting from 2025."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import collective_kind, quote
from quyche.rules.term._kit import title_term

PILOT_FROM = 2025  # 294-QĐ/TW: chi bộ trực thuộc congresses every 5 years for terms from 01/7/2025


def _allowed(kind: str | None, start: int) -> tuple[set[int], str]:
    """Accepted lengths in years and their wording, by profile kind (or "chi_bo" / "dang_uy" when inferred)."""
    truc_thuoc = {2, 3} | ({5} if start >= PILOT_FROM else set())
    if kind in ("dang_uy_co_so", "dang_uy_cap_tren_co_so", "chi_bo_co_so", "dang_uy"):
        return {5}, "5 năm"
    if kind == "chi_bo_truc_thuoc":
        return truc_thuoc, ("khoảng 2,5 năm, hoặc 5 năm theo thí điểm của Quy định 294-QĐ/TW"
                            if start >= PILOT_FROM else "khoảng 2,5 năm (hai lần trong 5 năm)")
    return {5} | truc_thuoc, "5 năm (chi bộ trực thuộc: khoảng 2,5 năm)"  # a chi bộ of unknown kind


@rule("TERM-RANGE-VALID")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    tt = title_term(z)
    if tt is None or tt.start is None or tt.end is None:
        return
    kind = ctx.profile.kind if ctx.profile is not None else collective_kind(z)
    length = tt.end - tt.start
    allowed, wording = _allowed(kind, tt.start)
    if length in allowed:
        return
    yield Hit(
        f"Nhiệm kỳ {tt.start} - {tt.end} dài {length} năm, không đúng độ dài nhiệm kỳ ({wording}): "
        f"{quote(tt.paragraph)}",
        paragraph=tt.paragraph, zone="title.summary", expected=wording, actual=f"{length} năm",
    )
