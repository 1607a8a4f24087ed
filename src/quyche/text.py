"""Vietnamese text helpers: NFC for storage, folded keys for matching.

Stored and displayed text is only ever NFC-normalised; matching uses :func:`fold`, which
ignores case, diacritics and tone placement ("hoà" = "hòa", "UỶ" = "ỦY").
"""

from __future__ import annotations

import codecs
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


# ------------------------------------------------------------------------------ many texts at once
def _folds_plainly(ch: str) -> bool:
    """The canonical decomposition of ``ch`` is ASCII, "đ"/"Đ" and combining marks of U+0300-U+036F only."""
    return all(c < "\x80" or c in "đĐ" or ("\u0300" <= c <= "\u036f" and unicodedata.combining(c))
               for c in unicodedata.normalize("NFD", ch))


def _char_class(codes: list[int]) -> str:
    """The body of a regular-expression character class holding exactly these code points (sorted)."""
    out: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        out.append(re.escape(chr(codes[i])) + ("-" + re.escape(chr(codes[j])) if j > i else ""))
        i = j + 1
    return "".join(out)


# Every character with such a decomposition lies below U+2270 (the test checks every code point): Latin
# letters with diacritics, a few Greek compatibility signs, the Kelvin and Ångström signs, "≠", "≮", "≯".
_PLAIN_CODES = [c for c in range(0x2270) if _folds_plainly(chr(c))]
_NOT_PLAIN = re.compile(f"[^{_char_class(_PLAIN_CODES)}]")
# ASCII folding of bytes: upper case to lower, white space (as str.isspace sees it) to a space.
_ASCII_FOLD = bytes(c + 32 if 65 <= c <= 90 else 32 if chr(c).isspace() else c for c in range(128)) + bytes(
    range(128, 256))


def fold_many(texts: list[str]) -> list[str]:
    """``[fold(t) for t in texts]``, with a few passes over the joined texts where each text is made of
    characters whose decomposition is ASCII, "đ"/"Đ" and combining marks (Vietnamese text without
    typographic punctuation): then folding is decomposing (NFD), dropping the marks, đ→d, lower-casing ASCII
    -- all at C speed, with no per-text calls. The other texts go through :func:`fold`. The usual batch,
    Vietnamese letters, ASCII and a few common signs only, is folded by :func:`_fold_common` faster still."""
    found = _fold_common(texts)
    if found is not None:
        return found
    if _NOT_PLAIN.search("".join(texts)) is None:
        found = _fold_plain(texts)
        if found is not None:
            return found
    flags = [_NOT_PLAIN.search(t) is None for t in texts]
    plain = [t for t, ok in zip(texts, flags, strict=True) if ok]
    keys = _fold_plain(plain)
    folded = iter(keys if keys is not None else [fold(t) for t in plain])
    return [next(folded) if ok else fold(t) for t, ok in zip(texts, flags, strict=True)]


# The characters of the usual document, at most 256 of them: the batch separator NUL, printable ASCII and
# ASCII white space, the precomposed Vietnamese letters and "đ"/"Đ", the no-break space, the combining marks
# of the five tones, dashes, curly quotes and the ellipsis. The C-level charmap codec turns a text of these
# into one byte per character (its index here), which one bytes.translate folds (fold of each character: an
# ASCII byte, a space for white space, _COMMON_DROP for a combining mark, or a byte of _COMMON_WIDE standing
# for a longer fold, put back afterwards).
def _common_chars() -> str:
    forms = {unicodedata.normalize("NFC", v + tone) for v in "aăâeêioôơuưy" for tone in ("", "\u0300", "\u0301",
                                                                                       "\u0303", "\u0309", "\u0323")}
    forms.add("đ")
    forms |= {f.upper() for f in forms}
    ascii_chars = [chr(c) for c in range(128) if c == 0 or chr(c).isprintable() or chr(c).isspace()]
    signs = "\xa0\u0300\u0301\u0303\u0309\u0323\u2010\u2011\u2012\u2013\u2014\u2212\u201c\u201d\u2018\u2019\u2026"
    return "".join([*ascii_chars, *sorted(f for f in forms if not f.isascii()), *signs])


