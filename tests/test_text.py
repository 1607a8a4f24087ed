"""Folding keys: the prefolded fast table gives exactly what the self-filling per-character table gives."""

from __future__ import annotations

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
