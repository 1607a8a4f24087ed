"""Find the zones of a Party document by content, not by position.

Real documents put the header in a borderless table, in tab-separated lines, in text boxes or in
plain paragraphs; the closing block (Nơi nhận / T/M … / BÍ THƯ / name) likewise. Each zone is
recognised by what it says ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số …", "*", "…, ngày … tháng … năm …",
"Nơi nhận:", "T/M …"); where the layout is known, the column a line sits in is recorded so that
position rules can judge it, and where it is not (plain text) position rules do not apply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal, cast

from rapidfuzz import fuzz

from quyche.model import Document, Paragraph, Run
from quyche.text import fold, fold_many, is_upper, squash

Side = Literal["left", "right"] | None
_UNSET = object()  # memo marker: not computed yet (None is a value)

PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
_PARTY_KEY = fold(PARTY_TITLE)
_STATE_KEY = fold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
_MOTTO_KEY = fold("Độc lập - Tự do - Hạnh phúc")

# Type names a title line may carry (folded); Party types and state-only types alike, so that a
# wrong type is still found as the title and judged by TYP-ALLOWED.
TYPE_NAMES = tuple(
    fold(t)
    for t in (
        "QUY CHẾ", "QUYẾT ĐỊNH", "QUY ĐỊNH", "NGHỊ QUYẾT", "HƯỚNG DẪN", "CHỈ THỊ", "KẾT LUẬN", "THÔNG TRI",
        "THÔNG BÁO", "THÔNG CÁO", "BÁO CÁO", "KẾ HOẠCH", "QUY HOẠCH", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "PHƯƠNG ÁN",
        "DỰ ÁN", "TỜ TRÌNH", "BIÊN BẢN", "TUYÊN BỐ", "LỜI KÊU GỌI", "NỘI QUY", "ĐIỀU LỆ",
        "NGHỊ ĐỊNH", "THÔNG TƯ", "CÔNG ĐIỆN", "HỢP ĐỒNG", "GIẤY ỦY QUYỀN", "LỆNH", "SẮC LỆNH", "CÔNG VĂN",
    )
)

_ORG_PREFIX = re.compile(
    r"^(dang bo|dang uy|chi bo|ban thuong vu|ban chap hanh|uy ban kiem tra|van phong|ban to chuc|ban tuyen giao|"
    r"ban dan van|ban xay dung dang|huyen uy|quan uy|thi uy|tinh uy|thanh uy|dang doan|ban can su|to dang|"
    r"uy ban nhan dan|hoi dong nhan dan|ubnd|truong|benh vien|cong ty)\b"
)
_NUMBER = re.compile(r"^số\b|^so\s*[:\d.…]|^số\s*[:\d]", re.IGNORECASE)
_DATE_WORDS = re.compile(r"ngày\s*(\S*)\s*tháng\s*(\S*)\s*năm\s*(\S*)", re.IGNORECASE)
_DATE_SLASH = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b")
_STAR = re.compile(r"^[*\s]+$")
_SHORT_RULE = re.compile(r"^[-_–—=.·]{2,}$")
_CANCU = re.compile(r"^[-–+•]?\s*căn cứ\b", re.IGNORECASE)
_MARK = re.compile(r"^(dự thảo(\s+lần\s+\d+)?|mật|tối mật|tuyệt mật|khẩn|thượng khẩn|hỏa tốc|hoả tốc)\s*$",
                   re.IGNORECASE)
_AUTHORITY = re.compile(r"^(T/M\.?|T\.M\.?|TM\.?|K/T\.?|K\.T\.?|KT\.?|T/L\.?|T\.L\.?|TL\.?|Q\.|Q/|THAY MẶT|KÝ THAY)"
                        r"(\s|$)",
                        re.IGNORECASE)
_SIGN_TITLE = re.compile(r"^(PHÓ\s+)?BÍ\s+THƯ\b", re.IGNORECASE)
_RECIPIENTS = re.compile(r"^nơi\s+nhận\b", re.IGNORECASE)

_ORDINAL = (r"thứ\s+(?:mười\s+(?:một|hai|ba|bốn|tư|lăm|năm|sáu|bảy|tám|chín)\b|mười|hai\s+mươi(?:\s+\S+)?|\S+)"
            r"|[IVXLC]+|\d+")
PART_RE = re.compile(rf"^Phần\s+({_ORDINAL})\b\s*[.:\-–]?\s*(.*)$", re.IGNORECASE)
CHAPTER_RE = re.compile(rf"^Chương\s+({_ORDINAL})\b\s*[.:\-–]?\s*(.*)$", re.IGNORECASE)
SECTION_RE = re.compile(r"^Mục\s+(\d+|[IVXLC]+)\b\s*[.:\-–]?\s*(.*)$", re.IGNORECASE)
ARTICLE_RE = re.compile(r"^Điều\s+(\d+)\s*([.:\-–]?)\s*(.*)$", re.IGNORECASE)
CLAUSE_RE = re.compile(r"^(\d{1,3})\s*([.\-)])\s+\S")
POINT_RE = re.compile(r"^([a-zđ])\)\s+\S")
TERM_RE = re.compile(r"nhiệm\s+kỳ\s+(\d{4})\s*[-–—]\s*(\d{4})", re.IGNORECASE)


@dataclass(slots=True)
class Node:
    """One unit of the body tree: phan, chuong, muc, dieu, khoan, diem."""

    kind: str
    number: str  # as written ("II", "thứ hai", "3", "a")
    para: Paragraph
    title: str = ""  # heading text after the number
    name_para: Paragraph | None = None  # the upper-case name line under "Chương II"
    children: list[Node] = field(default_factory=list)
    content: list[Paragraph] = field(default_factory=list)

    def walk(self) -> list[Node]:
        """This node and every node under it, in document order (pre-order)."""
        out = [self]
        if not self.children:
            return out
        todo = self.children[::-1]
        while todo:
            n = todo.pop()
            out.append(n)
            if n.children:
                todo.extend(reversed(n.children))
        return out

    @property
    def full_title(self) -> str:
        return squash(self.title or (self.name_para.text if self.name_para else ""))


@dataclass(slots=True)
class Zones:
    header: list[Paragraph] = field(default_factory=list)  # every header piece, document order
    left: list[Paragraph] = field(default_factory=list)  # header pieces of the left column (by layout or role)
    right: list[Paragraph] = field(default_factory=list)
    org_lines: list[Paragraph] = field(default_factory=list)  # superior / issuer lines in order
    superior: Paragraph | None = None
    issuer: Paragraph | None = None
    star: Paragraph | None = None  # "*" or a short line in its place
    number: Paragraph | None = None
    party_title: Paragraph | None = None
    state_title: Paragraph | None = None
    motto: Paragraph | None = None
    date_line: Paragraph | None = None
    marks: list[Paragraph] = field(default_factory=list)
    title_type: Paragraph | None = None
    title_summary: list[Paragraph] = field(default_factory=list)
    attached_ref: Paragraph | None = None  # "(Ban hành kèm theo Quyết định số …)"
    preamble: list[Paragraph] = field(default_factory=list)
    cancu: list[Paragraph] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)
    tree: list[Node] = field(default_factory=list)
    recipients: list[Paragraph] = field(default_factory=list)
    signature: list[Paragraph] = field(default_factory=list)
    layout_known: bool = False
    memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)  # per-document analyses

    # ------------------------------------------------------------ derived views
    def side_of(self, p: Paragraph) -> Side:
        return physical_side(p) if self.layout_known else None

    @property
    def summary_text(self) -> str:
        found = self.memo.get("summary_text")
        if found is None:
            found = self.memo["summary_text"] = squash(" ".join(p.text for p in self.title_summary))
        return cast(str, found)

    @property
    def all_nodes(self) -> list[Node]:
        """Every node of the body tree in document order (walked once; the tree is not changed after zoning)."""
        found = self.memo.get("all_nodes")
        if found is None:
            found = self.memo["all_nodes"] = [n for top in self.tree for n in top.walk()]
        return found  # type: ignore[return-value]

    @property
    def articles(self) -> list[Node]:
        return self.nodes("dieu")

    def nodes(self, kind: str) -> list[Node]:
        key = ("nodes", kind)
        found = cast("list[Node] | None", self.memo.get(key))
        if found is None:
            found = [n for n in self.all_nodes if n.kind == kind]
            self.memo[key] = found
        return list(found)

    # The signature lines and the date are read once per document (the zones do not change after zoning).
    @property
    def authority(self) -> Paragraph | None:
        found = self.memo.get("authority", _UNSET)
        if found is _UNSET:
            found = self.memo["authority"] = self._authority()
        return cast("Paragraph | None", found)

    def _authority(self) -> Paragraph | None:
        for p in self.signature:
            if _AUTHORITY.match(p.plain):
                return p
        return self.signature[0] if self.signature else None

    @property
    def sign_title(self) -> Paragraph | None:
        found = self.memo.get("sign_title", _UNSET)
        if found is _UNSET:
            found = self.memo["sign_title"] = self._sign_title()
        return cast("Paragraph | None", found)

    def _sign_title(self) -> Paragraph | None:
        auth = self.authority
        seen = auth is None
        for p in self.signature:
            if seen and p is not auth and p.plain:
                return p
            if p is auth:
                seen = True
        return None

    @property
    def signer(self) -> Paragraph | None:
        auth, title = self.authority, self.sign_title
        rest = [p for p in self.signature if p.plain and p is not auth and p is not title]
        return rest[-1] if rest else None

    @property
    def doc_date(self) -> date | None:
        found = self.memo.get("doc_date", _UNSET)
        if found is _UNSET:
            found = self.memo["doc_date"] = parse_date(self.date_line.plain)[0] if self.date_line else None
        return cast("date | None", found)

    @property
    def number_text(self) -> str | None:
        if self.number is None:
            return None
        return re.sub(r"^số\s*:?\s*", "", self.number.plain, flags=re.IGNORECASE) or None

    @property
    def term(self) -> str | None:
        m = TERM_RE.search(self.summary_text) if self.title_summary else None
        return f"{m.group(1)} - {m.group(2)}" if m else None

    def order(self) -> list[tuple[str, int]]:
        """(zone, first paragraph index) for the zones that were found, in document order."""
        firsts = [
            ("header", self.header[0] if self.header else None),
            ("title", self.title_type),
            ("preamble", self.cancu[0] if self.cancu else None),
            ("body", self.body[0] if self.body else None),
            ("signature", self.authority),
            ("recipients", self.recipients[0] if self.recipients else None),
        ]
        return [(name, p.loc.paragraph) for name, p in firsts if p is not None]


def fold_keys(paragraphs: list[Paragraph]) -> None:
    """Fill :attr:`Paragraph.key` of those of ``paragraphs`` not folded yet, all in one batch
    (:func:`quyche.text.fold_many`: the same keys as one by one, in a few passes over the joined texts)."""
    todo = [p for p in paragraphs if p._key is None]
    if todo:
        texts = list(dict.fromkeys([p.text for p in todo]))  # each text once (repeated lines, empty cells)
        keys = dict(zip(texts, fold_many(texts), strict=True))
        for p in todo:
            p._key = p.key = keys[p.text]


def piece_indices(joined: str, hits: list[int], sep: str = "\x00") -> list[int]:
    """Indices of the pieces of ``joined`` (pieces joined with ``sep``) holding the positions ``hits``, sorted,
    each once: a cheap search over the joined text of a zone tells which pieces need the real test."""
    out: list[int] = []
    i = prev = 0
    for at in sorted(hits):
        i += joined.count(sep, prev, at)
        prev = at
        if not out or out[-1] != i:
            out.append(i)
    return out


def physical_side(p: Paragraph) -> Side:
    """Left or right column by layout: table column, tab segment, text-box or PDF column."""
    if p.loc.col is not None and p.loc.ncols and p.loc.ncols >= 2:
        if p.loc.col == 0:
            return "left"
        if p.loc.col >= p.loc.ncols - 1:
            return "right"
    if p.loc.container == "body" and p.align == "right":
        return "right"
    if p.loc.container == "body" and p.indent_left is not None and p.indent_left >= 4000:
        return "right"
    if p.loc.container in ("body", "line") and p.loc.col is None:
        return None
    return None


def parse_date(text: str) -> tuple[date | None, str]:
    """Date from a place-and-date line: (date or None, "words" | "slash" | "invalid" | "blank" | "none")."""
    m = _DATE_WORDS.search(text)
    if m:
        d, mth, y = (re.sub(r"\D", "", g) for g in m.groups())
        if not (d and mth and y):
            return None, "blank"
        try:
            return date(int(y), int(mth), int(d)), "words"
        except ValueError:
            return None, "invalid"
    m2 = _DATE_SLASH.search(text)
    if m2:
        try:
            return date(int(m2.group(3)), int(m2.group(2)), int(m2.group(1))), "slash"
        except ValueError:
            return None, "invalid"
    return None, "none"


def is_date_line(text: str) -> bool:
    t = text.strip()
    if _DATE_WORDS.search(t) and len(t) < 90:
        return True
    return bool(_DATE_SLASH.search(t)) and "," in t and len(t) < 60


def is_party_title(text: str) -> bool:
    key = fold(text).strip(" .:")
    if key == _PARTY_KEY:
        return True
    return len(key) < 40 and fuzz.ratio(key, _PARTY_KEY) >= 85


def type_name_key(text: str) -> str | None:
    key = fold(text).strip(" .:")
    return key if key in TYPE_NAMES else None


def _merge(first: Paragraph, more: Paragraph) -> Paragraph:
    runs = [*first.runs, Run(" ", more.runs[0].fmt if more.runs else first.runs[-1].fmt), *more.runs]
    return replace(first, text=first.text + " " + more.text, runs=runs)


_CLOSING = re.compile(f"(?:{_RECIPIENTS.pattern})|(?:{_AUTHORITY.pattern})", re.IGNORECASE)
# Every text _CLOSING matches starts with one of these ("K" is the Kelvin sign, which IGNORECASE takes for k).
_CLOSING_FIRST = frozenset("nNtTkKqQ\u212a")


def _closing_item(text: str) -> bool:
    return _CLOSING.match(text) is not None


def find_zones(doc: Document) -> Zones:
    z = Zones(layout_known=doc.has_layout)
    paras = [p for p in doc.paragraphs if p.plain]
    n = len(paras)

    # 1. The type title: a short line naming a document type, before any căn cứ / body line.
    title_idx = None
    stop_idx = n
    for i, p in enumerate(paras):
        t = p.plain
        if _CANCU.match(t) or ARTICLE_RE.match(t) or CHAPTER_RE.match(t):
            stop_idx = i
            break
        if title_idx is None and len(t) <= 40 and type_name_key(t) and not _closing_item(t):
            title_idx = i
            break
    if title_idx is None:
        # No known type name: take the first centred, upper-case line after a date line or the
        # party title, else nothing; the header then runs to the first căn cứ / body line.
        for i, p in enumerate(paras[: min(stop_idx, 25)]):
            if i > 0 and is_upper(p.plain) and p.align == "center" and p.loc.container == "body" and (
                any(is_date_line(q.plain) or is_party_title(q.plain) for q in paras[:i])
            ) and not _STAR.match(p.plain) and not is_party_title(p.plain):
                title_idx = i
                break
    header_end = title_idx if title_idx is not None else min(stop_idx, 12)

    # 2. Header pieces: split tab-separated lines into columns, then sort pieces by role.
    pieces: list[Paragraph] = []
    for p in paras[:header_end]:
        if _MARK.match(p.plain) and p.loc.container in ("body", "line"):
            z.marks.append(p)
            continue
        pieces.extend(x for x in p.split_tabs() if x.plain)
    pieces = _join_wrapped(pieces)
    z.header = pieces
    _assign_header(z, pieces)

    if title_idx is None:
        idx = header_end
    else:
        z.title_type = paras[title_idx]
        idx = title_idx + 1
        # 3. Trích yếu: lines under the type name until a separator, căn cứ or body line.
        while idx < n and len(z.title_summary) < 4:
            t = paras[idx].plain
            if _SHORT_RULE.match(t) or _STAR.match(t):
                idx += 1
                break
            if _CANCU.match(t) or _is_heading(t) or _closing_item(t):
                break
            if z.title_summary and t.startswith("(") and ("kèm theo" in t.lower() or "ban hành" in t.lower()):
                z.attached_ref = paras[idx]
                idx += 1
                continue
            if z.title_summary and (paras[idx].align not in ("center", None) or len(t) > 200):
                break
            z.title_summary.append(paras[idx])
            idx += 1

    # 4. Closing block: "Nơi nhận" and "T/M …" after the body, wherever they sit.
    close_idx = n
    closing = _CLOSING.match
    first = _CLOSING_FIRST
    for j in range(n - 1, idx - 1, -1):
        p = paras[j]
        if (p.plain[:1] in first and closing(p.plain)) or (
            "\t" in p.text and any(closing(x.plain) for x in p.split_tabs())
        ):
            close_idx = j
    if close_idx == n:
        for j in range(n - 1, max(idx, n - 8) - 1, -1):
            if _SIGN_TITLE.match(paras[j].plain) and len(paras[j].plain) < 60:
                close_idx = j
    # A closing table starts at its first cell.
    if close_idx < n and paras[close_idx].loc.table is not None:
        table = paras[close_idx].loc.table
        while close_idx > idx and paras[close_idx - 1].loc.table == table:
            close_idx -= 1
    _assign_closing(z, paras[close_idx:])

    # 5. Preamble and body.
    body_start = idx
    for j in range(idx, close_idx):
        if _is_heading(paras[j].plain):
            body_start = j
            break
    else:
        body_start = close_idx
    z.preamble = paras[idx:body_start]
    z.cancu = [p for p in z.preamble if _CANCU.match(p.plain)]
    z.body = paras[body_start:close_idx]
    z.tree, nodes, by_kind, marks = _build_tree(z.body)
    z.memo["all_nodes"] = nodes  # creation order is document order
    z.memo["clause_marks"] = marks
    for kind, found in by_kind.items():
        z.memo[("nodes", kind)] = found
    # Every key the rules read, folded now in one batch (header pieces split from tab lines are paragraphs
    # of their own).
    fold_keys([*doc.paragraphs, *z.header, *z.org_lines, *z.marks, *z.title_summary, *z.signature, *z.recipients,
               *(p for p in (z.title_type, z.attached_ref) if p is not None)])
    return z


def _is_heading(t: str) -> bool:
    return bool(ARTICLE_RE.match(t) or CHAPTER_RE.match(t) or PART_RE.match(t) or re.match(r"^Mục\s+\d+\s*$", t))


def _join_wrapped(pieces: list[Paragraph]) -> list[Paragraph]:
    """Join a party title or date line that a narrow column wrapped onto two lines ("ĐẢNG CỘNG SẢN
    VIỆT" / "NAM"; "…, ngày 12 tháng 9" / "năm 2025"), as PDF columns and narrow cells do. The
    continuation is the next piece in the same column, which in reading order may come after a
    piece of the other column."""
    out = list(pieces)
    i = 0
    while i < len(out):
        p = out[i]
        if p.loc.col is not None:
            for j in range(i + 1, min(i + 4, len(out))):
                nxt = out[j]
                if nxt.loc.col != p.loc.col or nxt.loc.table != p.loc.table:
                    continue
                joined = f"{p.plain} {nxt.plain}"
                title = fold(p.plain) != _PARTY_KEY and fold(joined).strip(" .:") == _PARTY_KEY
                dated = not is_date_line(p.plain) and "ngày" in p.plain.lower() and is_date_line(joined)
                if title or dated:
                    out[i] = _merge(p, nxt)
                    del out[j]
                break
        i += 1
    return out


def _assign_header(z: Zones, pieces: list[Paragraph]) -> None:
    org_candidates: list[Paragraph] = []
    for p in pieces:
        t = p.plain
        key = fold(t)
        side = physical_side(p) if z.layout_known else None
        if is_party_title(t) and z.party_title is None:
            z.party_title = p
            role_side: Side = "right"
        elif key.strip(" .") == _STATE_KEY or (len(key) < 45 and fuzz.ratio(key, _STATE_KEY) >= 85):
            z.state_title = p
            role_side = "right"
        elif fold(t.replace("–", "-")).replace(" ", "") == _MOTTO_KEY.replace(" ", "") or (
            len(key) < 40 and fuzz.ratio(key, _MOTTO_KEY) >= 85
        ):
            z.motto = p
            role_side = "right"
        elif is_date_line(t) and z.date_line is None:
            z.date_line = p
            role_side = "right"
        elif _NUMBER.match(t) and z.number is None:
            z.number = p
            role_side = "left"
        elif (_STAR.match(t) or _SHORT_RULE.match(t)) and z.star is None and (org_candidates or z.number is None):
            if side == "right" or (side is None and z.party_title is not None and not org_candidates):
                continue  # the rule line under the party title, not the "*"
            z.star = p
            role_side = "left"
        elif _STAR.match(t) or _SHORT_RULE.match(t):
            continue
        else:
            continuation = org_candidates and z.star is None and z.number is None
            if continuation and not _ORG_PREFIX.match(key) and is_upper(t) and (
                # Same column; a tab line with nothing on its right has no known side but sits left.
                "right" not in (side, physical_side(org_candidates[-1])) if z.layout_known else True
            ):
                org_candidates[-1] = _merge(org_candidates[-1], p)  # a long name wrapped onto two lines
                continue
            if z.number is not None and not _ORG_PREFIX.match(key):
                continue  # text after "Số …" (e.g. "V/v …") belongs to no org line
            org_candidates.append(p)
            role_side = "left"
        effective = side or role_side
        (z.left if effective == "left" else z.right).append(p)
    # Replace merged org pieces in the left list.
    z.org_lines = org_candidates
    left_ids = {id(p) for p in z.left}
    for cand in org_candidates:
        if id(cand) not in left_ids:
            for i, p in enumerate(z.left):
                if p.loc == cand.loc:
                    z.left[i] = cand
    if len(org_candidates) >= 2:
        z.superior, z.issuer = org_candidates[0], org_candidates[1]
    elif org_candidates:
        only = org_candidates[0]
        if only.key.startswith("dang bo ") and len(z.header) > 0 and z.star is None:
            z.superior = only
        else:
            z.issuer = only


def _assign_closing(z: Zones, closing: list[Paragraph]) -> None:
    pieces: list[Paragraph] = []
    for p in closing:
        pieces.extend(x for x in p.split_tabs() if x.plain)
    rec_col: tuple[int | None, int | None] | None = None
    sig_col: tuple[int | None, int | None] | None = None
    mode: str | None = None
    for p in pieces:
        t = p.plain
        cell = (p.loc.table, p.loc.col)
        if _RECIPIENTS.match(t):
            mode, rec_col = "rec", cell
            z.recipients.append(p)
            continue
        if _AUTHORITY.match(t) or (not z.signature and _SIGN_TITLE.match(t) and len(t) < 60):
            mode, sig_col = "sig", cell
            z.signature.append(p)
            continue
        if p.loc.col is not None and (p.loc.table is not None or p.loc.container == "line"):
            if rec_col == cell:
                z.recipients.append(p)
            elif sig_col == cell:
                z.signature.append(p)
            elif mode == "rec":
                z.recipients.append(p)
            elif mode == "sig":
                z.signature.append(p)
            continue
        # Paragraph layout: items start with "-", everything else continues the signature.
        item = t.startswith(("-", "+", "–"))
        if (mode == "rec" and item) or (mode == "sig" and item and rec_col is not None):
            z.recipients.append(p)
        elif mode is not None:
            z.signature.append(p) if mode == "sig" or z.signature else z.recipients.append(p)


_RANK = {"phan": 0, "chuong": 1, "muc": 2, "dieu": 3, "khoan": 4, "diem": 5}
# The first letter each heading pattern can start with (their words start with P, C, M, Đ in any case):
# letter → (pattern, kind, rank, group holding the title).
_HEADINGS = {
    **dict.fromkeys("Pp", (PART_RE, "phan", 0, 2)),
    **dict.fromkeys("Cc", (CHAPTER_RE, "chuong", 1, 2)),
    **dict.fromkeys("Mm", (SECTION_RE, "muc", 2, 2)),
    **dict.fromkeys("Đđ", (ARTICLE_RE, "dieu", 3, 3)),
}


def build_tree(body: list[Paragraph], nodes: list[Node] | None = None) -> list[Node]:
    """The body tree; every node is also appended to ``nodes`` (in document order) when given."""
    roots, made, _, _ = _build_tree(body)
    if nodes is not None:
        nodes.extend(made)
    return roots


def _build_tree(body: list[Paragraph]) -> tuple[list[Node], list[Node], dict[str, list[Node]], list[str]]:
    """(roots, every node in document order, the nodes of each kind in document order, the mark after
    the number of each khoản in order: "." "-" or ")", group 2 of CLAUSE_RE).

    Only the headings (phần, chương, mục, điều) are kept on the stack: a khoản is made only under an
    article and always hangs from it (a new khoản closes the previous khoản and its điểm), a điểm hangs
    from the article's latest khoản or else from the article; the newest node receives the content."""
    roots: list[Node] = []
    stack: list[Node] = []  # open headings, ranks rising along it
    ranks: list[int] = []
    made: list[Node] = []
    by_kind: dict[str, list[Node]] = {kind: [] for kind in _RANK}
    clauses, points = by_kind["khoan"], by_kind["diem"]
    marks: list[str] = []
    headings = _HEADINGS
    clause_re, point_re = CLAUSE_RE.match, POINT_RE.match
    expect_name: Node | None = None
    article: Node | None = None  # the open article (khoản and điểm are only made under one)
    clause: Node | None = None  # the article's newest khoản
    top: Node | None = None  # the newest node: it takes the paragraphs that are no node
    for p in body:
        t = p.plain
        if expect_name is not None:
            if is_upper(t) and not ARTICLE_RE.match(t):
                expect_name.name_para = p
                expect_name = None
                continue
            expect_name = None
        c = t[:1]
        heading = headings.get(c)
        if heading is not None and (m := heading[0].match(t)):
            r = heading[2]
            node = Node(heading[1], m.group(1), p, squash(m.group(heading[3])), None, [], [])
            while ranks and ranks[-1] >= r:
                stack.pop()
                ranks.pop()
            (stack[-1].children if stack else roots).append(node)
            stack.append(node)
            ranks.append(r)
            by_kind[node.kind].append(node)
            if r == 3:
                article = node
            else:
                article = None
                if not node.title:
                    expect_name = node
            clause = None
        elif article is not None and c.isdecimal() and (m := clause_re(t)):
            node = Node("khoan", m.group(1), p, "", None, [], [])
            article.children.append(node)
            clauses.append(node)
            marks.append(m.group(2))
            clause = node
        elif article is not None and t[1:2] == ")" and (m := point_re(t)):
            node = Node("diem", m.group(1), p, "", None, [], [])
            (clause or article).children.append(node)
            points.append(node)
        else:
            if top is not None:
                top.content.append(p)
            continue
        made.append(node)
        top = node
    return roots, made, by_kind, marks
