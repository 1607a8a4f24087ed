"""MEET-CB-DURATION — a chi bộ meeting lasts ≥ 90 minutes, ≥ 120 when the monthly and thematic meetings are
held together (HD 42-HD/BTCTW, documents dated on or after 2025-10-28)."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.meetings import meeting_clauses
from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.meet._kit import HD42_DATE, anchor, org_kind, reference_date, say

_OTHER_BODIES = {"chi_uy", "btv", "bch", "thuong_truc", "to_dang", "ubkt", "superior", "dang_bo"}


def _minutes(value: float) -> str:
    return f"{value:g} phút".replace(".", ",")


@rule("MEET-CB-DURATION")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    if org_kind(doc, ctx) != "chi_bo":
        return
    mc = meeting_clauses(doc.zones)
    current = reference_date(ctx) >= HD42_DATE
    # Minimum lengths of chi bộ meetings (a sentence only about the chi ủy or a tổ đảng is not judged).
    durations = [d for d in mc.durations if d.minimum and not (d.bodies and set(d.bodies) <= _OTHER_BODIES)]
    for d in durations:
        need = 120.0 if d.combined else 90.0
        if d.minutes >= need:
            continue
        what = "buổi sinh hoạt kết hợp thường kỳ và chuyên đề" if d.combined else "mỗi buổi sinh hoạt chi bộ"
        if current:
            yield Hit(
                f"Thời lượng {what} ghi “{d.phrase}” ({_minutes(d.minutes)}), dưới mức tối thiểu "
                f"{_minutes(need)} của Hướng dẫn 42-HD/BTCTW: {say(d.text)}",
                paragraph=d.paragraph, zone="body", part="below_min", expected=f"≥ {_minutes(need)}",
                actual=_minutes(d.minutes),
            )
        else:
            yield Hit(
                f"Thời lượng {what} ghi “{d.phrase}” ({_minutes(d.minutes)}); từ ngày 28/10/2025 Hướng dẫn "
                f"42-HD/BTCTW yêu cầu tối thiểu {_minutes(need)} — cập nhật khi sửa đổi quy chế",
                paragraph=d.paragraph, zone="body", part="before_42hd", expected=f"≥ {_minutes(need)}",
                actual=_minutes(d.minutes),
            )
    if durations or not mc.articles:
        return  # no meeting clause at all: CNT-MEETING-REGIME reports it
    if current:
        yield Hit(
            "Điều về chế độ sinh hoạt không nêu thời lượng buổi sinh hoạt chi bộ (tối thiểu 90 phút; 120 phút khi "
            "kết hợp sinh hoạt thường kỳ và chuyên đề)",
            paragraph=anchor(mc, doc), zone="body", part="not_stated", expected="≥ 90 phút / ≥ 120 phút",
            actual=None,
        )
    else:
        yield Hit(
            "Quy chế ban hành trước Hướng dẫn 42-HD/BTCTW (28/10/2025) chưa nêu thời lượng sinh hoạt chi bộ — "
            "bổ sung khi sửa đổi quy chế",
            paragraph=anchor(mc, doc), zone="body", part="before_42hd", expected="≥ 90 phút / ≥ 120 phút",
            actual=None,
        )
