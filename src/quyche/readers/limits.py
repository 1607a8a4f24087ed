"""Resource limits for untrusted input (zip bombs, huge parts, deep XML)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = 50_000_000  # on-disk size of any input
    max_parts: int = 2_000  # entries in a DOCX package
    max_part_bytes: int = 40_000_000  # uncompressed size of one XML part we read
    max_total_bytes: int = 120_000_000  # uncompressed bytes we are willing to inflate per file
    max_ratio: float = 200.0  # uncompressed / compressed for a part above ``ratio_floor``
    ratio_floor: int = 1_000_000  # small parts may compress arbitrarily well
    max_xml_tags: int = 2_000_000  # "<" in one XML part (a 300-page document has well under 1 million)
    max_pdf_pages: int = 500
    max_pdf_chars: int = 2_000_000  # characters laid out over the whole PDF
    max_pdf_lines: int = 50_000  # visual lines (column pieces) over the whole PDF; 500 pages have ~25 000
    max_pdf_page_lines: int = 2_000  # baselines on one page (a page of 6 pt text has ~120)
    max_pdf_page_chars: int = 100_000  # characters on one page (a dense page has < 10 000)
    max_pdf_ops: int = 3_000_000  # content-stream objects (operators and operands) over the whole PDF
    max_pdf_page_ops: int = 100_000  # on one page (a text page has a few thousand)
    max_pdf_stream_bytes: int = 32_000_000  # one decoded PDF stream (content, font, object stream)
    max_pdf_decoded_bytes: int = 150_000_000  # all decoded PDF streams together
    max_pdf_seconds: float = 10.0  # wall-clock budget for one PDF (a 200-page text PDF reads in ~4 s)
    max_text_bytes: int = 10_000_000


LIMITS = Limits()
