"""PDF → :class:`Document`: one paragraph per visual line, split into columns on wide gaps.

pdfplumber opens the file; the characters are then laid out by pdfminer (pdfplumber's engine)
through a small device that keeps only what the model needs (text, position, font, size). Skipping
pdfplumber's per-character dictionaries makes reading about three times faster, and the device is
where the character and time budgets are enforced.

Untrusted PDFs are bounded by the limits in :mod:`quyche.readers.limits`: pages, characters, lines,
content-stream objects, a wall-clock budget, and the size of every stream pdfminer decodes (a Flate
"bomb" stops at ``max_pdf_stream_bytes`` instead of inflating to gigabytes). The stream and parser
guards replace a few names inside pdfminer's modules once, at import; they act only while a budget
is active (inside :func:`read_pdf`, per thread) and pass through otherwise. Every pdfminer or
pdfplumber failure becomes a :class:`ReadError`.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import time
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from typing import Any, Literal, NamedTuple

import pdfplumber
from pdfminer import pdfinterp, pdftypes
from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.lzw import LZWDecoder
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfminer.utils import Matrix

from quyche.errors import ReadError
from quyche.model import Document, HeaderFooter, Location, Paragraph, Run, RunFormat, Section
from quyche.readers import limits as _limits
from quyche.readers.legacy import looks_legacy
from quyche.text import nfc

Limits = _limits.Limits

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_BOLD_WORDS = re.compile(r"bold|black|heavy|semibold|demibold", re.IGNORECASE)
_BOLD_SUFFIX = re.compile(r"-B(?:[A-Z]|$)")  # "VNTimes-B", "Arial-BI"; not "-Book"
_ITALIC_WORDS = re.compile(r"italic|oblique|kursiv", re.IGNORECASE)
_ITALIC_SUFFIX = re.compile(r"-(?:B|Bd|Bold)?(?:I|It)$")
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE)

LINE_TOLERANCE = 0.4  # baselines closer than this × font size are one line
SPACE_GAP = 0.18  # a gap wider than this × font size between glyphs is a word space
COLUMN_GAP = 4.0  # a gap wider than this × font size (and ``COLUMN_GAP_MIN`` pt) splits columns anywhere
COLUMN_GAP_MIN = 24.0
MIDDLE_GAP = 1.5  # … and one wider than this × font size splits them in the middle band of the page
UNSPACED_MIDDLE_GAP = 0.8  # … or this, when no space glyph fills a gap on a line that has them
MIDDLE_BAND = (0.3, 0.7)  # share of the page width where the gap between header columns falls
CENTER_TOLERANCE = 0.05  # share of the text width a centred line's midpoint may stray
EDGE_LINES = 3  # lines starting at one x make it a left edge (margin, first-line indent)
EXACT_CENTER = 1.5  # pt: a line starting on a left edge is centred only if exactly centred
FULL_WIDTH = 0.85  # a line this wide (share of the text width) is body text, never centred
SYNTHETIC_ITALIC = 0.1  # text-matrix shear (c/d) of a slanted regular font

EOF_WINDOW = 4096  # "%%EOF" must appear this close to the end of a complete file


# --------------------------------------------------------------------------- budget and guards
class _Abort(BaseException):
    """Stops pdfminer from inside; a BaseException so that pdfminer's ``except Exception`` can't eat it."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(slots=True)
class _Budget:
    limits: Limits
    start: float = field(default_factory=time.monotonic)
    chars: int = 0
    skipped: int = 0
    ops: int = 0
    page_ops: int = 0
    decoded: int = 0

    def check_time(self) -> None:
        if time.monotonic() - self.start > self.limits.max_pdf_seconds:
            seconds = self.limits.max_pdf_seconds
            raise _Abort(f"tệp PDF xử lý quá lâu (quá {seconds:.0f} giây): tệp bất thường hoặc quá phức tạp",
                         "too_slow")

    def add_op(self) -> None:
        self.ops += 1
        self.page_ops += 1
        if self.page_ops > self.limits.max_pdf_page_ops or self.ops > self.limits.max_pdf_ops:
            raise _Abort("tệp PDF có nội dung vẽ quá phức tạp (tệp bất thường)", "too_large")
        if self.ops % 4096 == 0:
            self.check_time()

    def add_decoded(self, size: int) -> None:
        self.decoded += size
        if size > self.limits.max_pdf_stream_bytes or self.decoded > self.limits.max_pdf_decoded_bytes:
            raise _Abort("tệp PDF chứa dữ liệu nén giải ra quá lớn: nghi là tệp độc hại", "too_large")


