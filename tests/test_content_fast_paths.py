"""The fast paths of the content analyses give what their straightforward definitions give.

- :mod:`quyche.keyscan`: the paragraphs found by one search of the joined keys are those whose key holds a word;
- :func:`quyche.meetings.parse_meetings`: with every word gate turned off (each pattern searched as such, every
  sentence parsed), the same meeting clauses, on every corpus document and on generated regulations;
- :func:`quyche.rules.term._kit.date_paragraphs`: every paragraph with a written date is a candidate.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quyche.meetings as meetings
from factory import L, PartyDoc
from meetdocs import CHI_BO_MEETING, chibo_doc, danguy_doc
from quyche.keyscan import paragraphs_holding
from quyche.model import Document, Location, Paragraph, Run
from quyche.readers.docx.reader import read_docx
from quyche.references import packaged_catalogue
from quyche.rules.term._kit import _written_dates, date_paragraphs
from quyche.text import fold

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
DOCS = sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else []


def para(text: str) -> Paragraph:
    return Paragraph(text, [Run(text)], Location(0))


def documents() -> list[Document]:
    docs = [read_docx(p.read_bytes(), p.name) for p in DOCS]
    docs += [chibo_doc(), danguy_doc(), chibo_doc(meeting=[*CHI_BO_MEETING, "6. Chi ủy họp thay cho sinh hoạt."])]
    return docs


# ------------------------------------------------------------------------------------------------ keyscan
_ALPHABET = st.sampled_from(["a", "b", "n", "g", "y", " ", "/", "-", ".", "1", "đ", "á", "ngay", "thang"])


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(st.lists(_ALPHABET, max_size=12).map("".join), max_size=12),
       words=st.lists(st.sampled_from(["a", "ngay", "b/", "1.", " y", "thang", "-1-"]), max_size=3))
def test_paragraphs_holding_is_its_definition(texts: list[str], words: list[str]) -> None:
    paras = [para(t) for t in texts]
    rx = (re.compile(r"/ ?\d"),)
    expected = [p for p in paras if any(w in p.key for w in words) or rx[0].search(p.key)]
    assert paragraphs_holding(paras, words, rx) == expected


# ------------------------------------------------------------------------------------------------ meetings
def _searched(rx: re.Pattern[str], words: tuple[str, ...], text: str, start: int = 0, end: int | None = None
              ) -> bool:
    return rx.search(text, start, len(text) if end is None else end) is not None


@pytest.fixture
def no_gates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every word gate of quyche.meetings off: each pattern searched as such, every sentence parsed."""
    monkeypatch.setattr(meetings, "_holds_match", _searched)
    monkeypatch.setattr(meetings, "_KIND_SCAN", tuple((n, rx, ("",)) for n, rx, _ in meetings._KIND_SCAN))
    monkeypatch.setattr(meetings, "_INTERVAL_WORDS", ("",))
    monkeypatch.setattr(meetings, "_may_state_outside", lambda *_: True)
    monkeypatch.setattr(meetings, "_VERB_KEYS", ("",))
    monkeypatch.setattr(meetings, "_THRESHOLD_KEYS", ("",))


def test_parse_meetings_equals_its_ungated_parse(request: pytest.FixtureRequest) -> None:
    docs = documents()
    fast = [meetings.parse_meetings(d.zones) for d in docs]
    request.getfixturevalue("no_gates")
    slow = [meetings.parse_meetings(d.zones) for d in docs]
    assert fast == slow
    assert sum(len(mc.statements) for mc in fast) > 10  # the corpus states meetings


def test_gate_words_hold_every_match() -> None:
    """Each gated pattern's matches hold one of its words, on every body text of the documents."""
    pairs = [(meetings._STRONG_KIND, meetings._STRONG_WORDS), (meetings._REPLACE_RE, meetings._REPLACE_WORDS),
             *((rx, words) for _, rx, words in meetings._KIND_SCAN)]
    for doc in documents():
        for p in doc.zones.body:
            key = meetings.paragraph_fold(p)
            for rx, words in pairs:
                for m in rx.finditer(key):
                    assert any(w in m.group(0) for w in words), (rx.pattern, m.group(0))
            low = meetings.lower_keep(p.plain)
            for m in meetings._VERB_RE.finditer(low):
                assert m.group(0) in meetings._VERB_WORDS


# ------------------------------------------------------------------------------------------------ dates
_DATES = ["ngày 30 tháng 02 năm 2026", "30/02/2026", "5 - 6 - 2025", "05 . 06 . 2025", "ngày 30/02", "tháng 13/2025",
          "Ngày\u00a05\u00a0tháng 6 năm 2025", "05\u2013 06\u20132025", "tháng  7 năm 2024", "ngày5/6"]


@settings(max_examples=300, deadline=None)
@given(before=st.sampled_from(["", "Hà Nội, ", "- Căn cứ ", "x"]), date=st.sampled_from(_DATES),
       after=st.sampled_from(["", ";", " của Ban", "."]))
def test_every_dated_paragraph_is_a_candidate(before: str, date: str, after: str) -> None:
    paras = [para("- Căn cứ Điều lệ Đảng;"), para(before + date + after), para("Điều 1. Phạm vi")]
    found = date_paragraphs(paras)
    assert all(p in found for p in paras if _written_dates(p))
    assert _written_dates(paras[1])


def test_dated_paragraphs_of_the_documents_are_candidates() -> None:
    docs = [*documents(), read_docx(PartyDoc(body=[L("Điều 1. Ngày 31/4/2025 và tháng 13/2025")]).to_bytes(), "x")]
    for doc in docs:
        found = {id(p) for p in date_paragraphs(doc.paragraphs)}
        assert all(id(p) in found for p in doc.paragraphs if _written_dates(p))


def test_meeting_clauses_key_is_the_fold_of_their_text() -> None:
    for doc in documents():
        mc = meetings.parse_meetings(doc.zones)
        assert mc.key == fold(" ".join(p.plain for p in mc.paragraphs))
    odd = meetings.MeetingClauses(paragraphs=[para(t) for t in ("", "Chi\u00a0bộ  họp", "\u0301", " A\tB ", "ẞ x")])
    assert odd.key == fold(" ".join(p.plain for p in odd.paragraphs))


# ------------------------------------------------------------------------------------------------ catalogue
def test_catalogue_indexes_equal_their_definitions() -> None:
    cat = packaged_catalogue()
    for r in cat:
        assert cat.link_confidence(r) == (cat.hops(r)[0].confidence if cat.hops(r) else None)
    for kind in {r.kind for r in cat} | {"no_such_kind"}:
        assert cat.of_kind(kind) == tuple(r for r in cat if r.kind == kind)
