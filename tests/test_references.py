"""The reference catalogue (references.md): packaged data, chains, time queries, validation, overlays, §4."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quyche.errors import QuycheError
from quyche.profile import Profile, profile_from_dict
from quyche.references import (
    CatalogueError,
    OrgFacts,
    Reference,
    ReferenceCatalogue,
    expected_bases,
    load_catalogue,
    packaged_catalogue,
    symbol_key,
    vn_date,
)

CAT = load_catalogue()
KEYS = sorted(r.key for r in CAT)

# Every record of references.md §3 (3.1, 3.1a, 3.2, 3.3, 3.4, 3.5, 3.6, 3.7).
SPEC_KEYS = {
    "3.1": ["DIEU-LE-2011", "QD-29-TW-2016", "QD-24-TW-2021", "QD-232-TW-2025", "QD-294-TW-2025", "HD-01-TW-2016",
            "HD-02-TW-2021", "HD-06-TW-2025", "QD-23-TW-2006"],
    "3.1a": ["QD-20-TW-2026", "QD-208-TW-2026", "HD-01-TW-2026"],
    "3.2": ["QD-31-TW-1997", "QD-91-TW-2004", "QD-66-TW-2017", "QD-399-TW-2026", "QD-223-TW-2020",
            "CV-5053-VPTW-2019", "CV-16915-VPTW-2025", "HD-01-VPTW-1998", "HD-11-VPTW-2004", "HD-36-VPTW-2018",
            "HD-05-VPTW-2026"],
    "3.3": ["QD-95-TW-2004", "QD-127-TW-2018", "QD-298-TW-2025", "QD-299-TW-2025", "QD-361-TW-2025",
            "QD-362-TW-2025", "QD-97-TW-2004", "QD-125-TW-2023", "QD-287-TW-2010", "QD-288-TW-2010",
            "QD-98-TW-2004", "QD-192-TW-2019"],
    "3.4": ["KH-07-TW-2022", "CV-7619-BTCTW-2024", "QD-147-TW-2024", "QD-302-TW-2025", "QD-363-TW-2025"],
    "3.5": ["CT-10-TW-2007", "KL-18-TW-2017", "CT-50-TW-2025", "HD-09-BTCTW-2012", "HD-12-BTCTW-2018",
            "HD-42-BTCTW-2025"],
    "3.6": ["KL-102-TW-2024", "CT-45-TW-2025", "HD-31-BTCTW-2025"],
    "3.7": ["ND-30-2020"],
}

D = date.fromisoformat


def keys(refs: list[Reference]) -> list[str]:
    return [r.key for r in refs]


def make_profile(kind: str, type_: str, *, members: int = 20, name: str = "Chi bộ Trường Tiểu học An Hòa",
                 superior: str = "Đảng bộ xã An Hòa", **extra: Any) -> Profile:
    committee: list[dict[str, Any]] = [{"name": "Nguyễn Văn An", "role": "bi_thu"}]
    if kind in ("dang_uy_co_so", "dang_uy_cap_tren_co_so"):
        committee += [{"name": f"Ủy viên {i}", "role": "uy_vien"} for i in range(10)]
    return profile_from_dict({
        "schema": "quyche/profile/v1", "name": name, "kind": kind, "type": type_, "superior": superior,
        "place": "An Hòa", "term": {"from": 2025, "to": 2030}, "members": members, "committee": committee, **extra,
    })


DANG_UY_XA = make_profile("dang_uy_co_so", "xa", name="Đảng ủy xã Tân Thạnh", superior="Đảng bộ tỉnh Quảng Nam")
CHI_BO_UBND = make_profile("chi_bo_co_so", "ubnd_xa", name="Chi bộ Ủy ban nhân dân xã Tân Thạnh",
                           superior="Đảng bộ xã Tân Thạnh")
CHI_BO_CQD = make_profile("chi_bo_co_so", "co_quan_dang_xa", name="Chi bộ các cơ quan Đảng xã Tân Thạnh",
                          superior="Đảng bộ xã Tân Thạnh")
SCHOOL = make_profile("chi_bo_co_so", "truong_hoc")
DU_SU_NGHIEP = make_profile("dang_uy_co_so", "don_vi_su_nghiep", name="Đảng ủy Bệnh viện tỉnh",
                            superior="Đảng bộ tỉnh Quảng Nam")
DNNN = make_profile("dang_uy_co_so", "doanh_nghiep_nha_nuoc", name="Đảng ủy Công ty Điện lực",
                    superior="Đảng bộ Khối doanh nghiệp")
DN_CAP_TREN = make_profile("dang_uy_cap_tren_co_so", "doanh_nghiep_nha_nuoc", name="Đảng ủy Tập đoàn X",
                           superior="Đảng bộ Chính phủ")
CHI_BO_TRUC_THUOC = make_profile("chi_bo_truc_thuoc", "truong_hoc", name="Chi bộ Tổ Toán",
                                 superior="Đảng bộ Trường THPT An Hòa")
THON = make_profile("chi_bo_truc_thuoc", "thon_to_dan_pho", name="Chi bộ thôn Phú Lộc", superior="Đảng bộ xã An Hòa")


# ------------------------------------------------------------------------------------------------ packaged data
def test_packaged_catalogue_loads_and_is_cached() -> None:
    assert CAT.version == "2026.11.1"
    assert load_catalogue() is packaged_catalogue()
    assert len(CAT) == sum(len(v) for v in SPEC_KEYS.values()) == 50


@pytest.mark.parametrize("section", sorted(SPEC_KEYS))
def test_every_spec_record_is_present(section: str) -> None:
    for key in SPEC_KEYS[section]:
        assert key in CAT, f"{section}: {key}"


@pytest.mark.parametrize("key", KEYS)
def test_record_fields(key: str) -> None:
    r = CAT[key]
    assert unicodedata.is_normalized("NFC", r.number_symbol)
    assert unicodedata.is_normalized("NFC", r.title_short)
    assert r.confidence in "HML"
    assert all(s.startswith(("http://", "https://")) for s in r.source)
    if r.superseded_by:
        assert r.superseded_on is not None and r.link_confidence in ("H", "M", "L")
    if r.date_precision == "year":
        assert (r.date.month, r.date.day) == (1, 1)
    assert not any(ch in r.number_symbol for ch in "\u2010\u2011\u2012\u2013\u2014\u2212")  # ASCII dashes


def test_spec_facts_kept_with_their_confidence() -> None:
    assert CAT["DIEU-LE-2011"].number_symbol == "Điều lệ Đảng"
    assert CAT["DIEU-LE-2011"].date_precision == "year"
    # "H (entry) / M (link)"
    assert (CAT["QD-29-TW-2016"].confidence, CAT["QD-29-TW-2016"].link_confidence) == ("H", "M")
    assert (CAT["HD-01-TW-2016"].confidence, CAT["HD-01-TW-2016"].link_confidence) == ("H", "M")
    # "probably 08/4/2026 (L)"
    assert CAT["QD-20-TW-2026"].date == D("2026-04-08") and CAT["QD-20-TW-2026"].date_confidence == "L"
    assert CAT["QD-20-TW-2026"].in_force_from is None  # "not found"
    assert CAT["QD-361-TW-2025"].date_confidence == "M"
    assert CAT["HD-02-TW-2021"].date_precision == "year"
    assert CAT["HD-05-VPTW-2026"].status == "UNCONFIRMED"
    assert CAT["HD-36-VPTW-2018"].link_status == "UNCONFIRMED"
    assert CAT["QD-127-TW-2018"].status == "obsolete_for_some"
    assert CAT["QD-127-TW-2018"].obsolete_for[0].start == D("2025-07-01")
    assert CAT["QD-302-TW-2025"].status == CAT["QD-363-TW-2025"].status == "review"
    assert CAT["QD-23-TW-2006"].status == "historical"
    assert CAT["QD-363-TW-2025"].deadline == D("2025-09-30")
    assert CAT["ND-30-2020"].kind == "state_reference"
    assert CAT["CV-5053-VPTW-2019"].number_symbol == "5053-CV/VPTW/nb"
    assert CAT["QD-91-TW-2004"].amends == "QD-31-TW-1997"


def test_vietnamese_labels() -> None:
    assert vn_date(D("2025-01-20")) == "20/01/2025"
    assert vn_date(D("2025-06-09")) == "09/6/2025"
    assert CAT["QD-294-TW-2025"].label == "Quy định 294-QĐ/TW (26/5/2025)"
    assert CAT["HD-02-TW-2021"].label == "Hướng dẫn 02-HD/TW (năm 2021)"


# ------------------------------------------------------------------------------------------------ chains
def test_chain_thi_hanh() -> None:
    expected = ["QD-29-TW-2016", "QD-24-TW-2021", "QD-232-TW-2025", "QD-294-TW-2025", "QD-20-TW-2026",
                "QD-208-TW-2026"]
    for key in expected:
        assert keys(CAT.chain(key)) == expected
    assert [(h.source.key, h.confidence) for h in CAT.hops("QD-29-TW-2016")] == [
        ("QD-29-TW-2016", "M"), ("QD-24-TW-2021", "H"), ("QD-232-TW-2025", "H"), ("QD-294-TW-2025", "L"),
        ("QD-20-TW-2026", "L")]


def test_chain_huong_dan() -> None:
    expected = ["HD-01-TW-2016", "HD-02-TW-2021", "HD-06-TW-2025", "HD-01-TW-2026"]
    assert keys(CAT.chain("HD-06-TW-2025")) == expected
    assert [h.confidence for h in CAT.hops("HD-01-TW-2016")] == ["M", "M", "L"]


def test_other_chains() -> None:
    assert keys(CAT.chain("HD-36-VPTW-2018")) == ["HD-01-VPTW-1998", "HD-11-VPTW-2004", "HD-36-VPTW-2018",
                                                  "HD-05-VPTW-2026"]
    assert keys(CAT.chain("HD-09-BTCTW-2012")) == ["HD-09-BTCTW-2012", "HD-12-BTCTW-2018", "HD-42-BTCTW-2025"]
    assert keys(CAT.chain("CT-50-TW-2025")) == ["CT-10-TW-2007", "KL-18-TW-2017", "CT-50-TW-2025"]
    assert keys(CAT.chain("QD-66-TW-2017")) == ["QD-31-TW-1997", "QD-91-TW-2004", "QD-66-TW-2017", "QD-399-TW-2026"]
    assert keys(CAT.predecessors("QD-399-TW-2026")) == ["QD-66-TW-2017", "CV-5053-VPTW-2019", "QD-223-TW-2020",
                                                        "CV-16915-VPTW-2025"]
    assert keys(CAT.chain("QD-97-TW-2004")) == ["QD-97-TW-2004", "QD-125-TW-2023"]


def test_as_of_2022_24_is_in_force_and_current() -> None:
    on = D("2022-01-01")
    assert CAT.in_force("QD-24-TW-2021", on)
    assert not CAT.in_force("QD-29-TW-2016", on)
    assert CAT.current("QD-24-TW-2021", on).key == "QD-24-TW-2021"
    assert CAT.current("QD-29-TW-2016", on).key == "QD-24-TW-2021"
    assert CAT.current("QD-294-TW-2025", on).key == "QD-24-TW-2021"  # the chain member in force then
    assert CAT.successor_at("QD-24-TW-2021", on) is None


def test_as_of_2026_11_26_24_is_superseded_with_hop_confidences() -> None:
    on = D("2026-11-26")
    assert not CAT.in_force("QD-24-TW-2021", on)
    res = CAT.resolve("QD-24-TW-2021", on)
    assert res.superseded
    assert [(h.source.key, h.target.key, h.confidence) for h in res.hops] == [
        ("QD-24-TW-2021", "QD-232-TW-2025", "H"),
        ("QD-232-TW-2025", "QD-294-TW-2025", "H"),
        ("QD-294-TW-2025", "QD-20-TW-2026", "L"),
        ("QD-20-TW-2026", "QD-208-TW-2026", "L"),
    ]
    assert res.settled("M").key == res.settled("H").key == "QD-294-TW-2025"  # H links up to 294
    assert res.reference.key == CAT.current("QD-24-TW-2021", on).key == "QD-208-TW-2026"  # then L onward
    assert CAT.successor_at("QD-24-TW-2021", on) == CAT["QD-208-TW-2026"]
    assert res.link_confidence == "L" and res.needs_confirmation and res.max_severity == "info"
    assert [h.max_severity for h in res.hops] == ["error", "error", "info", "info"]


def test_ref_superseded_example_dates() -> None:
    # rules.md REF-SUPERSEDED: doc 2025-09-15 citing 24-QĐ/TW → 294-QĐ/TW, H links → error allowed
    res = CAT.resolve("QD-24-TW-2021", D("2025-09-15"))
    assert res.reference.key == "QD-294-TW-2025" and res.max_severity == "error"
    assert CAT.successor_at("QD-294-TW-2025", D("2025-09-15")) is None


def test_thi_hanh_in_force_per_rules_md() -> None:
    # REF-THIHANH-MISSING: 294 from 2025-07-01; 232 20/01/2025–30/6/2025; 24 before
    assert CAT.current("QD-294-TW-2025", D("2025-07-01")).key == "QD-294-TW-2025"
    assert CAT.current("QD-294-TW-2025", D("2025-06-30")).key == "QD-232-TW-2025"
    assert CAT.current("QD-294-TW-2025", D("2025-01-20")).key == "QD-232-TW-2025"
    assert CAT.current("QD-294-TW-2025", D("2025-01-19")).key == "QD-24-TW-2021"
    assert CAT.current("HD-06-TW-2025", D("2025-06-08")).key == "HD-02-TW-2021"
    assert CAT.current("HD-06-TW-2025", D("2025-06-09")).key == "HD-06-TW-2025"
    assert CAT.current("QD-399-TW-2026", D("2020-06-01")).key == "QD-66-TW-2017"  # same kind preferred
    assert CAT.current("QD-66-TW-2017", D("2010-01-01")).key == "QD-31-TW-1997"  # not the amendment


def test_unconfirmed_link_is_never_error_level() -> None:
    on = D("2026-11-26")
    res = CAT.resolve("HD-36-VPTW-2018", on)
    assert res.reference.key == "HD-05-VPTW-2026"
    (hop,) = res.hops
    assert hop.unconfirmed and hop.confidence == "L" and hop.max_severity == "info"
    assert res.max_severity == "info"
    assert CAT.successor_at("HD-36-VPTW-2018", D("2026-05-26")) is None
    for r in CAT:
        for h in CAT.hops(r):
            if h.target.is_unconfirmed or h.source.link_status == "UNCONFIRMED":
                assert h.max_severity == "info"


# ------------------------------------------------------------------------------------------------ lookup
def test_find_disambiguates_number_symbols_by_date() -> None:
    assert keys(CAT.find("01-HD/TW")) == ["HD-01-TW-2016", "HD-01-TW-2026"]
    assert keys(CAT.find("01-HD/TW", D("2016-09-20"))) == ["HD-01-TW-2016"]
    assert keys(CAT.find("Số 01 – HD/TW", D("2026-05-19"))) == ["HD-01-TW-2026"]
    assert keys(CAT.find("01-HD/TW", doc_date=D("2022-01-01"))) == ["HD-01-TW-2016"]
    assert keys(CAT.find("01-HD/TW", doc_date=D("2026-09-01"))) == ["HD-01-TW-2026"]
    assert keys(CAT.find("01-HD/TW", year=2026)) == ["HD-01-TW-2026"]
    assert keys(CAT.find("02-HD/TW", D("2021-12-20"))) == ["HD-02-TW-2021"]  # year-precision entry
    assert keys(CAT.find("01-HD/VPTW")) == ["HD-01-VPTW-1998"]
    assert keys(CAT.find("294-QĐ/TW", doc_date=D("2025-03-10"))) == ["QD-294-TW-2025"]  # anachronism visible
    assert keys(CAT.find("5053-CV/VPTW")) == ["CV-5053-VPTW-2019"]
    assert keys(CAT.find("Điều lệ Đảng")) == ["DIEU-LE-2011"]
    assert CAT.find("9999-QĐ/TW") == []
    assert CAT.find("07-QĐi/TW") == []  # "QĐi" is kept distinct from "QĐ"


def test_symbol_key() -> None:
    assert symbol_key("Số: 06 – HD/TW") == symbol_key("6-HD/TW") == "6-hd/tw"
    assert symbol_key("07-QĐi/TW") != symbol_key("07-QĐ/TW")
    assert symbol_key("30/2020/NĐ-CP") == "30/2020/nd-cp"


def test_search() -> None:
    assert CAT.search("294-qd/tw")[0].key == "QD-294-TW-2025"
    assert CAT.search("294")[0].key == "QD-294-TW-2025"
    assert CAT.search("QD-294")[0].key == "QD-294-TW-2025"
    found = keys(CAT.search("sinh hoat chi bo"))
    assert {"CT-50-TW-2025", "HD-42-BTCTW-2025", "CT-10-TW-2007"} <= set(found)
    assert "QD-298-TW-2025" in keys(CAT.search("ĐẢNG UỶ XÃ"))
    assert CAT.search("") == []


# ------------------------------------------------------------------------------------------------ profiles
def test_for_profile_chi_bo_ubnd_xa() -> None:
    functions = keys(CAT.for_profile(CHI_BO_UBND, D("2025-10-01"), kind="functions"))
    assert functions == ["QD-362-TW-2025"]
    models = keys(CAT.for_profile(CHI_BO_UBND, D("2025-10-01"), kind="model"))
    assert "QD-363-TW-2025" in models and "QD-302-TW-2025" not in models
    assert not CAT.applies("QD-361-TW-2025", CHI_BO_UBND, D("2025-10-01"))
    assert CAT.applies("QD-361-TW-2025", CHI_BO_CQD, D("2025-10-01"))


def test_for_profile_dang_uy_xa() -> None:
    after = keys(CAT.for_profile(DANG_UY_XA, D("2025-10-01"), kind="functions"))
    assert "QD-298-TW-2025" in after and "QD-127-TW-2018" not in after
    before = keys(CAT.for_profile(DANG_UY_XA, D("2024-06-01"), kind="functions"))
    assert before == ["QD-127-TW-2018"]
    # obsolete_for alone (dated applies_to aside) removes 127 from 01/7/2025
    assert not CAT.applies("QD-127-TW-2018", DANG_UY_XA, D("2025-07-01"))
    assert CAT.applies("QD-127-TW-2018", DANG_UY_XA, D("2025-06-30"))
    assert "QD-302-TW-2025" in keys(CAT.for_profile(DANG_UY_XA, D("2025-10-01"), kind="model"))
    assert "HD-31-BTCTW-2025" in keys(CAT.for_profile(DANG_UY_XA, D("2025-10-01")))


def test_for_profile_school() -> None:
    assert keys(CAT.for_profile(SCHOOL, D("2025-10-01"), kind="functions")) == ["QD-125-TW-2023"]
    assert keys(CAT.for_profile(SCHOOL, D("2020-01-01"), kind="functions")) == ["QD-97-TW-2004"]
    assert keys(CAT.for_profile(SCHOOL, D("2025-11-01"), kind="sinh_hoat")) == ["CT-50-TW-2025", "HD-42-BTCTW-2025"]
    non_public = make_profile("chi_bo_co_so", "truong_hoc", non_public=True)
    assert CAT.for_profile(non_public, D("2025-10-01"), kind="functions") == []


def test_for_profile_other_types() -> None:
    assert keys(CAT.for_profile(DN_CAP_TREN, D("2025-10-01"), kind="model")) == ["QD-147-TW-2024"]
    assert keys(CAT.for_profile(DNNN, D("2025-10-01"), kind="functions")) == ["QD-287-TW-2010"]
    assert CAT.for_profile(THON, D("2025-10-01"), kind="functions") == []  # known gap (references.md §3.3)
    assert keys(CAT.for_profile(OrgFacts("dang_uy_co_so", "co_quan_hanh_chinh"), D("2025-10-01"),
                                kind="functions")) == ["QD-98-TW-2004"]
    # "default for thon_to_dan_pho (L)" is only counted on request
    dflt = CAT.for_profile(OrgFacts("dang_uy_co_so", "thon_to_dan_pho"), D("2025-10-01"), kind="model",
                           include_defaults=True)
    assert "CV-7619-BTCTW-2024" in keys(dflt)


def test_org_facts_from_profile() -> None:
    f = OrgFacts.from_profile(SCHOOL)
    assert f.sector == "don_vi_su_nghiep" and f.is_chi_bo and not f.is_dang_uy_xa
    assert OrgFacts.from_profile(DN_CAP_TREN).is_dn_cap_tren
    assert OrgFacts.from_profile(DANG_UY_XA).body == "Đảng bộ xã Tân Thạnh"
    assert OrgFacts("dang_uy_cap_tren_co_so", "phuong").is_dang_uy_xa


# ------------------------------------------------------------------------------------------------ §4 bases
COMMON = ["DIEU-LE-2011", "QD-294-TW-2025", "HD-06-TW-2025"]


@pytest.mark.parametrize(("profile", "extra", "optional"), [
    (DANG_UY_XA, ["QD-298-TW-2025", "QD-302-TW-2025"], []),
    (CHI_BO_CQD, ["QD-361-TW-2025", "QD-363-TW-2025"], ["CT-50-TW-2025", "HD-42-BTCTW-2025"]),
    (CHI_BO_UBND, ["QD-362-TW-2025", "QD-363-TW-2025"], ["CT-50-TW-2025", "HD-42-BTCTW-2025"]),
    (DU_SU_NGHIEP, ["QD-125-TW-2023"], ["CV-7619-BTCTW-2024"]),
    (SCHOOL, ["QD-125-TW-2023"], ["CV-7619-BTCTW-2024"]),
    (DNNN, ["QD-287-TW-2010"], ["CV-7619-BTCTW-2024"]),
    (CHI_BO_TRUC_THUOC, ["QD-125-TW-2023"], []),
    (THON, [], []),
    (DN_CAP_TREN, ["QD-147-TW-2024"], []),
], ids=["dang_uy_xa", "co_quan_dang_xa", "ubnd_xa", "su_nghiep", "school", "dnnn", "truc_thuoc", "thon",
        "dn_cap_tren"])
def test_expected_bases_per_section_4(profile: Profile, extra: list[str], optional: list[str]) -> None:
    on = D("2025-11-01")
    got = expected_bases(profile, on)
    assert keys(got) == COMMON + extra
    # only 287-QĐ/TW ("status to confirm", L) asks for confirmation before 2026-04-08
    assert [r.key for r in got if r.needs_confirmation] == (["QD-287-TW-2010"] if profile is DNNN else [])
    assert keys(CAT.expected_bases(profile, on, include_optional=True)) == COMMON + extra + optional


def test_expected_basis_items_local_lines_and_order() -> None:
    items = CAT.expected_basis_items(CHI_BO_UBND, D("2025-11-01"))
    roles = [b.role for b in items]
    assert roles[:5] == ["ref"] * 5 and roles[5:7] == ["local", "local"]
    assert items[5].text == "Quy chế làm việc của Ban Chấp hành Đảng bộ xã Tân Thạnh"
    assert items[6].text.startswith("Nghị quyết Đại hội Chi bộ Ủy ban nhân dân xã Tân Thạnh")
    assert items[6].text.endswith("nhiệm kỳ 2025 - 2030")
    assert items[7].optional and items[7].confidence == "L" and items[7].needs_confirmation
    assert [b.reference.key for b in items if b.slot == "functions" and b.reference] == ["QD-362-TW-2025"]
    bset = CAT.basis_set(DANG_UY_XA)
    assert bset is not None and bset.id == "dang_uy_xa"


def test_expected_bases_follow_the_chain_by_date() -> None:
    # before 2026-04-08: 294/06 (no L link followed)
    assert keys(expected_bases(DANG_UY_XA, D("2026-04-07")))[:3] == COMMON
    # from 2026-04-08: the chain's current entries, marked needs_confirmation
    mid = expected_bases(DANG_UY_XA, D("2026-05-01"))
    assert keys(mid)[:3] == ["DIEU-LE-2011", "QD-20-TW-2026", "HD-06-TW-2025"]
    assert [r.needs_confirmation for r in mid[:3]] == [False, True, False]
    late = expected_bases(DANG_UY_XA, D("2026-11-26"))
    assert keys(late)[:3] == ["DIEU-LE-2011", "QD-208-TW-2026", "HD-01-TW-2026"]
    assert late[1].needs_confirmation and late[2].needs_confirmation
    assert late[1] == CAT["QD-208-TW-2026"]  # the flag does not change identity
    # earlier documents: the entries in force then
    assert keys(expected_bases(SCHOOL, D("2025-03-01"))) == ["DIEU-LE-2011", "QD-232-TW-2025", "HD-02-TW-2021",
                                                              "QD-125-TW-2023"]
    assert keys(expected_bases(SCHOOL, D("2022-01-01"))) == ["DIEU-LE-2011", "QD-24-TW-2021", "HD-02-TW-2021",
                                                              "QD-97-TW-2004"]
    # a đảng ủy xã before 01/7/2025: 298 not yet in force → the functions regulation then (127); no 302
    assert keys(expected_bases(DANG_UY_XA, D("2024-06-01"))) == ["DIEU-LE-2011", "QD-24-TW-2021", "HD-02-TW-2021",
                                                                  "QD-127-TW-2018"]


def test_expected_bases_settings_in_yaml() -> None:
    ids = [s.id for s in CAT.basis_sets]
    assert ids[-1] == "default" and "dang_uy_xa" in ids
    bset = CAT.basis_set(OrgFacts("dang_uy_co_so", "doanh_nghiep_ngoai_nha_nuoc"))
    assert bset is not None and bset.id == "default"
    assert keys(expected_bases(OrgFacts("dang_uy_co_so", "doanh_nghiep_ngoai_nha_nuoc"), D("2025-11-01"))) == [
        *COMMON, "QD-288-TW-2010"]


# ------------------------------------------------------------------------------------------------ validation
def _base_data() -> dict[str, Any]:
    return {
        "version": "test",
        "references": [
            {"key": "A", "number_symbol": "1-QĐ/TW", "date": "2020-01-01", "title_short": "A", "kind": "thi_hanh",
             "applies_to": ["all"], "confidence": "H", "status": "superseded", "superseded_by": "B",
             "superseded_on": "2021-01-01"},
            {"key": "B", "number_symbol": "2-QĐ/TW", "date": "2021-01-01", "title_short": "B", "kind": "thi_hanh",
             "applies_to": ["all"], "confidence": "H", "status": "in_force"},
        ],
    }


def _write(tmp_path: Path, name: str, data: Any) -> Path:
    p = tmp_path / name
    p.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return p


def test_good_base_file(tmp_path: Path) -> None:
    cat = load_catalogue(base=_write(tmp_path, "base.yaml", _base_data()))
    assert cat.version == "test" and keys(cat.chain("A")) == ["A", "B"]
    assert cat.resolve("A", D("2022-01-01")).max_severity == "error"


def _expect_error(tmp_path: Path, data: dict[str, Any], *fragments: str) -> str:
    with pytest.raises(CatalogueError) as exc:
        load_catalogue(base=_write(tmp_path, "bad.yaml", data))
    msg: str = exc.value.message
    assert isinstance(exc.value, QuycheError)
    for f in fragments:
        assert f in msg, msg
    assert unicodedata.is_normalized("NFC", msg)
    return msg


def test_dangling_link_names_both_keys(tmp_path: Path) -> None:
    data = _base_data()
    data["references"][0]["superseded_by"] = "ZZZ"
    _expect_error(tmp_path, data, "“A”", "“ZZZ”", "superseded_by", "không có trong danh mục")


def test_cycle_rejected(tmp_path: Path) -> None:
    data = _base_data()
    data["references"][1].update(superseded_by="A", superseded_on="2021-01-01", status="superseded")
    _expect_error(tmp_path, data, "vòng lặp", "superseded_by", "A → B → A")


def test_self_link_rejected(tmp_path: Path) -> None:
    data = _base_data()
    data["references"][1].update(superseded_by="B", superseded_on="2022-01-01", status="superseded")
    _expect_error(tmp_path, data, "“B”", "superseded_by")


def test_superseded_on_before_date_rejected(tmp_path: Path) -> None:
    data = _base_data()
    data["references"][0]["superseded_on"] = "2019-06-01"
    _expect_error(tmp_path, data, "“A”", "superseded_on", "2019-06-01")


def test_duplicate_key_rejected(tmp_path: Path) -> None:
    data = _base_data()
    data["references"].append(dict(data["references"][1]))
    _expect_error(tmp_path, data, "“B”", "trùng")


def test_unconfirmed_link_cannot_be_h(tmp_path: Path) -> None:
    data = _base_data()
    data["references"][1]["status"] = "UNCONFIRMED"
    _expect_error(tmp_path, data, "“A”", "link_confidence", "CHƯA XÁC NHẬN")
    data["references"][0]["link_confidence"] = "M"  # allowed, but capped to L
    cat = load_catalogue(base=_write(tmp_path, "ok.yaml", data))
    assert cat.resolve("A", D("2022-01-01")).max_severity == "info"


@pytest.mark.parametrize(("field", "value", "fragment"), [
    ("kind", "whatever", "kind"),
    ("applies_to", ["xa<2025-13-01"], "applies_to"),
    ("applies_to", ["tinh"], "applies_to"),
    ("date", "30/7/2021", "date"),
    ("confidence", "X", "confidence"),
    ("colour", "red", "colour"),
])
def test_bad_fields_name_key_and_field(tmp_path: Path, field: str, value: Any, fragment: str) -> None:
    data = _base_data()
    data["references"][1][field] = value
    _expect_error(tmp_path, data, "“B”", f"“{fragment}”")


def test_status_superseded_needs_a_link(tmp_path: Path) -> None:
    data = _base_data()
    data["references"][1]["status"] = "superseded"
    _expect_error(tmp_path, data, "“B”", "status")


def test_unreadable_base(tmp_path: Path) -> None:
    p = tmp_path / "broken.yaml"
    p.write_text("references: [\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="YAML không hợp lệ"):
        load_catalogue(base=p)


# ------------------------------------------------------------------------------------------------ overlays
PROVINCIAL = {
    "key": "QN-QD-05-TU-2025",
    "number_symbol": "05-QĐi/TU",
    "doc_type": "Quy định",
    "date": "2025-09-10",
    "issuer": "Ban Thường vụ Tỉnh ủy Quảng Nam",
    "title_short": "Quy định về chế độ báo cáo của đảng ủy xã, phường",
    "kind": "other",
    "applies_to": ["is_dang_uy_xa"],
    "scope": ["tỉnh Quảng Nam"],
    "basis": True,
    "confidence": "H",
    "status": "in_force",
    "changed_by": "Ban Tổ chức Tỉnh ủy Quảng Nam",
    "changed_on": "2025-10-01",
    "source": ["https://quangnam.dcs.vn/van-ban/05-qdi-tu"],
}
CONFIRM_05 = [
    {"key": "HD-36-VPTW-2018", "link_confidence": "H", "link_status": "confirmed",
     "changed_by": "Văn phòng Tỉnh ủy", "changed_on": "2026-12-01",
     "source": "https://example.org/05-hd-vptw-official"},
    {"key": "HD-05-VPTW-2026", "status": "in_force", "confidence": "H", "content_confidence": None,
     "changed_by": "Văn phòng Tỉnh ủy", "changed_on": "2026-12-01",
     "source": ["https://example.org/05-hd-vptw-official"]},
]


def test_overlay_adds_provincial_rule_and_confirms_link(tmp_path: Path) -> None:
    overlay = _write(tmp_path, "qn.yaml", {"version": "QN-2026.12", "references": [PROVINCIAL, *CONFIRM_05]})
    cat = load_catalogue(overlay)
    assert cat.version == "2026.11.1+QN-2026.12"
    assert len(cat) == 51
    rule = cat["QN-QD-05-TU-2025"]
    assert rule.origin == "qn.yaml" and rule.history[0].action == "add"
    # scoped to the province's tree
    assert "QN-QD-05-TU-2025" in keys(cat.for_profile(DANG_UY_XA, D("2025-11-01")))
    elsewhere = make_profile("dang_uy_co_so", "xa", name="Đảng ủy xã B", superior="Đảng bộ tỉnh Gia Lai")
    assert "QN-QD-05-TU-2025" not in keys(cat.for_profile(elsewhere, D("2025-11-01")))
    items = cat.expected_basis_items(DANG_UY_XA, D("2025-11-01"))
    assert [b.reference.key for b in items if b.role == "board" and b.reference] == ["QN-QD-05-TU-2025"]
    assert not [b for b in cat.expected_basis_items(elsewhere, D("2025-11-01")) if b.role == "board"]
    # the confirmed link now carries its own confidence
    res = cat.resolve("HD-36-VPTW-2018", D("2026-11-26"))
    assert res.hops[0].confidence == "H" and res.max_severity == "error"
    assert cat["HD-36-VPTW-2018"].source[-1] == "https://example.org/05-hd-vptw-official"
    assert cat["HD-05-VPTW-2026"].content_confidence is None
    change = cat["HD-36-VPTW-2018"].history[0]
    assert change.changed_by == "Văn phòng Tỉnh ủy" and change.changed_on == D("2026-12-01")
    assert set(change.fields) == {"link_confidence", "link_status"} and change.is_link_event
    events = {(r.key, ch.key) for r, ch in cat.link_events()}
    assert ("HD-36-VPTW-2018", "HD-36-VPTW-2018") in events and ("HD-36-VPTW-2018", "HD-05-VPTW-2026") in events
    # the packaged catalogue is untouched
    assert packaged_catalogue()["HD-36-VPTW-2018"].link_confidence == "L"
    assert "QN-QD-05-TU-2025" not in packaged_catalogue()


def test_overlay_change_without_author_rejected(tmp_path: Path) -> None:
    rec = {"key": "QD-294-TW-2025", "link_confidence": "H", "source": ["x"]}
    with pytest.raises(CatalogueError, match="changed_by"):
        load_catalogue(_write(tmp_path, "o.yaml", {"references": [rec]}))
    rec2 = {"key": "QD-294-TW-2025", "link_confidence": "H", "changed_by": "A", "changed_on": "2026-12-01"}
    with pytest.raises(CatalogueError, match="source"):
        load_catalogue(_write(tmp_path, "o2.yaml", {"references": [rec2]}))


def test_overlay_validated_as_a_whole(tmp_path: Path) -> None:
    dangling = {"key": "QD-208-TW-2026", "superseded_by": "QD-999-TW-2027", "superseded_on": "2027-01-01",
                "status": "superseded", "changed_by": "A", "changed_on": "2026-12-01", "source": ["x"]}
    with pytest.raises(CatalogueError) as exc:
        load_catalogue(_write(tmp_path, "d.yaml", {"references": [dangling]}))
    assert "“QD-208-TW-2026”" in exc.value.message and "“QD-999-TW-2027”" in exc.value.message
    cycle = {"key": "QD-208-TW-2026", "superseded_by": "QD-294-TW-2025", "superseded_on": "2027-01-01",
             "link_confidence": "L", "status": "superseded", "changed_by": "A", "changed_on": "2026-12-01",
             "source": ["x"]}
    with pytest.raises(CatalogueError, match="vòng lặp"):
        load_catalogue(_write(tmp_path, "c.yaml", {"references": [cycle]}))
    # a later overlay can reverse an earlier one
    o1 = _write(tmp_path, "1.yaml", {"version": "1", "references": [
        {"key": "QD-287-TW-2010", "status": "historical", "changed_by": "A", "changed_on": "2026-12-01",
         "source": ["x"]}]})
    o2 = _write(tmp_path, "2.yaml", {"version": "2", "references": [
        {"key": "QD-287-TW-2010", "status": "in_force", "changed_by": "A", "changed_on": "2026-12-02",
         "source": ["y"]}]})
    cat = load_catalogue(o1, o2)
    assert cat.version == "2026.11.1+1+2" and cat["QD-287-TW-2010"].status == "in_force"
    assert len(cat["QD-287-TW-2010"].history) == 2


# ------------------------------------------------------------------------------------------------ properties
DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=400, deadline=None)
@given(key=st.sampled_from(KEYS), on=DATES)
def test_current_is_in_force_or_end_of_chain(key: str, on: date) -> None:
    cur = CAT.current(key, on)
    chain = CAT.chain(key)
    assert cur in chain
    # In force then, or the last of its chain, or (a date before the chain begins, a historical entry)
    # no member of the chain is in force on that date.
    assert CAT.in_force(cur, on) or cur == chain[-1] or not any(CAT.in_force(r, on) for r in chain)


@settings(max_examples=200, deadline=None)
@given(key=st.sampled_from(KEYS), on=DATES)
def test_successor_and_in_force_agree(key: str, on: date) -> None:
    succ = CAT.successor_at(key, on)
    ref = CAT[key]
    if succ is not None:
        assert not CAT.in_force(ref, on)
        assert CAT.resolve(key, on).reference == succ
    elif CAT.in_force(ref, on):
        assert CAT.current(key, on) == ref


@settings(max_examples=200, deadline=None)
@given(key=st.sampled_from(KEYS), a=DATES, b=DATES, c=DATES)
def test_in_force_is_an_interval(key: str, a: date, b: date, c: date) -> None:
    lo, mid, hi = sorted((a, b, c))
    if CAT.in_force(key, lo) and CAT.in_force(key, hi):
        assert CAT.in_force(key, mid)


@given(key=st.sampled_from(KEYS))
def test_supersession_is_monotonic_along_every_chain(key: str) -> None:
    chain = CAT.chain(key)
    assert [r.date for r in chain] == sorted(r.date for r in chain)
    for hop in CAT.hops(key):
        assert hop.target.effective_from >= hop.source.date
        assert hop.on >= hop.source.date
        assert hop.on >= hop.source.effective_from


@given(key=st.sampled_from(KEYS))
def test_every_entry_is_found_by_its_own_citation(key: str) -> None:
    r = CAT[key]
    assert r in CAT.find(r.number_symbol, r.date)
    assert r in CAT.find(r.number_symbol, doc_date=r.date + timedelta(days=1))


def test_catalogue_type() -> None:
    assert isinstance(CAT, ReferenceCatalogue)
