"""Effective formatting: docDefaults → table style → paragraph style chain → character style chain → direct.

``styles.xml`` is often large (python-docx's template: 350 kB, 160 styles) while a document uses a
handful. Styles are indexed once by a byte scan and each used style is parsed on first use and
cached, so no lookup ever re-scans the style list. Files whose XML does not fit the fast path
(another namespace prefix, odd markup) fall back to one full parse.

Toggle properties (bold, italic, caps) follow ECMA-376 §17.7.3: within one style's basedOn chain
the nearest definition wins; across the table, paragraph and character styles the values toggle
(XOR); direct formatting is absolute.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from quyche.model import RunFormat
from quyche.readers.docx.ooxml import W_NS, Props, W, parse_ppr, parse_rpr
from quyche.readers.xmlsafe import parse_xml

_TAG_BREAK = (b" ", b">", b"/", b"\n", b"\t", b"\r")  # what may follow "<w:style" in a style's start tag
_W_NS_BYTES = W_NS.encode()
_MAX_CHAIN = 32  # basedOn loops and absurd depths stop here
_TOGGLE_KEYS = ("b", "i", "caps")
# A theme attribute and a plain font name fill one slot: the nearest level naming either wins.
_FONT_SLOTS = (("font_ascii", "font_asciiTheme"), ("font_hAnsi", "font_hAnsiTheme"), ("font_cs", "font_cstheme"))


def _overlay(merged: Props, props: Props, skip: tuple[str, ...] = ()) -> None:
    """Apply one level's run properties over ``merged`` (font slots replaced as a whole)."""
    for slot in _FONT_SLOTS:
        if slot[0] in props or slot[1] in props:
            for key in slot:
                merged.pop(key, None)
    merged.update({k: v for k, v in props.items() if k not in skip})


@dataclass(slots=True)
class StyleDef:
    id: str
    type: str
    name: str | None
    based_on: str | None
    default: bool
    ppr: Props = field(default_factory=dict)
    rpr: Props = field(default_factory=dict)


