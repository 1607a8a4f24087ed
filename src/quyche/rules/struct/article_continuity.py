"""STR-ARTICLE-CONTINUITY — articles numbered 1, 2, 3 … through the document: no gap, repeat or restart."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote


@rule("STR-ARTICLE-CONTINUITY")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    prev: int | None = None
    for node in doc.zones.articles:  # typed "Điều n." and automatic numbering alike (label is in the text)
        n = int(node.number)
        expected = 1 if prev is None else prev + 1
        if n != expected:
            if prev is None:
                what = f"Điều đầu tiên mang số {n}, không phải 1"
            elif n == prev:
                what = f"Trùng số: hai lần “Điều {n}”"
            elif n < prev:
                what = f"Đánh lại số Điều: “Điều {n}” đứng sau “Điều {prev}”"
            elif n == expected + 1:
                what = f"Nhảy số Điều: sau “Điều {prev}” là “Điều {n}”, thiếu Điều {expected}"
            else:
                what = f"Nhảy số Điều: sau “Điều {prev}” là “Điều {n}”, thiếu Điều {expected}–{n - 1}"
            yield Hit(
                f"{what} ({quote(node.para, 60)}); các Điều phải đánh số liên tục 1, 2, 3… trong toàn "
                "văn bản",
                paragraph=node.para,
                zone="body",
                expected=f"Điều {expected}",
                actual=f"Điều {n}",
                fix="Đánh lại số các Điều liên tục từ 1 đến hết văn bản (không đánh lại theo từng Chương) và "
                "sửa các chỗ dẫn chiếu tới số Điều",
            )
        prev = n
