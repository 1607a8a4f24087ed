"""FMT-PAGE-SIZE — examples of rules.md §2: A4 portrait in every section."""

from __future__ import annotations

from factory import PartyDoc
from rulekit import run_rule

RULE = "FMT-PAGE-SIZE"


def test_letter_paper_is_an_error() -> None:
    found = run_rule(RULE, PartyDoc(page_w=12240, page_h=15840).read())
    assert [(f.severity, f.zone) for f in found] == [("error", "page")]
    assert "Letter" in found[0].message and found[0].expected.startswith("A4")


def test_a4_portrait_is_right() -> None:
    assert run_rule(RULE, PartyDoc().read()) == []


def test_within_tolerance_is_right() -> None:
    assert run_rule(RULE, PartyDoc(page_w=11900, page_h=16840).read()) == []


def test_a4_landscape_is_reported() -> None:
    found = run_rule(RULE, PartyDoc(landscape=True).read())
    assert len(found) == 1 and "ngang" in found[0].message
