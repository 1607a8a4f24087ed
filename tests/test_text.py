"""Folding keys: the prefolded fast table gives exactly what the self-filling per-character table gives."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from quyche import text as T

_REFERENCE = T.CharTable(T._fold_char)  # never prefilled: the definition of fold per character

_MIXED = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0, max_codepoint=0x24F),
        st.characters(min_codepoint=0x300, max_codepoint=0x36F),
        st.characters(min_codepoint=0x1E00, max_codepoint=0x1EFF),
        st.characters(min_codepoint=0x2000, max_codepoint=0x206F),
        st.characters(),  # anything else, outside the prefolded ranges
    ),
    max_size=40,
)


@settings(max_examples=500, derandomize=True)
@given(_MIXED)
def test_fold_matches_per_character_definition(s: str) -> None:
    assert T.fold(s) == " ".join(s.translate(_REFERENCE).split())


def test_fold_examples() -> None:
    assert T.fold("Hoà  BÌNH") == T.fold("hòa bình") == "hoa binh"
    assert T.fold("ĐẢNG ỦY") == "dang uy"
    assert T.fold("số 24\u2013QĐ/TW") == "so 24-qd/tw"
    assert T.fold("ＡＢＣ") == T.fold("ＡＢＣ".translate(_REFERENCE))  # full-width: the slow table path


_PLAIN_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from([chr(c) for c in T._PLAIN_CODES]),  # the batch path: NFD, marks dropped, ASCII lowered
        st.sampled_from(" \t\n\x1c\x1f\x00"),  # white space, and the batch separator inside a text
    ),
    max_size=30,
)


@settings(max_examples=500, derandomize=True)
@given(st.lists(st.one_of(_PLAIN_TEXT, _MIXED), max_size=6))
def test_fold_many_is_fold_of_each(texts: list[str]) -> None:
    assert T.fold_many(texts) == [T.fold(t) for t in texts]


@settings(max_examples=300, derandomize=True)
@given(st.lists(_PLAIN_TEXT, max_size=6))
def test_fold_many_plain_texts(texts: list[str]) -> None:
    assert T.fold_many(texts) == [" ".join(t.translate(_REFERENCE).split()) for t in texts]


def test_fold_many_every_code_point() -> None:
    """Every code point alone and all of them in one batch; and no character at or above U+2270 (where the
    table of plain characters stops) decomposes into ASCII, đ and combining marks only."""
    chars = [chr(c) for c in range(sys.maxunicode + 1)]
    assert T.fold_many(chars) == [" ".join(c.translate(_REFERENCE).split()) for c in chars]
    assert not [c for c in chars[0x2270:] if T._folds_plainly(c)]
    assert T.fold_many([]) == []
    assert T.fold_many(["ĐẢNG ỦY  xã", "", " Hoà\u0301 ", "a\x00b", "“Điều 1”"]) == [
        "dang uy xa", "", "hoa", "a\x00b", T.fold("“Điều 1”")]


def test_fold_many_common_fast_path_keeps_ellipsis_and_drops_marks() -> None:
    # Batches made only of the byte-codec path's characters: "…" and combining marks must fold as fold() does.
    texts = ["Ngày … tháng … năm 2025", "xa\u0301 Hoa\u0300", "- Căn cứ Quy định số 362-QĐ/TW, ngày 30/8/2025 …;"]
    assert T.fold_many(texts) == [T.fold(t) for t in texts]


@settings(max_examples=500, derandomize=True)
@given(st.lists(st.text(alphabet=st.sampled_from(sorted(T._COMMON)), max_size=30), max_size=6))
def test_fold_many_common_alphabet(texts: list[str]) -> None:
    assert T.fold_many(texts) == [T.fold(t) for t in texts]
