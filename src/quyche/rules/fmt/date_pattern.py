"""FMT-DATE-PATTERN — "<Địa danh>, ngày DD tháng M năm YYYY".

Days 01–09 are written with a leading zero; months 01 and 02 too, months 3–12 are not ("tháng 4",
"tháng 12"). Parts: ``numeric`` (error) a "dd/mm/yyyy" date; ``padding`` (warning) "ngày 5",
"tháng 04", "tháng 1", and also a day or month left blank outside a draft (a draft is ``ctx.is_draft``
or a "Dự thảo" mark), no place name or comma, a year that is not four digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote
from quyche.rules.fmt._header_kit import is_draft

_WORDS = re.compile(
    r"^(?P<place>.*?)(?P<comma>,?)\s*ngày\s*(?P<d>.*?)\s*tháng\s*(?P<m>.*?)\s*năm\s*(?P<y>\S*)\s*\.?$",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"\b(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{2,4})\b")
PATTERN = "<Địa danh>, ngày 05 tháng 4 năm 2025"


def month_text(m: int) -> str:
    return f"{m:02d}" if m <= 2 else str(m)


@rule("FMT-DATE-PATTERN")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    p = doc.zones.date_line
    if p is None:
        return
    t = p.plain
    m = _WORDS.match(t)
    if m is None:
        n = _NUMERIC.search(t)
        if n is not None:
            place = t[: n.start()].rstrip(" ,").removesuffix("ngày").rstrip(" ,")
            d, mo, y = int(n.group(1)), int(n.group(3)), n.group(4)
            good = f"{place or '<Địa danh>'}, ngày {d:02d} tháng {month_text(mo)} năm {y}"
            yield Hit(
                f"Ngày tháng viết bằng số {quote(p)}; phải viết “{good}”",
                paragraph=p, zone="header.right", part="numeric", expected=good, actual=t,
                fix=f"Viết đầy đủ “ngày … tháng … năm …”: “{good}”",
            )
        else:
            yield Hit(
                f"Dòng địa danh, ngày tháng {quote(p)} không đúng mẫu “{PATTERN}”",
                paragraph=p, zone="header.right", part="padding", expected=PATTERN, actual=t,
                fix=f"Viết theo mẫu “{PATTERN}”",
            )
        return
    place, d_raw, m_raw, y_raw = m.group("place").strip(), m.group("d"), m.group("m"), m.group("y")
    if not (d_raw.isdigit() and m_raw.isdigit()):
        if not is_draft(doc, ctx):
            yield Hit(
                f"Ngày tháng ban hành còn để trống {quote(p)}; chỉ dự thảo mới để trống",
                paragraph=p, zone="header.right", part="padding", expected=PATTERN, actual=t,
                fix="Ghi ngày, tháng ban hành khi ký, hoặc đánh dấu “Dự thảo” ở đầu trang 1",
            )
        return
    d, mo = int(d_raw), int(m_raw)
    good = f"{place or '<Địa danh>'}, ngày {d:02d} tháng {month_text(mo)} năm {y_raw}"
    wrong: list[str] = []
    if d_raw != f"{d:02d}":
        wrong.append(f"“ngày {d_raw}” phải là “ngày {d:02d}”")
    if m_raw != month_text(mo):
        wrong.append(f"“tháng {m_raw}” phải là “tháng {month_text(mo)}”")
    if wrong:
        yield Hit(
            f"Ngày tháng {quote(p)} viết chưa đúng: {'; '.join(wrong)}",
            paragraph=p, zone="header.right", part="padding", expected=good, actual=t,
            fix=f"Ngày 01–09 và tháng 01, 02 có số 0 đứng trước; tháng 3–12 không: “{good}”",
        )
    problems: list[str] = []
    if not place:
        problems.append("thiếu địa danh")
    elif not m.group("comma"):
        problems.append("thiếu dấu phẩy sau địa danh")
    if not re.fullmatch(r"\d{4}", y_raw):
        problems.append(f"năm “{y_raw}” không đủ bốn chữ số")
    if problems:
        yield Hit(
            f"Dòng địa danh, ngày tháng {quote(p)}: {', '.join(problems)}",
            paragraph=p, zone="header.right", part="padding", expected=good, actual=t,
            fix=f"Viết theo mẫu “{PATTERN}”",
        )
