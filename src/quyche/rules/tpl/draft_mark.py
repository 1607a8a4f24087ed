"""TPL-DRAFT-MARK — a "Dự thảo" carries no number and no signer's name; an unfinished text is marked "Dự thảo".

A document marked "Dự thảo" / "Dự thảo lần n" at the top of page 1 must not carry a final number (digits in
"Số …") or the signer's printed name. A document not so marked must not leave the number or the date blank or
keep placeholders of the model (those are reported one by one by TPL-PLACEHOLDER; this rule reports the
missing mark once).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import draft_mark, quote, signature_lines
from quyche.rules.tpl._kit import placeholders, same_piece
from quyche.zones import parse_date


def _printed_name(p: Paragraph | None) -> bool:
    """A real name: letters, not dots or a bracketed note."""
    return p is not None and sum(ch.isalpha() for ch in p.plain) >= 3 and not p.plain.startswith(("(", "["))


@rule("TPL-DRAFT-MARK")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    mark = draft_mark(z)
    number_blank = z.number is not None and not re.search(r"\d", z.number_text or "")
    if mark is not None:
        if z.number is not None and not number_blank:
            yield Hit(
                f"Văn bản ghi {quote(mark)} nhưng đã có số chính thức {quote(z.number)}",
                paragraph=z.number, zone="header.left", expected="số để trống (Số    -…)", actual=z.number.plain,
                fix="Dự thảo để trống số; chỉ điền số khi văn bản được ký ban hành (hoặc bỏ chữ “Dự thảo”)",
            )
        name = signature_lines(z.signature)[2]
        if name is not None and _printed_name(name):
            yield Hit(
                f"Văn bản ghi {quote(mark)} nhưng đã in họ tên người ký {quote(name)}",
                paragraph=name, zone="signature", expected="không in họ tên người ký", actual=name.plain,
                fix="Dự thảo không in họ tên người ký; ghi họ tên khi văn bản được ký ban hành",
            )
        return
    reasons: list[tuple[str, Paragraph]] = []
    if number_blank and z.number is not None:
        reasons.append((f"số còn để trống {quote(z.number)}", z.number))
    if z.date_line is not None and parse_date(z.date_line.plain)[1] == "blank":
        reasons.append((f"ngày tháng còn để trống {quote(z.date_line)}", z.date_line))
    slots = [ph for ph in placeholders(z) if ph.kind == "slot" and not same_piece(ph.paragraph, z.date_line)]
    if slots:
        more = f" và {len(slots) - 1} chỗ khác" if len(slots) > 1 else ""
        reasons.append((f"còn chỗ trống của mẫu “{slots[0].text}”{more}", slots[0].paragraph))
    if not reasons:
        return
    yield Hit(
        "Văn bản chưa hoàn chỉnh (" + "; ".join(r for r, _ in reasons) + ") nhưng không ghi “Dự thảo” ở đầu trang 1",
        paragraph=reasons[0][1], zone="marks", expected="Dự thảo", actual=None,
        fix="Nếu còn là dự thảo: ghi “Dự thảo” ở đầu trang 1; nếu đã ban hành: điền đủ số, ngày và các chỗ trống",
    )
