"""Readers: bytes on disk → :class:`quyche.model.Document`.

Layering follows python-docx: package (zip, limits) → XML (safe parser) → model objects.
"""

from __future__ import annotations

from pathlib import Path

from quyche.errors import ReadError
from quyche.model import Document
from quyche.readers.limits import LIMITS
from quyche.readers.sniff import sniff

SUPPORTED_SUFFIXES = (".docx", ".pdf", ".txt", ".md")


def read_document(path: str | Path) -> Document:
    """Read any supported file; raises :class:`ReadError` with a one-line Vietnamese reason."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise ReadError(f"không mở được tệp ({exc.strerror or exc})", "io") from exc
    if not p.is_file():
        raise ReadError("không phải là tệp", "io")
    if size == 0:
        raise ReadError("tệp rỗng (0 byte)", "empty")
    if size > LIMITS.max_file_bytes:
        raise ReadError(
            f"tệp quá lớn ({size / 1e6:.1f} MB; giới hạn {LIMITS.max_file_bytes / 1e6:.0f} MB)", "too_large"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(f"không đọc được tệp ({exc.strerror or exc})", "io") from exc
    kind = sniff(data, p.suffix.lower())
    if kind == "docx":
        from quyche.readers.docx.reader import read_docx

        return read_docx(data, str(path))
    if kind == "pdf":
        from quyche.readers.pdf import read_pdf

        return read_pdf(data, str(path))
    from quyche.readers.plain import read_text

    return read_text(data, str(path))
