"""ORG-ISSUER-NAME — examples of rules.md §5 over every header layout; the name in the trích yếu."""

from __future__ import annotations

import pytest
from org_kit import FORMATTING, LAYOUTS, SCHOOL_CB, XA, org_profile, party_doc

from rulekit import run_rule

RULE = "ORG-ISSUER-NAME"
PROFILE = org_profile(name="Đảng ủy xã An Hòa")


@pytest.mark.parametrize("formatting", FORMATTING)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_wrong_issuer_an_hoa_moi(layout: str, formatting: str) -> None:
    d = party_doc("Đảng ủy xã An Hoà Mới", author="Ban Chấp hành Đảng bộ xã An Hòa", header_layout=layout,
                  formatting=formatting)
    found = run_rule(RULE, d, profile=PROFILE)
    assert [(f.severity, f.zone, f.actual, f.expected) for f in found] == [
        ("error", "header", "ĐẢNG ỦY XÃ AN HOÀ MỚI", "Đảng ủy xã An Hòa")]


@pytest.mark.parametrize("formatting", FORMATTING)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_right_spelling_variants_are_equal(layout: str, formatting: str) -> None:
    d = party_doc("Đảng uỷ xã An Hoà", author="Ban Chấp hành Đảng bộ xã An Hoà", header_layout=layout,
                  formatting=formatting)
    assert d.zones.issuer is not None and d.zones.issuer.plain == "ĐẢNG UỶ XÃ AN HOÀ"
    assert run_rule(RULE, d, profile=PROFILE) == []


def test_other_name_in_the_summary() -> None:
    d = party_doc(XA, author="Ban Chấp hành Đảng bộ xã An Hòa Mới")
    found = run_rule(RULE, d, profile=PROFILE)
    assert [(f.zone, f.actual) for f in found] == [("title", "Ban Chấp hành Đảng bộ xã An Hòa Mới")]


@pytest.mark.parametrize("summary", [
    "làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, nhiệm kỳ 2025 - 2030",
    "làm việc của Đảng ủy xã An Hoà khoá I, nhiệm kỳ 2025 - 2030",
    "làm việc của Ban Thường vụ Đảng ủy xã An Hòa",  # the wrong author is TYP-QC-ISSUER's, the name is right
    "làm việc khóa I, nhiệm kỳ 2025 - 2030",  # no name to compare
])
def test_summary_naming_the_organisation(summary: str) -> None:
    assert run_rule(RULE, party_doc(XA, summary=summary), profile=PROFILE) == []


def test_abbreviation_is_the_format_rules_finding() -> None:
    profile = org_profile("chi_bo_co_so", SCHOOL_CB, type="truong_hoc")
    d = party_doc("Chi bộ Trường THPT Hòa Bình", "Đảng bộ xã An Hòa", author="Chi bộ Trường THPT Hòa Bình")
    assert run_rule(RULE, d, profile=profile) == []


def test_same_unit_of_another_kind_is_the_kind_rules_finding() -> None:
    d = party_doc("Chi bộ xã An Hòa", author="Chi bộ xã An Hòa")
    assert run_rule(RULE, d, profile=PROFILE) == []


def test_another_school_is_reported_in_header_and_summary() -> None:
    profile = org_profile("chi_bo_co_so", "Chi bộ Trường Mầm non Hoa Sen", type="truong_hoc")
    d = party_doc("Chi bộ Trường Mầm non Hoa Hồng", "Đảng bộ xã An Hòa")
    assert [f.zone for f in run_rule(RULE, d, profile=profile)] == ["header", "title"]


def test_a_name_with_a_dash_is_read_whole() -> None:
    from quyche.model import Document, Location, Paragraph, Run
    from quyche.rules.org._kit import summary_author
    from quyche.zones import find_zones

    lines = ["QUY CHẾ", "làm việc của Chi bộ Tổ Toán - Tin, nhiệm kỳ 2025 - 2030"]
    paras = [Paragraph(t, [Run(t)], Location(i + 1, "line")) for i, t in enumerate(lines)]
    z = find_zones(Document("x.txt", "text", paras))
    assert summary_author(z) == "Chi bộ Tổ Toán - Tin"
