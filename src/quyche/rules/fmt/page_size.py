"""FMT-PAGE-SIZE — A4 paper (210 × 297 mm), portrait, in every section."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import PAGE, Context, Hit, rule
from quyche.rules.common import mm, near

A4_W, A4_H = 11906, 16838  # twips
_KNOWN = {(12240, 15840): "Letter", (12240, 20160): "Legal", (10318, 14570): "B5", (16838, 23811): "A3",
          (8391, 11906): "A5"}


def _paper(w: int, h: int, tol: int) -> str:
    for (kw, kh), name in _KNOWN.items():
        if near(w, kw, tol) and near(h, kh, tol):
            return name
    return f"{mm(w)} × {mm(h)}"


@rule("FMT-PAGE-SIZE", needs=[PAGE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    tol = ctx.settings.size_tolerance_twips
    seen: set[tuple[int, int, bool]] = set()
    for number, sec in enumerate(doc.sections, 1):
        if sec.width is None or sec.height is None:
            continue
        short, long_ = sorted((sec.width, sec.height))
        landscape = bool(sec.landscape) or sec.width > sec.height
        where = f" (phần {number})" if len(doc.sections) > 1 else ""
        if not (near(short, A4_W, tol) and near(long_, A4_H, tol)):
            key = (short, long_, False)
            if key in seen:
                continue
            seen.add(key)
            paper = _paper(short, long_, tol)
            yield Hit(
                f"Khổ giấy {paper}{where}, không phải A4 (210 × 297 mm)",
                zone="page", expected="A4 210 × 297 mm, khổ dọc",
                actual=f"{paper} ({mm(short)} × {mm(long_)})",
                fix="Chọn khổ giấy A4 (210 × 297 mm), hướng dọc (Layout → Size → A4)",
            )
        elif landscape and (short, long_, True) not in seen:
            seen.add((short, long_, True))
            yield Hit(
                f"Trang A4 đặt nằm ngang{where}; văn bản của Đảng dùng khổ A4 dọc",
                zone="page", expected="A4 khổ dọc", actual="A4 khổ ngang",
                fix="Đổi hướng trang sang dọc (Layout → Orientation → Portrait)",
            )
