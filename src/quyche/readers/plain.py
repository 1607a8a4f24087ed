"""Plain text and Markdown → :class:`Document`: one paragraph per line, no formatting, no layout.

Encodings, in order: a BOM (UTF-8, UTF-16, UTF-32), then strict UTF-8, then Windows-1258 (noted in
``Document.notes``). Text typed in a legacy Vietnamese font encoding (TCVN3, VNI) is refused with
advice to convert it, since every rule would otherwise misread it.
"""

from __future__ import annotations

import codecs
import re
from pathlib import PurePath

from quyche.errors import ReadError
from quyche.model import Document, Location, Paragraph, Run
from quyche.readers import limits as _limits
from quyche.readers.legacy import looks_legacy
from quyche.text import nfc

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, line and page breaks, and C1 controls: never in real text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_C0_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_MARKS = re.compile(r"[\u0300-\u036f]")  # combining diacritics left over after NFC
MAX_CONTROL_SHARE = 0.01
BINARY = "tệp không phải văn bản (nhiều ký tự điều khiển, có thể là tệp nhị phân)"

# Markdown: headings, quotes, bullets, emphasis and escapes go; the words stay.
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_MD_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_MD_BULLET = re.compile(r"^(\s*)[*+]\s+(?=\S)")
_MD_STRONG = re.compile(r"(\*\*|__)([^*_\s](?:[^*_]*?[^*_\s])?)\1")  # [^*_]: linear, no backtracking
_MD_EM_STAR = re.compile(r"(?<![\w*])\*([^*\s](?:[^*]*?[^*\s])?)\*(?![\w*])")
_MD_EM_UNDER = re.compile(r"(?<!\w)_([^_\s](?:[^_]*?[^_\s])?)_(?!\w)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")

CP1258_NOTE = "tệp không phải UTF-8: đã đọc theo bảng mã Windows-1258 (cp1258), nên lưu lại dạng UTF-8"
LEGACY_ADVICE = (
    "văn bản được gõ bằng phông chữ bảng mã cũ ({name}), không phải Unicode: hãy chuyển sang Unicode "
    "(ví dụ bằng chức năng Chuyển mã của Unikey) rồi kiểm tra lại"
)


def read_text(data: bytes, source: str) -> Document:
    limit = _limits.LIMITS.max_text_bytes
    if len(data) > limit:
        size = f"{len(data) / 1e6:.1f} MB; giới hạn {limit / 1e6:.0f} MB"
        raise ReadError(f"tệp văn bản quá lớn ({size})", "too_large")
    notes: list[str] = []
    text = nfc(_decode(data, notes))
    _check_text(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")  # line numbers as editors count
    if lines[-1] == "":
        lines.pop()  # the final newline ends the last line, it does not start another
    if PurePath(source).suffix.lower() in (".md", ".markdown"):
        lines = [strip_markdown(line) for line in lines]
    paragraphs = [
        Paragraph(line, [Run(line)] if line else [], Location(i + 1, "line", line=i + 1))
        for i, line in enumerate(lines)
    ]
    return Document(source=source, format="text", paragraphs=paragraphs, notes=notes)


def _decode(data: bytes, notes: list[str]) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                reason = f"tệp văn bản có BOM {codec.upper()} nhưng nội dung không hợp lệ"
                raise ReadError(reason, "encoding") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if len(data) - len(data.translate(None, _C0_BYTES)) > MAX_CONTROL_SHARE * len(data):
        raise ReadError(BINARY, "binary")  # random bytes are not "legacy text"
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    valid = len(lenient) - len(lenient.encode("ascii", "ignore")) - bad  # well-formed multi-byte letters
    if valid >= 2 * bad and bad <= 3 + 0.01 * len(lenient):
        # A few stray bytes in otherwise valid UTF-8 (a cut file, one pasted cp1252 quote).
        notes.append(f"tệp UTF-8 có {bad} chỗ byte không hợp lệ, đã thay bằng ký tự \ufffd")
        return lenient
    # Windows-1258 writes tones as combining marks after the vowel: in real cp1258 text every mark
    # composes under NFC. Legacy font bytes read as cp1258 leave marks stranded or look legacy.
    try:
        text: str | None = nfc(data.decode("cp1258"))
    except UnicodeDecodeError:
        text = None
    if text is not None and not looks_legacy(text) and not _stranded_marks(text):
        notes.append(CP1258_NOTE)
        return text
    # Legacy font encodings are 8-bit: judge them on the bytes as Word would have shown them.
    name = looks_legacy(text or "") or looks_legacy(data.decode("cp1252", errors="replace"))
    if name:
        raise ReadError(LEGACY_ADVICE.format(name=name), "legacy_encoding")
    raise ReadError("không nhận ra bảng mã của tệp văn bản (không phải UTF-8, UTF-16 hay cp1258)", "encoding")


def _stranded_marks(text: str) -> bool:
    return len(_MARKS.findall(text)) > max(2, 0.002 * len(text))


def _check_text(text: str) -> None:
    controls = len(_CONTROL.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise ReadError(BINARY, "binary")
    name = looks_legacy(text)
    if name:
        raise ReadError(LEGACY_ADVICE.format(name=name), "legacy_encoding")


def strip_markdown(line: str) -> str:
    """Drop Markdown markup from one line, keeping its words ("**Điều 1.**" → "Điều 1.")."""
    if not line.strip() or set(line.strip()) <= set("*-_= "):
        return line  # "*" under the issuer, "-----" under the title: Party marks, not markup
    line = _MD_QUOTE.sub("", line)
    if _MD_HEADING.match(line):
        line = _MD_HEADING.sub("", line).rstrip()
        closed = line.rstrip("#")
        if closed != line and (not closed or closed[-1].isspace()):
            line = closed.rstrip()  # "## Tiêu đề ##": the closing hashes go too
    line = _MD_BULLET.sub(r"\1- ", line)
    line = _MD_STRONG.sub(r"\2", line)
    line = _MD_EM_STAR.sub(r"\1", line)
    line = _MD_EM_UNDER.sub(r"\1", line)
    return _MD_ESCAPE.sub(r"\1", line)
