"""WordprocessingML names and small property parsers shared by the DOCX reader."""

from __future__ import annotations

from typing import Any

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
V = "{urn:schemas-microsoft-com:vml}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

Props = dict[str, Any]
_FALSE = {"0", "false", "off", "none"}
TOGGLES = ("b", "bCs", "i", "iCs", "caps", "vanish", "strike")


_VAL = W + "val"


def on_off(el: etree._Element) -> bool:
    v = el.get(_VAL)
    return v is None or v.lower() not in _FALSE


def to_int(v: str | None) -> int | None:
    if v is None:
        return None
    try:
        return int(float(v))
    except (ValueError, OverflowError):  # "x", "nan", "1e999"
        return None


_RFONT_ATTRS = tuple(
    (W + attr, "font_" + attr) for attr in ("ascii", "hAnsi", "cs", "asciiTheme", "hAnsiTheme", "cstheme")
)

# An rPr as a hashable value: its children as (tag, attributes). parse_rpr reads nothing else, so equal
# keys give equal properties, and building the key costs far less than serialising the element.
RprKey = tuple[tuple[object, tuple[tuple[str, str], ...]], ...]
Attrs = dict[str, str]


def rpr_key(rpr: etree._Element) -> RprKey:
    return tuple([(c.tag, tuple(c.items())) for c in rpr])


def _rfonts(attrs: Attrs, out: Props) -> None:
    for attr, key in _RFONT_ATTRS:
        v = attrs.get(attr)
        if v:
            out[key] = v


def _size(name: str) -> Any:
    def handle(attrs: Attrs, out: Props) -> None:
        half = to_int(attrs.get(_VAL))
        if half is not None:
            out[name] = half / 2

    return handle


def _toggle(name: str) -> Any:
    def handle(attrs: Attrs, out: Props) -> None:
        v = attrs.get(_VAL)
        out[name] = v is None or v.lower() not in _FALSE

    return handle


def _underline(attrs: Attrs, out: Props) -> None:
    out["u"] = (attrs.get(_VAL) or "single").lower() != "none"


def _rstyle(attrs: Attrs, out: Props) -> None:
    out["rStyle"] = attrs.get(_VAL)


def _complex(attrs: Attrs, out: Props) -> None:
    v = attrs.get(_VAL)
    out["complex"] = v is None or v.lower() not in _FALSE  # on_off


_RPR_HANDLERS: dict[object, Any] = {
    W + "rFonts": _rfonts,
    W + "sz": _size("sz"),
    W + "szCs": _size("szCs"),
    W + "u": _underline,
    W + "rStyle": _rstyle,
    W + "cs": _complex,
    W + "rtl": _complex,
    **{W + t: _toggle(t) for t in TOGGLES},
}


def parse_rpr(rpr: etree._Element | None) -> Props:
    """Run properties that matter for format checks, as a flat dict (only what is set)."""
    return rpr_props(rpr_key(rpr)) if rpr is not None else {}


def rpr_props(key: RprKey) -> Props:
    """:func:`parse_rpr` of the rPr whose :func:`rpr_key` is ``key``."""
    out: Props = {}
    handlers = _RPR_HANDLERS
    for tag, items in key:
        handler = handlers.get(tag)
        if handler is not None:
            handler(dict(items), out)
    return out


_JC = {"start": "left", "end": "right", "distribute": "both"}
_IND_ATTRS = ((W + "left", "ind_left"), (W + "start", "ind_left"), (W + "right", "ind_right"), (W + "end", "ind_right"))
_PPR_JC, _PPR_IND, _PPR_PBDR, _PPR_NUMPR, _PPR_PSTYLE, _PPR_SECTPR = range(6)
_PPR_TAGS = {W + n: i for i, n in enumerate(("jc", "ind", "pBdr", "numPr", "pStyle", "sectPr"))}
_W_BOTTOM = W + "bottom"
_W_NUMID = W + "numId"
_W_ILVL = W + "ilvl"


def parse_ppr(ppr: etree._Element | None) -> Props:
    out: Props = {}
    if ppr is None:
        return out
    tags = _PPR_TAGS
    for child in ppr:
        kind = tags.get(child.tag)
        if kind is None:
            continue
        if kind == _PPR_JC:
            v = child.get(_VAL)
            out["jc"] = _JC.get(v or "", v)
        elif kind == _PPR_IND:
            get = child.get
            for attr, key in _IND_ATTRS:
                v = get(attr)
                if v is not None:
                    iv = to_int(v)
                    if iv is not None:
                        out[key] = iv
        elif kind == _PPR_PBDR:
            bottom = _first(child, _W_BOTTOM)
            if bottom is not None:
                out["border_bottom"] = bottom.get(_VAL) or "single"
        elif kind == _PPR_NUMPR:
            num = _first(child, _W_NUMID)
            lvl = _first(child, _W_ILVL)
            if num is not None:
                out["numId"] = num.get(_VAL)
            if lvl is not None:
                out["ilvl"] = to_int(lvl.get(_VAL)) or 0
        elif kind == _PPR_PSTYLE:
            out["pStyle"] = child.get(_VAL)
        else:
            out["sectPr"] = child
    return out


def first_child(el: etree._Element, tag: str) -> etree._Element | None:
    """``el.find(tag)`` for a plain ``{ns}name`` tag: the first child with that tag (several times faster)."""
    for child in el:
        if child.tag == tag:
            return child
    return None


_first = first_child
