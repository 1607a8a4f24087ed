"""TPL-FOREIGN-ORG-NAME — examples of rules.md §8; own name ≡ đảng bộ ≡ BCH; superior, subordinates, generic
phrases and căn cứ lines; spellings and abbreviations."""

from __future__ import annotations

import pytest

from factory import L, _art, _default_body, _default_cancu, doc
from qclv import chibo_body, chibo_doc, chibo_profile, xa_profile
from rulekit import run_rule

RULE = "TPL-FOREIGN-ORG-NAME"


def with_article(*clauses: str) -> list[L]:
    return _default_body() + _art(7, "Quan hệ công tác", *clauses)


def test_wrong_another_commune_named_in_the_body() -> None:
    d = doc(body=with_article("1. Ban Chấp hành Đảng bộ xã Phước Vinh quyết định những vấn đề về cán bộ."))
    found = run_rule(RULE, d, profile=xa_profile())
    assert [f.severity for f in found] == ["warning"]
    assert found[0].actual == "Ban Chấp hành Đảng bộ xã Phước Vinh"
    assert found[0].expected == "Đảng ủy xã An Hòa" and found[0].zone == "body"


def test_right_own_name() -> None:
    d = doc(body=with_article("1. Ban Chấp hành Đảng bộ xã An Hòa quyết định những vấn đề về cán bộ."))
    assert run_rule(RULE, d, profile=xa_profile()) == []


def test_clean_regulation_with_superior_and_own_names() -> None:
    assert run_rule(RULE, doc(), profile=xa_profile()) == []
    assert run_rule(RULE, chibo_doc(), profile=chibo_profile()) == []


@pytest.mark.parametrize("text", [
    "1. Đảng ủy xã An Hòa lãnh đạo toàn diện.",  # own, as đảng ủy
    "1. Đảng bộ xã An Hòa có 420 đảng viên.",  # own, as đảng bộ
    "1. Đảng uỷ xã An Hoà lãnh đạo toàn diện.",  # old tone placement
    "1. ĐẢNG ỦY XÃ AN HÒA LÃNH ĐẠO TOÀN DIỆN.",  # in hoa
    "1. Chịu sự lãnh đạo của Ban Chấp hành Đảng bộ tỉnh Tây Ninh.",  # superior
    "1. Chịu sự lãnh đạo của Đảng ủy tỉnh Tây Ninh.",  # superior committee
    "1. Lãnh đạo Chi bộ thôn Phú Lộc và Chi bộ thôn Phú Hòa.",  # listed subordinates
    "1. Lãnh đạo các chi bộ trực thuộc; chi bộ, đảng bộ trực thuộc báo cáo đảng ủy cấp trên.",  # generic
    "1. Mỗi đảng ủy viên sinh hoạt ở chi bộ nơi cư trú; Chi bộ họp mỗi tháng một lần.",  # generic
    "1. Đảng ủy xã họp thường lệ ba tháng một lần.",  # level word without a name
])
def test_names_that_are_not_foreign(text: str) -> None:
    assert run_rule(RULE, doc(body=with_article(text)), profile=xa_profile()) == []


def test_unlisted_subordinate_and_the_name_stops_at_function_words() -> None:
    d = doc(body=with_article("1. Lãnh đạo Chi bộ thôn Phú Hưng và Chi bộ Trường Mầm non Hoa Sen của xã."))
    found = run_rule(RULE, d, profile=xa_profile())
    assert [f.actual for f in found] == ["Chi bộ thôn Phú Hưng", "Chi bộ Trường Mầm non Hoa Sen"]


def test_partners_from_the_profile() -> None:
    d = doc(body=with_article("1. Phối hợp với Đảng ủy Công ty Cao su Tây Ninh trong công tác dân vận."))
    assert len(run_rule(RULE, d, profile=xa_profile())) == 1
    assert run_rule(RULE, d, profile=xa_profile(partners=["Đảng ủy Công ty Cao su Tây Ninh"])) == []


def test_abbreviated_own_name() -> None:
    prof = xa_profile(name="Đảng ủy Trường Trung học phổ thông Hòa Bình", kind="dang_uy_co_so", type="truong_hoc",
                      superior="Đảng bộ xã An Hòa", subordinates=[])
    ok = doc(body=with_article("1. Ban Chấp hành Đảng bộ Trường THPT Hòa Bình lãnh đạo nhà trường."))
    assert run_rule(RULE, ok, profile=prof) == []
    other = doc(body=with_article("1. Ban Chấp hành Đảng bộ Trường THPT Lê Lợi lãnh đạo nhà trường."))
    assert [f.actual for f in run_rule(RULE, other, profile=prof)] == ["Ban Chấp hành Đảng bộ Trường THPT Lê Lợi"]


def test_cancu_lines_may_cite_other_bodies() -> None:
    cancu = _default_cancu()
    cancu.insert(1, L("- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ xã Phước Vinh khóa I;", align="both"))
    assert run_rule(RULE, doc(cancu=cancu), profile=xa_profile()) == []


def test_operative_sentence_and_summary_are_checked() -> None:
    summary = [L("làm việc của Ban Chấp hành Đảng bộ xã Phước Vinh khóa I, nhiệm kỳ 2025 - 2030", b=True)]
    found = run_rule(RULE, doc(summary=summary), profile=xa_profile())
    assert [(f.zone, f.actual) for f in found] == [("title", "Ban Chấp hành Đảng bộ xã Phước Vinh")]


def test_recipients_are_checked() -> None:
    recipients = [L("Nơi nhận:", u=True, align="left"), L("- Đảng ủy xã Phước Vinh,", size=12, align="left"),
                  L("- Lưu Văn phòng Đảng ủy.", size=12, align="left")]
    found = run_rule(RULE, doc(recipients=recipients), profile=xa_profile())
    assert [(f.zone, f.actual) for f in found] == [("recipients", "Đảng ủy xã Phước Vinh")]


def test_one_finding_per_name_per_paragraph() -> None:
    d = doc(body=with_article("1. Đảng ủy xã Phước Vinh lãnh đạo; Đảng uỷ xã Phước Vinh kiểm tra."))
    assert len(run_rule(RULE, d, profile=xa_profile())) == 1


def test_needs_the_profile() -> None:
    d = doc(body=with_article("1. Ban Chấp hành Đảng bộ xã Phước Vinh quyết định."))
    assert run_rule(RULE, d) == []


def test_province_above_the_commune() -> None:
    text = "1. Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh Tây Ninh và Nghị quyết Đại hội Đảng bộ xã An Hòa."
    d = chibo_doc(body=chibo_body(replace={"bch": ("Nhiệm vụ, quyền hạn của Chi bộ", [text])}))
    assert run_rule(RULE, d, profile=chibo_profile()) == []  # the commune's province: not in a chi bộ's profile
    other = doc(body=with_article("1. Chịu sự lãnh đạo của Ban Chấp hành Đảng bộ tỉnh Quảng Nam."))
    found = run_rule(RULE, other, profile=xa_profile())  # a đảng ủy xã knows its province
    assert [f.actual for f in found] == ["Ban Chấp hành Đảng bộ tỉnh Quảng Nam"]
