"""Tell a file's real type from its first bytes, whatever its suffix says."""

from __future__ import annotations

from quyche.errors import ReadError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
RTF_MAGIC = b"{\\rtf"


def sniff(data: bytes, suffix: str) -> str:
    """Return ``docx``, ``pdf`` or ``text``; raise :class:`ReadError` for anything else."""
    head = data[:8]
    if head.startswith(OLE_MAGIC):
        if suffix == ".docx":
            raise ReadError(
                "tệp là định dạng Word cũ (.doc) hoặc DOCX có mật khẩu, không phải DOCX: "
                "hãy mở bằng Word và lưu lại dạng .docx (không đặt mật khẩu)",
                "ole",
            )
        raise ReadError("tệp Word cũ (.doc) hoặc tệp Office có mật khẩu: hãy lưu lại dạng .docx", "ole")
    if data[:1024].lstrip().startswith(b"%PDF-") or head.startswith(b"%PDF"):
        if suffix not in (".pdf", ""):
            # Mislabelled but readable: read it as what it is.
            return "pdf"
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        if suffix in (".txt", ".md"):
            return "docx"  # a renamed DOCX; the DOCX reader will say if it is not one
        return "docx"
    if head.startswith(RTF_MAGIC):
        raise ReadError("tệp RTF không được hỗ trợ: hãy lưu lại dạng .docx", "rtf")
    if suffix == ".docx":
        raise ReadError("tệp không phải DOCX (không phải gói ZIP của Word)", "not_docx")
    if suffix == ".pdf":
        raise ReadError("tệp không phải PDF (thiếu chữ ký %PDF)", "not_pdf")
    if b"\x00" in data[:4096] and not (data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff")):
        raise ReadError("tệp nhị phân, không phải văn bản", "binary")
    return "text"
