"""ORG-SIGNER-ROLE — examples of rules.md §5 over every closing layout; who may sign under which title."""

from __future__ import annotations

import pytest
from org_kit import FORMATTING, LAYOUTS, XA, org_profile, party_doc

from factory import L, PartyDoc
from rulekit import run_rule

RULE = "ORG-SIGNER-ROLE"
PROFILE = org_profile(committee=[{"name": "Nguyễn Văn An", "role": "bi_thu"},
                                 {"name": "Trần Thị Bình", "role": "pho_bi_thu"},
                                 {"name": "Lê Thị Hoà", "role": "pho_bi_thu_thuong_truc"},
                                 {"name": "Phạm Văn Cường", "role": "uy_vien"}])


@pytest.mark.parametrize("formatting", FORMATTING)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_wrong_deputy_signs_as_bi_thu(layout: str, formatting: str) -> None:
    d = party_doc(XA, title="BÍ THƯ", signer="Trần Thị Bình", closing_layout=layout, formatting=formatting)
    found = run_rule(RULE, d, profile=PROFILE)
    assert [(f.severity, f.zone, f.expected, f.actual) for f in found] == [
        ("warning", "signature", "PHÓ BÍ THƯ", "BÍ THƯ")]


@pytest.mark.parametrize("formatting", FORMATTING)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_right_deputy_signs_as_pho_bi_thu(layout: str, formatting: str) -> None:
    d = party_doc(XA, title="PHÓ BÍ THƯ", signer="Trần Thị Bình", closing_layout=layout, formatting=formatting)
    assert run_rule(RULE, d, profile=PROFILE) == []


@pytest.mark.parametrize(("title", "signer"), [
    ("BÍ THƯ", "Nguyễn Văn An"),
    ("BÍ THƯ", "NGUYỄN VĂN AN"),  # upper case name
    ("PHÓ BÍ THƯ THƯỜNG TRỰC", "Lê Thị Hòa"),  # "Hoà" in the profile
    ("PHÓ BÍ THƯ", "TS. Trần Thị Bình"),
])
def test_names_match_folded(title: str, signer: str) -> None:
    assert run_rule(RULE, party_doc(XA, title=title, signer=signer), profile=PROFILE) == []


def test_secretary_under_a_deputy_title() -> None:
    found = run_rule(RULE, party_doc(XA, title="PHÓ BÍ THƯ", signer="Nguyễn Văn An"), profile=PROFILE)
    assert [f.expected for f in found] == ["BÍ THƯ"]


@pytest.mark.parametrize("signer", ["Phạm Văn Cường", "Hoàng Văn Dũng"])
def test_signer_is_not_a_secretary_or_deputy(signer: str) -> None:
    found = run_rule(RULE, party_doc(XA, title="BÍ THƯ", signer=signer), profile=PROFILE)
    assert [(f.zone, f.actual) for f in found] == [("signature", signer)]
    assert "Nguyễn Văn An" in (found[0].expected or "")


def test_authority_and_title_on_one_paragraph() -> None:
    d = PartyDoc(signature=[L("T/M ĐẢNG ỦY\nBÍ THƯ", b=True), L(""), L("Trần Thị Bình", b=True)]).read()
    assert [f.actual for f in run_rule(RULE, d, profile=PROFILE)] == ["BÍ THƯ"]


def test_no_name_or_no_committee_is_skipped() -> None:
    d = party_doc(XA, title="BÍ THƯ", signer="")
    assert run_rule(RULE, d, profile=PROFILE) == []
    bare = org_profile("chi_bo_truc_thuoc", "Chi bộ thôn Phú Lộc", committee=[])
    assert run_rule(RULE, party_doc(XA, signer="Ai Đó"), profile=bare) == []
