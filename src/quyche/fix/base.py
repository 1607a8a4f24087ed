"""What a fixer is: a rule ID, and a function that edits the DOCX for that rule's findings.

One fixer per safe rule (``quyche/fix/<rule>.py``), registered by rule ID like the rules. A fixer gets
the findings of its rule and a :class:`FixContext` (the document model the checker read, the editable
package and the ``w:p`` element of every model paragraph) and returns the :class:`Change` list it made.
It never changes the words of the regulation: only formatting, page set-up and the fixed strings a
format rule prescribes ("ĐẢNG CỘNG SẢN VIỆT NAM", "*", the number and date patterns, "T/M", "Điều n.").
A fault it cannot fix that way raises :class:`quyche.fix.ooxml.CannotFix` or is simply left alone: the
re-check lists it for a person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from quyche.engine import Finding
from quyche.fix.ooxml import CannotFix, normalise, span_of, text_of
from quyche.fix.package import DocxPackage
from quyche.model import Document, Paragraph
from quyche.readers.docx.elements import text_runs
from quyche.text import squash


@dataclass(frozen=True, slots=True)
class Change:
    rule: str
    where: str
    before: str
    after: str


@dataclass
class FixContext:
    doc: Document
    pkg: DocxPackage
    elements: list[etree._Element]  # elements[i] is the w:p of doc.paragraphs[i]
    sections: list[etree._Element]  # w:sectPr of the main story
    as_of: date
    notes: list[tuple[str, str]] = field(default_factory=list)  # (rule, why a finding was left)

    @property
    def root(self) -> etree._Element:
        return self.pkg.xml(self.pkg.main)

    def touch(self) -> None:
        self.pkg.touch(self.pkg.main)

    def element(self, para: Paragraph) -> etree._Element:
        return self.elements[para.loc.paragraph - 1]

    def model(self, para: Paragraph) -> Paragraph:
        """The whole model paragraph a zone piece (tab piece, joined line) comes from."""
        return self.doc.paragraphs[para.loc.paragraph - 1]

    def piece(self, para: Paragraph) -> tuple[etree._Element, int, int]:
        """(w:p, start, end) of a zone paragraph or tab piece in the element's text; the text found there
        must read as the piece does (a title wrapped over two lines, a numbering label: not located)."""
        el = self.element(para)
        if self.model(para).label:
            raise CannotFix("dòng có số thứ tự tự động")
        normalise(el)
        text = text_of(el)
        start, end = span_of(text, para.loc.col)
        if squash(text[start:end]) != para.plain:
            raise CannotFix("dòng bị ngắt thành nhiều đoạn")
        return el, start, end

    def left(self, rule: str, why: str) -> None:
        self.notes.append((rule, why))


FixFunc = Callable[[FixContext, list[Finding]], list[Change]]


@dataclass(frozen=True, slots=True)
class FixerImpl:
    rule: str
    fix: FixFunc
    order: int  # fixers run by order: the ones that read model runs before those that move text
    unsafe_parts: frozenset[str]


FIXERS: dict[str, FixerImpl] = {}


def fixer(rule_id: str, *, order: int = 50, unsafe_parts: tuple[str, ...] = ()) -> Callable[[FixFunc], FixFunc]:
    """Register ``func`` as the fixer of ``rule_id``; ``unsafe_parts``: parts it must never touch."""

    def register(func: FixFunc) -> FixFunc:
        FIXERS[rule_id] = FixerImpl(rule_id, func, order, frozenset(unsafe_parts))
        return func

    return register


def runs_of(el: etree._Element) -> list[etree._Element]:
    """Every text run of a paragraph (not those of text boxes anchored in it)."""
    return text_runs(el)


__all__ = ["FIXERS", "CannotFix", "Change", "FixContext", "FixerImpl", "fixer", "runs_of"]
