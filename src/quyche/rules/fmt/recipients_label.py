"""FMT-RECIPIENTS-LABEL — "Nơi nhận:" bottom left, in thường, 14 pt, đứng, underlined (not bold italic)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import FORMATTING, Context, Hit, rule
from quyche.rules.common import half_pt, pt, quote, size_in

_LABEL = re.compile(r"^\s*n[ơo]i\s+nh[ậâa]n", re.IGNORECASE)
_COLON = re.compile(r"^\s*n[ơo]i\s+nh\S*?\s*:", re.IGNORECASE)
SIZE = 14.0


@rule("FMT-RECIPIENTS-LABEL", needs=[FORMATTING])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    p = next((q for q in z.recipients if _LABEL.match(q.plain)), None)
    if p is None:
        return  # no "Nơi nhận": STR-ZONES-PRESENT reports it
    if z.side_of(p) == "right":
        yield Hit(
            f"{quote(p)} đặt ở bên phải; “Nơi nhận” ở bên trái, ngang với khối chữ ký",
            paragraph=p, zone="recipients", expected="bên trái", actual="bên phải",
            fix="Đặt “Nơi nhận” ở cột trái của bảng không viền cuối văn bản",
        )
    m = _LABEL.match(p.text)
    label_len = m.end() if m else len(p.text)
    words = p.plain.split()
    faults: list[str] = []
    actual: list[str] = []
    if len(words) >= 2 and (words[1].rstrip(":").isupper() or p.attr("caps") is True):
        faults.append("viết in hoa")
        actual.append("in hoa")
    if not _COLON.match(p.plain):
        faults.append("thiếu dấu hai chấm")
        actual.append("không có “:”")
    if p.prefix_attr(label_len, "underline") is False:
        faults.append("chưa gạch chân")
        actual.append("không gạch chân")
    bold = p.prefix_attr(label_len, "bold") is True
    italic = p.prefix_attr(label_len, "italic") is True
    if bold and italic:
        faults.append("in đậm nghiêng (kiểu văn bản nhà nước)")
        actual.append("đậm nghiêng")
    elif bold:
        faults.append("in đậm")
        actual.append("đậm")
    elif italic:
        faults.append("in nghiêng")
        actual.append("nghiêng")
    wrong = _label_sizes(p, label_len)
    if wrong:
        sizes = ", ".join(pt(s) for s in wrong)
        faults.append(f"cỡ chữ {sizes}")
        actual.append(sizes)
    if faults:
        yield Hit(
            f"Dòng {quote(p)} {', '.join(faults)}; văn bản của Đảng trình bày “Nơi nhận:” chữ thường, đứng, "
            "gạch chân, 14 pt",
            paragraph=p, zone="recipients", expected="Nơi nhận: (gạch chân, đứng, 14 pt)",
            actual=", ".join(actual),
            fix="Trình bày “Nơi nhận:” chữ thường, đứng, không đậm, gạch chân, cỡ 14 pt",
        )


def _label_sizes(p: Paragraph, label_len: int) -> list[float]:
    """Wrong sizes of the runs carrying the label itself (items may follow it in the same paragraph)."""
    out: set[float] = set()
    seen = 0
    for r in p.runs:
        if seen >= label_len:
            break
        if r.text.strip() and r.fmt.size is not None and not size_in(r.fmt.size, SIZE, SIZE):
            out.add(half_pt(r.fmt.size))
        seen += len(r.text)
    return sorted(out)
