"""TERM-MATCH-PROFILE — the khóa and nhiệm kỳ of the title equal the profile's term."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import PROFILE, Context, Hit, rule
from quyche.rules.common import quote
from quyche.rules.term._kit import roman_or_int, title_term
from quyche.text import fold


@rule("TERM-MATCH-PROFILE", needs=[PROFILE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    term = ctx.profile.term if ctx.profile is not None else None
    tt = title_term(doc.zones)
    if term is None or tt is None:
        return
    wrong: list[str] = []
    expected: list[str] = []
    actual: list[str] = []
    if term.khoa and tt.khoa is not None:
        want, got = roman_or_int(term.khoa), roman_or_int(tt.khoa)
        same = want == got if want is not None and got is not None else fold(term.khoa) == fold(tt.khoa)
        if not same:
            wrong.append(f"khóa {tt.khoa} (hồ sơ: khóa {term.khoa})")
            expected.append(f"khóa {term.khoa}")
            actual.append(f"khóa {tt.khoa}")
    if tt.start is not None and (tt.start, tt.end) != (term.start, term.end):
        wrong.append(f"nhiệm kỳ {tt.start} - {tt.end} (hồ sơ: {term.start} - {term.end})")
        expected.append(f"nhiệm kỳ {term.start} - {term.end}")
        actual.append(f"nhiệm kỳ {tt.start} - {tt.end}")
    if wrong:
        yield Hit(
            f"Trích yếu ghi {' và '.join(wrong)}, khác hồ sơ tổ chức: {quote(tt.paragraph)}",
            paragraph=tt.paragraph, zone="title.summary", expected=", ".join(expected), actual=", ".join(actual),
            fix=f"Sửa trích yếu cho khớp hồ sơ: “{', '.join(expected)}” (hoặc sửa hồ sơ nếu hồ sơ sai)",
        )
