"""FMT-TITLE-QC-ATTACHED — a QUY CHẾ is standalone (own "-QC/" number) or attached to a decision it names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from quyche.model import Document, Paragraph
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import parse_number, quote
from quyche.text import fold
from quyche.zones import Zones, parse_date

_REF_NUMBER = re.compile(
    r"\bsố\s*:?\s*(\d+\s*[-‐‑‒–—]\s*[A-Za-zĐđ]+\s*/\s*[A-ZĐ][A-Za-zĐđ-]*)", re.IGNORECASE
)


def _norm_number(text: str) -> str:
    return fold(re.sub(r"\s+", "", text))


def _reference(z: Zones) -> Paragraph | None:
    """The line that says the regulation is issued with a decision ("Ban hành kèm theo Quyết định số …")."""
    if z.attached_ref is not None:
        return z.attached_ref
    for p in [*z.title_summary[1:], *z.preamble[:3]]:
        if "kem theo quyet dinh" in p.key:
            return p
    return None


def _fmt_date(d: date) -> str:
    return d.strftime("%d/%m/%Y")


@rule("FMT-TITLE-QC-ATTACHED")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    if z.title_type is None or z.title_type.key.strip(" .:") != "quy che":
        return
    symbol = parse_number(z.number.plain) if z.number is not None else None
    own_type = fold(symbol.type_abbr) if symbol is not None and symbol.type_abbr else None
    ref = _reference(z)
    if ref is None:
        if own_type == "qd" and z.number is not None:
            yield Hit(
                f"Quy chế mang số ký hiệu của quyết định {quote(z.number)} nhưng không có dòng dẫn chiếu "
                "“(Ban hành kèm theo Quyết định số …)”",
                paragraph=z.number, zone="header.left", part="standalone",
                expected="Số …-QC/…", actual=z.number.plain,
                fix="Quy chế ban hành độc lập thì đánh số “Số …-QC/…”; nếu ban hành kèm theo quyết định "
                    "thì bỏ số riêng, thêm dòng nghiêng “(Ban hành kèm theo Quyết định số … ngày …)” "
                    "dưới trích yếu",
            )
        return
    # Pattern (b): attached to a decision.
    if ref.attr("italic") is False:
        yield Hit(
            f"Dòng dẫn chiếu quyết định ban hành {quote(ref)} chưa in nghiêng",
            paragraph=ref, zone="title.summary", part="attached", expected="in nghiêng", actual="đứng",
            fix="Trình bày dòng “(Ban hành kèm theo Quyết định số … ngày …)” in nghiêng, căn giữa, "
                "dưới trích yếu",
        )
    if "quyet dinh" not in ref.key:
        yield Hit(
            f"Dòng dẫn chiếu {quote(ref)} không nêu quyết định ban hành quy chế",
            paragraph=ref, zone="title.summary", part="attached",
            expected="(Ban hành kèm theo Quyết định số … ngày …)", actual=ref.plain,
        )
    if own_type == "qc" and z.number is not None:
        yield Hit(
            f"Quy chế ban hành kèm theo quyết định nhưng vẫn có số ký hiệu riêng {quote(z.number)}",
            paragraph=z.number, zone="header.left", part="attached",
            expected="không có số riêng (dùng số của quyết định)", actual=z.number.plain,
            fix="Bỏ số ký hiệu riêng của quy chế, hoặc bỏ dòng dẫn chiếu nếu quy chế ban hành độc lập",
        )
    m = _REF_NUMBER.search(ref.plain)
    if (m and own_type == "qd" and z.number is not None and z.number_text is not None
            and _norm_number(m.group(1)) != _norm_number(z.number_text)):
            yield Hit(
                f"Số quyết định trong dòng dẫn chiếu “{m.group(1)}” khác số của quyết định {quote(z.number)}",
                paragraph=ref, zone="title.summary", part="attached",
                expected=z.number_text, actual=m.group(1),
                fix="Ghi đúng số, ký hiệu của quyết định ban hành quy chế",
            )
    ref_date, _how = parse_date(ref.plain)
    if ref_date is not None and z.doc_date is not None and ref_date != z.doc_date:
        yield Hit(
            f"Ngày quyết định trong dòng dẫn chiếu ({_fmt_date(ref_date)}) khác ngày ban hành "
            f"{quote(z.date_line)}",
            paragraph=ref, zone="title.summary", part="attached",
            expected=_fmt_date(z.doc_date), actual=_fmt_date(ref_date),
            fix="Ghi đúng ngày ban hành của quyết định ban hành quy chế",
        )
