"""Fuzzing the readers: whatever the bytes, ``read_document`` returns a Document or raises ReadError.

Inputs: random bytes under every suffix; a real DOCX (python-docx) and a real PDF (reportlab, or a
hand-written one) with random byte flips, insertions and truncations, of the container and of
word/document.xml; random Vietnamese text in random encodings. Examples are derandomised so CI
always runs the same ones; run with ``--hypothesis-seed=…`` and ``derandomize`` off to explore.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quyche.errors import ReadError
from quyche.model import Document
from quyche.readers import read_document

FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SUFFIXES = (".docx", ".pdf", ".txt", ".md", "")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1258", "cp1252",
             "latin-1", "ascii", "cp437", "koi8-r", "shift_jis", "gb18030")
VIETNAMESE = (
    "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY XÃ AN HÒA", "Số 01-QC/ĐU", "An Hòa, ngày 15 tháng 10 năm 2025",
    "QUY CHẾ", "- Căn cứ Điều lệ Đảng;", "Chương I", "Điều 1. Phạm vi điều chỉnh", "*", "-----",
    "Nơi nhận:", "T/M ĐẢNG ỦY", "BÍ THƯ", "§¶ng ñy", "Ñaûng uûy", "\t", "\r\n", "\x00", "\ufeff",
)


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="quyche-fuzz-") as d:
        yield Path(d)


def check(workdir: Path, data: bytes, suffix: str) -> None:
    path = workdir / f"input{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except ReadError as e:
        assert e.message and "\n" not in e.message and e.code
        return
    assert isinstance(doc, Document)
    for p in doc.paragraphs:  # whatever was read is usable by the zone finder and the rules
        assert isinstance(p.text, str) and p.loc.paragraph >= 0
    doc.zones  # noqa: B018  (zone finding must not crash on anything a reader returns)


@cache
def good_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("ĐẢNG CỘNG SẢN VIỆT NAM").runs[0].bold = True
    d.add_paragraph("QUY CHẾ")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "ĐẢNG ỦY XÃ AN HÒA\n*\nSố 01-QC/ĐU"
    table.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    d.add_paragraph("Điều 1. Phạm vi điều chỉnh", style="List Number")
    d.sections[0].header.paragraphs[0].text = "Trang"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@cache
def document_xml() -> bytes:
    return zipfile.ZipFile(io.BytesIO(good_docx())).read("word/document.xml")


def with_document_xml(xml: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(good_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, xml if info.filename == "word/document.xml" else src.read(info))
    return out.getvalue()


@cache
def good_pdf() -> bytes:
    try:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen.canvas import Canvas
    except ImportError:
        return _hand_pdf()
    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    buf = io.BytesIO()
    c = Canvas(buf, pageCompression=1)
    if font.exists():
        pdfmetrics.registerFont(TTFont("FuzzSerif", str(font)))
        c.setFont("FuzzSerif", 13)
    for y, text in ((780, "ĐẢNG CỘNG SẢN VIỆT NAM"), (750, "QUY CHẾ"), (720, "Điều 1. Phạm vi")):
        c.drawString(72, y, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def _hand_pdf() -> bytes:
    content = zlib.compress(b"BT /F1 12 Tf 72 700 Td (Dang uy xa) Tj ET")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
            b"/Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, obj)
    xref = len(out)
    out += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """Flip, overwrite, insert or delete a few bytes, or cut the tail off."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(("flip", "set", "insert", "delete", "truncate")))
        if op == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set":
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        else:
            del data[at:]
    return bytes(data)


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(workdir: Path, data: bytes, suffix: str) -> None:
    check(workdir, data, suffix)


@FUZZ
@given(prefix=st.sampled_from((b"PK\x03\x04", b"%PDF-1.4\n", b"\xef\xbb\xbf", b"\xff\xfe", b"{\\rtf1")),
       data=st.binary(max_size=2048), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_behind_magic(workdir: Path, prefix: bytes, data: bytes, suffix: str) -> None:
    check(workdir, prefix + data, suffix)


@FUZZ
@given(data=mutated(good_docx()))
def test_mutated_docx_package(workdir: Path, data: bytes) -> None:
    check(workdir, data, ".docx")


@FUZZ
@given(xml=mutated(document_xml()))
def test_mutated_document_xml(workdir: Path, xml: bytes) -> None:
    check(workdir, with_document_xml(xml), ".docx")


@FUZZ
@given(data=mutated(good_pdf()))
def test_mutated_pdf(workdir: Path, data: bytes) -> None:
    check(workdir, data, ".pdf")


@FUZZ
@given(
    lines=st.lists(st.one_of(st.sampled_from(VIETNAMESE), st.text(max_size=40)), max_size=12),
    encoding=st.sampled_from(ENCODINGS),
    suffix=st.sampled_from((".txt", ".md")),
)
def test_text_in_any_encoding(workdir: Path, lines: list[str], encoding: str, suffix: str) -> None:
    data = "\n".join(lines).encode(encoding, errors="replace")
    check(workdir, data, suffix)


@FUZZ
@given(lines=st.lists(st.sampled_from(VIETNAMESE[:13]), min_size=1, max_size=12))
def test_unicode_text_round_trips(workdir: Path, lines: list[str]) -> None:
    path = workdir / "round.txt"
    path.write_bytes("\n".join(lines).encode("utf-8"))
    assert [p.text for p in read_document(path).paragraphs] == lines
