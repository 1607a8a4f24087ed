"""TYP-ALLOWED — the type line names a Party document type of the regulation in force (66 or 399-QĐ/TW)."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.catalogue import DocType, doc_types
from quyche.engine import authority_regulation
from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote, type_key
from quyche.zones import type_name_key


def _in(dt: DocType, regulation: str) -> bool:
    """Whether the type is in a list ("66" / "399", however the data spells it: "66-QĐ/TW", "qd66"…)."""
    return any(regulation in x for x in dt.lists)


@rule("TYP-ALLOWED")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    title = doc.zones.title_type
    if title is None:
        return  # no type line: STR-ZONES-PRESENT reports it
    dt = doc_types().get(type_key(title))
    if dt is None:
        if type_name_key(title.plain):  # a known type name ("NỘI QUY") that no list of the Party has
            yield Hit(
                f"Tên loại {quote(title)} không có trong danh mục thể loại văn bản của Đảng "
                "(Quy định 66-QĐ/TW, Quy định 399-QĐ/TW)",
                paragraph=title,
                zone="title.type",
                part="state_type",
                expected="thể loại văn bản của Đảng",
                actual=title.plain,
                fix="Chọn thể loại văn bản của Đảng (với quy chế làm việc: “QUY CHẾ”)",
            )
        return  # otherwise the line is not certainly a type name: nothing to judge
    if dt.state_only:
        yield Hit(
            f"Tên loại {quote(title)} là thể loại văn bản của Nhà nước, không phải văn bản của Đảng",
            paragraph=title,
            zone="title.type",
            part="state_type",
            expected="thể loại văn bản của Đảng",
            actual=title.plain,
            fix="Chọn thể loại văn bản của Đảng (với quy chế làm việc: “QUY CHẾ”)",
        )
        return
    # A draft with a blank date will be dated about when it is checked.
    regulation = authority_regulation(ctx.doc_date or ctx.as_of)
    if regulation.startswith("66") and _in(dt, "399") and not _in(dt, "66"):
        if ctx.doc_date is not None:
            when = f"văn bản ngày {ctx.doc_date:%d/%m/%Y}"
        else:
            when = f"văn bản chưa ghi ngày (xét theo ngày kiểm tra {ctx.as_of:%d/%m/%Y})"
        yield Hit(
            f"Tên loại {quote(title)} chỉ có trong danh mục của Quy định 399-QĐ/TW (từ 09/01/2026), "
            f"không có trong danh mục của Quy định 66-QĐ/TW áp dụng cho {when}",
            paragraph=title,
            zone="title.type",
            part="new_in_399",
            expected="thể loại theo Quy định 66-QĐ/TW",
            actual=title.plain,
            fix="Kiểm tra lại thể loại: văn bản ban hành trước ngày 09/01/2026 theo danh mục của "
            "Quy định 66-QĐ/TW",
        )
