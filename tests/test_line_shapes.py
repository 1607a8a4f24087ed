"""DOCX reader: drawn horizontal lines anchored in a paragraph become ``Paragraph.lines``.

The line under "ĐẢNG CỘNG SẢN VIỆT NAM" is often a drawn shape, not a border (FMT-HEADER-TITLE).
"""

from __future__ import annotations

import io

import docx
from lxml import etree

from quyche.model import LineShape
from quyche.readers.docx.reader import read_docx

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)


def _dml(
    offset: int, cx: int, cy: int, *, dash: str | None = None, prst: str = "line", text: bool = False
) -> str:
    dash_xml = f'<a:prstDash val="{dash}"/>' if dash else ""
    box = "<wps:txbx><w:txbxContent><w:p><w:r><w:t>x</w:t></w:r></w:p></w:txbxContent></wps:txbx>"
    body = box if text else ""
    return (
        f"<w:r {NS}><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" '
        'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{offset}</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:wrapNone/><wp:docPr id="5" name="Shape 5"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom><a:ln w="9525">{dash_xml}</a:ln></wps:spPr>'
        f"{body}<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback/></mc:AlternateContent></w:r>"
    )


def _vml(inner: str) -> str:
    return f"<w:r {NS}><w:pict>{inner}</w:pict></w:r>"


def _lines(*runs: str) -> tuple[LineShape, ...]:
    d = docx.Document()
    p = d.add_paragraph("ĐẢNG CỘNG SẢN VIỆT NAM")
    for xml in runs:
        p._p.append(etree.fromstring(xml))
    buf = io.BytesIO()
    d.save(buf)
    doc = read_docx(buf.getvalue(), "t.docx")
    return doc.paragraphs[0].lines


def test_solid_drawingml_line_in_the_right_half() -> None:
    assert _lines(_dml(3_600_000, 1_800_000, 0)) == (LineShape(dashed=False, col=1),)


def test_dashed_drawingml_line_in_the_left_half() -> None:
    assert _lines(_dml(200_000, 1_800_000, 0, dash="dash")) == (LineShape(dashed=True, col=0),)


def test_solid_preset_dash_is_not_dashed() -> None:
    assert _lines(_dml(3_600_000, 1_800_000, 0, dash="solid")) == (LineShape(dashed=False, col=1),)


def test_vertical_line_and_rectangle_are_not_rule_lines() -> None:
    assert _lines(_dml(3_600_000, 0, 900_000), _dml(3_600_000, 1_800_000, 600_000, prst="rect")) == ()


def test_text_box_is_not_a_line() -> None:
    assert _lines(_dml(3_600_000, 1_800_000, 400_000, prst="rect", text=True)) == ()


def test_vml_lines() -> None:
    solid = '<v:line from="0,0" to="150pt,0" style="position:absolute;margin-left:250pt"/>'
    dashed = ('<v:line from="0,0" to="150pt,0" style="position:absolute;margin-left:10pt">'
              '<v:stroke dashstyle="dash"/></v:line>')
    vertical = '<v:line from="0,0" to="0,80pt"/>'
    assert _lines(_vml(solid), _vml(dashed), _vml(vertical)) == (
        LineShape(dashed=False, col=1), LineShape(dashed=True, col=0))


def test_vml_straight_connector() -> None:
    conn = ('<v:shape type="#_x0000_t32" o:connectortype="straight" '
            'style="position:absolute;margin-left:8cm;width:150pt;height:0"/>')
    assert _lines(_vml(conn)) == (LineShape(dashed=False, col=1),)
