"""Vietnamese text helpers: NFC for storage, folded keys for matching.

Stored and displayed text is only ever NFC-normalised; matching uses :func:`fold`, which
ignores case, diacritics and tone placement ("hoà" = "hòa", "UỶ" = "ỦY").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

_WS = re.compile(r"\s+")
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


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Matching key: lower case, no diacritics, đ→d, dashes unified, white space collapsed."""
    return _WS.sub(" ", text.translate(_FOLD)).strip()


def squash(text: str) -> str:
    """Collapse runs of white space (tabs, non-breaking spaces) to one space and trim."""
    return _WS.sub(" ", text.replace("\u00a0", " ")).strip()


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
