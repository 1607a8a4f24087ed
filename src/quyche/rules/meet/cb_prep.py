"""MEET-CB-PREP — preparation of the monthly meeting (HD 42-HD/BTCTW): content and draft resolution
assigned, chi ủy / bí thư agree the content beforehand, agenda sent to members and the superior, papers on
the "Sổ tay đảng viên điện tử" app at least one day before."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.meetings import meeting_clauses
from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.meet._kit import anchor, org_kind

# Folded keywords of each preparation step.
_STEPS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("app", "đăng tài liệu lên ứng dụng Sổ tay đảng viên điện tử trước ít nhất 01 ngày",
     re.compile(r"so tay dang vien")),
    ("prep", "phân công chuẩn bị nội dung, dự thảo nghị quyết",
     re.compile(r"chuan bi (?:noi dung|du thao|tai lieu)|du thao nghi quyet|phan cong\b.{0,60}\bchuan bi")),
    ("agree", "chi ủy (hoặc bí thư, phó bí thư) họp trước để thống nhất nội dung",
     re.compile(r"thong nhat noi dung|trao doi thong nhat|hop truoc|truoc (?:moi )?ky sinh hoat")),
    ("notice", "thông báo thời gian, địa điểm, nội dung đến đảng viên và cấp ủy cấp trên",
     re.compile(r"thong bao\b.{0,80}\b(?:thoi gian|dia diem|noi dung|chuong trinh)"
                r"|(?:thoi gian|dia diem|chuong trinh)\b.{0,80}\b(?:thong bao|gui)")),
)


@rule("MEET-CB-PREP")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    if org_kind(doc, ctx) != "chi_bo":
        return
    mc = meeting_clauses(doc.zones)
    if not mc.articles:
        return  # no meeting clause at all: CNT-MEETING-REGIME reports it
    key = mc.key
    if _STEPS[0][2].search(key):
        return  # the papers go on the app: the steps are judged only when that one is missing
    missing = [(name, label) for name, label, rx in _STEPS if not rx.search(key)]
    labels = "; ".join(label for _, label in missing)
    if len(missing) == len(_STEPS):
        msg = f"Điều về chế độ sinh hoạt không nói gì về việc chuẩn bị sinh hoạt chi bộ ({labels})"
    else:
        msg = f"Điều về chế độ sinh hoạt chưa nêu các bước chuẩn bị theo Hướng dẫn 42-HD/BTCTW: {labels}"
    yield Hit(msg, paragraph=anchor(mc, doc), zone="body", expected="các bước chuẩn bị theo HD 42-HD/BTCTW",
              actual=None)
