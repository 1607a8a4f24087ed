"""FMT-HEADER-TITLE — "ĐẢNG CỘNG SẢN VIỆT NAM", first line top right, in hoa, 15 pt, đứng, đậm, with
a solid line under it.

Part ``text`` (error): the text (missing, misspelt, the state national title in its place), position,
case, bold/upright. Part ``style`` (warning): the size, and the line under the title — missing, or
dashed. The line is a bottom border of the title paragraph, a paragraph of underscores or dashes under
it, or a drawn line shape anchored there, in the title's column (DOCX only: the other readers see no lines).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import off_sizes, pt, quote, sizes_text
from quyche.rules.fmt._header_kit import header_pos, party_header
from quyche.text import squash
from quyche.zones import PARTY_TITLE, Zones

SIZE = 15.0
_RULE_TEXT = re.compile(r"^[_\-‐‑‒–—=.·]{3,}$")
_LOOKAHEAD = 4


def _dashed_border(style: str) -> bool:
    s = style.lower()
    return "dash" in s or "dot" in s


def _same_cell(a: Paragraph, b: Paragraph) -> bool:
    return (a.loc.container, a.loc.table, a.loc.row, a.loc.col) == (
        b.loc.container, b.loc.table, b.loc.row, b.loc.col)


def find_line(doc: Document, z: Zones, title: Paragraph) -> str | None:
    """"solid", "dashed", None (no line under the title) or "unknown" (the title cannot be placed)."""
    if title.border_bottom:
        return "dashed" if _dashed_border(title.border_bottom) else "solid"
    side = z.side_of(title)
    start = title.loc.paragraph - 1
    if not (0 <= start < len(doc.paragraphs)) or doc.paragraphs[start].loc.paragraph != title.loc.paragraph:
        return "unknown"
    for c in doc.paragraphs[start: start + 1 + _LOOKAHEAD]:
        if c.loc.container == "table" and title.loc.container == "table" and not _same_cell(c, title):
            break
        for shape in c.lines:
            # in a table cell the shape's offset is measured from the cell: the cell is the column
            if c.loc.container == "table" or side is None or shape.col is None or (
                (shape.col == 1) == (side == "right")
            ):
                return "dashed" if shape.dashed else "solid"
        if c.loc.paragraph == title.loc.paragraph:
            continue
        if not c.plain and c.border_bottom:
            return "dashed" if _dashed_border(c.border_bottom) else "solid"
        pieces = c.split_tabs() if c.plain else []
        for piece in pieces:
            same_side = side is None or z.side_of(piece) in (side, None)
            if same_side and _RULE_TEXT.match(piece.plain.replace(" ", "")):
                return "solid"
        if c.plain and not any(_RULE_TEXT.match(x.plain.replace(" ", "")) for x in pieces):
            break  # the next text line (the date line): shapes anchored in it were looked at above
    return None


@rule("FMT-HEADER-TITLE")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    title = z.party_title
    if title is None:
        if z.state_title is not None:
            yield Hit(
                f"Dùng Quốc hiệu {quote(z.state_title)} thay cho tiêu đề “{PARTY_TITLE}”",
                paragraph=z.state_title, zone="header.right", part="text", expected=PARTY_TITLE,
                actual=z.state_title.plain,
                fix=f"Thay Quốc hiệu và Tiêu ngữ bằng một dòng “{PARTY_TITLE}” (in hoa, 15 pt, đậm), có "
                    "đường kẻ ngang liền bên dưới",
            )
        elif party_header(z):
            yield Hit(
                f"Thiếu tiêu đề “{PARTY_TITLE}” ở góc trên bên phải trang đầu",
                paragraph=z.issuer or z.number, zone="header.right", part="text", expected=PARTY_TITLE,
                actual=None,
                fix=f"Thêm dòng “{PARTY_TITLE}” (in hoa, 15 pt, đậm) ở góc trên bên phải, ngang với tên "
                    "cơ quan ban hành",
            )
        return
    yield from _text_and_position(z, title)
    yield from _style(doc, z, title)


def _text_and_position(z: Zones, title: Paragraph) -> Iterator[Hit]:
    text = squash(title.text)
    if text != PARTY_TITLE:
        if text.upper() != PARTY_TITLE:
            yield Hit(
                f"Tiêu đề viết sai: {quote(title)}; phải là “{PARTY_TITLE}”",
                paragraph=title, zone="header.right", part="text", expected=PARTY_TITLE, actual=text,
                fix=f"Sửa tiêu đề thành đúng “{PARTY_TITLE}”",
            )
        elif title.attr("caps") is not True:
            yield Hit(
                f"Tiêu đề {quote(title)} không viết in hoa",
                paragraph=title, zone="header.right", part="text", expected=PARTY_TITLE, actual=text,
                fix=f"Viết tiêu đề in hoa: “{PARTY_TITLE}”",
            )
    side = z.side_of(title)
    if side == "left":
        yield Hit(
            f"Tiêu đề “{PARTY_TITLE}” đặt ở bên trái; phải ở góc trên bên phải trang đầu",
            paragraph=title, zone="header.right", part="text", expected="góc trên bên phải",
            actual="bên trái",
            fix="Đặt tiêu đề ở cột phải của phần đầu văn bản, ngang với tên cơ quan ban hành",
        )
    elif side == "right":
        pos = header_pos(z, title)
        before = [q for q in z.header[:pos] if z.side_of(q) == "right"] if pos is not None else []
        if before:
            yield Hit(
                f"Tiêu đề “{PARTY_TITLE}” không phải dòng đầu tiên của cột phải "
                f"(trên nó là {quote(before[0])})",
                paragraph=title, zone="header.right", part="text", expected="dòng đầu cột phải",
                actual=before[0].plain,
                fix="Đưa tiêu đề lên dòng đầu tiên ở góc trên bên phải",
            )


def _style(doc: Document, z: Zones, title: Paragraph) -> Iterator[Hit]:
    if title.attr("bold") is False:
        yield Hit(
            f"Tiêu đề {quote(title)} không in đậm",
            paragraph=title, zone="header.right", part="text", expected="in hoa, đứng, đậm",
            actual="không đậm",
            fix="In đậm dòng tiêu đề",
        )
    if title.attr_any("italic") is True:
        yield Hit(
            f"Tiêu đề {quote(title)} in nghiêng; phải là chữ đứng",
            paragraph=title, zone="header.right", part="text", expected="in hoa, đứng, đậm", actual="nghiêng",
            fix="Bỏ in nghiêng ở dòng tiêu đề",
        )
    if off_sizes(title, SIZE, SIZE):
        yield Hit(
            f"Cỡ chữ tiêu đề {sizes_text(title)}; mẫu là {pt(SIZE)}",
            paragraph=title, zone="header.right", part="style", expected=pt(SIZE), actual=sizes_text(title),
            fix=f"Đặt cỡ chữ dòng tiêu đề {pt(SIZE)}",
        )
    if doc.format != "docx":
        return  # only the DOCX reader sees borders and drawn lines
    line = find_line(doc, z, title)
    if line is None:
        yield Hit(
            f"Thiếu đường kẻ ngang dưới tiêu đề “{PARTY_TITLE}”",
            paragraph=title, zone="header.right", part="style",
            expected="đường kẻ ngang nét liền dưới tiêu đề",
            actual=None, fix="Kẻ một đường ngang nét liền dưới tiêu đề, dài khoảng bằng dòng chữ",
        )
    elif line == "dashed":
        yield Hit(
            f"Đường kẻ dưới tiêu đề “{PARTY_TITLE}” là nét đứt; mẫu là nét liền",
            paragraph=title, zone="header.right", part="style", expected="nét liền", actual="nét đứt",
            fix="Đổi đường kẻ dưới tiêu đề sang nét liền",
        )
