"""ORG-ISSUER-NAME — the issuer line and the name in the trích yếu equal the profile's ``name``.

Compared folded (case, diacritics, "ỦY"/"UỶ", "hoà"/"hòa"), with abbreviations spelt out (an abbreviated
issuer is FMT-HEADER-ORG-ISSUER's finding) and "Đảng bộ X" / "Ban Chấp hành Đảng bộ X" taken as the same
organisation as "Đảng ủy X" (the trích yếu of a đảng ủy names its Ban Chấp hành Đảng bộ). A name that
differs only in kind ("Chi bộ X" for "Đảng ủy X") is ORG-KIND-MISMATCH's finding, not this rule's.
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import PROFILE, Context, Hit, rule
from quyche.rules.common import quote
from quyche.rules.org._kit import name_key, profile_kind, split_kind, summary_author, summary_paragraph


def _differs(written: str, name: str, kind: str) -> bool:
    """The written name is another organisation than ``name`` (same kind or no kind word)."""
    if name_key(written) == name_key(name):
        return False
    w_kind, w_rest = split_kind(written)
    n_kind, n_rest = split_kind(name)
    # Same unit under another kind ("Chi bộ X" for "Đảng ủy X") is ORG-KIND-MISMATCH's finding.
    return not (w_kind is not None and w_kind != (n_kind or profile_kind(kind)) and w_rest == n_rest)


def _hit(where: str, para: Paragraph, written: str, name: str, zone: str) -> Hit:
    return Hit(
        f"Tên tổ chức ở {where} “{written}” khác tên trong hồ sơ tổ chức “{name}” ({quote(para, 60)})",
        paragraph=para, zone=zone, expected=name, actual=written,
        fix=f"Ghi đúng tên theo quyết định thành lập: “{name}” (hoặc cập nhật hồ sơ tổ chức nếu tên đã đổi)",
    )


@rule("ORG-ISSUER-NAME", needs=[PROFILE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    p = ctx.profile
    if p is None:
        return
    z = doc.zones
    if z.issuer is not None and z.issuer.plain.strip() and _differs(z.issuer.plain, p.name, p.kind):
        yield _hit("dòng tên cơ quan ban hành", z.issuer, z.issuer.plain.strip(), p.name, "header.left")
    author = summary_author(z)
    para = summary_paragraph(z)
    if author and para is not None and split_kind(author)[0] is not None and _differs(author, p.name, p.kind):
        yield _hit("trích yếu", para, author, p.name, "title.summary")
