"""FMT-SIGN-TITLE — "BÍ THƯ" / "PHÓ BÍ THƯ" exactly, nothing appended."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "FMT-SIGN-TITLE"


def _sig(title: str, **kw: object) -> list[L]:
    return [L("T/M ĐẢNG ỦY", b=True), L(title, b=True).with_(**kw), L(""), L("Nguyễn Văn An", b=True)]


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
@pytest.mark.parametrize("title", ["BÍ THƯ ĐẢNG ỦY XÃ AN HÒA", "BÍ THƯ ĐẢNG UỶ XÃ AN HOÀ"])
def test_wrong_committee_name_appended(layout: str, title: str) -> None:
    found = run_rule(RULE, doc(signature=_sig(title), closing_layout=layout))
    assert [(f.severity, f.expected) for f in found] == [("warning", "BÍ THƯ")]
    assert found[0].zone == "signature"


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
@pytest.mark.parametrize("title", ["BÍ THƯ", "PHÓ BÍ THƯ"])
def test_right_plain_title(layout: str, title: str) -> None:
    assert run_rule(RULE, doc(signature=_sig(title), closing_layout=layout)) == []


def test_title_not_bold_is_accepted() -> None:
    # 36-HD/VPTW samples print "BÍ THƯ" in regular weight; bold is not required either way.
    assert run_rule(RULE, doc(signature=_sig("BÍ THƯ", b=False))) == []


def test_deputy_with_committee_name() -> None:
    found = run_rule(RULE, doc(signature=_sig("PHÓ BÍ THƯ CHI BỘ")))
    assert [f.expected for f in found] == ["PHÓ BÍ THƯ"]


def test_lower_case_title() -> None:
    found = run_rule(RULE, doc(signature=_sig("Bí thư")))
    assert len(found) == 1 and "in hoa" in found[0].message


def test_title_without_diacritics() -> None:
    found = run_rule(RULE, doc(signature=_sig("BI THU")))
    assert len(found) == 1 and found[0].expected == "BÍ THƯ" and "viết sai" in found[0].message


def test_other_title() -> None:
    found = run_rule(RULE, doc(signature=_sig("CHỦ NHIỆM")))
    assert len(found) == 1 and found[0].expected == "BÍ THƯ / PHÓ BÍ THƯ"


def test_missing_title_line() -> None:
    found = run_rule(RULE, doc(signature=[L("T/M CHI BỘ", b=True), L(""), L("Nguyễn Văn An", b=True)]))
    assert len(found) == 1 and "Thiếu dòng chức vụ" in found[0].message


def test_italic_title() -> None:
    found = run_rule(RULE, doc(signature=_sig("BÍ THƯ", i=True)))
    assert len(found) == 1 and "nghiêng" in found[0].message


@pytest.mark.parametrize("layout", ["table", "paragraphs"])
def test_authority_and_title_in_one_paragraph_with_a_line_break(layout: str) -> None:
    sig = [L("T/M ĐẢNG ỦY\nBÍ THƯ", b=True), L(""), L("Nguyễn Văn An", b=True)]
    d = doc(signature=sig, closing_layout=layout)
    assert "\n" in d.zones.signature[0].text
    assert run_rule(RULE, d) == []
    sig = [L("T/M ĐẢNG ỦY\nBÍ THƯ ĐẢNG ỦY XÃ AN HÒA", b=True), L(""), L("Nguyễn Văn An", b=True)]
    assert [f.expected for f in run_rule(RULE, doc(signature=sig, closing_layout=layout))] == ["BÍ THƯ"]
