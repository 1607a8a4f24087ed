"""The normalized document model every reader produces and every rule reads.

Readers (DOCX, PDF, text) fill :class:`Document` with paragraphs in reading order, each with its
runs' *effective* formatting and its location. :mod:`quyche.zones` then finds the Party-document
zones by content. Rules never see XML.

Formatting values are ``None`` when the source cannot tell (plain text has no fonts, a PDF has no
underline): rules treat ``None`` as "not applicable", never as a fault.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from quyche.text import fold, squash

if TYPE_CHECKING:
    from quyche.zones import Zones

SourceFormat = Literal["docx", "pdf", "text"]
Container = Literal["body", "table", "textbox", "header", "footer", "line"]
TWIPS_PER_MM = 1440 / 25.4


@dataclass(slots=True, frozen=True)
class RunFormat:
    """Effective formatting of a run after docDefaults → styles → direct formatting."""

    font: str | None = None
    size: float | None = None  # points
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    caps: bool | None = None


UNKNOWN_FORMAT = RunFormat()


@dataclass(slots=True)
class Run:
    text: str
    fmt: RunFormat = UNKNOWN_FORMAT


@dataclass(slots=True, frozen=True)
class LineShape:
    """A drawn, roughly horizontal line anchored in a paragraph (the rule under "ĐẢNG CỘNG SẢN VIỆT NAM")."""

    dashed: bool = False  # a dashed or dotted stroke
    col: int | None = None  # 0 = left half, 1 = right half of the text area (anchor position); None unknown


@dataclass(slots=True, frozen=True)
class Location:
    """Where a paragraph is. ``paragraph`` is 1-based over the main story in reading order."""

    paragraph: int
    container: Container = "body"
    table: int | None = None  # 1-based table number in the main story
    row: int | None = None  # 0-based
    col: int | None = None  # 0-based column (table cell, tab segment or PDF column)
    ncols: int | None = None
    page: int | None = None
    line: int | None = None  # source line (text, PDF)

    def describe(self) -> str:
        """Vietnamese description for people: "đoạn 5, bảng 1 (hàng 1, cột 2)"."""
        parts = [f"đoạn {self.paragraph}"]
        if self.table is not None:
            parts.append(f"bảng {self.table} (hàng {(self.row or 0) + 1}, cột {(self.col or 0) + 1})")
        elif self.container == "textbox":
            parts.append("hộp văn bản")
        if self.line is not None:
            parts.append(f"dòng {self.line}")
        if self.page is not None:
            parts.append(f"trang {self.page}")
        return ", ".join(parts)


def _location_init() -> Callable[..., None]:
    """Location.__init__ with the dataclass's signature and effect: the slots set through their
    descriptors (what the generated frozen ``object.__setattr__`` calls end in), at half the cost;
    readers build one Location per paragraph."""
    set_paragraph, set_container, set_table, set_row, set_col, set_ncols, set_page, set_line = (
        getattr(Location, name).__set__ for name in Location.__slots__
    )

    def __init__(
        self: Location, paragraph: int, container: Container = "body", table: int | None = None,
        row: int | None = None, col: int | None = None, ncols: int | None = None, page: int | None = None,
        line: int | None = None,
    ) -> None:
        set_paragraph(self, paragraph)
        set_container(self, container)
        set_table(self, table)
        set_row(self, row)
        set_col(self, col)
        set_ncols(self, ncols)
        set_page(self, page)
        set_line(self, line)

    __init__.__qualname__ = "Location.__init__"
    return __init__


assert Location.__slots__ == ("paragraph", "container", "table", "row", "col", "ncols", "page", "line")
setattr(Location, "__init__", _location_init())  # noqa: B010 (type checkers keep the dataclass signature)


@dataclass(slots=True)
class Paragraph:
    text: str  # NFC, as a reader sees it, automatic numbering label included
    runs: list[Run]
    loc: Location
    align: str | None = None  # left | center | right | both | None (unknown)
    indent_left: int | None = None  # twips
    indent_right: int | None = None
    border_bottom: str | None = None  # border style of a bottom paragraph border ("single", "dashed"…)
    style: str | None = None  # paragraph style name
    label: str = ""  # rendered automatic numbering ("Điều 1.", "a)"), already part of ``text``
    lines: tuple[LineShape, ...] = ()  # drawn horizontal line shapes anchored in this paragraph
    plain: str = field(init=False, repr=False, compare=False)  # text with white space collapsed
    # The folded matching key of the text (quyche.text.fold): a slot left unset until first read (then
    # __getattr__ folds it once), so each later read is a plain attribute read. ``_key`` tells whether it
    # is set without reading it (None: not yet), for quyche.zones.fold_keys.
    key: str = field(init=False, repr=False, compare=False)
    _key: str | None = field(default=None, init=False, repr=False, compare=False)

    def __init__(
        self, text: str, runs: list[Run], loc: Location, align: str | None = None, indent_left: int | None = None,
        indent_right: int | None = None, border_bottom: str | None = None, style: str | None = None,
        label: str = "", lines: tuple[LineShape, ...] = (),
    ) -> None:
        # Written out (the dataclass would generate the same plus a __post_init__ call): readers build
        # one per paragraph, so the call overhead shows.
        self.text = text
        self.runs = runs
        self.loc = loc
        self.align = align
        self.indent_left = indent_left
        self.indent_right = indent_right
        self.border_bottom = border_bottom
        self.style = style
        self.label = label
        self.lines = lines
        # quyche.text.squash. Every white-space character but " " is unprintable, so printable text
        # without doubled, leading or trailing spaces is already collapsed (most paragraphs).
        if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
            self.plain = text
        else:
            self.plain = " ".join(text.split())
        self._key = None

    if not TYPE_CHECKING:  # hidden from type checkers, which would then take any unknown attribute for a str

        def __getattr__(self, name: str) -> str:
            """Only called for an attribute not set: :attr:`key` before its first read (folded here, once)."""
            if name != "key":
                raise AttributeError(f"'Paragraph' object has no attribute '{name}'")
            key = self._key
            if key is None:
                key = self._key = fold(self.text)
            self.key = key
            return key

    def visible_runs(self) -> Iterator[Run]:
        return (r for r in self.runs if r.text.strip())

    # Most paragraphs are one run (or start with a run covering the whole prefix): those are answered
    # without building lists; the answers are the general loops' answers.
    def attr(self, name: str) -> bool | None:
        """True if every visible run has the toggle, False if any lacks it, None if unknown."""
        runs = self.runs
        if len(runs) == 1:
            run = runs[0]
            if not run.text.strip():
                return None
            value = getattr(run.fmt, name)
            return None if value is None else bool(value)
        values = [getattr(r.fmt, name) for r in self.visible_runs()]
        if not values or any(v is None for v in values):
            return None
        return all(values)

    def attr_any(self, name: str) -> bool | None:
        if len(self.runs) == 1:  # for one run "any" and "all" agree
            return self.attr(name)
        values = [getattr(r.fmt, name) for r in self.visible_runs()]
        if not values or any(v is None for v in values):
            return None
        return any(values)

    def sizes(self) -> set[float]:
        runs = self.runs
        if len(runs) == 1:
            run = runs[0]
            size = run.fmt.size
            return {size} if size is not None and run.text.strip() else set()
        return {r.fmt.size for r in self.visible_runs() if r.fmt.size is not None}

    def fonts(self) -> set[str]:
        runs = self.runs
        if len(runs) == 1:
            run = runs[0]
            font = run.fmt.font
            return {font} if font and run.text.strip() else set()
        return {r.fmt.font for r in self.visible_runs() if r.fmt.font}

    def prefix_attr(self, prefix_len: int, name: str) -> bool | None:
        """Toggle over the first ``prefix_len`` visible characters (e.g. "Điều 1." bold)."""
        runs = self.runs
        if prefix_len > 0 and runs:
            first = runs[0]
            if len(first.text) >= prefix_len and first.text.strip():  # the prefix lies in the first run
                value = getattr(first.fmt, name)
                return None if value is None else bool(value)
        seen = 0
        values: list[bool | None] = []
        for r in runs:
            if seen >= prefix_len:
                break
            t = r.text
            if t.strip():
                values.append(getattr(r.fmt, name))
            seen += len(t)
        if not values or any(v is None for v in values):
            return None
        return all(bool(v) for v in values)

    def split_tabs(self) -> list[Paragraph]:
        """Split a tab-separated line ("ĐẢNG BỘ …<tab>ĐẢNG CỘNG SẢN VIỆT NAM") into column pieces."""
        if "\t" not in self.text.strip():
            return [self]
        pieces: list[list[Run]] = [[]]
        for run in self.runs:
            chunks = run.text.split("\t")
            for i, chunk in enumerate(chunks):
                if i:
                    pieces.append([])
                if chunk:
                    pieces[-1].append(Run(chunk, run.fmt))
        pieces = [p for p in pieces if "".join(r.text for r in p).strip()]
        out = []
        for col, runs in enumerate(pieces):
            loc = replace(self.loc, col=col, ncols=len(pieces))
            out.append(replace(self, text="".join(r.text for r in runs), runs=runs, loc=loc))
        return out or [self]


@dataclass(slots=True)
class HeaderFooter:
    kind: str  # default | first | even
    where: Literal["header", "footer"]
    paragraphs: list[Paragraph]
    has_page_field: bool = False

    @property
    def text(self) -> str:
        return squash(" ".join(p.text for p in self.paragraphs))


@dataclass(slots=True)
class Section:
    """Page set-up of one section; measurements in twips (1/1440 inch)."""

    width: int | None = None
    height: int | None = None
    landscape: bool | None = None
    margin_top: int | None = None
    margin_bottom: int | None = None
    margin_left: int | None = None
    margin_right: int | None = None
    title_page: bool = False
    parts: list[HeaderFooter] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    source: str
    format: SourceFormat
    paragraphs: list[Paragraph]
    sections: list[Section] = field(default_factory=list)
    pages: int | None = None  # known page count (PDF) or None
    has_formatting: bool = False  # runs carry fonts/sizes/bold
    has_layout: bool = False  # columns, alignment and tables are known
    notes: list[str] = field(default_factory=list)  # reader remarks (e.g. legacy encoding)
    _zones: Zones | None = field(default=None, repr=False)

    @property
    def zones(self) -> Zones:
        if self._zones is None:
            from quyche.zones import find_zones

            self._zones = find_zones(self)
        return self._zones

    @property
    def has_pages(self) -> bool:
        return bool(self.sections) and self.sections[0].width is not None

    def all_runs(self) -> Iterator[tuple[Paragraph, Run]]:
        for p in self.paragraphs:
            for r in p.runs:
                yield p, r
