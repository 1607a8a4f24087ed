"""Recognise Vietnamese text typed in a legacy 8-bit font encoding (TCVN3/ABC, VNI).

Such text reaches us as mojibake: the bytes of ``.VnTime`` (TCVN3) or ``VNI-Times`` (VNI) fonts read
as Windows-1252 characters. TCVN3 puts each accented letter in one Latin-1 code ("§¶ng" = "Đảng",
"chÕ" = "chế", "−" = "ư"); VNI writes a base letter followed by a mark code ("Ñaûng" = "Đảng",
"cheá" = "chế"). Real Vietnamese in Unicode never uses these codes inside words, so counting the
words that do tells the encodings apart with no dictionary.
"""

from __future__ import annotations

import re

# Codes TCVN3 uses for Vietnamese letters that are not themselves Vietnamese letters in Unicode.
_TCVN3_ONLY = "¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾ÇÐÞß×÷þ\u2212"
# Codes both encodings use (a Vietnamese writer never types them inside a word).
_SHARED = "ÆËÎÏÑÖØÜäåæëîïñöøûü"
_VNI_ONLY = "ÅÛ"  # TCVN3 (.VnTime) leaves these codes empty
_SIGNS = _TCVN3_ONLY + _SHARED + _VNI_ONLY

# A word: letters and signature codes together ("§¶ng", "Ñaûng", "x·").
_WORD = re.compile(rf"(?:[^\W\d_]|[{re.escape(_SIGNS)}])+")
# TCVN3: a lower-case letter followed by an upper-case Latin-1 letter ("chÕ", "viÖc", "bÝ").
_TCVN3_CASE = re.compile(r"[a-z][À-ÖØ-Þ]")
# VNI: a vowel followed by a code for a mark Vietnamese never writes after that vowel
# ("aû" = ả, "eá" = ế, "oä" = ộ, "aê" = ă, "öø" = ừ, "Ñ" + vowel = Đ…).
_VNI_PAIR = re.compile(
    r"[aeiouyAEIOUYôöÔÖ][øùûõïØÙÛÕÏ]|[aeAE][âàáåãäÂÀÁÅÃÄ]|[oO][âåäÂÅÄ]|[aA][êèéúüëÊÈÉÚÜË]|Ñ[aeiouyAEIOUY]"
)

MAX_SCAN = 200_000  # characters examined: a legacy document is legacy from its first page
MIN_WORDS = 2  # fewer odd words than this is never enough
MIN_SHARE = 0.3  # share of the non-ASCII words that must look legacy


def looks_legacy(text: str, min_words: int = MIN_WORDS) -> str | None:
    """``"TCVN3"``, ``"VNI"`` or ``None``: which legacy encoding ``text`` seems to be typed in."""
    odd = tcvn = vni = accented = 0
    for m in _WORD.finditer(text[:MAX_SCAN].replace("«", " ").replace("»", " ")):
        word = m.group()
        if word.isascii() or not any(ch.isascii() and ch.isalpha() for ch in word):
            continue
        accented += 1
        t = 2 * sum(ch in _TCVN3_ONLY for ch in word) + 2 * len(_TCVN3_CASE.findall(word))
        v = 2 * len(_VNI_PAIR.findall(word)) + 2 * sum(ch in _VNI_ONLY for ch in word)
        if t or v or any(ch in _SHARED for ch in word):
            odd += 1
            tcvn += t
            vni += v
    if odd < min_words or odd < MIN_SHARE * accented:
        return None
    return "VNI" if vni > tcvn else "TCVN3"
