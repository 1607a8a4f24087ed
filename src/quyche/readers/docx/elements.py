"""The lxml elements behind the reader's paragraphs and runs, for tools that edit a DOCX (``quyche fix``).

:func:`paragraph_elements` yields the ``w:p`` elements of the main story in exactly the order
:func:`quyche.readers.docx.reader.read_docx` numbers its paragraphs (``Location.paragraph`` 1-based:
element ``i`` is paragraph ``i + 1``), empty paragraphs, table cells and text boxes included, because it
walks with the reader's own walker. :func:`text_runs` gives the ``w:r`` elements that produce a
paragraph's runs, in the reader's order (an automatic numbering label, when there is one, is an extra
first run in the model that has no element).
"""

from __future__ import annotations

from lxml import etree

from quyche.readers.docx.numbering import Numbering
from quyche.readers.docx.reader import _Walker
from quyche.readers.docx.styles import StyleSheet


class _Recorder(_Walker):
    """The reader's walker, remembering the element of every paragraph and text run it reads."""

    def __init__(self) -> None:
        super().__init__(StyleSheet(None), Numbering(None))
        self.elements: list[etree._Element] = []
        self.run_elements: list[etree._Element] = []
        self.run_sink = self.run_elements

    def paragraph(
        self, p: etree._Element, container: str, cell: tuple[int, int, int, int] | None,
        table_style: str | None, depth: int, textbox_col: int | None = None,
    ) -> None:
        self.elements.append(p)  # before the text boxes anchored in it, as the reader numbers them
        super().paragraph(p, container, cell, table_style, depth, textbox_col)


def paragraph_elements(body: etree._Element) -> tuple[list[etree._Element], list[etree._Element]]:
    """(``w:p`` elements in reading order, ``w:sectPr`` elements) of a ``w:body``."""
    rec = _Recorder()
    rec.walk_container(body, "body")
    return rec.elements, rec.section_elements


def text_runs(p: etree._Element) -> list[etree._Element]:
    """The ``w:r`` elements of paragraph ``p`` that the reader turns into runs, in order (not those of
    text boxes anchored in it, which are paragraphs of their own)."""
    rec = _Recorder()
    rec._runs(p, None, None, [], [], 0)
    return rec.run_elements


__all__ = ["paragraph_elements", "text_runs"]
