"""TPL-PLACEHOLDER — examples of rules.md §8, drafts, "(nếu có)", the signing space and the exempt lines."""

from __future__ import annotations

import pytest

from factory import L, PartyDoc, _art, _default_body, doc
from rulekit import run_rule

RULE = "TPL-PLACEHOLDER"
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]


def with_article(*lines: str) -> list[L]:
    return _default_body() + _art(7, *lines)


def test_wrong_bracketed_name_in_a_final_document() -> None:
    found = run_rule(RULE, doc(body=with_article("Trách nhiệm của đồng chí [tên] …", "1. Phụ trách chung.")))
    assert [(f.severity, f.part) for f in found] == [("error", "final")]
    assert found[0].actual == "[tên]" and "[tên]" in found[0].message
    assert found[0].zone == "body"


def test_right_filled_in_article() -> None:
    assert run_rule(RULE, doc(body=with_article("Trách nhiệm của Bí thư Đảng ủy", "1. Phụ trách chung."))) == []


def test_clean_document_separator_star_and_signing_space_are_not_placeholders() -> None:
    # "-----" under the trích yếu, "*" under the issuer, empty lines between "BÍ THƯ" and the name.
    assert run_rule(RULE, doc()) == []


@pytest.mark.parametrize("text", [
    "1. Đồng chí ........, Phó Bí thư, phụ trách công tác tổ chức.",
    "1. Đồng chí …, Phó Bí thư, phụ trách công tác tổ chức.",
    "1. Đồng chí . . . ., Phó Bí thư, phụ trách công tác tổ chức.",
    "1. Đồng chí xxx, Phó Bí thư, phụ trách công tác tổ chức.",
    "1. Đồng chí XXXX, Phó Bí thư, phụ trách công tác tổ chức.",
    "1. Lãnh đạo <tên đơn vị> thực hiện nhiệm vụ chính trị.",
    "1. Quy chế làm việc của Đảng bộ khóa..., nhiệm kỳ 2025 - 2030.",
    "1. Phụ trách các thôn: Phú Lộc, Phú Hòa, thôn …",
])
def test_every_kind_of_slot_is_found(text: str) -> None:
    found = run_rule(RULE, doc(body=with_article("Trách nhiệm của Phó Bí thư", text)))
    assert [f.part for f in found] == ["final"]


@pytest.mark.parametrize("text", [
    "1. Lãnh đạo công tác dân vận, thanh niên, phụ nữ, v.v…",
    "1. Lãnh đạo công tác dân vận, thanh niên, phụ nữ v.v...",
    "1. Thực hiện theo Quy định 294-QĐ/TW [1] và hướng dẫn của cấp trên.",
    "1. Xã An Hòa có 12 thôn, 3.500 hộ, 14.200 nhân khẩu.",
    "1. Lãnh đạo phát triển kinh tế, văn hóa, xã hội… trên địa bàn xã.",
    "1. Theo dõi công tác thanh niên, phụ nữ, cựu chiến binh...",
    "1. Giữ tỷ lệ đảng viên xếp loại yếu < 2% và tỷ lệ hoàn thành tốt > 80%.",
])
def test_text_that_only_looks_like_a_slot(text: str) -> None:
    assert run_rule(RULE, doc(body=with_article("Trách nhiệm của Phó Bí thư", text))) == []


def test_one_finding_per_paragraph_quoting_the_first_slot() -> None:
    text = "1. Đồng chí [họ tên], [chức vụ], phụ trách <lĩnh vực> từ ngày …"
    found = run_rule(RULE, doc(body=with_article("Trách nhiệm của Phó Bí thư", text)))
    assert len(found) == 1 and found[0].actual == "[họ tên]"


def test_neu_co_note_is_flagged_info() -> None:
    found = run_rule(RULE, doc(body=with_article("Trách nhiệm của Thường trực Đảng ủy (nếu có)", "1. Chủ trì.")))
    assert [(f.severity, f.part, f.needs_confirmation) for f in found] == [("info", "neu_co", True)]
    assert found[0].message.startswith("[Cần xác nhận]")


def test_a_slot_outranks_a_neu_co_note_in_the_same_paragraph() -> None:
    found = run_rule(RULE, doc(body=with_article("Trách nhiệm của Thường trực (nếu có) [tên]", "1. Chủ trì.")))
    assert [f.part for f in found] == ["final"]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("date", ["An Hòa, ngày … tháng … năm 2025", "An Hòa, ngày    tháng    năm 2025"])
def test_blank_date_in_the_header(layout: str, date: str) -> None:
    right = [L("ĐẢNG CỘNG SẢN VIỆT NAM", b=True, size=15, border_bottom="single"), L(date, i=True)]
    found = run_rule(RULE, doc(right=right, header_layout=layout))
    assert [(f.severity, f.zone) for f in found] == [("error", "header")]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_blank_number_is_left_to_tpl_draft_mark(layout: str) -> None:
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"), L("Số ......-QC/ĐU")]
    assert run_rule(RULE, doc(left=left, header_layout=layout)) == []


def test_unfilled_khoa_in_the_summary() -> None:
    summary = [L("làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa ..., nhiệm kỳ 2025 - 2030", b=True)]
    found = run_rule(RULE, doc(summary=summary))
    assert [(f.part, f.zone) for f in found] == [("final", "title")]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_signing_space_of_dots_is_exempt_but_a_blank_name_is_not(layout: str) -> None:
    dotted = [L("T/M ĐẢNG ỦY", b=True), L("BÍ THƯ", b=True), L("……………"), L("Nguyễn Văn An", b=True)]
    assert run_rule(RULE, doc(signature=dotted, closing_layout=layout)) == []
    blank_name = [L("T/M ĐẢNG ỦY", b=True), L("BÍ THƯ", b=True), L(""), L("[Họ và tên]", b=True)]
    found = run_rule(RULE, doc(signature=blank_name, closing_layout=layout))
    assert [(f.part, f.zone) for f in found] == [("final", "signature")]


def test_leftover_recipient_item() -> None:
    recipients = [L("Nơi nhận:", u=True, align="left"), L("- Ban Thường vụ Tỉnh ủy Tây Ninh,", size=12),
                  L("- Lưu ….", size=12)]
    found = run_rule(RULE, doc(recipients=recipients))
    assert [(f.part, f.zone) for f in found] == [("final", "recipients")]


@pytest.mark.parametrize("mark", ["Dự thảo", "Dự thảo lần 2", "DỰ THẢO"])
def test_in_a_marked_draft_everything_is_info(mark: str) -> None:
    d = PartyDoc(marks=[L(mark, b=True, align="right")],
                 body=with_article("Trách nhiệm của đồng chí [tên] (nếu có)", "1. Phụ trách chung.")).read()
    found = run_rule(RULE, d)
    assert [(f.severity, f.part) for f in found] == [("info", "draft")]


def test_draft_from_the_context() -> None:
    d = doc(body=with_article("Trách nhiệm của đồng chí [tên]", "1. Phụ trách chung."))
    assert [f.part for f in run_rule(RULE, d, is_draft=True)] == ["draft"]
    assert [f.part for f in run_rule(RULE, d)] == ["final"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_rule_line_of_dots_under_the_party_title(layout: str) -> None:
    right = [L("ĐẢNG CỘNG SẢN VIỆT NAM", b=True, size=15), L("................"),
             L("An Hòa, ngày 15 tháng 10 năm 2025", i=True)]
    assert run_rule(RULE, doc(right=right, header_layout=layout)) == []
