"""FMT-NUMBER-TYPE-MATCH — examples of rules.md §2: type title and type abbreviation agree (§10.1)."""

from __future__ import annotations

from factory import L, doc
from rulekit import run_rule

RULE = "FMT-NUMBER-TYPE-MATCH"


def _run(number: str, title: str = "QUY CHẾ") -> list:
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"), L(number)]
    return run_rule(RULE, doc(left=left, title=[L(title, b=True, size=16)]))


def test_quy_che_numbered_nq() -> None:
    found = _run("Số 02-NQ/ĐU")
    assert [f.severity for f in found] == ["warning"] and (found[0].expected, found[0].actual) == ("QC", "NQ")


def test_quy_che_numbered_qc() -> None:
    assert _run("Số 02-QC/ĐU") == []


def test_quy_che_numbered_qd() -> None:
    assert len(_run("Số 01-QĐ/ĐU")) == 1


def test_quy_dinh_accepts_both_abbreviations() -> None:
    assert _run("Số 03-QĐ/ĐU", "QUY ĐỊNH") == []
    assert _run("Số 03-QĐi/ĐU", "QUY ĐỊNH") == []


def test_state_order_still_compares_the_type() -> None:
    assert len(_run("Số: 01/NQ-ĐU")) == 1