_BUDGET: ContextVar[_Budget | None] = ContextVar("quyche_pdf_budget", default=None)


class _GuardedInflater:
    """A zlib decompressor that charges its output to the active budget."""

    def __init__(self, inner: Any, budget: _Budget) -> None:
        self._inner = inner
        self._budget = budget
        self._calls = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out: bytes = self._inner.decompress(data, max_length)
        self._calls += 1
        if self._calls % 4096 == 0:
            self._budget.check_time()
        self._budget.add_decoded(len(out))
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _GuardedZlib:
    """Stands in for ``zlib`` inside ``pdfminer.pdftypes``: bounded while a budget is active."""

    error = zlib.error

    def decompress(self, data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = zlib.DEF_BUF_SIZE) -> bytes:
        budget = _BUDGET.get()
        if budget is None:
            return zlib.decompress(data, wbits, bufsize)
        budget.check_time()
        inflater = zlib.decompressobj(wbits)
        cap = budget.limits.max_pdf_stream_bytes
        out = inflater.decompress(data, cap + 1)
        budget.add_decoded(len(out))  # raises beyond the cap
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")
        return out

    def decompressobj(self, *args: Any, **kwargs: Any) -> Any:
        inner = zlib.decompressobj(*args, **kwargs)
        budget = _BUDGET.get()
        return inner if budget is None else _GuardedInflater(inner, budget)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


_ORIGINAL_LZW = pdftypes.lzwdecode  # type: ignore[attr-defined]
_ORIGINAL_RL = pdftypes.rldecode  # type: ignore[attr-defined]


def _guarded_lzw(data: bytes) -> bytes:
    budget = _BUDGET.get()
    if budget is None:
        return _ORIGINAL_LZW(data)
    out: list[bytes] = []
    for i, chunk in enumerate(LZWDecoder(io.BytesIO(data)).run()):
        out.append(chunk)
        budget.add_decoded(len(chunk))
        if i % 4096 == 0:
            budget.check_time()
    return b"".join(out)


def _guarded_rl(data: bytes) -> bytes:
    budget = _BUDGET.get()
    if budget is not None and len(data) * 128 > budget.limits.max_pdf_stream_bytes:
        raise _Abort("tệp PDF có luồng RunLength quá lớn (tệp bất thường)", "too_large")
    return _ORIGINAL_RL(data)


class _GuardedContentParser(pdfinterp.PDFContentParser):
    """Content-stream parser that checks the clock: operators that draw nothing still cost time."""

    def nextobject(self) -> Any:
        budget = _BUDGET.get()
        if budget is not None:
            budget.add_op()
        return super().nextobject()


def _install_guards() -> None:
    """Route pdfminer's decoders and content parser through the budget (idempotent; inert outside
    ``read_pdf``, where no budget is active)."""
    if not isinstance(pdftypes.zlib, _GuardedZlib):  # type: ignore[attr-defined]
        pdftypes.zlib = _GuardedZlib()  # type: ignore[attr-defined,assignment]
        pdftypes.lzwdecode = _guarded_lzw  # type: ignore[attr-defined]
        pdftypes.rldecode = _guarded_rl  # type: ignore[attr-defined]
        pdfinterp.PDFContentParser = _GuardedContentParser  # type: ignore[misc]


_install_guards()


@contextmanager
def _reading(budget: _Budget) -> Iterator[None]:
    """Activate the budget and keep pdfminer's warnings about damaged files off the console."""
    token = _BUDGET.set(budget)
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
        _BUDGET.reset(token)


# --------------------------------------------------------------------------- character capture
class _Glyph(NamedTuple):
    text: str
    x0: float
    x1: float
    y: float  # baseline, PDF space (up is larger)
    size: float
    fmt: RunFormat


