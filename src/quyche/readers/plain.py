"""Plain text reader (placeholder replaced by the text work item)."""

from __future__ import annotations

from quyche.model import Document, Location, Paragraph, Run
from quyche.text import nfc


def read_text(data: bytes, source: str) -> Document:
    text = nfc(data.decode("utf-8-sig", errors="replace"))
    paras = [Paragraph(line, [Run(line)], Location(i + 1, "line", line=i + 1)) for i, line in enumerate(text.splitlines())]
    return Document(source=source, format="text", paragraphs=paras)
