"""FMT-BODY-PART-CHAPTER — "Chương I" alone, bold, centred; the name below in hoa, bold."""

from __future__ import annotations

import pytest

from factory import L, PartyDoc, doc
from rulekit import run_rule

RULE = "FMT-BODY-PART-CHAPTER"


def _with_chapter(first: list[L]) -> list[L]:
    """The default body with its first chapter heading (two lines) replaced by ``first``."""
    body = PartyDoc().body
    return first + body[2:]


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_number_and_name_on_one_line(formatting: str) -> None:
    body = _with_chapter([L("CHƯƠNG 1: QUY ĐỊNH CHUNG", b=True)])
    found = run_rule(RULE, doc(body=body, formatting=formatting))
    assert found and {f.severity for f in found} == {"warning"}
    messages = " ".join(f.message for f in found)
    assert "cùng dòng" in messages and "Ả Rập" in messages and "in hoa" in messages


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_right_chapter_and_upper_case_bold_name(formatting: str) -> None:
    body = _with_chapter([L("Chương I", b=True), L("NHỮNG QUY ĐỊNH CHUNG", b=True)])
    assert run_rule(RULE, doc(body=body, formatting=formatting)) == []


def test_chapter_in_words_is_accepted() -> None:
    body = _with_chapter([L("Chương thứ nhất", b=True), L("NHỮNG QUY ĐỊNH CHUNG", b=True)])
    assert run_rule(RULE, doc(body=body)) == []


def test_heading_not_bold_and_name_not_bold() -> None:
    found = run_rule(RULE, doc(body=_with_chapter([L("Chương I"), L("NHỮNG QUY ĐỊNH CHUNG")])))
    heads = sorted(f.message.split(":")[0] for f in found)
    assert heads == ["Dòng chương chưa in đậm", "Tên chương chưa in đậm"]


def test_name_in_lower_case_is_flagged() -> None:
    body = _with_chapter([L("Chương I", b=True), L("Những quy định chung", b=True)])
    found = run_rule(RULE, doc(body=body))
    assert len(found) == 1 and "in hoa" in found[0].message and found[0].text == "Những quy định chung"


def test_trailing_dot_after_number() -> None:
    body = _with_chapter([L("Chương I.", b=True), L("NHỮNG QUY ĐỊNH CHUNG", b=True)])
    found = run_rule(RULE, doc(body=body))
    assert len(found) == 1 and "dấu câu" in found[0].message


def test_repeated_fault_is_reported_once_with_a_count() -> None:
    body = [line.with_(b=False) if line.text.startswith("Chương") else line for line in PartyDoc().body]
    found = run_rule(RULE, doc(body=body))
    assert len(found) == 1 and "và 2 tiêu đề khác" in found[0].message


def test_left_aligned_heading_is_flagged() -> None:
    found = run_rule(RULE, doc(body=_with_chapter([L("Chương I", b=True, align="left"),
                                                   L("NHỮNG QUY ĐỊNH CHUNG", b=True)])))
    assert len(found) == 1 and "căn giữa" in found[0].message


def test_section_numbered_in_roman() -> None:
    body = _with_chapter([L("Chương I", b=True), L("NHỮNG QUY ĐỊNH CHUNG", b=True), L("Mục I", b=True),
                          L("PHẠM VI", b=True)])
    found = run_rule(RULE, doc(body=body))
    assert len(found) == 1 and "Mục đánh số La Mã" in found[0].message
