"""FMT-SIGN-NAME — "Nguyễn Văn An" bold, each word capitalised, no academic prefix."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "FMT-SIGN-NAME"


def _sig(name: str, **kw: object) -> list[L]:
    return [L("T/M ĐẢNG ỦY", b=True), L("BÍ THƯ"), L(""), L(""), L(name, b=True).with_(**kw)]


@pytest.mark.parametrize("formatting", ["direct", "styles"])
@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_wrong_academic_prefix_and_upper_case(layout: str, formatting: str) -> None:
    d = doc(signature=_sig("ThS. NGUYỄN VĂN AN"), closing_layout=layout, formatting=formatting)
    found = run_rule(RULE, d)
    assert {f.severity for f in found} == {"warning"}
    messages = " ".join(f.message for f in found)
    assert "“ThS.”" in messages and "in hoa" in messages


@pytest.mark.parametrize("formatting", ["direct", "styles"])
@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_right_title_case_bold(layout: str, formatting: str) -> None:
    d = doc(signature=_sig("Nguyễn Văn An"), closing_layout=layout, formatting=formatting)
    assert run_rule(RULE, d) == []


def test_upper_case_name_alone_is_flagged() -> None:
    found = run_rule(RULE, doc(signature=_sig("NGUYỄN VĂN AN")))
    assert len(found) == 1 and found[0].expected.startswith("Nguyễn Văn An")


@pytest.mark.parametrize("prefix", ["TS.", "PGS.TS.", "GS. TS.", "BS.", "KS.", "CN."])
def test_other_academic_prefixes(prefix: str) -> None:
    found = run_rule(RULE, doc(signature=_sig(f"{prefix} Nguyễn Văn An")))
    assert len(found) == 1 and found[0].expected == "Nguyễn Văn An"


def test_not_bold_name() -> None:
    found = run_rule(RULE, doc(signature=_sig("Nguyễn Văn An", b=False)))
    assert len(found) == 1 and found[0].actual == "không đậm"


def test_lower_case_word_in_name() -> None:
    found = run_rule(RULE, doc(signature=_sig("Nguyễn văn An")))
    assert len(found) == 1 and "viết hoa chữ đầu" in found[0].message


def test_bracketed_signed_mark_is_not_the_name() -> None:
    sig = [L("T/M ĐẢNG ỦY", b=True), L("BÍ THƯ"), L("(Đã ký)", i=True), L("Nguyễn Văn An", b=True)]
    assert run_rule(RULE, doc(signature=sig)) == []
