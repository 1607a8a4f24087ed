"""MEET-VOTE-MAJORITY — a resolution passes with more than half of ALL members of the body, not of those
present."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.meetings import meeting_clauses
from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.meet._kit import say


@rule("MEET-VOTE-MAJORITY")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    for v in meeting_clauses(doc.zones).votes:
        if v.base != "present":
            continue
        yield Hit(
            f"Ngưỡng biểu quyết tính trên số thành viên có mặt (“{v.phrase}” … có mặt): {say(v.text)}; nghị quyết, "
            "quyết định chỉ có giá trị khi quá nửa tổng số thành viên tán thành",
            paragraph=v.paragraph, zone="body", expected="quá nửa tổng số thành viên", actual="… số có mặt",
            fix="Sửa thành “… khi có quá nửa tổng số thành viên (ủy viên / đảng viên chính thức) tán thành”",
        )
