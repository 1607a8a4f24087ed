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


def on_off(el: etree._Element) -> bool:
    v = el.get(W + "val")
    return v is None or v.lower() not in _FALSE


def to_int(v: str | None) -> int | None:
    if v is None:
        return None
    try:
        return int(float(v))
    except (ValueError, OverflowError):  # "x", "nan", "1e999"
        return None


def _rfonts(child: etree._Element, out: Props) -> None:
    for attr in ("ascii", "hAnsi", "cs", "asciiTheme", "hAnsiTheme", "cstheme"):
        v = child.get(W + attr)
        if v:
            out["font_" + attr] = v


def _size(name: str) -> Any:
    def handle(child: etree._Element, out: Props) -> None:
        half = to_int(child.get(W + "val"))
        if half is not None:
            out[name] = half / 2

    return handle


def _toggle(name: str) -> Any:
    def handle(child: etree._Element, out: Props) -> None:
        v = child.get(W + "val")
        out[name] = v is None or v.lower() not in _FALSE

    return handle


def _underline(child: etree._Element, out: Props) -> None:
    out["u"] = (child.get(W + "val") or "single").lower() != "none"


def _rstyle(child: etree._Element, out: Props) -> None:
    out["rStyle"] = child.get(W + "val")


def _complex(child: etree._Element, out: Props) -> None:
    out["complex"] = on_off(child)


_RPR_HANDLERS: dict[str, Any] = {
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
    out: Props = {}
    if rpr is None:
        return out
    handlers = _RPR_HANDLERS
    for child in rpr:
        handler = handlers.get(child.tag)
        if handler is not None:
            handler(child, out)
    return out


_PPR_TAGS = {W + n for n in ("jc", "ind", "pBdr", "numPr", "pStyle", "sectPr")}


def parse_ppr(ppr: etree._Element | None) -> Props:
    out: Props = {}
    if ppr is None:
        return out
    for child in ppr:
        tag = child.tag
        if tag not in _PPR_TAGS:
            continue
        name = tag[len(W) :]
        if name == "jc":
            v = child.get(W + "val")
            out["jc"] = {"start": "left", "end": "right", "distribute": "both"}.get(v or "", v)
        elif name == "ind":
            pairs = (("left", "ind_left"), ("start", "ind_left"), ("right", "ind_right"), ("end", "ind_right"))
            for attr, key in pairs:
                iv = to_int(child.get(W + attr))
                if iv is not None:
                    out[key] = iv
        elif name == "pBdr":
            bottom = child.find(W + "bottom")
            if bottom is not None:
                out["border_bottom"] = bottom.get(W + "val") or "single"
        elif name == "numPr":
            num = child.find(W + "numId")
            lvl = child.find(W + "ilvl")
            if num is not None:
                out["numId"] = num.get(W + "val")
            if lvl is not None:
                out["ilvl"] = to_int(lvl.get(W + "val")) or 0
        elif name == "pStyle":
            out["pStyle"] = child.get(W + "val")
        elif name == "sectPr":
            out["sectPr"] = child
    return out
