"""FMT-FONT-FAMILY — examples of rules.md §2: legacy fonts are errors, other fonts warnings, once per font."""

from __future__ import annotations

import pytest

from factory import L, PartyDoc, _default_body
from rulekit import run_rule

RULE = "FMT-FONT-FAMILY"


def _body(font: str) -> list[L]:
    return [line.with_(font=font) for line in _default_body()]


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_vntime_body_is_one_legacy_error(formatting: str) -> None:
    found = run_rule(RULE, PartyDoc(body=_body(".VnTime"), formatting=formatting).read())
    assert [(f.severity, f.part, f.actual) for f in found] == [("error", "legacy", ".VnTime")]
    first = found[0]
    assert first.text == "Chương I" and first.zone == "body"
    assert f"{len(_default_body())} đoạn văn" in first.message


def test_vni_font_is_legacy() -> None:
    found = run_rule(RULE, PartyDoc(body=_body("VNI-Times")).read())
    assert [f.part for f in found] == ["legacy"]


def test_times_new_roman_is_right() -> None:
    assert run_rule(RULE, PartyDoc().read()) == []


def test_each_other_font_is_one_warning_at_its_first_use() -> None:
    body = _default_body()
    body[3] = body[3].with_(font="Arial")
    body[7] = body[7].with_(font="Arial")
    body[9] = body[9].with_(font="Calibri")
    found = run_rule(RULE, PartyDoc(body=body).read())
    assert [(f.severity, f.part, f.actual) for f in found] == [
        ("warning", "not_tnr", "Arial"), ("warning", "not_tnr", "Calibri")]
    assert found[0].text == body[3].text and "2 đoạn văn" in found[0].message


def test_runs_without_letters_are_ignored() -> None:
    body = [*_default_body(), L("* * *", font="Symbol"), L("- - -", font="Wingdings")]
    assert run_rule(RULE, PartyDoc(body=body).read()) == []


def test_legacy_and_other_fonts_together() -> None:
    body = _default_body()
    body[2] = body[2].with_(font=".VnTimeH")
    cancu = [line.with_(font="Arial") for line in PartyDoc().cancu]
    found = run_rule(RULE, PartyDoc(body=body, cancu=cancu).read())
    assert sorted((f.part, f.actual, f.zone) for f in found) == [
        ("legacy", ".VnTimeH", "body"), ("not_tnr", "Arial", "preamble")]


def test_pdf_font_names() -> None:
    from quyche.rules.fmt.font_family import family, is_legacy, is_tnr

    assert family("ABCDEF+TimesNewRomanPS-BoldMT") == "TimesNewRoman" and is_tnr("TimesNewRomanPSMT")
    assert is_tnr("Times New Roman") and is_tnr("Times-Roman") and not is_tnr("Arial-BoldMT")
    assert family("DejaVuSerif-Italic") == "DejaVuSerif" and family("Arial Black") == "Arial Black"
    assert family("VNI-Times") == "VNI-Times" and is_legacy("VNI-Times") and is_legacy(".VnTimeH")
