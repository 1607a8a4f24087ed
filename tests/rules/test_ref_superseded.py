"""REF-SUPERSEDED — examples of rules.md §4, the link-confidence severities and the 2026 khóa XIV links."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from refkit import CONGRESS, DIEU_LE, HD_06, QD_24, QD_294, body_with, ref_doc

from quyche.references import load_catalogue
from quyche.rules.base import Settings
from rulekit import run_rule

RULE = "REF-SUPERSEDED"
EARLY_2026 = date(2026, 3, 1)
LATE_2026 = date(2026, 11, 26)
WRONG_24 = "- Căn cứ Quy định số 24-QĐ/TW, ngày 30/7/2021 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;"
RIGHT_294 = "- Căn cứ Quy định số 294-QĐ/TW, ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;"


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_example_24_is_an_error_naming_294(formatting: str) -> None:
    d = ref_doc(DIEU_LE, WRONG_24, on=(15, 9, 2025), formatting=formatting)
    found = run_rule(RULE, d, as_of=EARLY_2026)
    assert [(f.severity, f.part, f.confidence, f.zone) for f in found] == [
        ("error", "link_h_before_doc", "H", "preamble")
    ]
    f = found[0]
    assert "294-QĐ/TW" in f.message and "26/5/2025" in f.message and "Thi hành Điều lệ Đảng" in f.message
    assert "24-QĐ/TW → 232-QĐ/TW" in f.message  # the chain
    assert f.expected == "294-QĐ/TW (26/5/2025)" and f.actual == "24-QĐ/TW"
    assert not f.needs_confirmation and "[Cần xác nhận]" not in f.message


def test_right_example_294() -> None:
    assert run_rule(RULE, ref_doc(DIEU_LE, RIGHT_294, on=(15, 9, 2025)), as_of=EARLY_2026) == []


def test_24_is_not_superseded_as_of_2022() -> None:
    assert run_rule(RULE, ref_doc(DIEU_LE, WRONG_24, on=(15, 9, 2025)), as_of=date(2022, 1, 1)) == []


def test_24_as_of_late_2026_names_294_and_mentions_the_unconfirmed_khoa_xiv_texts() -> None:
    found = run_rule(RULE, ref_doc(DIEU_LE, WRONG_24, on=(15, 9, 2025)), as_of=LATE_2026)
    assert [(f.severity, f.part) for f in found] == [("error", "link_h_before_doc")]
    msg = found[0].message
    assert "Văn bản thay thế đã xác lập: Quy định 294-QĐ/TW ngày 26/5/2025" in msg
    assert "[Cần xác nhận]" in msg and "20-QĐ/TW" in msg and "208-QĐ/TW" in msg
    assert not msg.startswith("[Cần xác nhận]")  # the finding itself rests on H links


def test_294_as_of_late_2026_is_only_a_flagged_info() -> None:
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, HD_06, on=(15, 10, 2025)), as_of=LATE_2026)
    assert sorted((f.severity, f.part, f.needs_confirmation, f.actual) for f in found) == [
        ("info", "link_l", True, "06-HD/TW"),
        ("info", "link_l", True, "294-QĐ/TW"),
    ]
    by = {f.actual: f for f in found}
    assert by["294-QĐ/TW"].message.startswith("[Cần xác nhận]") and "208-QĐ/TW" in by["294-QĐ/TW"].message
    assert "01-HD/TW" in by["06-HD/TW"].message


def test_294_as_of_early_2026_is_current() -> None:
    assert run_rule(RULE, ref_doc(DIEU_LE, QD_294, HD_06), as_of=EARLY_2026) == []


def test_36_hd_vptw_with_an_unconfirmed_successor_never_goes_above_info() -> None:
    line = "- Căn cứ Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng về thể thức văn bản;"
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, line), as_of=LATE_2026)
    hd36 = [f for f in found if f.actual == "36-HD/VPTW"]
    assert [(f.severity, f.needs_confirmation) for f in hd36] == [("info", True)]
    assert "CHƯA XÁC NHẬN" in hd36[0].message


def test_superseded_after_the_document_date_is_a_review_warning() -> None:
    found = run_rule(RULE, ref_doc(DIEU_LE, WRONG_24, on=(1, 10, 2024)), as_of=EARLY_2026)
    assert [(f.severity, f.part) for f in found] == [("warning", "link_h_after_doc")]
    assert "rà soát" in found[0].message


def test_link_of_confidence_m_is_a_warning() -> None:
    line = "- Căn cứ Quy định số 97-QĐ/TW ngày 22/3/2004 của Ban Bí thư về chức năng, nhiệm vụ của đảng bộ cơ sở;"
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, line), as_of=EARLY_2026)
    assert [(f.severity, f.part, f.expected) for f in found] == [("warning", "link_m", "125-QĐ/TW (10/10/2023)")]


def test_undated_draft_citing_24_is_an_error() -> None:
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_24, on=None), as_of=EARLY_2026)
    assert [f.severity for f in found] == ["error"]


@pytest.mark.parametrize("spelling", ["24 – QĐ/TW", "24-QĐ/TW", "số 24 - QĐ/TW"])
def test_spellings_and_one_finding_per_document(spelling: str) -> None:
    line = f"- Căn cứ Quy định {spelling} ngày 30/7/2021 của Ban Chấp hành Trung ương;"
    body = body_with("1. Thực hiện theo Quy định số 24-QĐ/TW của Ban Chấp hành Trung ương.")
    found = run_rule(RULE, ref_doc(DIEU_LE, line, CONGRESS, body=body), as_of=EARLY_2026)
    assert len(found) == 1 and found[0].zone == "preamble"


def test_citation_in_the_body_is_judged_too() -> None:
    body = body_with("1. Chi bộ thực hiện theo Quy định số 24-QĐ/TW của Ban Chấp hành Trung ương.")
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, body=body), as_of=EARLY_2026)
    assert [(f.severity, f.zone) for f in found] == [("error", "body")]


def test_a_document_named_inside_another_citations_title_is_not_a_basis() -> None:
    line = ("- Căn cứ Hướng dẫn số 42-HD/BTCTW ngày 28/10/2025 của Ban Tổ chức Trung ương thay thế Hướng dẫn số "
            "12-HD/BTCTW ngày 06/7/2018 về sinh hoạt chi bộ;")
    assert run_rule(RULE, ref_doc(DIEU_LE, QD_294, line, on=(1, 11, 2025)), as_of=EARLY_2026) == []


def test_board_confirming_a_link_raises_the_severity(tmp_path: Path) -> None:
    """Confidence is data: once a board confirms 294-QĐ/TW → 20-QĐ/TW as H, the same citation is a warning."""
    overlay = tmp_path / "board.yaml"
    overlay.write_text(yaml.safe_dump({"references": [{
        "key": "QD-294-TW-2025", "link_confidence": "H", "changed_by": "Ban Tổ chức Tỉnh ủy",
        "changed_on": "2026-11-01", "source": ["https://example.org/20-qd-tw"],
    }]}, allow_unicode=True), encoding="utf-8")
    settings = Settings(extra={"reference_catalogue": load_catalogue(overlay)})
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, on=(15, 10, 2025)), as_of=LATE_2026, settings=settings)
    assert [(f.severity, f.part, f.expected) for f in found] == [
        ("warning", "link_h_after_doc", "20-QĐ/TW (08/4/2026)")
    ]
    assert "208-QĐ/TW" in found[0].message and "[Cần xác nhận]" in found[0].message


def test_historical_entry_is_a_flagged_info_naming_the_regulation_in_force() -> None:
    line = "- Căn cứ Quy định số 23-QĐ/TW năm 2006 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;"
    found = run_rule(RULE, ref_doc(DIEU_LE, line), as_of=EARLY_2026)
    assert [(f.severity, f.part, f.needs_confirmation, f.expected) for f in found] == [
        ("info", "link_l", True, "294-QĐ/TW")
    ]
    assert "lịch sử" in found[0].message
