"""FMT-BODY-ARTICLE — each article starts "Điều n." (Arabic n, dot) then its title; "Điều n." in bold."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import FORMATTING, Context, Hit, rule
from quyche.rules.common import quote
from quyche.text import starts_lower
from quyche.zones import ARTICLE_RE

_PREFIX = re.compile(r"^\s*Điều\s+\d+\s*[.:\-–]?", re.IGNORECASE)

# fault key → (description, expected, fix)
_FAULTS: dict[str, tuple[str, str, str]] = {
    "separator": ("Sau số điều không dùng dấu chấm", "«Điều 1. Tên điều»",
                  "Viết “Điều n.” (dấu chấm sau số), không dùng dấu hai chấm hay gạch ngang"),
    "no_title": ("Điều không có tên điều ngay sau “Điều n.”", "«Điều 1. Tên điều»",
                 "Ghi tên điều ngay sau “Điều n.” trên cùng dòng"),
    "keyword_case": ("Chữ “Điều” viết in hoa", "«Điều 1.» in thường",
                     "Viết “Điều” in thường, chỉ hoa chữ đầu"),
    "not_bold": ("“Điều n.” chưa in đậm", "«Điều n.» đậm", "In đậm “Điều n.” và tên điều"),
    "italic": ("Dòng tên điều in nghiêng", "đứng", "Bỏ in nghiêng dòng tên điều"),
}


def _faults(p: Paragraph) -> list[str]:
    m = ARTICLE_RE.match(p.plain)
    if m is None:
        return []
    if not m.group(2) and starts_lower(m.group(3)):
        return []  # a sentence that happens to start "Điều 5 của Quy chế …", not a heading
    out: list[str] = []
    if m.group(2) != ".":
        out.append("separator")
    if not m.group(3).strip(" .:-–"):
        out.append("no_title")
    if p.plain.split(None, 1)[0].isupper() or p.attr("caps") is True:
        out.append("keyword_case")
    pm = _PREFIX.match(p.text)
    if pm is not None:
        end = pm.end()
        first = p.runs[0] if p.runs else None
        if end > 0 and first is not None and len(first.text) >= end and first.text.strip():
            # The prefix lies in the first run (Paragraph.prefix_attr's quick case), read once for both toggles.
            bold, italic = first.fmt.bold, first.fmt.italic
            if bold is not None and not bold:
                out.append("not_bold")
            if italic:
                out.append("italic")
        else:
            if p.prefix_attr(end, "bold") is False:
                out.append("not_bold")
            if p.prefix_attr(end, "italic") is True:
                out.append("italic")
    return out


@rule("FMT-BODY-ARTICLE", needs=[FORMATTING])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    found: dict[str, list[Paragraph]] = {}
    for node in doc.zones.articles:
        for key in _faults(node.para):
            found.setdefault(key, []).append(node.para)
    for key, paras in found.items():
        first = paras[0]
        desc, expected, fix = _FAULTS[key]
        if first.label and key in ("separator", "not_bold"):
            fix += " (số điều đánh tự động: sửa mẫu đánh số thành “Điều %1.” và định dạng của nó)"
        more = f" (và {len(paras) - 1} điều khác)" if len(paras) > 1 else ""
        yield Hit(
            f"{desc}: {quote(first)}{more}",
            paragraph=first, zone="body", expected=expected, actual=first.plain[:40], fix=fix,
        )
