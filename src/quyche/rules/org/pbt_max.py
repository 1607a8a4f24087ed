"""ORG-PBT-MAX — at most 1 phó bí thư in a chi bộ; 2 in a đảng ủy xã/phường/đặc khu (term 2025–2030).

Read from the profile (derived ``deputy_count``) and from the text: a stated count ("Chi bộ có 02 Phó Bí
thư", "hai đồng chí Phó Bí thư"), else more distinct people named "Đồng chí …, Phó Bí thư", else the
plural "các (đồng chí) Phó Bí thư" where only one is allowed. Part ``chi_bo`` (error) for a chi bộ,
``dang_uy_xa`` (warning: the figure is for the 2025–2030 term) for a commune-level đảng ủy. Other đảng ủy
cơ sở have no central figure (rules.md §10.4): no finding. Without a profile the kind comes from the
document (issuer line, "T/M …", number symbol).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import issuer_kind, quote
from quyche.rules.org._kit import count_re, sre, stated_counts
from quyche.skeleton import soft
from quyche.text import fold
from quyche.zones import Zones

# "Phó Bí thư Tỉnh ủy …", "Phó Bí thư Chi đoàn": another organisation's deputies.
_FOREIGN = (r"(?!\s+(?:tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|trung ương|đảng ủy\s+(?:xã|phường|đặc khu|"
            r"tỉnh|khối|cấp trên)|đảng bộ\s+(?:xã|phường|tỉnh)|chi đoàn|đoàn|cấp trên))")
_STATED = count_re(r"{N}\s*(?:đồng chí\s+)?phó bí thư\b" + _FOREIGN)
_PLURAL = sre(r"\bcác\s+(?:đồng chí\s+)?phó bí thư\b" + _FOREIGN)
_NAMED = sre(r"\bđồng chí\s+(?P<name>[^,;:()]{3,60}?)\s*[,–-]\s*(?:là\s+)?phó bí thư\b" + _FOREIGN)
_XA_ISSUER = re.compile(r"^dang uy (xa|phuong|dac khu)\b")
_NEED = "pho bi thu"  # folded words every match of _STATED, _PLURAL and _NAMED holds


def _limit(z: Zones, ctx: Context) -> tuple[int, str] | None:
    """(allowed deputies, part) for the organisation, or None when no figure applies."""
    p = ctx.profile
    if p is not None:
        if p.is_chi_bo:
            return 1, "chi_bo"
        if p.is_dang_uy_xa and p.term.start == 2025:
            return 2, "dang_uy_xa"
        return None
    kind = issuer_kind(z)
    if kind == "chi_bo":
        return 1, "chi_bo"
    if z.issuer is not None and _XA_ISSUER.match(fold(z.issuer.plain)) and (z.term or "").startswith("2025"):
        return 2, "dang_uy_xa"
    return None


def _named(paragraphs: list[Paragraph]) -> list[tuple[str, Paragraph]]:
    """Distinct people the text names as Phó Bí thư ("Đồng chí Vũ Văn Tuấn, Phó Bí thư, …")."""
    out: dict[str, tuple[str, Paragraph]] = {}
    for para in paragraphs:
        if "dong chi" not in para.key:  # _NAMED begins "đồng chí"
            continue
        orig = para.plain
        s = soft(orig)
        if len(s) != len(orig):
            continue
        for m in _NAMED.finditer(s):
            name = orig[m.start("name"): m.end("name")].strip()
            words = name.split()
            if 2 <= len(words) <= 6 and all(w[0].isupper() for w in words):
                out.setdefault(fold(name), (name, para))
    return list(out.values())


@rule("ORG-PBT-MAX")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    limit = _limit(z, ctx)
    if limit is None:
        return
    most, part = limit
    who = "chi bộ" if part == "chi_bo" else "đảng ủy xã, phường, đặc khu (nhiệm kỳ 2025–2030)"
    allowed = "tối đa 01 phó bí thư" if part == "chi_bo" else "02 phó bí thư"
    expected = "≤ 1 phó bí thư" if part == "chi_bo" else "2 phó bí thư (1 thường trực, 1 chủ tịch UBND)"
    p = ctx.profile
    if p is not None and p.deputy_count > most:
        names = ", ".join(m.name for m in p.deputies)
        yield Hit(
            f"Hồ sơ tổ chức ghi {p.deputy_count:02d} phó bí thư ({names}); {who} có {allowed}",
            zone="profile", part=part, expected=expected, actual=f"{p.deputy_count} phó bí thư",
            fix="Sửa danh sách cấp ủy trong hồ sơ (vai trò pho_bi_thu / pho_bi_thu_thuong_truc) cho đúng kết "
            "quả bầu cử",
        )
    # Only the paragraphs naming a Phó Bí thư can state a count, name one or use the plural.
    paragraphs = [para for para in [*z.body, *z.preamble] if _NEED in para.key]
    stated = [c for c in stated_counts(paragraphs, _STATED) if c.value > most]
    for c in stated:
        yield Hit(
            f"Quy chế ghi “{c.text}” ({quote(c.paragraph, 60)}); {who} có {allowed}",
            paragraph=c.paragraph, part=part, expected=expected, actual=f"{c.value} phó bí thư",
            fix="Sửa số phó bí thư trong quy chế theo đúng kết quả bầu cử và quy định"
            + (" (chi bộ chỉ có một phó bí thư)" if part == "chi_bo" else ""),
        )
    if stated:
        return
    named = _named(paragraphs)
    if len(named) > most:
        last = named[most][1]
        yield Hit(
            f"Quy chế phân công {len(named)} đồng chí làm Phó Bí thư ({', '.join(n for n, _ in named)}); "
            f"{who} có {allowed}",
            paragraph=last, part=part, expected=expected, actual=f"{len(named)} phó bí thư",
            fix="Sửa chức vụ ghi cạnh tên từng đồng chí cho đúng hồ sơ cấp ủy (chỉ một người là Phó Bí thư)"
            if part == "chi_bo" else "Sửa chức vụ ghi cạnh tên từng đồng chí cho đúng hồ sơ cấp ủy",
        )
        return
    if most >= 2:
        return
    for para in paragraphs:
        m = _PLURAL.search(soft(para.plain))
        if m:
            yield Hit(
                f"Quy chế nói “{para.plain[m.start(): m.end()]}” (nhiều phó bí thư) trong {quote(para, 60)}; "
                f"{who} có {allowed}",
                paragraph=para, part=part, expected=expected, actual="nhiều phó bí thư",
                fix="Viết “Phó Bí thư” (số ít) và chỉ quy định cho một phó bí thư",
            )
            return