class StyleSheet:
    def __init__(
        self, data: bytes | None, theme_fonts: dict[str, str] | Callable[[], dict[str, str]] | None = None,
    ) -> None:
        self._data = data or b""
        # The theme's fonts, or how to read them: a theme part is read only when a resolved run
        # actually takes its font from a theme slot (most documents name their fonts).
        self._theme: dict[str, str] | None = theme_fonts if isinstance(theme_fonts, dict) else (
            None if theme_fonts is not None else {})
        self._theme_loader = theme_fonts if callable(theme_fonts) else None
        # Style id → (start, end) of its start tag: scanned up front (dict) or found on demand (lazy).
        self._raw: dict[str, tuple[int, int]] | _LazySpans = {}
        self._parsed: dict[str, StyleDef | None] = {}
        self._defaults: dict[str, str] = {}  # type -> default style id
        self._ns_decl = b""
        self._prefix = b""
        self._close = b""
        self.doc_rpr: Props = {}
        self.doc_ppr: Props = {}
        self._chain_cache: dict[tuple[str, str | None], tuple[Props, Props]] = {}
        self._fmt_cache: dict[tuple[object, ...], RunFormat] = {}
        self._ppr_cache: dict[tuple[str | None, str | None], Props] = {}  # docDefaults + table + paragraph style
        self._lazy: _LazySpans | None = None
        if data and not self._index_lazy() and not self._index_fast():
            self._index_full()

    # ------------------------------------------------------------------ indexing
    def _index_lazy(self) -> bool:
        """Index nothing up front: a style is found by its id when first asked for, the default styles
        when one is first needed (a document uses a handful of a template's 160 styles).

        Only when the markup leaves no doubt: the WordprocessingML namespace is declared once, on the
        root, its prefix is never declared again, and no comment, CDATA section or processing
        instruction follows the XML declaration. Then every "<w:style" in the bytes is a style's
        start tag and every WordprocessingML style is written so, and looking an id up finds the same
        start tag as the full scan of :meth:`_index_fast` (the first one carrying that id).
        """
        data = self._data
        if b"!" in data:
            if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
                parse_xml(data, "word/styles.xml")  # raises the standard refusal
            if b"<!" in data:
                return False
        skip = data.find(b"?>") + 2 if data.startswith(b"<?xml") else 0
        if data.find(b"?", skip) >= 0 and data.find(b"<?", skip) >= 0:
            return False
        if data.count(_W_NS_BYTES) != 1:
            return False
        head_end = data.find(b">", data.find(b"styles"))
        m = re.search(rb"xmlns:(\w+)=\"" + re.escape(_W_NS_BYTES) + rb"\"", data[: head_end + 1])
        if not m:
            return False
        px = m.group(1)
        last = data.rfind(b"<" + px + b":style")
        if last >= 0 and data.find(b">", last) < 0:
            return False  # a start tag without its end: malformed, left to the full parse
        root = re.search(rb"<" + px + rb":styles\b([^>]*)>", data)
        if not root:
            return False
        dd = re.search(rb"<" + px + rb":docDefaults\b.*?</" + px + rb":docDefaults>", data, re.S)
        self._prefix = px
        self._ns_decl = b" ".join(re.findall(rb"xmlns(?::\w+)?=\"[^\"]*\"", root.group(1)))
        self._close = b"</" + px + b":style>"
        if dd:
            el = self._fragment(dd.group(0))
            if el is None:
                self._prefix = self._ns_decl = self._close = b""
                return False
            self._read_doc_defaults(el)
        self._raw = self._lazy = _LazySpans(data, px)
        return True

    def _index_fast(self) -> bool:
        data = self._data
        if b"!" in data and (b"<!DOCTYPE" in data or b"<!ENTITY" in data):  # memchr first: "!" is rare
            parse_xml(data, "word/styles.xml")  # raises the standard refusal
        head_end = data.find(b">", data.find(b"styles"))
        m = re.search(rb"xmlns:(\w+)=\"" + re.escape(W_NS.encode()) + rb"\"", data[: head_end + 1])
        if not m:
            return False
        px = m.group(1)
        root = re.search(rb"<" + px + rb":styles\b([^>]*)>", data)
        if not root:
            return False
        self._prefix = px
        self._ns_decl = b" ".join(re.findall(rb"xmlns(?::\w+)?=\"[^\"]*\"", root.group(1)))
        attr_id = re.compile(px + rb":styleId=\"([^\"]*)\"")
        attr_type = re.compile(px + rb":type=\"([^\"]*)\"")
        attr_default = re.compile(px + rb":default=\"(1|true|on)\"")
        self._close = b"</" + px + b":style>"
        needle = b"<" + px + b":style"
        after_at = len(needle)
        find = data.find
        search_id = attr_id.search
        raw: dict[str, tuple[int, int]] = {}
        self._raw = raw
        pos = find(needle)
        found = 0
        while pos >= 0:
            tag_end = find(b">", pos)
            if tag_end < 0:
                return False
            if data[pos + after_at : pos + after_at + 1] in _TAG_BREAK:
                sid = search_id(data, pos, tag_end + 1)  # the tag's text is data[pos : tag_end + 1]
                if sid:
                    found += 1
                    key = sid.group(1).decode("utf-8", "replace")
                    if key not in raw:
                        raw[key] = (pos, tag_end + 1)
                        tag = data[pos : tag_end + 1]
                        if b":default=" in tag and attr_default.search(tag):
                            st = attr_type.search(tag)
                            self._defaults.setdefault(st.group(1).decode() if st else "paragraph", key)
            pos = find(needle, tag_end)
        if found != data.count(b'styleId="'):
            return False  # some styles are written with another prefix: only a full parse sees them
        dd = re.search(rb"<" + px + rb":docDefaults\b.*?</" + px + rb":docDefaults>", data, re.S)
        if dd:
            el = self._fragment(dd.group(0))
            if el is None:
                return False
            self._read_doc_defaults(el)
        return True

    def _fragment(self, raw: bytes) -> etree._Element | None:
        wrapped = b"<frag " + self._ns_decl + b">" + raw + b"</frag>"
        try:
            return parse_xml(wrapped, "word/styles.xml")[0]
        except Exception:
            return None

    def _index_full(self) -> None:
        self._raw = {}
        self._defaults.clear()
        root = parse_xml(self._data, "word/styles.xml")
        dd = root.find(W + "docDefaults")
        if dd is not None:
            self._read_doc_defaults(dd)
        for el in root.iterchildren(W + "style"):
            sd = _style_from(el)
            if sd is None:
                continue
            self._parsed.setdefault(sd.id, sd)
            if sd.default:
                self._defaults.setdefault(sd.type, sd.id)

    def _read_doc_defaults(self, dd: etree._Element) -> None:
        self.doc_rpr = parse_rpr(dd.find(f"{W}rPrDefault/{W}rPr"))
        self.doc_ppr = parse_ppr(dd.find(f"{W}pPrDefault/{W}pPr"))

    # ------------------------------------------------------------------ lookup
    def get(self, style_id: str | None) -> StyleDef | None:
        if not style_id:
            return None
        if style_id in self._parsed:
            return self._parsed[style_id]
        span = self._raw.get(style_id)
        sd = None
        if span is not None:
            start, tag_end = span
            if self._data[tag_end - 2 : tag_end] == b"/>":
                end = tag_end
            else:
                close = self._data.find(self._close, tag_end)
                end = close + len(self._close) if close >= 0 else tag_end
            el = self._fragment(self._data[start:end])
            sd = _style_from(el) if el is not None else None
        self._parsed[style_id] = sd
        return sd

    def default_id(self, stype: str) -> str | None:
        if self._lazy is not None:
            return self._lazy.default(stype)
        return self._defaults.get(stype)

    def name_of(self, style_id: str | None) -> str | None:
        sd = self.get(style_id)
        return sd.name if sd else None

    def chain(self, style_id: str | None, stype: str) -> tuple[Props, Props]:
        """(pPr, rPr) of a style with its basedOn chain applied (nearest wins), cached."""
        key = (stype, style_id)
        hit = self._chain_cache.get(key)
        if hit is not None:
            return hit
        sid = style_id if style_id and self.get(style_id) else self.default_id(stype)
        links: list[StyleDef] = []
        seen: set[str] = set()
        while sid and sid not in seen and len(links) < _MAX_CHAIN:
            seen.add(sid)
            sd = self.get(sid)
            if sd is None:
                break
            links.append(sd)
            sid = sd.based_on
        ppr: Props = {}
        rpr: Props = {}
        for sd in reversed(links):
            ppr.update(sd.ppr)
            _overlay(rpr, sd.rpr)
        self._chain_cache[key] = (ppr, rpr)
        return ppr, rpr

    # ------------------------------------------------------------------ effective formatting
    def paragraph_props(self, pstyle: str | None, direct: Props, table_style: str | None = None) -> Props:
        key = (pstyle, table_style)
        base = self._ppr_cache.get(key)
        if base is None:
            base = dict(self.doc_ppr)
            if table_style:
                base.update(self.chain(table_style, "table")[0])
            base.update(self.chain(pstyle, "paragraph")[0])
            self._ppr_cache[key] = base
        out = dict(base)
        if "sectPr" in direct:
            out.update({k: v for k, v in direct.items() if k != "sectPr"})
        else:
            out.update(direct)
        return out

    def run_format(self, pstyle: str | None, direct: Props, table_style: str | None = None) -> RunFormat:
        key = (pstyle, table_style, tuple(sorted(direct.items())))
        hit = self._fmt_cache.get(key)
        if hit is not None:
            return hit
        levels: list[Props] = []
        if table_style:
            levels.append(self.chain(table_style, "table")[1])
        levels.append(self.chain(pstyle, "paragraph")[1])
        rstyle = direct.get("rStyle")
        levels.append(self.chain(rstyle, "character")[1] if rstyle else {})
        merged: Props = dict(self.doc_rpr)
        for lv in levels:
            _overlay(merged, lv, _TOGGLE_KEYS)
        _overlay(merged, direct, _TOGGLE_KEYS)
        toggles: dict[str, bool] = {}
        complex_script = bool(merged.get("complex"))
        for t in _TOGGLE_KEYS:
            src = f"{t}Cs" if complex_script and t in ("b", "i") else t
            if src in direct:
                toggles[t] = bool(direct[src])
                continue
            defined = [bool(lv[src]) for lv in levels if src in lv]
            if defined:
                val = False
                for d in defined:
                    val ^= d
                toggles[t] = val
            else:
                toggles[t] = bool(self.doc_rpr.get(src, False))
        size = merged.get("szCs" if complex_script else "sz")
        if size is None:
            size = merged.get("sz", 10.0)  # ECMA-376 default: 20 half-points
        fmt = RunFormat(
            font=self._font(merged, complex_script),
            size=size,
            bold=toggles["b"],
            italic=toggles["i"],
            underline=bool(merged.get("u", False)),
            caps=toggles["caps"],
        )
        self._fmt_cache[key] = fmt
        return fmt

    def _font(self, props: Props, complex_script: bool) -> str | None:
        order = ("cstheme", "cs") if complex_script else ("hAnsiTheme", "hAnsi", "asciiTheme", "ascii")
        # Vietnamese letters with diacritics are hAnsi characters; plain ASCII uses ascii. Both are
        # normally equal; when they differ the hAnsi font is the one that shows the diacritics.
        # A theme attribute overrides the plain name beside it (ECMA-376 §17.3.2.26); an unknown
        # theme slot falls back to that name.
        for attr in order:
            v = props.get("font_" + attr)
            if v:
                if attr.endswith("heme"):
                    theme = self._theme
                    if theme is None:
                        assert self._theme_loader is not None
                        theme = self._theme = self._theme_loader()
                    resolved = theme.get(v)
                    if resolved:
                        return resolved
                    continue
                return str(v)
        return None


