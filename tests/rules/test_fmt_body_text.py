"""FMT-BODY-TEXT — body runs 14–15 pt; one finding per wrong size, not one per paragraph."""

from __future__ import annotations

import pytest

from factory import L, PartyDoc, doc
from rulekit import run_rule

RULE = "FMT-BODY-TEXT"


def _body(size: float, *, headings_too: bool = False) -> list[L]:
    out = []
    for line in PartyDoc().body:
        heading = line.text.startswith(("Chương", "Điều")) or line.text.isupper()
        out.append(line if heading and not headings_too else line.with_(size=size))
    return out


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_body_13pt_gives_one_finding_with_count(formatting: str) -> None:
    body = _body(13)
    found = run_rule(RULE, doc(body=body, formatting=formatting))
    assert [(f.severity, f.actual) for f in found] == [("warning", "13 pt")]
    n = sum(1 for line in body if line.size == 13)
    assert f"ở {n} đoạn" in found[0].message and found[0].zone == "body"


@pytest.mark.parametrize("formatting", ["direct", "styles"])
@pytest.mark.parametrize("size", [14, 14.5, 15])
def test_right_body_14_to_15pt(formatting: str, size: float) -> None:
    assert run_rule(RULE, doc(body=_body(size, headings_too=True), formatting=formatting)) == []


def test_two_wrong_sizes_give_two_findings() -> None:
    body = PartyDoc().body
    body = [line.with_(size=13) if line.text.startswith("1.") else line for line in body]
    body = [line.with_(size=16) if line.text.startswith("2.") else line for line in body]
    found = run_rule(RULE, doc(body=body))
    assert sorted(f.actual or "" for f in found) == ["13 pt", "16 pt"]


def test_cancu_in_13pt_is_body_text_too() -> None:
    cancu = [line.with_(size=13) for line in PartyDoc().cancu]
    found = run_rule(RULE, doc(cancu=cancu))
    assert len(found) == 1 and found[0].zone == "preamble" and f"ở {len(cancu)} đoạn" in found[0].message


def test_recipient_items_in_12pt_are_not_body_text() -> None:
    # The default recipients are 12 pt (Party practice) and must not be judged as body text.
    assert all(line.size == 12 for line in PartyDoc().recipients[1:])
    assert run_rule(RULE, doc()) == []


def test_half_point_sizes_are_not_rounded_into_range() -> None:
    found = run_rule(RULE, doc(body=_body(13.5)))
    assert [f.actual for f in found] == ["13,5 pt"]
