"""FMT-BODY-CANCU — "- Căn cứ …;" upright, the last one ending "," or "."."""

from __future__ import annotations

import pytest

from factory import L, PartyDoc, doc
from rulekit import run_rule

RULE = "FMT-BODY-CANCU"
OPERATIVE = L("Ban Chấp hành Đảng bộ xã An Hòa ban hành Quy chế làm việc như sau:", align="both")


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_italic_without_closing_punctuation(formatting: str) -> None:
    found = run_rule(RULE, doc(cancu=[L("Căn cứ Điều lệ Đảng", i=True, align="both"), OPERATIVE],
                               formatting=formatting))
    assert {f.severity for f in found} == {"info"}
    messages = " ".join(f.message for f in found)
    assert "dấu câu" in messages and "nghiêng" in messages


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_right_dash_upright_semicolon(formatting: str) -> None:
    cancu = [L("- Căn cứ Điều lệ Đảng;", align="both"),
             L("- Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025 của Ban Chấp hành Trung ương,", align="both"),
             OPERATIVE]
    assert run_rule(RULE, doc(cancu=cancu, formatting=formatting)) == []


def test_default_block_is_clean() -> None:
    assert run_rule(RULE, doc()) == []


def test_middle_line_ending_with_comma_is_flagged() -> None:
    cancu = [L("- Căn cứ Điều lệ Đảng,", align="both"), L("- Căn cứ Quy định số 294-QĐ/TW,", align="both"),
             OPERATIVE]
    found = run_rule(RULE, doc(cancu=cancu))
    assert len(found) == 1 and found[0].text == "- Căn cứ Điều lệ Đảng,"


def test_last_line_with_semicolon_is_flagged_unless_more_bases_follow() -> None:
    cancu = [L("- Căn cứ Điều lệ Đảng;", align="both"), L("- Căn cứ Quy định số 294-QĐ/TW;", align="both")]
    found = run_rule(RULE, doc(cancu=[*cancu, OPERATIVE]))
    assert len(found) == 1 and found[0].text == "- Căn cứ Quy định số 294-QĐ/TW;"
    more = L("Xét đề nghị của Văn phòng Đảng ủy,", align="both")
    assert run_rule(RULE, doc(cancu=[*cancu, more, OPERATIVE])) == []


def test_many_italic_lines_give_one_finding() -> None:
    cancu = [line.with_(i=True) for line in PartyDoc().cancu[:-1]] + [OPERATIVE]
    found = run_rule(RULE, doc(cancu=cancu))
    assert len(found) == 1 and f"và {len(cancu) - 2} dòng khác" in found[0].message
