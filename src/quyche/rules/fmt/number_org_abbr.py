"""FMT-NUMBER-ORG-ABBR — the body abbreviation after the slash: "ĐU" for a đảng ủy (and its ban
thường vụ), "CB" for a chi bộ, "ĐH" for congress documents.

Compared with the profile's ``org_abbr`` when a profile gives one, else with the kind the issuer line
names ("ĐẢNG ỦY …" → ĐU, "CHI BỘ …" → CB). Nothing is judged when neither tells.
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import parse_number, quote
from quyche.rules.fmt._header_kit import org_kind_abbr, profile_attr

CONGRESS = "ĐH"


def _congress(doc: Document) -> bool:
    z = doc.zones
    lines = [*z.header, *([z.title_type] if z.title_type else []), *z.title_summary]
    return any("dai hoi" in p.key for p in lines)


@rule("FMT-NUMBER-ORG-ABBR")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    if z.number is None:
        return
    ns = parse_number(z.number.plain)
    if not ns.org_abbr:
        return  # unreadable number: FMT-NUMBER-PATTERN reports it
    expected = profile_attr(ctx, "org_abbr")
    source = "hồ sơ tổ chức"
    if not expected and z.issuer is not None:
        expected, source = org_kind_abbr(z.issuer.plain), f"tên cơ quan ban hành {quote(z.issuer)}"
    if not expected:
        return
    actual = ns.org_abbr
    if actual.upper() == str(expected).upper() or (actual.upper() == CONGRESS and _congress(doc)):
        return
    yield Hit(
        f"Ký hiệu cơ quan “{actual}” trong {quote(z.number)} không khớp {source} (phải là “{expected}”)",
        paragraph=z.number, zone="header.left", expected=str(expected), actual=actual,
        fix=f"Sửa phần sau dấu gạch chéo thành “{expected}” "
            f"(ví dụ “Số 01-{ns.type_abbr or 'QC'}/{expected}”)",
    )
