"""ORG-KIND-MISMATCH — the document speaks as the kind of organisation the profile has.

Three places say who speaks: the issuer prefix ("ĐẢNG ỦY …" / "CHI BỘ …"), the author in the trích yếu
("làm việc của Ban Chấp hành Đảng bộ …" / "làm việc của Chi bộ …") and the "T/M …" line ("T/M ĐẢNG ỦY",
"T/M BAN THƯỜNG VỤ", "T/M CHI BỘ"). A chi bộ does not speak as a đảng ủy / Ban Chấp hành Đảng bộ, a đảng
ủy not as a chi bộ. One finding per place that disagrees with the profile's ``kind``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import PROFILE, Context, Hit, rule
from quyche.rules.common import AUTHORITY_RE, quote, signature_lines
from quyche.rules.org._kit import KIND_SHORT, KIND_VI, profile_kind, split_kind, summary_author, summary_paragraph
from quyche.text import fold

_AUTH_PREFIX = re.compile(r"^(t/m|t\.m|tm\.?|thay mat)\s+")


def _kind_of(text: str) -> str | None:
    """"chi_bo" / "dang_uy" for a text naming a chi bộ, chi ủy, đảng ủy, đảng bộ, ban chấp hành or ban thường
    vụ; None otherwise."""
    key = fold(text)
    if re.match(r"^(chi bo|chi uy)\b", key):
        return "chi_bo"
    if re.match(r"^(dang uy|dang bo|ban chap hanh|ban thuong vu|thuong truc dang uy)\b", key):
        return "dang_uy"
    return split_kind(text)[0]


def _authority(doc: Document) -> Paragraph | None:
    auth = signature_lines(doc.zones.signature)[0]
    return auth if auth is not None and AUTHORITY_RE.match(auth.plain) else None


@rule("ORG-KIND-MISMATCH", needs=[PROFILE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    p = ctx.profile
    if p is None:
        return
    z = doc.zones
    own = profile_kind(p.kind)
    want = KIND_SHORT[own]
    places: list[tuple[str, str, Paragraph, str]] = []  # (where, zone, paragraph, text)
    if z.issuer is not None:
        places.append(("dòng tên cơ quan ban hành", "header.left", z.issuer, z.issuer.plain.strip()))
    author = summary_author(z)
    para = summary_paragraph(z)
    if author and para is not None:
        places.append(("trích yếu", "title.summary", para, author))
    auth = _authority(doc)
    if auth is not None and re.match(r"^(t/m|t\.m|tm\.?|thay mat)\s", fold(auth.plain)):
        places.append(("dòng thẩm quyền ký", "signature", auth, auth.plain.strip()))
    right_issuer = "CHI BỘ …" if own == "chi_bo" else "ĐẢNG ỦY …"
    right_summary = "làm việc của Chi bộ …" if own == "chi_bo" else "làm việc của Ban Chấp hành Đảng bộ …"
    right_auth = "T/M CHI BỘ" if own == "chi_bo" else "T/M ĐẢNG ỦY"
    for where, zone, paragraph, text in places:
        kind = _kind_of(_AUTH_PREFIX.sub("", fold(text)) if zone == "signature" else text)
        if kind is None or kind == own:
            continue
        expected = {"header.left": right_issuer, "title.summary": right_summary}.get(zone, right_auth)
        yield Hit(
            f"Hồ sơ tổ chức là {want} (kind: {p.kind}), nhưng {where} {quote(paragraph, 70)} thể hiện văn bản của "
            f"{KIND_VI[kind]}",
            paragraph=paragraph, zone=zone, expected=expected, actual=text,
            fix=f"Sửa {where} theo đúng loại tổ chức: “{expected}”"
            + ("; chi bộ không có ban chấp hành đảng bộ" if own == "chi_bo" else ""),
        )
