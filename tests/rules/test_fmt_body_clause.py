"""FMT-BODY-CLAUSE — one khoản numbering style per document ("1." or "1-"), not bold; điểm "a)"."""

from __future__ import annotations

import pytest

from factory import L, PartyDoc, doc
from rulekit import run_rule

RULE = "FMT-BODY-CLAUSE"


def _body(replace: dict[str, L]) -> list[L]:
    """The default body with lines whose text starts with a key replaced."""
    out = []
    for line in PartyDoc().body:
        key = next((k for k in replace if line.text.startswith(k)), None)
        out.append(replace.pop(key) if key else line)
    return out


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_mixed_dot_and_dash(formatting: str) -> None:
    body = _body({"2. Thiểu số": L("2- Thiểu số phục tùng đa số.", align="both")})
    found = run_rule(RULE, doc(body=body, formatting=formatting))
    assert [(f.severity, f.needs_confirmation) for f in found] == [("info", True)]
    assert found[0].text == "2- Thiểu số phục tùng đa số." and "“1-”" in found[0].actual


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_right_dots_then_points(formatting: str) -> None:
    d = doc(formatting=formatting)
    assert d.zones.nodes("diem"), "the default body has điểm a), b)"
    assert run_rule(RULE, d) == []


def test_dash_style_used_throughout_is_accepted() -> None:
    body = [line.with_(text=line.text.replace(". ", "- ", 1)) if line.text[:1].isdigit() else line
            for line in PartyDoc().body]
    assert run_rule(RULE, doc(body=body)) == []


def test_points_with_a_dot_are_flagged() -> None:
    body = _body({"a) Dự thảo": L("a. Dự thảo nghị quyết;", align="both"),
                  "b) Báo cáo": L("b. Báo cáo kiểm điểm.", align="both")})
    found = run_rule(RULE, doc(body=body))
    assert len(found) == 1 and found[0].expected == "“a)”" and "và 1 điểm khác" in found[0].message


def test_bold_clause_number_is_flagged() -> None:
    body = _body({"1. Thay mặt": L("1. Thay mặt Ban Chấp hành lãnh đạo giữa hai kỳ hội nghị.", b=True,
                                   align="both")})
    found = run_rule(RULE, doc(body=body))
    assert len(found) == 1 and found[0].actual == "đậm"
