"""TERM-AS-OF-DATE — examples of rules.md §7: the title's nhiệm kỳ covers the check date (ctx.as_of)."""

from __future__ import annotations

from datetime import date

from factory import L, doc
from rulekit import run_rule

RULE = "TERM-AS-OF-DATE"


def with_term(term: str) -> object:
    return doc(summary=[L(f"làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, nhiệm kỳ {term}", b=True)])


def test_wrong_ended_term() -> None:
    found = run_rule(RULE, with_term("2020 - 2025"), as_of=date(2026, 11, 26))
    assert [(f.severity, f.needs_confirmation, f.zone) for f in found] == [("info", True, "title")]
    assert "26/11/2026" in found[0].message


def test_right_current_term() -> None:
    assert run_rule(RULE, with_term("2025 - 2030"), as_of=date(2026, 11, 26)) == []


def test_the_check_date_decides_not_today() -> None:
    assert run_rule(RULE, with_term("2020 - 2025"), as_of=date(2024, 6, 1)) == []
    assert run_rule(RULE, with_term("2020 - 2025"), as_of=date(2025, 12, 31)) == []  # the congress year
    assert len(run_rule(RULE, with_term("2025 - 2030"), as_of=date(2031, 1, 2))) == 1
    assert len(run_rule(RULE, with_term("2030 - 2035"), as_of=date(2026, 1, 2))) == 1


def test_no_term_in_the_title() -> None:
    d = doc(summary=[L("làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I", b=True)])
    assert run_rule(RULE, d, as_of=date(2040, 1, 1)) == []
