"""FMT-HEADER-TITLE: "ĐẢNG CỘNG SẢN VIỆT NAM", in hoa, đứng, đậm, 15 pt, with a solid line under it.

- A misspelt or lower-case title is rewritten to the exact text; the runs become bold, upright, 15 pt.
- The state national title standing in its place ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") is replaced by the
  party title and the motto line under it ("Độc lập - Tự do - Hạnh phúc") is removed: both are the layout
  of a state document, not words of the regulation.
- A missing line becomes a bottom border of the title paragraph (a table cell, a text box or a line of
  its own) or, when the title shares a tab-separated line with the left column, a drawn line in the right
  half; a dashed line becomes solid.
Not fixed: a missing title, or a title in the wrong place (moving blocks between columns is a person's job).
"""

from __future__ import annotations

import re

from lxml import etree

from quyche.engine import Finding
from quyche.fix.base import Change, FixContext, fixer
from quyche.fix.ooxml import (
    CannotFix,
    normalise,
    replace,
    rewrite,
    runs_in,
    set_bottom_border,
    set_size,
    set_toggle,
    span_of,
    text_of,
)
from quyche.model import Paragraph
from quyche.readers.docx.ooxml import MC, A, V, W, to_int
from quyche.readers.docx.reader import _line_shapes
from quyche.rules.common import off_sizes
from quyche.rules.fmt.header_title import SIZE, find_line
from quyche.text import squash
from quyche.zones import PARTY_TITLE

_RULE_TEXT = re.compile(r"^[_\-‐‑‒–—=.·]{3,}$")
_LOOKAHEAD = 4
_EMU_PER_TWIP = 635
_DRAWINGS = {W + "drawing", W + "pict", MC + "AlternateContent"}


@fixer("FMT-HEADER-TITLE", order=60)
def fix(ctx: FixContext, findings: list[Finding]) -> list[Change]:
    z = ctx.doc.zones
    if z.party_title is not None:
        return _fix_title(ctx, z.party_title)
    if z.state_title is not None:
        return _replace_state_title(ctx, z.state_title, z.motto)
    ctx.left("FMT-HEADER-TITLE", "thiếu hẳn tiêu đề: cần thêm vào cột phải của phần đầu văn bản")
    return []


def _fix_title(ctx: FixContext, title: Paragraph) -> list[Change]:
    el, start, end = ctx.piece(title)
    done: list[str] = []
    text = squash(title.text)
    if text != PARTY_TITLE and (text.upper() != PARTY_TITLE or title.attr("caps") is not True):
        rewrite(el, start, end, PARTY_TITLE)
        done.append(f"sửa chữ thành “{PARTY_TITLE}”")
        end = start + len(PARTY_TITLE)
    bold, italic = title.attr("bold") is False, title.attr_any("italic") is True
    size = bool(off_sizes(title, SIZE, SIZE))
    if bold or italic or size:
        for r in runs_in(el, start, end):
            set_toggle(r, "b", True)
            set_toggle(r, "i", False)
            set_size(r, SIZE)
    done += [label for flag, label in ((bold, "đậm"), (italic, "đứng"), (size, "15 pt")) if flag]
    line = find_line(ctx.doc, ctx.doc.zones, title)
    if line is None:
        _add_line(ctx, title, el)
        done.append("thêm đường kẻ ngang dưới tiêu đề")
    elif line == "dashed" and _solid_line(ctx, title):
        done.append("đường kẻ nét liền")
    if not done:
        return []
    ctx.touch()
    return [Change("FMT-HEADER-TITLE", title.loc.describe(), f"“{title.plain}”",
                   f"“{PARTY_TITLE}” ({', '.join(done)})")]


def _replace_state_title(ctx: FixContext, state: Paragraph, motto: Paragraph | None) -> list[Change]:
    el, start, end = ctx.piece(state)
    rewrite(el, start, end, PARTY_TITLE)
    for r in runs_in(el, start, start + len(PARTY_TITLE)):
        set_toggle(r, "b", True)
        set_toggle(r, "i", False)
        set_size(r, SIZE)
    before = f"“{state.plain}”"
    line_below = False
    if motto is not None:
        before += f" / “{motto.plain}”"
        line_below = _remove_motto(ctx, motto)
    if not line_below and not _has_border(el):
        _add_line(ctx, state, el)
    ctx.touch()
    return [Change("FMT-HEADER-TITLE", state.loc.describe(), before,
                   f"“{PARTY_TITLE}” (đậm, 15 pt, có đường kẻ ngang; bỏ dòng Tiêu ngữ)")]