class _Device(PDFLayoutAnalyzer):
    """Keeps a slim record per upright glyph; no layout tree, no paths, images only noticed."""

    def __init__(self, rsrcmgr: PDFResourceManager, budget: _Budget) -> None:
        super().__init__(rsrcmgr, pageno=1, laparams=None)
        self.budget = budget
        self.glyphs: list[_Glyph] = []
        self.images = 0
        self._formats: dict[tuple[Any, float, bool], RunFormat] = {}

    def start(self) -> None:
        self.glyphs = []
        self.images = 0

    def render_char(
        self, matrix: Matrix, font: Any, fontsize: float, scaling: float, rise: float, cid: int,
        ncs: Any, graphicstate: Any,
    ) -> float:
        # What pdfminer's LTChar computes, reduced to the horizontal case: building an LTChar per
        # glyph would double the reading time.
        try:
            text = font.to_unichr(cid)
        except Exception:  # PDFUnicodeNotDefined and damaged CMaps alike
            text = f"(cid:{cid})"
        adv = float(font.char_width(cid) * fontsize * scaling)
        self._charge()
        a, b, c, d, e, f = matrix
        if abs(b) <= 1e-3 * abs(a) and a > 0 and d * scaling > 0 and not font.is_vertical():
            size = abs(d * fontsize)
            fmt = self._format(font.fontname, size, c / d > SYNTHETIC_ITALIC)
            self.glyphs.append(_Glyph(str(text), e, e + a * adv, f, size, fmt))
        else:
            self.budget.skipped += 1  # rotated or mirrored: watermarks, vertical margin text
        return adv

    def _charge(self) -> None:
        b = self.budget
        b.chars += 1
        if b.chars > b.limits.max_pdf_chars or len(self.glyphs) >= b.limits.max_pdf_page_chars:
            raise _Abort("tệp PDF có quá nhiều ký tự (tệp bất thường hoặc quá lớn)", "too_large")
        if b.chars % 2048 == 0:
            b.check_time()

    def _format(self, fontname: Any, size: float, slant: bool) -> RunFormat:
        key = (fontname, round(size * 2) / 2, slant)
        fmt = self._formats.get(key)
        if fmt is None:
            name = fontname.decode("latin-1") if isinstance(fontname, bytes) else str(fontname or "")
            fmt = font_format(name, key[1])
            if slant and not fmt.italic:
                fmt = replace(fmt, italic=True)
            self._formats[key] = fmt
        return fmt

    def render_image(self, name: str, stream: Any) -> None:
        self.images += 1

    def paint_path(self, *args: Any, **kwargs: Any) -> None:
        pass  # rules and boxes are not read

    def receive_layout(self, ltpage: Any) -> None:
        pass


def font_format(fontname: str, size: float) -> RunFormat:
    """RunFormat from a PDF font name: subset prefix dropped, bold/italic read off the name."""
    base = _SUBSET.sub("", fontname)
    bold = bool(_BOLD_WORDS.search(base) or _BOLD_SUFFIX.search(base))
    italic = bool(_ITALIC_WORDS.search(base) or _ITALIC_SUFFIX.search(base))
    return RunFormat(font=base or None, size=size if size > 0 else None, bold=bold, italic=italic)


# --------------------------------------------------------------------------- lines and columns
@dataclass(slots=True)
class _Piece:
    """One column piece of one visual line, before alignment is known."""

    runs: list[Run]
    x0: float
    x1: float
    y: float
    page: int
    line: int
    col: int | None
    ncols: int | None


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    pieces: list[_Piece]
    images: int
    glyphs: int


