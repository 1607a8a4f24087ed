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
    max_pdf_pages: int = 500
    max_text_bytes: int = 10_000_000


LIMITS = Limits()