class _LazySpans:
    """Where each style's start tag is, found on demand (see :meth:`StyleSheet._index_lazy`): the same
    answers as the ``_raw`` index :meth:`StyleSheet._index_fast` builds by scanning every style."""

    def __init__(self, data: bytes, px: bytes) -> None:
        self.data = data
        self.px = px
        self.spans: dict[str, tuple[int, int] | None] = {}
        self.defaults: dict[str, str] = {}
        self._tag = b"<" + px + b":style"
        self._default_needle = px + b':default="'
        self._next_default = data.find(self._default_needle)
        self._default_seen: set[int] = set()
        self._attr_default = re.compile(px + rb":default=\"(1|true|on)\"")
        self._attr_type = re.compile(px + rb":type=\"([^\"]*)\"")
        self._attr_id = re.compile(px + rb":styleId=\"([^\"]*)\"")
        self._full: dict[str, tuple[int, int]] | None = None

    def __bool__(self) -> bool:
        return bool(self._all()) if self._full is not None else self._tag_at_any()

    def _tag_at_any(self) -> bool:
        data, tag, n = self.data, self._tag, len(self._tag)
        pos = data.find(tag)
        while pos >= 0:
            if data[pos + n : pos + n + 1] in _TAG_BREAK and self._attr_id.search(data, pos, data.find(b">", pos) + 1):
                return True
            pos = data.find(tag, pos + 1)
        return False

    def _start_tag(self, at: int) -> tuple[int, int] | None:
        """(start, end) of the style start tag holding byte ``at``, if it is inside one."""
        data = self.data
        pos = data.rfind(b"<", 0, at)
        n = len(self._tag)
        if pos < 0 or not data.startswith(self._tag, pos) or data[pos + n : pos + n + 1] not in _TAG_BREAK:
            return None
        tag_end = data.find(b">", pos)
        if tag_end < at:
            return None
        return pos, tag_end + 1

    def get(self, key: str) -> tuple[int, int] | None:
        if key in self.spans:
            return self.spans[key]
        if "\ufffd" in key:  # ids are read as UTF-8 with replacement: only the full scan matches them
            span = self._all().get(key)
        else:
            kb = key.encode("utf-8")
            needle = self.px + b':styleId="' + kb + b'"'
            data = self.data
            span = None
            at = data.find(needle)
            while at >= 0:
                found = self._start_tag(at)
                if found is not None:
                    sid = self._attr_id.search(data, found[0], found[1])  # the tag's id: its first one
                    if sid is not None and sid.group(1) == kb:
                        span = found
                        break
                at = data.find(needle, at + 1)
        self.spans[key] = span
        return span

    def _all(self) -> dict[str, tuple[int, int]]:
        """Every style's start tag (first one per id), the way :meth:`StyleSheet._index_fast` finds them."""
        if self._full is None:
            data, tag, n = self.data, self._tag, len(self._tag)
            full: dict[str, tuple[int, int]] = {}
            pos = data.find(tag)
            while pos >= 0:
                tag_end = data.find(b">", pos)
                if tag_end < 0:
                    break
                if data[pos + n : pos + n + 1] in _TAG_BREAK:
                    sid = self._attr_id.search(data, pos, tag_end + 1)
                    if sid:
                        full.setdefault(sid.group(1).decode("utf-8", "replace"), (pos, tag_end + 1))
                pos = data.find(tag, tag_end)
            self._full = full
        return self._full

    def default(self, stype: str) -> str | None:
        """Id of the first style marked default of type ``stype`` (a style counts only where its id is
        first given): the start tags carrying a default attribute are read in order, as far as needed."""
        out = self.defaults
        data = self.data
        while stype not in out and self._next_default >= 0:
            at = self._next_default
            self._next_default = data.find(self._default_needle, at + 1)
            found = self._start_tag(at)
            if found is None or found[0] in self._default_seen:
                continue
            self._default_seen.add(found[0])
            tag = data[found[0] : found[1]]
            sid = self._attr_id.search(tag)
            if sid and self._attr_default.search(tag):
                key = sid.group(1).decode("utf-8", "replace")
                if self.get(key) == found:
                    st = self._attr_type.search(tag)
                    out.setdefault(st.group(1).decode() if st else "paragraph", key)
        return out.get(stype)


def _style_from(el: etree._Element) -> StyleDef | None:
    sid = el.get(W + "styleId")
    if sid is None:
        return None
    name_el = el.find(W + "name")
    based = el.find(W + "basedOn")
    default = (el.get(W + "default") or "").lower() in ("1", "true", "on")
    return StyleDef(
        id=sid,
        type=el.get(W + "type") or "paragraph",
        name=name_el.get(W + "val") if name_el is not None else None,
        based_on=based.get(W + "val") if based is not None else None,
        default=default,
        ppr=parse_ppr(el.find(W + "pPr")),
        rpr=parse_rpr(el.find(W + "rPr")),
    )
