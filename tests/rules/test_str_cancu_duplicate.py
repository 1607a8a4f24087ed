"""STR-CANCU-DUPLICATE — examples of rules.md §3 plus number-symbol spellings that name one document."""

from __future__ import annotations

import pytest

from factory import L, PartyDoc, doc
from rulekit import run_rule

RULE = "STR-CANCU-DUPLICATE"
OPERATIVE = L(
    "Ban Chấp hành Đảng bộ xã An Hòa ban hành Quy chế làm việc khóa I, nhiệm kỳ 2025 - 2030 như sau:",
    align="both",
)


def _cancu(*lines: str) -> list[L]:
    return [*(L(t, align="both") for t in lines), OPERATIVE]


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_dieu_le_twice(formatting: str) -> None:
    d = doc(
        cancu=_cancu(
            "- Căn cứ Điều lệ Đảng;",
            "- Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025;",
            "- Căn cứ Điều lệ Đảng;",
        ),
        formatting=formatting,
    )
    found = run_rule(RULE, d)
    assert [(f.severity, f.zone, f.actual) for f in found] == [
        ("warning", "preamble", "“Điều lệ Đảng” dẫn hai lần")
    ]
    assert found[0].text == "- Căn cứ Điều lệ Đảng;"


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_right_dieu_le_once(formatting: str) -> None:
    assert run_rule(RULE, doc(cancu=_cancu("- Căn cứ Điều lệ Đảng;"), formatting=formatting)) == []


def test_right_default_document_mentions_dieu_le_inside_other_titles() -> None:
    """294-QĐ/TW and 06-HD/TW are "về thi hành Điều lệ Đảng": that is not citing the Điều lệ again."""
    assert run_rule(RULE, PartyDoc().read()) == []


@pytest.mark.parametrize(
    "second",
    [
        "- Căn cứ Quy định 294;",
        "- Căn cứ Quy định số 294 - QĐ/TW ngày 26/5/2025;",
        "- Căn cứ Quy định số 294–QĐ/TW;",
        "- Căn cứ Quy định số 294-QĐi/TW;",
    ],
)
def test_one_number_symbol_written_differently(second: str) -> None:
    d = doc(cancu=_cancu("- Căn cứ Điều lệ Đảng;", "- Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025;", second))
    assert len(run_rule(RULE, d)) == 1


def test_same_number_of_another_body_is_another_document() -> None:
    d = doc(cancu=_cancu("- Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025;", "- Căn cứ Quy định số 294-QĐ/TU;"))
    assert run_rule(RULE, d) == []


def test_unnumbered_citation_repeated() -> None:
    line = "- Căn cứ Nghị quyết Đại hội đại biểu Đảng bộ xã An Hòa lần thứ I, nhiệm kỳ 2025 - 2030;"
    assert len(run_rule(RULE, doc(cancu=_cancu(line, line.replace(";", ","))))) == 1


def test_two_citations_in_one_line() -> None:
    d = doc(
        cancu=_cancu("- Căn cứ Điều lệ Đảng và Quy định số 294-QĐ/TW;", "- Căn cứ Quy định số 294-QĐ/TW;")
    )
    found = run_rule(RULE, d)
    assert [f.text for f in found] == ["- Căn cứ Quy định số 294-QĐ/TW;"]
