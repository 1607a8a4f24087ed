"""ORG-BODY-NOT-IN-PROFILE — examples of rules.md §5; thường trực, tổ đảng, ủy ban kiểm tra; unknown fields."""

from __future__ import annotations

from typing import Any

import pytest
from org_kit import FORMATTING, THON_CB, XA, articles, org_profile, party_doc

from quyche.model import Document
from quyche.profile import Profile
from rulekit import run_rule

RULE = "ORG-BODY-NOT-IN-PROFILE"


def chi_bo(**kw: Any) -> Profile:
    return org_profile("chi_bo_truc_thuoc", THON_CB, members=25, **kw)


def chi_bo_doc(*items: tuple[str, list[str]], formatting: str = "direct") -> Document:
    body = articles(*[(f"Điều khoản {i}", ["1. Nội dung chung."]) for i in range(1, 9)], *items)
    return party_doc(THON_CB, "Đảng bộ xã An Hòa", body=body, formatting=formatting)


TO_DANG = ("Nhiệm vụ của tổ đảng", ["1. Tổ đảng sinh hoạt hằng tháng."])


@pytest.mark.parametrize("formatting", FORMATTING)
def test_wrong_to_dang_without_to_dang(formatting: str) -> None:
    found = run_rule(RULE, chi_bo_doc(TO_DANG, formatting=formatting), profile=chi_bo(has_to_dang=False))
    assert [(f.severity, f.zone, f.text) for f in found] == [("warning", "body", "Điều 9. Nhiệm vụ của tổ đảng")]


@pytest.mark.parametrize("formatting", FORMATTING)
def test_right_to_dang_with_to_dang(formatting: str) -> None:
    assert run_rule(RULE, chi_bo_doc(TO_DANG, formatting=formatting), profile=chi_bo(has_to_dang=True)) == []


def test_field_not_given_is_skipped() -> None:
    assert run_rule(RULE, chi_bo_doc(TO_DANG), profile=chi_bo()) == []


def test_thuong_truc_of_a_dang_uy_without_one() -> None:
    body = articles(("Trách nhiệm của Thường trực Đảng ủy", ["1. Giải quyết công việc hằng ngày."]),
                    ("Chế độ họp", ["1. Thường trực Đảng ủy giao ban hằng tuần.",
                                    "2. Phối hợp với Thường trực Hội đồng nhân dân xã."]))
    found = run_rule(RULE, party_doc(XA, body=body), profile=org_profile(has_thuong_truc=False))
    assert [f.text for f in found] == ["Điều 1. Trách nhiệm của Thường trực Đảng ủy",
                                       "1. Thường trực Đảng ủy giao ban hằng tuần."]


def test_ubkt_own_and_superiors() -> None:
    body = articles(("Quan hệ với Ủy ban Kiểm tra Tỉnh ủy", ["1. Báo cáo khi được yêu cầu."]),
                    ("Chế độ họp", ["1. Ủy ban Kiểm tra Đảng ủy họp mỗi tháng một lần."]))
    found = run_rule(RULE, party_doc(XA, body=body), profile=org_profile(has_ubkt=False))
    assert [f.text for f in found] == ["1. Ủy ban Kiểm tra Đảng ủy họp mỗi tháng một lần."]
    assert run_rule(RULE, party_doc(XA, body=body), profile=org_profile(has_ubkt=True)) == []


def test_dang_uy_naming_its_chi_bos_to_dang_is_not_its_own() -> None:
    body = articles(("Quan hệ với các chi bộ, tổ đảng trực thuộc", ["1. Tổ đảng họp theo hướng dẫn."]))
    assert run_rule(RULE, party_doc(XA, body=body), profile=org_profile(has_to_dang=False)) == []
