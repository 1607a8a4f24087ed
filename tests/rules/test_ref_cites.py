"""The REF rules' shared citation cache: extracted once per document, and the pre-filter never drops a citation."""

from __future__ import annotations

from datetime import date

import pytest
from refkit import DIEU_LE, QD_294, ref_doc

from quyche.citations import find_citations
from quyche.engine import Checker, Selection
from quyche.rules.base import Context
from quyche.rules.ref import _cites
from quyche.rules.ref._cites import document_citations, may_cite


def test_citations_are_extracted_once_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    d = ref_doc(DIEU_LE, QD_294, "- Căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021;")
    calls = 0
    real = _cites.find_citations

    def counting(text: str):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return real(text)

    monkeypatch.setattr(_cites, "find_citations", counting)
    Checker(Selection(select=("REF",))).run(d, Context(as_of=date(2026, 3, 1)))
    first = calls
    assert first > 0
    assert document_citations(d) is document_citations(d)
    Checker(Selection(select=("REF",))).run(d, Context(as_of=date(2026, 11, 26)))
    assert calls == first  # a second check of the same document reuses the extraction


@pytest.mark.parametrize("text", [
    "Căn cứ Điều lệ Đảng;", "theo ĐIỀU LỆ ĐẢNG", "Căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021;", "24–QĐ/TW",
    "số 24 - QĐ/TW", "24\u00a0-\u00a0QĐ/TW", "Quy định 294", "QUY ĐỊNH SỐ 294", "QĐ 294", "HD 06", "Hướng dẫn số 36",
    "Chỉ thị 50", "Kết luận 18", "Nghị quyết số 12", "Công văn 7619", "Nghị định 30", "30/2020/NĐ-CP",
    "Số: 12/QĐ-UBND", "5053-CV/VPTW/nb", "Quy định số: 294", "Thông tư 01", "Luật 45",
])
def test_prefilter_keeps_every_citation(text: str) -> None:
    for t in (text, f"Căn cứ {text};", f"- theo {text} của Ban Bí thư."):
        if find_citations(t):
            assert may_cite(t), t


@pytest.mark.parametrize("text", [
    "1. Chi bộ họp mỗi tháng một lần.", "Ngày 15 tháng 10 năm 2025", "Điều 5. Chế độ họp",
])
def test_prefilter_skips_plain_lines(text: str) -> None:
    assert not find_citations(text) and not may_cite(text)
