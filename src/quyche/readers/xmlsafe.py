"""A hardened lxml parser: no DTDs, no entities, no network; a DOCTYPE is refused outright."""

from __future__ import annotations

from lxml import etree

from quyche.errors import ReadError

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


def parse_xml(data: bytes, part: str) -> etree._Element:
    """Parse one package part. OOXML never declares a DOCTYPE, so one means a crafted file."""
    if b"!" in data and (b"<!DOCTYPE" in data or b"<!ENTITY" in data):  # memchr first: "!" is rare
        raise ReadError(f"phần {part} chứa khai báo DOCTYPE/ENTITY (tệp có thể độc hại), từ chối đọc", "unsafe_xml")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"phần {part} bị hỏng (XML không hợp lệ: {exc.msg})", "corrupt") from exc
    if root.getroottree().docinfo.doctype:  # a DOCTYPE the byte check missed (UTF-16 text)
        raise ReadError(f"phần {part} chứa khai báo DOCTYPE/ENTITY (tệp có thể độc hại), từ chối đọc", "unsafe_xml")
    return root
