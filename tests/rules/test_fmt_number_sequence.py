"""FMT-NUMBER-SEQUENCE — examples of rules.md §2, against a register of issued numbers."""

from __future__ import annotations

from datetime import date

from factory import L, doc
from quyche.engine import Checker, Selection
from quyche.rules.base import Context
from rulekit import run_rule

RULE = "FMT-NUMBER-SEQUENCE"


class Register:
    """The smallest register: {(org, type, term): [numbers]}."""

    def __init__(self, issued: dict[tuple[str, str, str], list[int]]) -> None:
        self.data = issued
        self.asked: list[tuple[str, str, str]] = []

    def issued(self, org_abbr: str, type_abbr: str, term: str) -> list[int]:
        self.asked.append((org_abbr, type_abbr, term))
        return self.data.get((org_abbr, type_abbr, term), [])


def _doc(number: str) -> object:
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"), L(number)]
    right = [L("ĐẢNG CỘNG SẢN VIỆT NAM", b=True, size=15, border_bottom="single"),
             L("An Hòa, ngày 15 tháng 3 năm 2026", i=True)]
    return doc(left=left, right=right)


REG = {("ĐU", "QC", "2025-2030"): [1]}


def test_quy_che_numbered_01_again_in_the_same_term() -> None:
    reg = Register(REG)
    found = run_rule(RULE, _doc("Số 01-QC/ĐU"), register=reg)
    assert [f.severity for f in found] == ["warning"] and found[0].expected == "02-QC/ĐU"
    assert "đánh số lại" in found[0].message
    assert reg.asked == [("ĐU", "QC", "2025-2030")]  # term from the trích yếu "nhiệm kỳ 2025 - 2030"


def test_next_number_is_right() -> None:
    assert run_rule(RULE, _doc("Số 02-QC/ĐU"), register=Register(REG)) == []


def test_skipped_number() -> None:
    found = run_rule(RULE, _doc("Số 04-QC/ĐU"), register=Register(REG))
    assert len(found) == 1 and "kế tiếp" in found[0].message


def test_first_number_of_a_term_is_01() -> None:
    assert run_rule(RULE, _doc("Số 01-QC/ĐU"), register=Register({})) == []
    assert len(run_rule(RULE, _doc("Số 03-QC/ĐU"), register=Register({}))) == 1


def test_profile_gives_the_term_and_the_body() -> None:
    from types import SimpleNamespace

    profile = SimpleNamespace(org_abbr="ĐU", term=SimpleNamespace(start=2020, end=2025))
    reg = Register({("ĐU", "QC", "2020-2025"): [1, 2]})
    assert run_rule(RULE, _doc("Số 03-QC/ĐU"), register=reg, profile=profile) == []
    assert reg.asked == [("ĐU", "QC", "2020-2025")]


def test_blank_draft_number_is_not_judged() -> None:
    assert run_rule(RULE, _doc("Số    -QC/ĐU"), register=Register(REG), is_draft=True) == []


def test_without_register_the_rule_does_not_apply() -> None:
    checker = Checker(Selection(select=(RULE,)))
    findings, not_applicable = checker.run(_doc("Số 01-QC/ĐU"), Context(as_of=date(2026, 11, 26)))
    assert findings == [] and not_applicable == [RULE]
