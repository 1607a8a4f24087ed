"""FMT-SIGN-BLOCK — signature right, Nơi nhận left (where the layout tells); "T/M …" in hoa, bold, 14 pt."""

from __future__ import annotations

import pytest

from factory import L, PartyDoc, doc
from quyche.model import Run
from rulekit import run_rule

RULE = "FMT-SIGN-BLOCK"
KNOWN = ["table", "tabs", "textbox"]
FORMATTING = ["direct", "styles"]


@pytest.mark.parametrize("formatting", FORMATTING)
@pytest.mark.parametrize("layout", KNOWN)
def test_wrong_signature_left_recipients_right(layout: str, formatting: str) -> None:
    found = run_rule(RULE, doc(closing_layout=layout, swap_closing=True, formatting=formatting))
    assert [f.severity for f in found] == ["warning"]
    assert found[0].zone == "signature" and "bên trái" in found[0].message


@pytest.mark.parametrize("formatting", FORMATTING)
@pytest.mark.parametrize("layout", [*KNOWN, "paragraphs"])
def test_right_recipients_left_signature_right(layout: str, formatting: str) -> None:
    assert run_rule(RULE, doc(closing_layout=layout, formatting=formatting)) == []


def test_paragraph_layout_with_unknown_sides_reports_no_position() -> None:
    d = doc(closing_layout="paragraphs", swap_closing=True)
    assert d.zones.side_of(d.zones.signature[0]) is None
    assert run_rule(RULE, d) == []


def test_right_aligned_signature_paragraphs_are_right() -> None:
    sig = [line.with_(align="right") for line in PartyDoc().signature]
    assert run_rule(RULE, doc(closing_layout="paragraphs", signature=sig)) == []


@pytest.mark.parametrize("formatting", FORMATTING)
def test_authority_line_not_bold_is_flagged(formatting: str) -> None:
    sig = [L("T/M ĐẢNG ỦY", b=False), L("BÍ THƯ", b=True), L(""), L("Nguyễn Văn An", b=True)]
    found = run_rule(RULE, doc(signature=sig, formatting=formatting))
    assert len(found) == 1 and found[0].actual == "không đậm"


def test_authority_line_lower_case_and_13pt() -> None:
    sig = [L("T/M Đảng ủy", b=True, size=13), L("BÍ THƯ", b=True), L(""), L("Nguyễn Văn An", b=True)]
    found = run_rule(RULE, doc(signature=sig))
    assert len(found) == 1 and found[0].actual == "chữ thường, 13 pt"


def test_ủy_spelling_variant_is_upper_case_too() -> None:
    sig = [L("T/M ĐẢNG UỶ", b=True), L("BÍ THƯ", b=True), L(""), L("Nguyễn Văn An", b=True)]
    assert run_rule(RULE, doc(signature=sig)) == []


def test_authority_line_broken_from_a_regular_weight_title_is_judged_alone() -> None:
    # "T/M ĐẢNG ỦY" (bold) <br/> "BÍ THƯ" (regular) in one paragraph: only the authority line is judged.
    sig = [L("T/M ĐẢNG ỦY", b=True), L("BÍ THƯ"), L(""), L("Nguyễn Văn An", b=True)]
    d = doc(signature=sig)
    first = d.zones.signature[0]
    bold_run, plain_run = first.runs[0], d.zones.signature[1].runs[0]
    first.runs[:] = [Run(bold_run.text + "\n", bold_run.fmt), Run(plain_run.text, plain_run.fmt)]
    first.text = "".join(r.text for r in first.runs)
    assert run_rule(RULE, d) == []
