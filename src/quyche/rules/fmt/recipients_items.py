"""FMT-RECIPIENTS-ITEMS — each recipient "- …," (or ";", one style), the last "- Lưu ….", about 12 pt."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import Context, Hit, rule
from quyche.text import fold, squash

_LABEL = re.compile(r"^\s*n[ơo]i\s+nh\S*\s*:?\s*", re.IGNORECASE)
_BULLET = re.compile(r"^[-–]\s+\S")


def _items(recipients: list[Paragraph]) -> list[tuple[str, Paragraph]]:
    """(line, paragraph) per recipient line after "Nơi nhận:", incl. lines broken inside a paragraph."""
    out: list[tuple[str, Paragraph]] = []
    for p in recipients:
        for raw in p.text.split("\n"):
            line = squash(raw)
            m = _LABEL.match(line)
            if m:
                line = line[m.end():].strip()
            if line:
                out.append((line, p))
    return out


def _q(line: str) -> str:
    return f"“{line[:70]}…”" if len(line) > 70 else f"“{line}”"


@rule("FMT-RECIPIENTS-ITEMS")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    items = _items(doc.zones.recipients)
    if not items:
        return
    body, (last, last_p) = items[:-1], items[-1]
    no_bullet = [(t, p) for t, p in items if not _BULLET.match(t)]
    if no_bullet:
        t, p = no_bullet[0]
        more = f" (và {len(no_bullet) - 1} dòng khác)" if len(no_bullet) > 1 else ""
        yield Hit(
            f"Dòng nơi nhận không bắt đầu bằng “- ”: {_q(t)}{more}",
            paragraph=p, zone="recipients", expected="- …", actual=t[:20],
            fix="Bắt đầu mỗi nơi nhận bằng dấu gạch ngang và một dấu cách “- ”",
        )
    no_end = [(t, p) for t, p in body if t[-1] not in ",;"]
    if no_end:
        t, p = no_end[0]
        more = f" (và {len(no_end) - 1} dòng khác)" if len(no_end) > 1 else ""
        yield Hit(
            f"Dòng nơi nhận không kết thúc bằng dấu “,” (hoặc “;”): {_q(t)}{more}",
            paragraph=p, zone="recipients", expected="kết thúc bằng “,”", actual=t[-10:],
            fix="Kết thúc mỗi nơi nhận (trừ dòng “- Lưu …”) bằng dấu “,”",
        )
    commas = [(t, p) for t, p in body if t.endswith(",")]
    semis = [(t, p) for t, p in body if t.endswith(";")]
    if commas and semis:
        minority = semis if len(semis) <= len(commas) else commas
        t, p = minority[0]
        yield Hit(
            f"Danh sách nơi nhận dùng lẫn dấu “,” ({len(commas)} dòng) và “;” ({len(semis)} dòng): {_q(t)}",
            paragraph=p, zone="recipients", expected="một kiểu dấu cuối dòng", actual="“,” và “;”",
            fix="Dùng thống nhất một kiểu dấu cuối dòng cho các nơi nhận (thường là “,”)",
        )
    key = fold(last).lstrip("-– ")
    if not re.match(r"luu\b", key):
        yield Hit(
            f"Dòng cuối của nơi nhận không phải dòng lưu văn bản: {_q(last)}",
            paragraph=last_p, zone="recipients", expected="- Lưu Văn phòng Đảng ủy. / - Lưu Chi bộ.",
            actual=last[:40],
            fix="Kết thúc danh sách nơi nhận bằng dòng “- Lưu Văn phòng Đảng ủy.” (hoặc “- Lưu Chi bộ.”)",
        )
    elif not last.endswith("."):
        yield Hit(
            f"Dòng lưu văn bản {_q(last)} không kết thúc bằng dấu chấm",
            paragraph=last_p, zone="recipients", expected="kết thúc bằng “.”", actual=last[-10:],
            fix=f"Sửa thành “{last.rstrip(',;: ')}.”",
        )
