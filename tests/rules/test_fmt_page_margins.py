"""FMT-PAGE-MARGINS — examples of rules.md §2: 20 / 20 / 30 / 15 mm, ± 1 mm."""

from __future__ import annotations

from factory import PartyDoc
from rulekit import run_rule

RULE = "FMT-PAGE-MARGINS"


def test_word_default_margins_are_a_flagged_warning() -> None:
    found = run_rule(RULE, PartyDoc(margins=(1440, 1440, 1440, 1440)).read())
    assert [(f.severity, f.needs_confirmation) for f in found] == [("warning", True)]
    assert "25,4 mm" in found[0].message and found[0].zone == "page"


def test_party_margins_are_right() -> None:
    assert run_rule(RULE, PartyDoc().read()) == []


def test_one_millimetre_tolerance() -> None:
    assert run_rule(RULE, PartyDoc(margins=(1134 + 50, 1134, 1701 - 50, 850)).read()) == []
    found = run_rule(RULE, PartyDoc(margins=(1134, 1134, 1701, 850 + 120)).read())
    assert len(found) == 1 and "phải 17,1 mm" in found[0].message