def _remove_motto(ctx: FixContext, motto: Paragraph) -> bool:
    """Remove the motto (its paragraph, or its tab piece); True when a rule line paragraph follows it and
    will now sit under the title."""
    el = ctx.element(motto)
    normalise(el)
    text = text_of(el)
    if "\t" in text.strip():
        start, end = span_of(text, motto.loc.col)
        if squash(text[start:end]) != motto.plain:
            raise CannotFix("không xác định được dòng Tiêu ngữ")
        replace(el, start, end, "")
        if motto.loc.col:
            _drop_right_lines(el)  # the state line drawn under the motto, in the right half
        return False
    nxt = ctx.doc.paragraphs[motto.loc.paragraph] if motto.loc.paragraph < len(ctx.doc.paragraphs) else None
    line_next = nxt is not None and _same_container(nxt, ctx.model(motto)) and (
        bool(_RULE_TEXT.match(nxt.plain.replace(" ", ""))) or (not nxt.plain and nxt.border_bottom is not None))
    parent = el.getparent()
    siblings = parent.findall(W + "p") if parent is not None else []
    anchors = el.find(f".//{W}txbxContent") is not None  # text boxes anchored here must stay
    if parent is None or anchors or (parent.tag == W + "tc" and len(siblings) < 2):
        replace(el, 0, len(text), "")  # a table cell keeps one paragraph
        ppr = el.find(W + "pPr")
        if ppr is not None:
            bdr = ppr.find(W + "pBdr")
            if bdr is not None:
                ppr.remove(bdr)
    else:
        parent.remove(el)
    return line_next


def _drop_right_lines(el: etree._Element) -> None:
    """Remove the runs of a tab-separated line that hold only a drawn line in its right half."""
    for r in list(el.iter(W + "r")):
        if r.find(W + "t") is not None or r.getparent() is None:
            continue
        shapes = [shape for node in r if node.tag in _DRAWINGS for shape in _line_shapes(node)]
        if shapes and all(shape.col != 0 for shape in shapes):
            parent = r.getparent()
            if parent is not None:
                parent.remove(r)


def _same_container(a: Paragraph, b: Paragraph) -> bool:
    return (a.loc.container, a.loc.table, a.loc.row, a.loc.col) == (b.loc.container, b.loc.table, b.loc.row,
                                                                    b.loc.col)


def _has_border(el: etree._Element) -> bool:
    ppr = el.find(W + "pPr")
    bottom = ppr.find(f"{W}pBdr/{W}bottom") if ppr is not None else None
    return bottom is not None and (bottom.get(W + "val") or "single") not in ("nil", "none")


def _tabbed(el: etree._Element) -> bool:
    return "\t" in text_of(el).strip()


def _add_line(ctx: FixContext, title: Paragraph, el: etree._Element) -> None:
    if _tabbed(el):
        el.append(_line_run(_right_offset(el)))
    else:
        set_bottom_border(el)


def _right_offset(el: etree._Element) -> int:
    """Horizontal position (EMU from the column) of the right half of a tab-separated header line."""
    stops = [to_int(t.get(W + "pos")) for t in el.iterfind(f"{W}pPr/{W}tabs/{W}tab")]
    positions = [s for s in stops if s]
    twips = max(positions) if positions else 5000
    return max(twips, 4000) * _EMU_PER_TWIP + 360_000


def _line_run(offset_emu: int) -> etree._Element:
    """A run holding a solid horizontal line (DrawingML connector, 6 cm) anchored below the text."""
    xml = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="3" behindDoc="0" '
        'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{offset_emu}</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>250000</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2160000" cy="0"/><wp:wrapNone/><wp:docPr id="4242" name="Đường kẻ dưới tiêu đề"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2160000" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/>'
        "</a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback/></mc:AlternateContent></w:r>"
    )
    return etree.fromstring(xml)


def _solid_line(ctx: FixContext, title: Paragraph) -> bool:
    """Make the dashed line under the title solid: a border, a drawn shape or a VML stroke."""
    start = title.loc.paragraph - 1
    changed = False
    for i in range(start, min(start + 1 + _LOOKAHEAD, len(ctx.elements))):
        el = ctx.elements[i]
        para = ctx.doc.paragraphs[i]
        if i > start and para.plain and not _RULE_TEXT.match(para.plain.replace(" ", "")) and not para.lines:
            break
        bottom = el.find(f"{W}pPr/{W}pBdr/{W}bottom")
        if bottom is not None and any(k in (bottom.get(W + "val") or "").lower() for k in ("dash", "dot")):
            bottom.set(W + "val", "single")
            changed = True
        for dash in el.iter(A + "prstDash"):
            if dash.get("val") not in (None, "", "solid"):
                dash.set("val", "solid")
                changed = True
        for cust in list(el.iter(A + "custDash")):
            parent = cust.getparent()
            if parent is not None:
                parent.remove(cust)
                changed = True
        for stroke in el.iter(V + "stroke"):
            if (stroke.get("dashstyle") or "solid").lower() not in ("solid", ""):
                stroke.set("dashstyle", "solid")
                changed = True
        if changed:
            return True
    return changed

