"""A DOCX package opened for editing: parts parsed on demand, edited in place, written back whole.

Reading goes through :class:`quyche.readers.package.Package` (zip-bomb guards, safe XML parser). Parts
that were not edited are copied byte for byte; when nothing was edited :meth:`DocxPackage.to_bytes`
returns the input unchanged.
"""

from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

from quyche.readers.package import REL_NS, Package
from quyche.readers.xmlsafe import parse_xml

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_TYPE_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CONTENT_TYPES = "[Content_Types].xml"


class DocxPackage:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.reader = Package(data)
        self.main = self.reader.main_part()
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            self.infos = zf.infolist()
        self._xml: dict[str, etree._Element] = {}
        self._dirty: set[str] = set()
        self._added: list[str] = []

    # ------------------------------------------------------------------ parts
    def has(self, name: str) -> bool:
        return name in self._xml or self.reader.has(name)

    def xml(self, name: str) -> etree._Element:
        """The parsed part (the same tree on every call, so edits accumulate)."""
        root = self._xml.get(name)
        if root is None:
            root = self._xml[name] = parse_xml(self.reader.read(name), name)
        return root

    def touch(self, name: str) -> None:
        """Mark a part as edited: it is serialised again on :meth:`to_bytes`."""
        self._dirty.add(name)

    @property
    def changed(self) -> bool:
        return bool(self._dirty)

    def _rels_name(self, part: str) -> str:
        folder, base = posixpath.split(part)
        return posixpath.join(folder, "_rels", base + ".rels")

    def related(self, rel_type: str, part: str | None = None) -> str | None:
        """Target part of the first relationship of ``rel_type`` ("styles", "numbering"…) from ``part``."""
        for kind, target in self.reader.rels(part or self.main).values():
            if kind == rel_type and self.has(target):
                return target
        return None

    def add_part(self, name: str, root: etree._Element, content_type: str, rel_type: str) -> str:
        """Add a new part related to the main part; returns the relationship id."""
        self._xml[name] = root
        self._dirty.add(name)
        self._added.append(name)
        types = self.xml(CONTENT_TYPES)
        override = etree.SubElement(types, f"{{{CT_NS}}}Override")
        override.set("PartName", "/" + name)
        override.set("ContentType", content_type)
        self.touch(CONTENT_TYPES)
        rels_name = self._rels_name(self.main)
        if self.has(rels_name):
            rels = self.xml(rels_name)
        else:
            rels = etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
            self._xml[rels_name] = rels
            self._added.append(rels_name)
        used = {el.get("Id") for el in rels}
        n = 1
        while f"rId{n}" in used:
            n += 1
        rid = f"rId{n}"
        rel = etree.SubElement(rels, f"{{{REL_NS}}}Relationship")
        rel.set("Id", rid)
        rel.set("Type", REL_TYPE_BASE + rel_type)
        rel.set("Target", posixpath.relpath(name, posixpath.dirname(self.main)))
        self.touch(rels_name)
        return rid

    def free_name(self, folder: str, stem: str, suffix: str) -> str:
        n = 1
        while self.has(f"{folder}/{stem}{n}{suffix}"):
            n += 1
        return f"{folder}/{stem}{n}{suffix}"

    # ------------------------------------------------------------------ output
    def to_bytes(self) -> bytes:
        if not self._dirty:
            return self.data
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for info in self.infos:
                name = info.filename
                data = _serialise(self._xml[name]) if name in self._dirty else self.reader.read(name)
                out.writestr(_copy_info(info), data)
            for name in self._added:
                out.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), _serialise(self._xml[name]),
                             compress_type=zipfile.ZIP_DEFLATED)
        return buf.getvalue()


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    out = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    out.compress_type = info.compress_type
    out.external_attr = info.external_attr
    out.create_system = info.create_system
    return out


def _serialise(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
