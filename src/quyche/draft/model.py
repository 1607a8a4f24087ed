"""What the drafter produces before it is written: pages of lines with their roles.

The composer (:mod:`quyche.draft.compose`) fills these from the profile and the phrase data; the DOCX writer
and the Markdown preview only lay them out, so both show the same content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# Body line roles; each has a named paragraph style in the DOCX ("QC Chương", "QC Điều"…).
Role = Literal["chuong", "ten_chuong", "dieu", "khoan", "diem", "gach", "doan"]
KINDS = ("quy-che", "quyet-dinh", "phan-cong")


@dataclass(frozen=True, slots=True)
class Line:
    role: Role
    text: str


@dataclass(slots=True)
class Page:
    """One Party document on the page: header, title, căn cứ, body, closing (36-HD/VPTW layout)."""

    superior: str  # upper case, as printed
    issuer: str
    number: str | None  # "Số 01-QC/ĐU"; None: no number line (a regulation attached to a decision)
    date_line: str
    type_name: str  # "QUY CHẾ", "QUYẾT ĐỊNH"
    summary: str  # trích yếu
    attached_ref: str | None = None  # "(Ban hành kèm theo Quyết định số …)"
    bases: list[str] = field(default_factory=list)  # "- Căn cứ …;" lines, the last ending with ","
    operative: str | None = None  # "… ban hành Quy chế làm việc … như sau:"
    decision_formula: str | None = None  # "BAN CHẤP HÀNH … QUYẾT ĐỊNH:" (centred, bold)
    body: list[Line] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)  # items ("- … ,"), the label is added by the writers
    authority: str = ""  # "T/M ĐẢNG ỦY"
    sign_title: str = ""  # "BÍ THƯ"
    signer: str | None = None  # None in a draft (TPL-DRAFT-MARK: no signer's name on a "Dự thảo")
    draft_mark: str | None = None  # "Dự thảo"
    new_section: bool = False  # starts on a new page with its own page numbering (an attachment)


@dataclass(slots=True)
class Draft:
    kind: str
    pages: list[Page]
    notes: list[str] = field(default_factory=list)  # for the person drafting (needs confirmation…), not printed