_COMMON = _common_chars()
_COMMON_MAP = codecs.charmap_build(_COMMON)
_COMMON_DROP = 0xFF
_COMMON_WIDE: dict[str, str] = {}


def _common_byte(ch: str) -> int:
    folded = _fold_char(ch) if ch != "\x00" else ch
    if not folded:
        return _COMMON_DROP
    if folded.isspace():
        return 0x20
    if folded.isascii() and len(folded) == 1:
        return ord(folded)
    wide = chr(0x80 + len(_COMMON_WIDE))
    _COMMON_WIDE[wide] = folded
    return ord(wide)


_COMMON_FOLD = bytes(_common_byte(ch) for ch in _COMMON).ljust(256, b"\x00")
_COMMON_DROP_BYTE = bytes((_COMMON_DROP,))
assert len(_COMMON) <= 256 and 0x80 + len(_COMMON_WIDE) <= _COMMON_DROP


def _fold_common(texts: list[str]) -> list[str] | None:
    """:func:`fold_many` of texts made only of :data:`_COMMON` characters (None otherwise), NUL-free."""
    if not texts:
        return []
    try:
        data = codecs.charmap_encode("\x00".join(texts), "strict", _COMMON_MAP)[0]
    except UnicodeEncodeError:
        return None
    data = data.translate(_COMMON_FOLD)
    if _COMMON_DROP_BYTE in data:  # a combining mark: folded to nothing
        data = data.replace(_COMMON_DROP_BYTE, b"")
    joined = data.decode("latin-1")
    if not joined.isascii():
        for wide, folded in _COMMON_WIDE.items():
            if wide in joined:
                joined = joined.replace(wide, folded)
    parts = joined.split("\x00")
    if len(parts) != len(texts):
        return None  # a NUL inside a text
    if "  " in joined or " \x00" in joined or "\x00 " in joined or joined.startswith(" ") or joined.endswith(" "):
        return [" ".join(p.split()) if "  " in p or p.startswith(" ") or p.endswith(" ") else p for p in parts]
    return parts


def _fold_plain(texts: list[str]) -> list[str] | None:
    """:func:`fold_many` of texts holding only :data:`_PLAIN_CODES` characters; None when one holds a NUL."""
    if not texts:
        return []
    joined = "\x00".join(texts)
    data = (unicodedata.normalize("NFD", joined).replace("đ", "d").replace("Đ", "d")
            .encode("ascii", "ignore").translate(_ASCII_FOLD))
    parts = data.decode("ascii").split("\x00")
    if len(parts) != len(texts):
        return None
    # white space to collapse: two spaces, or a space at either end of a text
    if b"  " in data or b" \x00" in data or b"\x00 " in data or data.startswith(b" ") or data.endswith(b" "):
        return [" ".join(p.split()) if "  " in p or p.startswith(" ") or p.endswith(" ") else p for p in parts]
    return parts


def squash(text: str) -> str:
    """Collapse runs of white space (tabs, non-breaking spaces) to one space and trim."""
    # Same as ``re.sub(r"\s+", " ", text).strip()`` (U+00A0 is white space too), several times faster.
    return " ".join(text.split())


def is_upper(text: str) -> bool:
    """True when the text has letters and none of them is lower case ("in hoa").

    The usual upper-case line is answered at C speed: ``str.isupper`` is true exactly when no character is
    lower case (nor title case) and one is cased, and then only "has a letter" is left to ask."""
    if text.isupper():
        return any(ch.isalpha() for ch in text)
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(not ch.islower() for ch in letters)


def starts_lower(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
    return False


def same(a: str, b: str) -> bool:
    return fold(a) == fold(b)