def _lines(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Group glyphs into visual lines by baseline, top to bottom."""
    ordered = sorted(glyphs, key=lambda g: -g.y)
    lines: list[list[_Glyph]] = []
    base = 0.0
    for g in ordered:
        if lines and abs(g.y - base) <= LINE_TOLERANCE * max(g.size, lines[-1][0].size, 1.0):
            lines[-1].append(g)
        else:
            lines.append([g])
            base = g.y
    return lines


def _order(line: list[_Glyph]) -> list[_Glyph]:
    """Left to right; duplicate glyphs (fake bold, overprint) dropped; combining marks after their base."""
    marks = [g for g in line if unicodedata.combining(g.text[:1] or " ")]
    bases = sorted((g for g in line if not unicodedata.combining(g.text[:1] or " ")), key=lambda g: g.x0)
    out: list[_Glyph] = []
    for g in bases:
        if any(p.text == g.text and abs(p.x0 - g.x0) < 1.0 and abs(p.y - g.y) < 1.0 for p in out[-3:]):
            continue
        out.append(g)
    for m in marks:
        centre = (m.x0 + m.x1) / 2
        at = next((i + 1 for i, g in enumerate(out) if g.x0 <= centre <= g.x1), None)
        if at is None:
            at = next((i for i, g in enumerate(out) if g.x0 > centre), len(out))
        out.insert(at, m)
    return out


def _clusters(line: list[_Glyph], page_width: float) -> list[list[_Glyph]]:
    """Split an ordered line where visible glyphs are separated by a column-wide gap."""
    spaced = any(g.text.isspace() for g in line)  # this generator writes its word spaces as glyphs
    groups: list[list[_Glyph]] = [[]]
    last: _Glyph | None = None
    space_since = False
    for g in line:
        if g.text.isspace():
            groups[-1].append(g)
            space_since = True
            continue
        if last is not None and _column_gap(last, g, page_width, spaced and not space_since):
            groups.append([])
        groups[-1].append(g)
        last, space_since = g, False
    return [_trim(gr) for gr in groups if any(not g.text.isspace() for g in gr)]


def _column_gap(left: _Glyph, right: _Glyph, page_width: float, unspaced: bool) -> bool:
    """A very wide gap anywhere, or a moderately wide one around the middle of the page (where the
    two header columns and the recipients/signature columns meet), separates columns. Where the
    line writes its spaces as glyphs, a gap with no space glyph in it is a jump to another text
    chunk (a table cell, a tab stop) and needs to be less wide."""
    gap, size = right.x0 - left.x1, max(left.size, right.size)
    if gap > max(COLUMN_GAP * size, COLUMN_GAP_MIN):
        return True
    middle = (left.x1 + right.x0) / 2 / page_width if page_width > 0 else 0.0
    factor = UNSPACED_MIDDLE_GAP if unspaced else MIDDLE_GAP
    return gap > factor * size and MIDDLE_BAND[0] <= middle <= MIDDLE_BAND[1]


def _trim(group: list[_Glyph]) -> list[_Glyph]:
    start = next(i for i, g in enumerate(group) if not g.text.isspace())
    end = max(i for i, g in enumerate(group) if not g.text.isspace())
    return group[start : end + 1]


def _runs(glyphs: list[_Glyph]) -> list[Run]:
    """Glyphs → runs of equal format, with spaces where the gap says a word ends."""
    runs: list[Run] = []
    prev: _Glyph | None = None
    for g in glyphs:
        text = g.text
        if (
            prev is not None
            and not prev.text.isspace()
            and not text.isspace()
            and not unicodedata.combining(text[:1] or " ")
            and g.x0 - prev.x1 > SPACE_GAP * max(g.size, prev.size)
        ):
            text = " " + text
        if runs and runs[-1].fmt == g.fmt:
            runs[-1].text += text
        else:
            runs.append(Run(text, g.fmt))
        prev = g
    return [Run(nfc(r.text), r.fmt) for r in runs]


def _page_pieces(glyphs: list[_Glyph], page: int, width: float, max_lines: int) -> list[_Piece]:
    lines = _lines(glyphs)
    if len(lines) > max_lines:
        raise ReadError(f"trang {page} của tệp PDF có quá nhiều dòng chữ (tệp bất thường)", "too_large")
    pieces: list[_Piece] = []
    for number, line in enumerate(lines, start=1):
        clusters = _clusters(_order(line), width)
        ncols = len(clusters) if len(clusters) > 1 else None
        for col, cluster in enumerate(clusters):
            visible = [g for g in cluster if not g.text.isspace()]
            pieces.append(
                _Piece(
                    runs=_runs(cluster),
                    x0=min(g.x0 for g in visible),
                    x1=max(g.x1 for g in visible),
                    y=statistics.median(g.y for g in visible),
                    page=page,
                    line=number,
                    col=col if ncols else None,
                    ncols=ncols,
                )
            )
    return pieces


@dataclass(slots=True)
class _Area:
    """The text area of the document and the x positions where many lines start (margin, indents)."""

    left: float
    right: float
    edges: set[int]

    @classmethod
    def of(cls, pieces: list[_Piece]) -> _Area:
        starts = Counter(round(pc.x0) for pc in pieces if pc.ncols is None)
        edges = {x + d for x, n in starts.items() if n >= EDGE_LINES for d in (-1, 0, 1)}
        return cls(min(pc.x0 for pc in pieces), max(pc.x1 for pc in pieces), edges)


def _align(piece: _Piece, area: _Area) -> str | None:
    """Alignment from position within the text area (or within its half for a column piece)."""
    left, right = area.left, area.right
    tol = CENTER_TOLERANCE * (right - left)
    if piece.ncols:
        mid = (left + right) / 2
        left, right = (left, mid) if piece.col == 0 else (mid, right)
    width = right - left
    if width <= 0 or (piece.ncols is None and piece.x1 - piece.x0 >= FULL_WIDTH * width):
        return None  # a full line: justified or left, can't tell
    offset = abs((piece.x0 + piece.x1) / 2 - (left + right) / 2)
    if piece.ncols is None and round(piece.x0) in area.edges and offset > EXACT_CENTER:
        return "left"  # starts where body lines start (margin or first-line indent)
    if offset <= tol:
        return "center"
    if abs(piece.x0 - left) <= tol:
        return "left"
    if abs(right - piece.x1) <= tol:
        return "right"
    return None


# --------------------------------------------------------------------------- document
def read_pdf(data: bytes, source: str) -> Document:
    """Read a PDF's text layer; raises :class:`ReadError` for anything unreadable or unsafe."""
    budget = _Budget(_limits.LIMITS)
    with _reading(budget):
        try:
            return _document(_read_pages(data, budget), source, budget.skipped)
        except ReadError:
            raise
        except _Abort as exc:
            raise ReadError(exc.message, exc.code) from None
        except RecursionError as exc:
            raise ReadError("tệp PDF có cấu trúc lồng nhau quá sâu (tệp bất thường)", "corrupt") from exc
        except MemoryError as exc:
            raise ReadError("tệp PDF cần quá nhiều bộ nhớ để đọc (tệp bất thường)", "too_large") from exc
        except Exception as exc:  # pdfminer raises anything from KeyError to struct.error on bad input
            raise _classify(exc) from exc


def _read_pages(data: bytes, budget: _Budget) -> list[_Page]:
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        # pdfminer would rebuild what it can of a cut file; a partial document lints wrongly.
        raise ReadError("tệp PDF không trọn vẹn (bị cắt cụt, thiếu phần cuối %%EOF)", "corrupt")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        raise _classify(exc) from exc
    with pdf:
        doc = pdf.doc
        max_pages = budget.limits.max_pdf_pages
        declared = _declared_pages(doc)
        if declared > max_pages:
            raise _too_many_pages(declared, max_pages)
        rsrc = PDFResourceManager(caching=True)
        device = _Device(rsrc, budget)
        interpreter = PDFPageInterpreter(rsrc, device)
        pages: list[_Page] = []
        lines = 0
        for index, page in enumerate(PDFPage.create_pages(doc)):
            if index >= max_pages:
                raise _too_many_pages(index + 1, max_pages)
            budget.check_time()
            budget.page_ops = 0
            device.start()
            interpreter.process_page(page)
            width, height = _page_size(page)
            visible = sum(not g.text.isspace() for g in device.glyphs)
            pieces = _page_pieces(device.glyphs, index + 1, width, budget.limits.max_pdf_page_lines)
            pages.append(_Page(index + 1, width, height, pieces, device.images, visible))
            lines += len(pieces)
            if lines > budget.limits.max_pdf_lines:
                raise ReadError("tệp PDF có quá nhiều dòng chữ (tệp bất thường hoặc quá lớn)", "too_large")
    if not pages:
        raise ReadError("tệp PDF không có trang nào", "corrupt")
    return pages


def _declared_pages(doc: Any) -> int:
    try:
        count = resolve1(resolve1(doc.catalog.get("Pages")).get("Count"))
        return int(count) if isinstance(count, int | float) else 0
    except Exception:
        return 0


def _too_many_pages(count: int, limit: int) -> ReadError:
    return ReadError(f"tệp PDF có quá nhiều trang ({count}; giới hạn {limit})", "too_large")


def _page_size(page: PDFPage) -> tuple[float, float]:
    x0, y0, x1, y1 = (float(v) for v in page.mediabox)
    width, height = abs(x1 - x0), abs(y1 - y0)
    return (height, width) if int(page.rotate or 0) % 180 == 90 else (width, height)


def _classify(exc: BaseException) -> ReadError:
    """Turn any pdfminer/pdfplumber exception into a one-line Vietnamese reason."""
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        e = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        name = type(e).__name__
        if "Password" in name or "Encryption" in name or "encrypt" in str(e).lower():
            return ReadError(
                "tệp PDF được đặt mật khẩu hoặc mã hóa: hãy gỡ mật khẩu rồi xuất lại PDF", "encrypted"
            )
        stack.extend(x for x in (e.__cause__, e.__context__, *e.args) if isinstance(x, BaseException))
    return ReadError("tệp PDF bị hỏng hoặc không trọn vẹn, không đọc được", "corrupt")


def _document(pages: list[_Page], source: str, skipped: int) -> Document:
    glyphs = sum(p.glyphs for p in pages)
    images = sum(p.images for p in pages)
    if glyphs == 0 or (images and glyphs < 3 * len(pages)):
        raise ReadError(
            "tệp PDF là bản quét (ảnh chụp), không có lớp chữ: chưa hỗ trợ nhận dạng chữ (OCR), "
            "hãy dùng tệp DOCX hoặc PDF xuất từ Word",
            "no_text",
        )
    pieces = [pc for p in pages for pc in p.pieces]
    text = "\n".join("".join(r.text for r in pc.runs) for pc in pieces[:2000])
    if text.count("(cid:") * 4 > max(len(text.split()), 1):
        raise ReadError(
            "phông chữ trong tệp PDF không có bảng mã Unicode nên không trích được chữ: "
            "hãy xuất lại PDF từ tệp gốc hoặc dùng tệp DOCX",
            "no_unicode",
        )
    legacy = looks_legacy(text)
    if legacy:
        raise ReadError(
            f"tệp PDF dùng phông chữ bảng mã cũ ({legacy}), chữ trích ra bị sai dấu: hãy chuyển văn bản gốc "
            "sang Unicode (ví dụ bằng chức năng Chuyển mã của Unikey) rồi xuất lại PDF",
            "legacy_encoding",
        )
    sections = _sections(pages)
    paragraphs = _paragraphs(pages, sections)
    return Document(
        source=source,
        format="pdf",
        paragraphs=paragraphs,
        sections=list(sections.values()),
        pages=len(pages),
        has_formatting=any(r.fmt.font for p in paragraphs for r in p.runs),
        has_layout=any(r.fmt.font for p in paragraphs for r in p.runs),
        notes=[f"đã bỏ qua {skipped} ký tự in xoay hoặc lật (chữ chìm, chữ dọc lề)"] if skipped else [],
    )


def _sections(pages: list[_Page]) -> dict[tuple[int, int], Section]:
    out: dict[tuple[int, int], Section] = {}
    for p in pages:
        key = (round(p.width * 20), round(p.height * 20))
        if key not in out:
            out[key] = Section(width=key[0], height=key[1], landscape=key[0] > key[1])
    return out


def _paragraphs(pages: list[_Page], sections: dict[tuple[int, int], Section]) -> list[Paragraph]:
    body: list[_Piece] = []
    for page in pages:
        section = sections[(round(page.width * 20), round(page.height * 20))]
        body.extend(_strip_page_numbers(page, section))
    if not body:
        return []
    area = _Area.of(body)
    out: list[Paragraph] = []
    mid = (area.left + area.right) / 2
    for pc in body:
        col, ncols = pc.col, pc.ncols
        if ncols is None and (pc.x1 < mid or pc.x0 > mid):
            # A lone line wholly in one half of the page (a wrapped "VIỆT NAM", the signer's name,
            # a recipient item): record the half as its column so zones can tell left from right.
            col, ncols = (0 if pc.x1 < mid else 1), 2
        loc = Location(len(out) + 1, "line", col=col, ncols=ncols, page=pc.page, line=pc.line)
        out.append(Paragraph("".join(r.text for r in pc.runs), pc.runs, loc, align=_align(pc, area)))
    return out


def _strip_page_numbers(page: _Page, section: Section) -> list[_Piece]:
    """Take a lone page number off the top or bottom line and record it as a header/footer."""
    pieces = page.pieces
    if not pieces:
        return pieces
    keep = list(pieces)
    for edge in (pieces[0], pieces[-1]):
        text = "".join(r.text for r in edge.runs)
        if edge.ncols is None and edge in keep and _PAGE_NUMBER.match(text.strip()):
            keep.remove(edge)
            where: Literal["header", "footer"] = "header" if edge.y > page.height / 2 else "footer"
            if not any(part.where == where for part in section.parts):
                loc = Location(1, where, page=page.number, line=edge.line)
                section.parts.append(HeaderFooter("default", where, [Paragraph(text, edge.runs, loc)], True))
    return keep
