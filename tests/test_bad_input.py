"""Hostile and broken inputs through ``read_document``: always a ReadError with a stable code and a
one-line Vietnamese reason, within seconds and without inflating anything large in memory.
"""

from __future__ import annotations

import io
import random
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

import docx
import pytest

from quyche.errors import ReadError
from quyche.model import Document
from quyche.readers import read_document
from quyche.readers.limits import LIMITS

MAX_SECONDS = 5.0
MAX_PEAK_BYTES = 200_000_000
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
VIETNAMESE = set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


@cache
def good_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("ĐẢNG CỘNG SẢN VIỆT NAM")
    d.add_paragraph("QUY CHẾ")
    d.add_paragraph("Điều 1. Phạm vi điều chỉnh")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def rebuild(data: bytes, replace: dict[str, bytes | None], extra: dict[str, bytes] | None = None) -> bytes:
    """Copy a zip, replacing (or, with None, dropping) some entries and adding others."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename in replace:
                content = replace[info.filename]
                if content is not None:
                    z.writestr(info.filename, content)
            else:
                z.writestr(info, src.read(info))
        for name, content in (extra or {}).items():
            z.writestr(name, content)
    return out.getvalue()


def document_xml() -> bytes:
    return zipfile.ZipFile(io.BytesIO(good_docx())).read("word/document.xml")


def with_doctype(doctype: str, entity_ref: str, encoding: str = "utf-8") -> bytes:
    body = document_xml().decode("utf-8").split("?>", 1)[1].replace("Phạm vi", entity_ref)
    return f'<?xml version="1.0" encoding="{encoding.upper()}" standalone="yes"?>{doctype}{body}'.encode(encoding)


XXE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol;" if i == 1 else f"&lol{i - 1};") * 10}">' for i in range(1, 10))
    + "]>"
)


def zip_bomb(size: int = 1100 << 20, declared: bool = True) -> bytes:
    """A DOCX whose word/document.xml inflates to ``size`` bytes of spaces (~5 MB on disk)."""
    src = zipfile.ZipFile(io.BytesIO(good_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                z.writestr(info, src.read(info))
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body>')
            chunk = b" " * (4 << 20)
            for _ in range(size // len(chunk)):
                fh.write(chunk)
    data = out.getvalue()
    if not declared:  # lie about the size in both headers: the reader must not trust it
        data = _patch_sizes(data, "word/document.xml", 4000)
    return data


def _patch_sizes(data: bytes, name: str, fake: int) -> bytes:
    """Rewrite the ZIP64 uncompressed size of ``name`` in its local and central headers."""
    buf = bytearray(data)
    true = zipfile.ZipFile(io.BytesIO(data)).getinfo(name).file_size.to_bytes(8, "little")
    start = 0
    while (pos := bytes(buf).find(true, start)) >= 0:
        buf[pos : pos + 8] = fake.to_bytes(8, "little")
        start = pos + 8
    return bytes(buf)


def many_entries(n: int = LIMITS.max_parts + 10) -> bytes:
    return rebuild(good_docx(), {}, {f"customXml/extra{i}.xml": b"<a/>" for i in range(n)})


def nested_bomb() -> bytes:
    """A valid DOCX carrying a zip bomb as an embedded object: never opened, so read cheaply."""
    return rebuild(good_docx(), {}, {"word/embeddings/oleObject1.docx": zip_bomb(300 << 20)})


def ratio_bomb() -> bytes:
    """Under the per-part size limit, but compressed far beyond any real XML (35 MB → ~35 kB)."""
    head = b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body>'
    return rebuild(good_docx(), {"word/document.xml": head + b" " * (35 << 20)})


def paragraph_flood(n: int = 360_000) -> bytes:
    """Hundreds of thousands of tiny paragraphs with incompressible text: passes the size and ratio
    checks (12 MB of XML in a 2 MB file) but would cost about a gigabyte as objects."""
    noise = random.Random(9).randbytes(3 * n).hex()
    paras = "".join(f"<w:p><w:r><w:t>{noise[6 * i : 6 * i + 6]}</w:t></w:r></w:p>" for i in range(n))
    xml = document_xml().replace(b"<w:body>", b"<w:body>" + paras.encode(), 1)
    return rebuild(good_docx(), {"word/document.xml": xml})


def encrypted_pdf() -> bytes:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.lib.pdfencrypt import StandardEncryption

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=StandardEncryption("mật-khẩu", ownerPassword="chủ", strength=128))
    c.drawString(72, 720, "Dang uy xa An Hoa")
    c.showPage()
    c.save()
    return buf.getvalue()


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def minimal_pdf(content: bytes, count: int | None = None, pages: int = 1, font: bytes = HELVETICA) -> bytes:
    """A hand-written PDF: ``pages`` pages sharing one Flate content stream (font /F1), real xref."""
    stream = zlib.compress(content)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # pages, filled below
        font,
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    kids = []
    for _ in range(pages):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
        kids.append(b"%d 0 R" % len(objs))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), count or pages)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def pdf_flate_bomb() -> bytes:
    """A PDF whose page content inflates to 600 MB (built from one repeated deflate block)."""
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = raw.compress(b" " * (1 << 20)) + raw.flush(zlib.Z_FULL_FLUSH)
    deflate = block * 600 + raw.flush()
    stream = b"\x78\xda" + deflate  # zlib header; the checksum never gets checked
    pdf = minimal_pdf(b"BT ET")
    old = zlib.compress(b"BT ET")
    return pdf.replace(b"/Length %d " % len(old), b"/Length %d " % len(stream)).replace(old, stream)


def rng_bytes(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


CASES: dict[str, tuple[str, Callable[[], bytes], tuple[str, ...]]] = {
    "empty": ("empty.docx", lambda: b"", ("empty",)),
    "empty-pdf": ("empty.pdf", lambda: b"", ("empty",)),
    "random-docx": ("random.docx", lambda: rng_bytes(5000, 1), ("not_docx",)),
    "random-pdf": ("random.pdf", lambda: rng_bytes(5000, 2), ("not_pdf",)),
    "random-txt": ("random.txt", lambda: rng_bytes(5000, 3), ("binary", "encoding")),
    "random-txt-no-nul": ("random.txt", lambda: rng_bytes(5000, 4).replace(b"\0", b"a"), ("binary", "encoding")),
    "random-zip-magic": ("random.docx", lambda: b"PK\x03\x04" + rng_bytes(5000, 5), ("corrupt",)),
    "random-pdf-magic": ("random.pdf", lambda: b"%PDF-1.7\n" + rng_bytes(5000, 6) + b"\n%%EOF\n", ("corrupt",)),
    "truncated-docx": ("cut.docx", lambda: good_docx()[: len(good_docx()) // 2], ("corrupt",)),
    "truncated-pdf": ("cut.pdf", lambda: minimal_pdf(b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET")[:-60], ("corrupt",)),
    "xxe": ("xxe.docx", lambda: rebuild(good_docx(), {"word/document.xml": with_doctype(XXE, "&xxe;")}),
            ("unsafe_xml",)),
    "xxe-utf16": ("xxe16.docx",
                  lambda: rebuild(good_docx(), {"word/document.xml": with_doctype(XXE, "&xxe;", "utf-16")}),
                  ("unsafe_xml",)),
    "billion-laughs": ("lol.docx", lambda: rebuild(good_docx(), {"word/document.xml": with_doctype(LAUGHS, "&lol9;")}),
                       ("unsafe_xml",)),
    "billion-laughs-styles": ("lol-styles.docx",
                              lambda: rebuild(good_docx(), {"word/styles.xml": LAUGHS.encode() + b"<a/>"}),
                              ("unsafe_xml",)),
    "ole-doc": ("old.docx", lambda: OLE_MAGIC + rng_bytes(4000, 7), ("ole",)),
    "ole-doc-as-pdf": ("old.pdf", lambda: OLE_MAGIC + rng_bytes(4000, 8), ("ole",)),
    "password-docx": ("locked.docx", lambda: OLE_MAGIC + b"\0" * 512 + "EncryptionInfo".encode("utf-16-le"),
                      ("ole",)),
    "encrypted-zip-parts": ("locked2.docx", lambda: rebuild(good_docx(), {}, {"EncryptionInfo": b"\0" * 64}),
                            ("encrypted",)),
    "encrypted-pdf": ("locked.pdf", encrypted_pdf, ("encrypted",)),
    "missing-document-xml": ("nodoc.docx", lambda: rebuild(good_docx(), {"word/document.xml": None}),
                             ("not_docx", "corrupt")),
    "xlsx-renamed": ("book.docx", lambda: _xlsx(), ("not_docx",)),
    "rtf-renamed": ("rtf.docx", lambda: b"{\\rtf1\\ansi Dang bo}", ("rtf",)),
    "zip-bomb": ("bomb.docx", zip_bomb, ("zip_bomb",)),
    "zip-bomb-lying-size": ("bomb2.docx", lambda: zip_bomb(declared=False), ("zip_bomb", "corrupt")),
    "zip-ratio-bomb": ("bomb3.docx", ratio_bomb, ("zip_bomb",)),
    "zip-many-entries": ("many.docx", many_entries, ("unsafe_zip",)),
    "pdf-flate-bomb": ("bomb.pdf", pdf_flate_bomb, ("too_large",)),
    "pdf-page-count": ("pages.pdf", lambda: minimal_pdf(b"BT ET", count=10**9), ("too_large",)),
    "pdf-many-pages": ("pages2.pdf", lambda: minimal_pdf(b"BT ET", pages=LIMITS.max_pdf_pages + 1),
                       ("too_large",)),
    "pdf-operator-flood": ("ops.pdf", lambda: minimal_pdf(b"q Q " * 2_000_000), ("too_large", "too_slow")),
    "pdf-glyph-flood": ("chars.pdf", lambda: minimal_pdf(b"BT /F1 1 Tf 72 700 Td (" + b"x" * 3_000_000 + b") Tj ET"),
                        ("too_large",)),
    "pdf-line-flood": ("lines.pdf", lambda: minimal_pdf(b"BT /F1 1 Tf 1 TL 72 800 Td " + b"(x) ' " * 1_900 + b"ET",
                                                        pages=30), ("too_large",)),
    "pdf-page-line-flood": ("lines2.pdf", lambda: minimal_pdf(b"BT /F1 1 Tf 1 TL 72 800 Td " + b"(x) ' " * 40_000
                                                              + b"ET"), ("too_large",)),
    "docx-paragraph-flood": ("flood.docx", paragraph_flood, ("too_large",)),
    "pdf-no-text": ("scan.pdf", lambda: minimal_pdf(b"0 0 100 100 re f"), ("no_text",)),
}


def _xlsx() -> bytes:
    out = io.BytesIO()
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{rel}" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
    return out.getvalue()


def assert_refused(path: Path, codes: tuple[str, ...], measure_memory: bool = False) -> ReadError:
    if measure_memory:
        tracemalloc.start()
    start = time.process_time()
    try:
        with pytest.raises(ReadError) as err:
            read_document(path)
        elapsed = time.process_time() - start
        peak = tracemalloc.get_traced_memory()[1] if measure_memory else 0
    finally:
        if measure_memory:
            tracemalloc.stop()
    e = err.value
    assert e.code in codes, (e.code, e.message)
    assert e.message.strip() and "\n" not in e.message and "Traceback" not in e.message
    assert VIETNAMESE & set(e.message.lower()), e.message  # written in Vietnamese, with diacritics
    assert elapsed < MAX_SECONDS, f"{path.name}: {elapsed:.1f} s"
    assert peak < MAX_PEAK_BYTES, f"{path.name}: peak {peak / 1e6:.0f} MB"
    return e


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_refused(case: str, tmp_path: Path) -> None:
    name, build, codes = CASES[case]
    path = tmp_path / name
    path.write_bytes(build())
    # tracemalloc slows pure-Python work several times: measure memory where inflation is the risk.
    assert_refused(path, codes, measure_memory="bomb" in case or case == "docx-paragraph-flood")


def test_directory_path(tmp_path: Path) -> None:
    folder = tmp_path / "quy-che.docx"
    folder.mkdir()
    assert_refused(folder, ("io",))


def test_missing_file(tmp_path: Path) -> None:
    assert_refused(tmp_path / "không-có.docx", ("io",))


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".txt"])
def test_file_over_size_limit(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as fh:  # sparse: no disk space, no write time
        fh.truncate(LIMITS.max_file_bytes + 1)
    assert_refused(path, ("too_large",))


def test_text_over_text_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Dang bo xa\n" * (LIMITS.max_text_bytes // 11 + 1))
    assert_refused(path, ("too_large",))


def test_nested_zip_bomb_is_never_opened(tmp_path: Path) -> None:
    path = tmp_path / "nested.docx"
    path.write_bytes(nested_bomb())
    tracemalloc.start()
    start = time.process_time()
    try:
        doc = read_document(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(doc, Document) and doc.paragraphs[0].plain == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert time.process_time() - start < MAX_SECONDS and peak < MAX_PEAK_BYTES


def test_encrypted_pdf_without_user_password_is_read(tmp_path: Path) -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.lib.pdfencrypt import StandardEncryption

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=StandardEncryption("", ownerPassword="owner", strength=128))
    c.drawString(72, 720, "Dang uy xa An Hoa")
    c.showPage()
    c.save()
    path = tmp_path / "restricted.pdf"
    path.write_bytes(buf.getvalue())
    assert [p.plain for p in read_document(path).paragraphs] == ["Dang uy xa An Hoa"]


def test_pdf_time_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quyche.readers import limits

    monkeypatch.setattr(limits, "LIMITS", limits.Limits(max_pdf_seconds=0.2, max_pdf_page_ops=10**9))
    path = tmp_path / "slow.pdf"
    path.write_bytes(minimal_pdf(b"q Q " * 1_000_000))
    e = assert_refused(path, ("too_slow",))
    assert "giây" in e.message


def test_guards_are_inert_outside_a_read() -> None:
    from pdfminer import pdftypes

    data = zlib.compress(b" " * (40 << 20))
    assert len(pdftypes.zlib.decompress(data)) == 40 << 20  # type: ignore[attr-defined]


def test_pathological_markdown_is_read_in_linear_time(tmp_path: Path) -> None:
    # Unclosed emphasis and long white space runs: regex backtracking must stay linear.
    path = tmp_path / "slow.md"
    path.write_bytes(("**a " * 400_000 + "\n# a" + " " * 400_000 + "x\n" + "_a " * 400_000).encode())
    start = time.process_time()
    doc = read_document(path)
    assert time.process_time() - start < MAX_SECONDS and len(doc.paragraphs) == 3
