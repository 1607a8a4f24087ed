"""PDF reader (placeholder replaced by the PDF work item)."""

from __future__ import annotations

from quyche.errors import ReadError
from quyche.model import Document


def read_pdf(data: bytes, source: str) -> Document:
    raise ReadError("chưa hỗ trợ PDF", "unsupported")
