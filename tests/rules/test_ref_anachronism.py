"""REF-ANACHRONISM — examples of rules.md §4 plus date precision and uncertain catalogue dates."""

from __future__ import annotations

from datetime import date

import pytest
from refkit import DIEU_LE, QD_294, body_with, ref_doc

from rulekit import run_rule

RULE = "REF-ANACHRONISM"
AS_OF = date(2026, 11, 26)


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_example_294_cited_before_it_existed(formatting: str) -> None:
    d = ref_doc(DIEU_LE, "- Căn cứ Quy định số 294-QĐ/TW, ngày 26/5/2025 …;", on=(10, 3, 2025),
                formatting=formatting)
    found = run_rule(RULE, d, as_of=AS_OF)
    assert [(f.severity, f.confidence, f.zone) for f in found] == [("warning", "H", "preamble")]
    assert "294-QĐ/TW" in found[0].message and "10/3/2025" in found[0].message
    assert found[0].actual == "294-QĐ/TW ngày 26/5/2025"


def test_right_example_232() -> None:
    d = ref_doc(DIEU_LE, "- Căn cứ Quy định số 232-QĐ/TW, ngày 20/01/2025 …;", on=(10, 3, 2025))
    assert run_rule(RULE, d, as_of=AS_OF) == []


def test_catalogue_date_counts_even_when_the_citation_prints_none() -> None:
    assert len(run_rule(RULE, ref_doc(DIEU_LE, "- Căn cứ Quy định 294;", on=(10, 3, 2025)), as_of=AS_OF)) == 1


def test_same_day_is_not_an_anachronism() -> None:
    assert run_rule(RULE, ref_doc(DIEU_LE, QD_294, on=(26, 5, 2025)), as_of=AS_OF) == []


def test_year_only_catalogue_date_is_compared_by_year() -> None:
    """02-HD/TW is known only as "2021" (stored 2021-01-01): a document of March 2021 may cite it."""
    line = "- Căn cứ Hướng dẫn số 02-HD/TW của Ban Bí thư hướng dẫn thi hành Điều lệ Đảng;"
    assert run_rule(RULE, ref_doc(DIEU_LE, line, on=(1, 3, 2021)), as_of=AS_OF) == []
    assert len(run_rule(RULE, ref_doc(DIEU_LE, line, on=(1, 12, 2020)), as_of=AS_OF)) == 1


def test_uncertain_catalogue_date_needs_the_printed_date() -> None:
    """20-QĐ/TW is "probably 08/4/2026" (date L): alone it cannot make a finding of confidence H."""
    bare = "- Căn cứ Quy định số 20-QĐ/TW của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;"
    assert run_rule(RULE, ref_doc(DIEU_LE, bare, on=(1, 4, 2026)), as_of=AS_OF) == []
    printed = "- Căn cứ Quy định số 20-QĐ/TW ngày 08/4/2026 của Ban Chấp hành Trung ương;"
    assert len(run_rule(RULE, ref_doc(DIEU_LE, printed, on=(1, 4, 2026)), as_of=AS_OF)) == 1


def test_document_outside_the_catalogue_is_judged_by_its_printed_date() -> None:
    line = "- Căn cứ Quy chế làm việc số 01-QC/ĐU ngày 20/11/2025 của Ban Chấp hành Đảng bộ tỉnh Tây Ninh;"
    found = run_rule(RULE, ref_doc(DIEU_LE, line, on=(15, 10, 2025)), as_of=AS_OF)
    assert [f.actual for f in found] == ["01-QC/ĐU ngày 20/11/2025"]


def test_undated_draft_is_not_judged() -> None:
    assert run_rule(RULE, ref_doc(DIEU_LE, "- Căn cứ Quy định số 208-QĐ/TW;", on=None), as_of=AS_OF) == []


def test_citation_in_the_body_counts_once() -> None:
    body = body_with("1. Thực hiện Quy định số 294-QĐ/TW.", "2. Theo Quy định số 294-QĐ/TW.")
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, on=(10, 3, 2025), body=body), as_of=AS_OF)
    assert [f.zone for f in found] == ["preamble"]
