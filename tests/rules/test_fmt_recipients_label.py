"""FMT-RECIPIENTS-LABEL — "Nơi nhận:" underlined, upright, not bold, 14 pt, on the left."""

from __future__ import annotations

import pytest

from factory import L, PartyDoc, doc
from rulekit import run_rule

RULE = "FMT-RECIPIENTS-LABEL"


def _rec(label: L) -> list[L]:
    return [label, *PartyDoc().recipients[1:]]


@pytest.mark.parametrize("formatting", ["direct", "styles"])
@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_wrong_state_style_bold_italic_12pt(layout: str, formatting: str) -> None:
    label = L("Nơi nhận:", b=True, i=True, size=12, align="left")
    found = run_rule(RULE, doc(recipients=_rec(label), closing_layout=layout, formatting=formatting))
    assert [f.severity for f in found] == ["warning"]
    assert found[0].zone == "recipients"
    message = found[0].message
    assert "gạch chân" in message and "đậm nghiêng" in message and "12 pt" in message


@pytest.mark.parametrize("formatting", ["direct", "styles"])
@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_right_underlined_14pt(layout: str, formatting: str) -> None:
    assert run_rule(RULE, doc(closing_layout=layout, formatting=formatting)) == []


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox"])
def test_label_on_the_right_is_flagged_where_the_layout_is_known(layout: str) -> None:
    found = run_rule(RULE, doc(closing_layout=layout, swap_closing=True))
    assert len(found) == 1 and found[0].actual == "bên phải"


def test_label_position_unknown_in_paragraph_layout() -> None:
    assert run_rule(RULE, doc(closing_layout="paragraphs", swap_closing=True)) == []


def test_not_underlined_label() -> None:
    found = run_rule(RULE, doc(recipients=_rec(L("Nơi nhận:", u=False, align="left"))))
    assert len(found) == 1 and found[0].actual == "không gạch chân"


def test_upper_case_label_without_colon() -> None:
    found = run_rule(RULE, doc(recipients=_rec(L("NƠI NHẬN", u=True, align="left"))))
    assert len(found) == 1 and "in hoa" in found[0].message and "hai chấm" in found[0].message
