"""STR-EMPTY-CHAPTER — examples of rules.md §3 plus empty Mục and articles without text."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "STR-EMPTY-CHAPTER"


def _article(n: int, title: str, *text: str) -> list[L]:
    return [L(f"Điều {n}. {title}", b=True, align="both"), *(L(t, align="both") for t in text)]


def _head(name: str, title: str) -> list[L]:
    return [L(name, b=True), L(title, b=True)]


BASE = [
    *_head("Chương III", "CHẾ ĐỘ LÀM VIỆC"),
    *_article(11, "Chế độ họp", "Ban Chấp hành họp ba tháng một lần."),
]


@pytest.mark.parametrize("formatting", ["direct", "styles"])
@pytest.mark.parametrize("auto", [False, True])
def test_wrong_chapter_followed_directly_by_the_next(formatting: str, auto: bool) -> None:
    body = [
        *BASE,
        *_head("Chương IV", "MỐI QUAN HỆ CÔNG TÁC"),
        *_head("Chương V", "ĐIỀU KHOẢN THI HÀNH"),
        *_article(12, "Hiệu lực thi hành", "Quy chế này có hiệu lực kể từ ngày ký."),
    ]
    found = run_rule(RULE, doc(body=body, formatting=formatting, auto_articles=auto))
    assert [(f.severity, f.text) for f in found] == [("warning", "Chương IV")]
    assert "MỐI QUAN HỆ CÔNG TÁC" in found[0].message


@pytest.mark.parametrize("formatting", ["direct", "styles"])
@pytest.mark.parametrize("auto", [False, True])
def test_right_chapter_with_an_article(formatting: str, auto: bool) -> None:
    body = [
        *BASE,
        *_head("Chương IV", "MỐI QUAN HỆ CÔNG TÁC"),
        *_article(
            12, "Quan hệ với cấp ủy cấp trên", "Đảng ủy chịu sự lãnh đạo trực tiếp của cấp ủy cấp trên."
        ),
    ]
    assert run_rule(RULE, doc(body=body, formatting=formatting, auto_articles=auto)) == []


def test_right_default_document() -> None:
    assert run_rule(RULE, doc()) == []


def test_empty_muc() -> None:
    body = [
        *BASE,
        L("Mục 1", b=True),
        L("CHẾ ĐỘ HỌP", b=True),
        L("Mục 2", b=True),
        L("CHẾ ĐỘ BÁO CÁO", b=True),
        *_article(12, "Báo cáo", "Định kỳ báo cáo cấp ủy cấp trên."),
    ]
    found = run_rule(RULE, doc(body=body))
    assert [f.text for f in found] == ["Mục 1"]


def test_article_with_a_title_only() -> None:
    body = [
        *BASE,
        *_article(12, "Quan hệ công tác"),
        *_article(13, "Hiệu lực thi hành", "Có hiệu lực từ ngày ký."),
    ]
    found = run_rule(RULE, doc(body=body))
    assert [(f.text, f.actual) for f in found] == [("Điều 12. Quan hệ công tác", "không có nội dung")]


def test_article_whose_text_is_on_its_heading_line() -> None:
    body = [*BASE, *_article(12, "Quy chế này có hiệu lực kể từ ngày ký và được phổ biến đến chi bộ.")]
    assert run_rule(RULE, doc(body=body)) == []


def test_article_with_clauses_only_is_not_empty() -> None:
    body = [*BASE, *_article(12, "Trách nhiệm", "1. Của Bí thư.", "2. Của Phó Bí thư.")]
    assert run_rule(RULE, doc(body=body)) == []
