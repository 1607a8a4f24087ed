"""ORG-SIGNER-ROLE — the signer is the profile's bí thư or a phó bí thư, and the title line fits that role.

The signer's name (last line of the signature block, academic titles such as "TS." dropped) is compared
folded with the profile's ``secretary`` and ``deputies``. "BÍ THƯ" is only for the ``bi_thu`` entry;
a phó bí thư signs "PHÓ BÍ THƯ" (with "THƯỜNG TRỰC" or not). Skipped when the profile lists no
committee, or the block has no name (drafts). Warning only: profiles can lag behind elections.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document
from quyche.profile import Member
from quyche.rules.base import PROFILE, Context, Hit, rule
from quyche.rules.common import quote, signature_lines
from quyche.text import fold, squash

_ACADEMIC = re.compile(r"^(?:(?:gs|pgs|ts|tskh|ths|th\.s|bs|ks|cn|ls)\s*\.\s*)+", re.IGNORECASE)
_ROLE_VI = {"bi_thu": "Bí thư", "pho_bi_thu": "Phó Bí thư", "pho_bi_thu_thuong_truc": "Phó Bí thư Thường trực",
            "uy_vien_btv": "Ủy viên Ban Thường vụ", "uy_vien": "ủy viên"}


def _title_role(text: str) -> str | None:
    """"BÍ THƯ" → "bi_thu", "PHÓ BÍ THƯ (THƯỜNG TRỰC)" → "pho_bi_thu"; None for anything else."""
    key = fold(text).strip(" .:")
    if re.match(r"^pho bi thu\b", key):
        return "pho_bi_thu"
    if re.match(r"^bi thu\b", key):
        return "bi_thu"
    return None


def _member(name: str, committee: tuple[Member, ...]) -> Member | None:
    key = fold(name)
    return next((m for m in committee if fold(m.name) == key), None)


@rule("ORG-SIGNER-ROLE", needs=[PROFILE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    p = ctx.profile
    if p is None or not p.committee:
        return
    _, title, name_line = signature_lines(doc.zones.signature)
    if name_line is None:
        return
    name = _ACADEMIC.sub("", squash(name_line.plain)).strip()
    if not name or not any(ch.isalpha() for ch in name) or _title_role(name):
        return
    signers = [m for m in (p.secretary, *p.deputies) if m is not None]
    who = ", ".join(f"{m.name} ({_ROLE_VI[m.role]})" for m in signers) or "chưa khai bí thư, phó bí thư"
    member = _member(name, p.committee)
    if member is None or member.role not in ("bi_thu", "pho_bi_thu", "pho_bi_thu_thuong_truc"):
        status = "không có trong danh sách cấp ủy của hồ sơ" if member is None else (
            f"là {_ROLE_VI[member.role]} trong hồ sơ")
        yield Hit(
            f"Người ký {quote(name_line)} {status}; văn bản của tập thể do bí thư hoặc phó bí thư ký "
            f"({who})",
            paragraph=name_line, zone="signature", expected=" / ".join(m.name for m in signers) or None,
            actual=name,
            fix="Ghi đúng họ tên bí thư hoặc phó bí thư ký văn bản; nếu cấp ủy đã thay đổi, cập nhật hồ sơ tổ chức",
        )
        return
    if title is None:
        return
    written = _title_role(title.plain)
    should = "bi_thu" if member.role == "bi_thu" else "pho_bi_thu"
    if written is not None and written != should:
        right = "BÍ THƯ" if should == "bi_thu" else "PHÓ BÍ THƯ"
        yield Hit(
            f"Đồng chí {member.name} là {_ROLE_VI[member.role]} trong hồ sơ tổ chức, nhưng dòng chức vụ ghi "
            f"{quote(title)}",
            paragraph=title, zone="signature", expected=right, actual=title.plain.strip(),
            fix=f"Ghi dòng chức vụ “{right}” trên họ tên người ký"
            + ("" if should == "bi_thu" else " (chỉ bí thư mới ghi “BÍ THƯ”)"),
        )
