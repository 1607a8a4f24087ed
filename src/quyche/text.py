"""Vietnamese text helpers: NFC for storage, folded keys for matching.

Stored and displayed text is only ever NFC-normalised; matching uses :func:`fold`, which
ignores case, diacritics and tone placement ("hoà" = "hòa", "UỶ" = "ỦY").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"})


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class CharTable(dict[int, str]):
    """A ``str.translate`` table filled on first sight of each character, C-speed afterwards."""

    def __init__(self, func: Callable[[str], str]) -> None:
        super().__init__()
        self._func = func

    def __missing__(self, code: int) -> str:
        value = self._func(chr(code))
        self[code] = value
        return value


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    if unicodedata.combining(ch):
        return ""  # a combining mark of NFD input
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base.translate(_DASHES).casefold()


_FOLD = CharTable(_fold_char)
# str.translate looks characters up faster in a plain dict than in a dict subclass: the characters of
# Vietnamese text (Latin, combining marks, Latin Extended Additional, punctuation) are folded up front, and
# a text holding anything else goes through the self-filling table.
_PREFOLDED = {
    code: _fold_char(chr(code))
    for lo, hi in ((0x0000, 0x0250), (0x0300, 0x0370), (0x1E00, 0x1F00), (0x2000, 0x2070), (0x2212, 0x2213))
    for code in range(lo, hi)
}
_FOLD.update(_PREFOLDED)
_NOT_PREFOLDED = re.compile("[^\x00-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u2212]")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Matching key: lower case, no diacritics, đ→d, dashes unified, white space collapsed."""
    # str.split() splits on exactly the characters ``\s`` matches (str.isspace), and drops the ends.
    table = _PREFOLDED if _NOT_PREFOLDED.search(text) is None else _FOLD
    return " ".join(text.translate(table).split())


def squash(text: str) -> str:
    """Collapse runs of white space (tabs, non-breaking spaces) to one space and trim."""
    # Same as ``re.sub(r"\s+", " ", text).strip()`` (U+00A0 is white space too), several times faster.
    return " ".join(text.split())


def is_upper(text: str) -> bool:
    """True when the text has letters and none of them is lower case ("in hoa")."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(not ch.islower() for ch in letters)


def starts_lower(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
    return False


def same(a: str, b: str) -> bool:
    return fold(a) == fold(b)
