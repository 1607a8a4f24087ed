"""Which paragraphs of a list hold a word: one search over their folded keys joined, instead of a test per
paragraph.

A rule that needs a word (folded: "pho bi thu", "ngay", "/") reads only the paragraphs holding it. Testing each
paragraph's key costs a Python step per paragraph; searching the keys joined with NUL costs one C-level scan per
word and a Python step per occurrence only. No word or pattern holds a NUL (paragraph text never does: XML
forbids it), so an occurrence lies inside one key, and the paragraphs found are exactly those whose key holds a
word or matches a pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from quyche.model import Paragraph
from quyche.zones import piece_indices

SEP = "\x00"


def joined_keys(paragraphs: Iterable[Paragraph]) -> str:
    """The folded keys (:attr:`Paragraph.key`) of ``paragraphs`` joined with NUL."""
    return joined_keys_of([p.key for p in paragraphs])


def joined_keys_of(texts: Iterable[str]) -> str:
    """``texts`` (keys or plain texts, none holding a NUL) joined with NUL, for :func:`holding`."""
    return SEP.join(texts)


def word_positions(joined: str, words: Iterable[str]) -> list[int]:
    """For each of ``words``, the start of its first occurrence in each piece of ``joined`` holding it
    (unsorted): after an occurrence the search goes on from the next piece."""
    hits: list[int] = []
    find = joined.find
    for word in words:
        at = find(word)
        while at >= 0:
            hits.append(at)
            end = find(SEP, at + len(word))
            if end < 0:
                break
            at = find(word, end + 1)
    return hits


def holding(joined: str, words: Iterable[str] = (), patterns: Sequence[re.Pattern[str]] = ()) -> list[int]:
    """Indices (sorted, each once) of the pieces of ``joined`` (:func:`joined_keys`) holding one of ``words``
    or matching one of ``patterns`` (patterns that cannot match across a NUL)."""
    hits = word_positions(joined, words)
    for rx in patterns:
        hits.extend(m.start() for m in rx.finditer(joined))
    return piece_indices(joined, hits) if hits else []


def paragraphs_holding(paragraphs: Sequence[Paragraph], words: Iterable[str] = (),
                       patterns: Sequence[re.Pattern[str]] = ()) -> list[Paragraph]:
    """Those of ``paragraphs`` whose key holds one of ``words`` or matches one of ``patterns``, in order:
    ``[p for p in paragraphs if any(w in p.key for w in words) or any(rx.search(p.key) for rx in patterns)]``."""
    found = holding(joined_keys(paragraphs), words, patterns)
    return [paragraphs[i] for i in found]
