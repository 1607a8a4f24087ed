"""STR-ZONES-PRESENT — mandatory components present, in order header → title → căn cứ → body → closing."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import org_kind_of, parse_number, quote
from quyche.text import fold, is_upper
from quyche.zones import PARTY_TITLE, Zones, is_date_line, is_party_title

Test = Callable[[str], bool]

_NUMBER = re.compile(r"^Số\s*:?\s*(\d+|[\s.…]*)\s*[-‐‑–—]\s*[A-Za-zĐđ]+\s*/\s*[A-ZĐ]", re.IGNORECASE)
_RECIPIENTS = re.compile(r"^nơi\s+nhận\b", re.IGNORECASE)
_AUTHORITY = re.compile(r"^(T/M|K/T|T/L)\s", re.IGNORECASE)
_OPERATIVE = re.compile(r":\s*$")

# Order of the blocks on the page; the signature and "Nơi nhận" form one closing block, in either order.
_RANK = {"header": 0, "title": 1, "preamble": 2, "body": 3, "signature": 4, "recipients": 4}
_BLOCK = {
    "header": "phần đầu (tiêu đề, tên cơ quan, số, ngày tháng)",
    "title": "tên loại và trích yếu",
    "preamble": "phần căn cứ",
    "body": "phần nội dung (Chương, Điều)",
    "signature": "phần kết thúc (chữ ký, nơi nhận)",
    "recipients": "phần kết thúc (chữ ký, nơi nhận)",
}
_ORDER = "phần đầu → tên loại, trích yếu → căn cứ → nội dung → chữ ký, nơi nhận"


def _elsewhere(doc: Document, z: Zones, test: Test, header: bool) -> Paragraph | None:
    """A line outside its zone holding a component the zone lacks: the component is misplaced.

    Header components are looked for in the lines before the body (outside the header), closing
    components in every line outside the body."""
    body = {id(p) for p in z.body}
    header_at = {p.loc.paragraph for p in z.header}
    body_start = z.body[0].loc.paragraph if z.body else None
    for p in doc.paragraphs:
        if header and body_start is not None and p.loc.paragraph >= body_start:
            break
        if id(p) in body or (header and p.loc.paragraph in header_at) or not p.plain:
            continue
        for piece in p.split_tabs():
            if test(piece.plain):
                return piece
    return None


def _issuer_line(text: str) -> bool:
    return is_upper(text) and org_kind_of(text) in ("dang_uy", "chi_bo", "ban_thuong_vu", "ubkt")


def _has_content(z: Zones) -> bool:
    if z.body:
        return True
    cancu = {id(p) for p in z.cancu}
    return any(id(p) not in cancu and not _OPERATIVE.search(p.plain) for p in z.preamble)


def _number_line(text: str) -> bool:
    return bool(_NUMBER.match(text))


def _recipients_line(text: str) -> bool:
    return bool(_RECIPIENTS.match(text))


def _authority_line(text: str) -> bool:
    return bool(_AUTHORITY.match(text))


@rule("STR-ZONES-PRESENT")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    # (component, zone, paragraph to point at, expected, how to find it elsewhere)
    absent: list[tuple[str, str, Paragraph | None, str, Test | None]] = []
    # A state national title in the place of the Party title is judged by FMT-HEADER-TITLE / TYP-REGIME-MIXED.
    if z.party_title is None and z.state_title is None:
        absent.append((f"tiêu đề “{PARTY_TITLE}”", "header.right", z.date_line, PARTY_TITLE, is_party_title))
    if z.issuer is None:
        absent.append(
            ("tên cơ quan ban hành", "header.left", z.superior, "tên cơ quan ban hành", _issuer_line)
        )
    attached = z.attached_ref is not None  # pattern (b) of FMT-TITLE-QC-ATTACHED: no number, no Nơi nhận
    if z.number is None and not attached:
        absent.append(("số và ký hiệu văn bản", "header.left", z.star or z.issuer, "Số …-…/…", _number_line))
    if z.date_line is None:
        absent.append(
            (
                "địa danh và ngày tháng năm ban hành",
                "header.right",
                z.party_title,
                "<Địa danh>, ngày … tháng … năm …",
                is_date_line,
            )
        )
    is_letter = z.number is not None and fold(parse_number(z.number.plain).type_abbr or "") == "cv"
    if z.title_type is None and not is_letter:  # a công văn has no type line
        absent.append(("tên loại văn bản (ví dụ “QUY CHẾ”)", "title.type", None, "tên loại văn bản", None))
    elif z.title_type is not None and not z.title_summary:
        absent.append(
            (
                "trích yếu nội dung dưới tên loại",
                "title.summary",
                z.title_type,
                "trích yếu (ví dụ “làm việc của …”)",
                None,
            )
        )
    if not _has_content(z):
        absent.append(("nội dung văn bản", "body", None, "các Chương, Điều hoặc nội dung", None))
    if not z.signature:  # the seal cannot be checked in a file
        absent.append(
            (
                "quyền hạn, chức vụ, họ tên và chữ ký người ký (“T/M …”)",
                "signature",
                z.recipients[0] if z.recipients else None,
                "T/M … / BÍ THƯ / họ tên",
                _authority_line,
            )
        )
    if not z.recipients and not attached:
        absent.append(("nơi nhận (“Nơi nhận:”)", "recipients", z.authority, "Nơi nhận:", _recipients_line))

    for name, zone, near, expected, test in absent:
        found = _elsewhere(doc, z, test, zone.startswith("header")) if test is not None else None
        if found is not None:
            yield Hit(
                f"Thành phần {name} nằm sai vị trí: {quote(found, 60)} ({found.loc.describe()})",
                paragraph=found,
                zone=zone,
                part="order",
                expected=f"{name} ở đúng vị trí",
                actual=found.loc.describe(),
                fix=f"Đặt {name} vào đúng vị trí theo sơ đồ bố trí thể thức (36-HD/VPTW Phụ lục 1)",
            )
            continue
        yield Hit(
            f"Thiếu thành phần bắt buộc: {name}",
            paragraph=near,
            zone=zone,
            part="missing",
            expected=expected,
            actual="không có",
            fix=f"Bổ sung {name} đúng vị trí theo thể thức văn bản của Đảng (Hướng dẫn 36-HD/VPTW)",
        )

    # Layout order of the blocks that were found.
    firsts = [
        ("header", z.header[0] if z.header else None),
        ("title", z.title_type),
        ("preamble", z.cancu[0] if z.cancu else None),
        ("body", z.body[0] if z.body else None),
        ("signature", z.authority),
        ("recipients", z.recipients[0] if z.recipients else None),
    ]
    found_blocks = sorted(((n, p) for n, p in firsts if p is not None), key=lambda it: it[1].loc.paragraph)
    for (earlier, _), (later, para) in itertools.pairwise(found_blocks):
        if _RANK[later] < _RANK[earlier]:
            yield Hit(
                f"Sai thứ tự bố cục: {_BLOCK[later]} ({quote(para, 50)}) đứng sau {_BLOCK[earlier]}",
                paragraph=para,
                zone=later,
                part="order",
                expected=_ORDER,
                actual=f"{_BLOCK[earlier]} → {_BLOCK[later]}",
                fix="Sắp xếp lại các phần của văn bản theo đúng thứ tự thể thức",
            )
