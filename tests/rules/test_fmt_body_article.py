"""FMT-BODY-ARTICLE — "Điều n." with a dot, then the title; "Điều n." bold; typed or automatic numbering."""

from __future__ import annotations

from dataclasses import replace

import pytest

from factory import L, PartyDoc, doc
from quyche.model import Run
from rulekit import run_rule

RULE = "FMT-BODY-ARTICLE"


def _first_article(line: L) -> list[L]:
    body = PartyDoc().body
    i = next(k for k, x in enumerate(body) if x.text.startswith("Điều 1."))
    return [*body[:i], line, *body[i + 1:]]


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_colon_and_not_bold(formatting: str) -> None:
    found = run_rule(RULE, doc(body=_first_article(L("Điều 1: Phạm vi điều chỉnh", b=False, align="both")),
                               formatting=formatting))
    assert {(f.severity, f.needs_confirmation) for f in found} == {("warning", True)}
    messages = " ".join(f.message for f in found)
    assert "dấu chấm" in messages and "chưa in đậm" in messages


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_right_dot_and_bold(formatting: str) -> None:
    body = _first_article(L("Điều 1. Phạm vi điều chỉnh", b=True, align="both"))
    assert run_rule(RULE, doc(body=body, formatting=formatting)) == []


def test_automatic_numbering_bold_label_is_accepted() -> None:
    d = doc(auto_articles=True)
    assert d.zones.articles and d.zones.articles[0].para.label == "Điều 1."
    assert run_rule(RULE, d) == []


def test_automatic_numbering_not_bold_is_flagged_with_numbering_hint() -> None:
    body = [line.with_(b=False) if line.text.startswith("Điều") else line for line in PartyDoc().body]
    found = run_rule(RULE, doc(body=body, auto_articles=True))
    assert len(found) == 1 and "chưa in đậm" in found[0].message and "đánh tự động" in found[0].fix
    assert "và 5 điều khác" in found[0].message


def test_only_the_prefix_needs_to_be_bold() -> None:
    # "Điều 1." bold with the title in regular weight: a typed two-run heading.
    d = doc()
    art = d.zones.articles[0].para
    head, rest = "Điều 1.", art.runs[0].text[len("Điều 1."):]
    art.runs[:] = [Run(head, art.runs[0].fmt), Run(rest, replace(art.runs[0].fmt, bold=False))]
    assert run_rule(RULE, d) == []
    art.runs[:] = [Run(head, replace(art.runs[0].fmt, bold=False)), Run(rest, art.runs[0].fmt)]
    assert [_head(f.message) for f in run_rule(RULE, d)] == ["“Điều n.” chưa in đậm"]


def test_upper_case_keyword_and_missing_title() -> None:
    found = run_rule(RULE, doc(body=_first_article(L("ĐIỀU 1.", b=True, align="both"))))
    assert sorted(_head(f.message) for f in found) == [
        "Chữ “Điều” viết in hoa", "Điều không có tên điều ngay sau “Điều n.”"]


def _head(message: str) -> str:
    """The message up to its quoted example, without the "[Cần xác nhận]" flag."""
    return message.removeprefix("[Cần xác nhận] ").split(":")[0]


def test_sentence_starting_with_dieu_n_is_not_a_heading() -> None:
    body = PartyDoc().body
    body = [*body, L("Điều 5 của Quy chế này được áp dụng cho các chi bộ trực thuộc.", align="both")]
    assert run_rule(RULE, doc(body=body)) == []
