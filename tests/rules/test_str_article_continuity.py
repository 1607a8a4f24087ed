"""STR-ARTICLE-CONTINUITY — examples of rules.md §3 plus repeats, restarts and automatic numbering."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "STR-ARTICLE-CONTINUITY"


def _body(*numbers: int, chapters: dict[int, str] | None = None) -> list[L]:
    out: list[L] = []
    for i, n in enumerate(numbers):
        if chapters and i in chapters:
            out += [L(f"Chương {chapters[i]}", b=True), L("NHỮNG QUY ĐỊNH CHUNG", b=True)]
        out += [
            L(f"Điều {n}. Nội dung thứ {i + 1}", b=True, align="both"),
            L("Nội dung của điều này được quy định cụ thể.", align="both"),
        ]
    return out


@pytest.mark.parametrize("auto", [False, True])
@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_right_continuous(auto: bool, formatting: str) -> None:
    assert run_rule(RULE, doc(body=_body(1, 2, 3), auto_articles=auto, formatting=formatting)) == []


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_gap(formatting: str) -> None:
    found = run_rule(RULE, doc(body=_body(1, 2, 4), formatting=formatting))
    assert [(f.severity, f.expected, f.actual) for f in found] == [("warning", "Điều 3", "Điều 4")]
    assert found[0].text is not None and found[0].text.startswith("Điều 4.")


def test_gap_reported_once_not_at_every_following_article() -> None:
    """Corpus mutant_15: Điều 6 then Điều 8, then 9, 10 … continue from 8."""
    found = run_rule(RULE, doc(body=_body(1, 2, 3, 4, 5, 6, 8, 9, 10)))
    assert [(f.expected, f.actual) for f in found] == [("Điều 7", "Điều 8")]


def test_repeat() -> None:
    found = run_rule(RULE, doc(body=_body(1, 2, 2, 3)))
    assert [(f.expected, f.actual) for f in found] == [("Điều 3", "Điều 2")]
    assert "Trùng" in found[0].message


def test_restart_per_chapter() -> None:
    found = run_rule(RULE, doc(body=_body(1, 2, 1, 2, chapters={0: "I", 2: "II"})))
    assert [(f.expected, f.actual) for f in found] == [("Điều 3", "Điều 1")]


def test_first_article_not_one() -> None:
    found = run_rule(RULE, doc(body=_body(2, 3, 4)))
    assert [(f.expected, f.actual) for f in found] == [("Điều 1", "Điều 2")]


def test_automatic_numbering_is_what_the_reader_sees() -> None:
    """With numbering.xml the rendered labels count (1, 2, 3), whatever number the typed source carried."""
    assert run_rule(RULE, doc(body=_body(1, 2, 4), auto_articles=True)) == []
