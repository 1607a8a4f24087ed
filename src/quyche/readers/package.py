"""OPC package access with zip-bomb guards.

Declared sizes in a zip are not trusted: every part is inflated in bounded chunks and the read
stops as soon as a limit is crossed, so a bomb costs at most ``max_part_bytes`` of memory.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

from lxml import etree

from quyche.errors import ReadError
from quyche.readers.limits import LIMITS, Limits
from quyche.readers.xmlsafe import parse_xml

_CHUNK = 1 << 16
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
ENCRYPTED_PARTS = ("EncryptionInfo", "EncryptedPackage")


class Package:
    def __init__(self, data: bytes, limits: Limits = LIMITS) -> None:
        self.limits = limits
        self._inflated = 0
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise ReadError("tệp DOCX bị hỏng hoặc không trọn vẹn (gói ZIP không đọc được)", "corrupt") from exc
        if len(infos) > limits.max_parts:
            raise ReadError(f"gói DOCX có quá nhiều phần ({len(infos)}; giới hạn {limits.max_parts})", "unsafe_zip")
        self._infos = {i.filename: i for i in infos}
        if any(name in self._infos for name in ENCRYPTED_PARTS):
            raise ReadError("tệp DOCX được đặt mật khẩu (mã hóa): hãy gỡ mật khẩu rồi lưu lại", "encrypted")

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        info = self._infos.get(name)
        if info is None:
            raise ReadError(f"thiếu phần {name} trong gói DOCX", "corrupt")
        lim = self.limits
        if info.flag_bits & 0x1:
            raise ReadError("tệp DOCX được mã hóa (zip có mật khẩu)", "encrypted")
        if info.file_size > lim.max_part_bytes:
            raise ReadError(
                f"phần {name} quá lớn khi giải nén ({info.file_size / 1e6:.0f} MB): nghi là zip bomb", "zip_bomb"
            )
        if info.file_size <= lim.ratio_floor:
            # zipfile never returns more than the declared size, so a small part cannot trip the size or
            # ratio checks: inflate it in one go (no bytearray growth and copy). Any failure is replayed
            # by the chunked read below, which raises exactly as it always did.
            inflated = self._inflated
            try:
                with self._zip.open(info) as fh:
                    data = fh.read()
            except Exception:
                pass
            else:
                if len(data) <= info.file_size:
                    self._check_growth(name, len(data), info.compress_size, len(data))
                    return data
            self._inflated = inflated
        out = bytearray()
        try:
            with self._zip.open(info) as fh:
                while True:
                    chunk = fh.read(_CHUNK)
                    if not chunk:
                        break
                    out += chunk
                    self._check_growth(name, len(out), info.compress_size, len(chunk))
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
            raise ReadError(f"phần {name} trong gói DOCX bị hỏng ({exc})", "corrupt") from exc
        return bytes(out)

    def _check_growth(self, name: str, size: int, compressed: int, chunk: int) -> None:
        lim = self.limits
        self._inflated += chunk
        if size > lim.max_part_bytes or self._inflated > lim.max_total_bytes:
            raise ReadError(f"phần {name} giải nén vượt giới hạn an toàn: nghi là zip bomb", "zip_bomb")
        if size > lim.ratio_floor and size > lim.max_ratio * max(compressed, 1):
            raise ReadError(
                f"phần {name} có tỉ lệ nén bất thường (>{lim.max_ratio:.0f}:1): nghi là zip bomb", "zip_bomb"
            )

    def xml(self, name: str) -> etree._Element:
        return self.xml_and_bytes(name)[0]

    def xml_and_bytes(self, name: str) -> tuple[etree._Element, bytes]:
        """The parsed part and the bytes it was parsed from."""
        data = self.read(name)
        if len(data) > self.limits.ratio_floor and data.count(b"<") > self.limits.max_xml_tags:
            # Millions of tiny paragraphs pass the size and ratio checks yet cost gigabytes as objects.
            raise ReadError(f"phần {name} có quá nhiều phần tử XML (tệp bất thường)", "too_large")
        return parse_xml(data, name), data

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationships of ``part``: rId → (type, absolute target part name)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return {}
        out: dict[str, tuple[str, str]] = {}
        for rel in self.xml(rels_name).iterchildren(f"{{{REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], full)
        return out

    def main_part(self) -> str:
        """The main document part, found through the package relationships ([Content_Types] lies less)."""
        for rel_type, target in self.rels("").values():
            if rel_type == "officeDocument":
                if target.startswith(("xl/", "ppt/")):
                    raise ReadError("tệp là bảng tính hoặc trình chiếu, không phải văn bản Word", "not_docx")
                if not self.has(target):
                    break
                return target
        if self.has("word/document.xml"):
            return "word/document.xml"
        if any(n.startswith("xl/") for n in self._infos) or any(n.startswith("ppt/") for n in self._infos):
            raise ReadError("tệp là bảng tính hoặc trình chiếu, không phải văn bản Word", "not_docx")
        if self.has("content.xml") and self.has("mimetype"):
            raise ReadError("tệp ODT (LibreOffice): hãy lưu lại dạng .docx", "not_docx")
        raise ReadError("gói ZIP không phải tài liệu Word (thiếu word/document.xml)", "not_docx")
