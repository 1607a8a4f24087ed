"""FMT-BODY-TEXT — body text (căn cứ, operative sentence, Chương/Điều/khoản) in 14–15 pt."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import FORMATTING, Context, Hit, rule
from quyche.rules.common import half_pt, pt, pt_range, quote, size_in

LOW, HIGH = 14.0, 15.0  # 14, 14.5 and 15 pt are accepted
_ACCEPTED = frozenset((14.0, 14.5, 15.0, None))  # sizes within [LOW, HIGH] as written, or unknown


@rule("FMT-BODY-TEXT", needs=[FORMATTING])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    # Quick look: every run of the preamble and body has an accepted size (or none known) → nothing to report.
    if {r.fmt.size for part in (z.preamble, z.body) for p in part for r in p.runs} <= _ACCEPTED:
        return
    # Running text only: tables inside the body (schedules, lists) commonly use a smaller size.
    paragraphs = [p for p in [*z.preamble, *z.body] if p.plain and p.loc.container != "table"]
    by_size: dict[float, list[Paragraph]] = {}
    for p in paragraphs:
        for size in _wrong_sizes(p):
            by_size.setdefault(size, []).append(p)
    for size, affected in sorted(by_size.items(), key=lambda kv: kv[1][0].loc.paragraph):
        first = affected[0]
        count = len(affected)
        where = "preamble" if any(first is q for q in z.preamble) else "body"
        yield Hit(
            f"Phần nội dung có chữ cỡ {pt(size)} ở {count} đoạn (đầu tiên: {quote(first, 60)}); "
            f"văn bản của Đảng trình bày nội dung cỡ 14–15 pt",
            paragraph=first, zone=where, expected=pt_range(LOW, HIGH), actual=pt(size),
            fix=f"Đặt cỡ chữ phần nội dung 14 pt (thay cho {pt(size)}), kể cả căn cứ, chương, điều, khoản",
        )


def _wrong_sizes(p: Paragraph) -> list[float]:
    """Sizes outside 14–15 pt, ignoring a footnote mark or similar one- or two-character run."""
    runs = [r for r in p.visible_runs() if r.fmt.size is not None]
    wrong = {
        half_pt(r.fmt.size) for r in runs
        if r.fmt.size is not None and not size_in(r.fmt.size, LOW, HIGH)
        and (len(r.text.strip()) > 2 or len(runs) == 1)
    }
    return sorted(wrong)
