"""FMT-HEADER-ORG-POS — examples of rules.md §2: superior, issuer, "*", "Số" top left."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "FMT-HEADER-ORG-POS"
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]
SUP, ISS, STAR, NUM = L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"), L("Số 01-QC/ĐU")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_issuer_above_superior(layout: str) -> None:
    found = run_rule(RULE, doc(left=[ISS, SUP, STAR, NUM], header_layout=layout))
    assert [f.severity for f in found] == ["error"] and "bị đảo" in found[0].message


@pytest.mark.parametrize("layout", LAYOUTS)
def test_right_order(layout: str) -> None:
    assert run_rule(RULE, doc(header_layout=layout)) == []


def test_chi_bo_right_order() -> None:
    left = [L("ĐẢNG BỘ XÃ AN HÒA"), L("CHI BỘ THÔN ĐÔNG", b=True), STAR, L("Số 01-QC/CB")]
    assert run_rule(RULE, doc(left=left)) == []


def test_missing_superior_line() -> None:
    found = run_rule(RULE, doc(left=[ISS, STAR, NUM]))
    assert len(found) == 1 and "cấp trên" in found[0].message


def test_only_a_superior_line() -> None:
    found = run_rule(RULE, doc(left=[SUP, NUM]))
    assert len(found) == 1 and "thiếu tên cơ quan ban hành" in found[0].message


def test_no_organisation_line_at_all() -> None:
    found = run_rule(RULE, doc(left=[STAR, NUM]))
    assert len(found) == 1 and found[0].actual is None


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox"])
def test_organisation_lines_in_the_right_column(layout: str) -> None:
    right = [L("ĐẢNG CỘNG SẢN VIỆT NAM", b=True, size=15, border_bottom="single"), SUP, ISS]
    left = [L("An Hòa, ngày 15 tháng 10 năm 2025", i=True), STAR, NUM]
    found = run_rule(RULE, doc(left=left, right=right, header_layout=layout))
    assert any("bên phải" in f.message for f in found)


def test_number_above_the_issuer() -> None:
    found = run_rule(RULE, doc(left=[SUP, NUM, ISS, STAR]))
    assert [f.severity for f in found] == ["error"] and found[0].text == "Số 01-QC/ĐU"
