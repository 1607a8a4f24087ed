"""TYP-REGIME-MIXED — a Party document uses the Party layout only, with no state-document marker."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import org_kind_of, parse_number, quote
from quyche.zones import PARTY_TITLE, Zones

_NO_BORDER = (None, "", "nil", "none")
_PARTY_BODIES = ("dang_uy", "chi_bo", "ban_thuong_vu", "ubkt")


def _issuer_border(z: Zones) -> Paragraph | None:
    """The issuer line (or a wrapped piece of it) with a bottom border: the state "line under the name"."""
    issuer = z.issuer
    if issuer is None:
        return None
    if issuer.border_bottom not in _NO_BORDER:
        return issuer
    for p in z.header:
        if p.border_bottom not in _NO_BORDER and p.plain and p.plain in issuer.plain and p is not z.superior:
            return p
    return None


def _party_marker(z: Zones) -> bool:
    """ "ĐẢNG CỘNG SẢN VIỆT NAM", a "*" under the issuer, or an issuer line naming a Party body."""
    if z.party_title is not None:
        return True
    if z.issuer is not None and z.star is not None and z.star.plain.replace(" ", "") in ("*", "***"):
        return True
    return z.issuer is not None and org_kind_of(z.issuer.plain) in _PARTY_BODIES


@rule("TYP-REGIME-MIXED")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    if not _party_marker(z):
        return  # nothing marks a Party document: there is no mixture to report
    fix_title = f"Bỏ các thành phần của văn bản nhà nước; dùng tiêu đề “{PARTY_TITLE}”"
    if z.state_title is not None:
        yield Hit(
            f"Văn bản của Đảng lại dùng Quốc hiệu của văn bản nhà nước {quote(z.state_title)}",
            paragraph=z.state_title,
            zone="header.right",
            expected=PARTY_TITLE,
            actual=z.state_title.plain,
            fix=fix_title,
        )
    if z.motto is not None:
        yield Hit(
            f"Văn bản của Đảng lại dùng Tiêu ngữ của văn bản nhà nước {quote(z.motto)}",
            paragraph=z.motto,
            zone="header.right",
            expected="không có tiêu ngữ",
            actual=z.motto.plain,
            fix=fix_title,
        )
    if z.number is not None:
        num = parse_number(z.number.plain)
        if num.order == "state":
            yield Hit(
                f"Số và ký hiệu viết theo kiểu văn bản nhà nước {quote(z.number)} (số/loại-cơ quan)",
                paragraph=z.number,
                zone="header.left",
                expected=f"Số {num.number.zfill(2)}-{num.type_abbr}/{num.org_abbr}",
                actual=z.number.plain,
                fix="Viết số và ký hiệu theo kiểu văn bản của Đảng: “Số <số>-<loại>/<cơ quan>”, "
                "không dấu hai chấm",
            )
    bordered = _issuer_border(z)
    if bordered is not None:
        yield Hit(
            f"Dưới tên cơ quan ban hành {quote(bordered)} có đường kẻ ngang kiểu văn bản nhà nước",
            paragraph=bordered,
            zone="header.left",
            expected="dấu “*” dưới tên cơ quan",
            actual="đường kẻ dưới tên cơ quan",
            fix="Bỏ đường kẻ dưới tên cơ quan ban hành; dùng một dấu “*” căn giữa ở dòng dưới",
        )
