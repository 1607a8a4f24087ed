"""Drafting (``quyche draft``): a working regulation fitted to an organisation, in the Party format.

- :func:`compose` — profile + date → :class:`Draft` (pages of lines; the prose comes from
  ``quyche/data/draft_phrases.yaml``, the outline from the model skeleton, the căn cứ from the catalogue);
- :func:`render` — a draft as DOCX bytes (36-HD/VPTW layout, named styles) or as a Markdown preview;
- :func:`draft_file` — both steps, writing a file (what the command line calls).

Every drafted regulation is meant to pass ``quyche check`` with the same profile and date without any
finding (tests/test_draft_roundtrip.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from quyche.draft.compose import compose
from quyche.draft.context import DraftError
from quyche.draft.markdown import to_markdown
from quyche.draft.model import KINDS, Draft, Line, Page
from quyche.draft.writer import to_docx
from quyche.profile import Profile

FORMATS = ("docx", "md")


def render(draft: Draft, fmt: str = "docx") -> bytes:
    if fmt == "docx":
        return to_docx(draft)
    if fmt == "md":
        return to_markdown(draft).encode("utf-8")
    raise DraftError(f"--format chỉ nhận {', '.join(FORMATS)}, nhận được “{fmt}”")


def draft_file(profile: Profile, out: str | Path, doc_date: date, *, number: int | None = None,
               kind: str = "quy-che", fmt: str | None = None) -> Draft:
    """Compose and write ``out``; the format defaults to the file's suffix (".md" → Markdown, else DOCX)."""
    path = Path(out)
    chosen = fmt or ("md" if path.suffix.lower() == ".md" else "docx")
    result = compose(profile, doc_date, number=number, kind=kind)
    data = render(result, chosen)
    path.write_bytes(data)
    return result


__all__ = ["FORMATS", "KINDS", "Draft", "DraftError", "Line", "Page", "compose", "draft_file", "render",
           "to_docx", "to_markdown"]
