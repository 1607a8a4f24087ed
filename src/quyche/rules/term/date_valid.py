"""TERM-DATE-VALID — every date written is a real calendar date; the document date lies inside the term and
after the close of the congress that opened it."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import Context, Hit, rule
from quyche.rules.term._kit import as_date, date_paragraphs, title_term, written_dates
from quyche.zones import Zones


def _zones(z: Zones) -> dict[int, str]:
    """Zone of each paragraph number (header pieces split from a tab line keep their paragraph number)."""
    out: dict[int, str] = {}
    groups: list[tuple[str, list[Paragraph]]] = [
        ("header", z.header), ("title", [p for p in [z.title_type, *z.title_summary] if p is not None]),
        ("preamble", z.preamble), ("signature", z.signature), ("recipients", z.recipients)]
    for name, paras in groups:
        for p in paras:
            out.setdefault(p.loc.paragraph, name)
    return out


@rule("TERM-DATE-VALID")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    zone_of: dict[int, str] | None = None  # built at the first finding
    seen: set[tuple[int, str]] = set()
    for p in date_paragraphs(doc.paragraphs):
        for d in written_dates(p):
            if d.valid or (p.loc.paragraph, d.text) in seen:
                continue
            seen.add((p.loc.paragraph, d.text))
            if zone_of is None:
                zone_of = _zones(z)
            zone = zone_of.get(p.loc.paragraph, "body")
            yield Hit(
                f"Ngày không có thật: “{d.text}”", paragraph=p, zone=zone, part="impossible",
                expected="ngày có trong lịch", actual=d.text,
                fix="Sửa lại ngày, tháng cho đúng lịch (tháng 2 có 28 hoặc 29 ngày; tháng 4, 6, 9, 11 có 30 ngày)",
            )
    day = ctx.doc_date
    if day is None:
        return
    profile = ctx.profile
    if profile is not None:
        start, end, source = profile.term.start, profile.term.end, "hồ sơ tổ chức"
    else:
        tt = title_term(z)
        if tt is None or tt.start is None or tt.end is None:
            return
        start, end, source = tt.start, tt.end, "trích yếu"
    line = z.date_line
    if not start <= day.year <= end:
        yield Hit(
            f"Ngày ban hành {day:%d/%m/%Y} nằm ngoài nhiệm kỳ {start} - {end} ({source})",
            paragraph=line, zone="header", part="outside_term", expected=f"trong nhiệm kỳ {start} - {end}",
            actual=f"{day:%d/%m/%Y}",
        )
        return
    closed = as_date(profile.extra.get("congress_closed")) if profile is not None else None
    if closed is not None and day <= closed:
        yield Hit(
            f"Ngày ban hành {day:%d/%m/%Y} không sau ngày bế mạc đại hội {closed:%d/%m/%Y}: nhiệm kỳ tính từ ngày "
            "sau ngày bế mạc đại hội",
            paragraph=line, zone="header", part="outside_term", expected=f"sau {closed:%d/%m/%Y}",
            actual=f"{day:%d/%m/%Y}",
        )
