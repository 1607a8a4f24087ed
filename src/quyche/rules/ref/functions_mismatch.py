"""REF-FUNCTIONS-MISMATCH — the cited functions-and-tasks regulation is the one for the organisation's type.

For each cited catalogue entry of kind ``functions``: the catalogue's ``applies_to`` (with its dated forms
such as ``xa<2025-07-01`` and ``obsolete_for``) must match the organisation on the document's date. A
superseded regulation of the right type (97-QĐ/TW for a public service unit) is REF-SUPERSEDED's business.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from quyche.model import Document
from quyche.references import OrgFacts, Reference, value_matches, vn_date
from quyche.rules.base import PROFILE, Context, Hit, rule
from quyche.rules.ref._cites import (
    catalogue_for,
    cited_refs,
    effective_date,
    full_name,
    functions_for,
    name,
    org_facts,
    organisation_words,
)


def _applied_until(ref: Reference, facts: OrgFacts) -> date | None:
    """The date from which an entry that once applied to this organisation stopped applying, if any
    (a dated ``applies_to`` value "xa<2025-07-01", or ``obsolete_for``)."""
    ends = [o.start for o in ref.obsolete_for if any(value_matches(v, facts, o.start) for v in o.applies_to)]
    for v in ref.applies_to:
        m = re.match(r"^([a-z_]+)\s*<\s*(\d{4}-\d{2}-\d{2})$", v)
        if m and value_matches(m.group(1), facts, date.min):
            ends.append(date.fromisoformat(m.group(2)))
    return min(ends) if ends else None


@rule("REF-FUNCTIONS-MISMATCH", needs=[PROFILE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    cat = catalogue_for(ctx)
    facts = org_facts(ctx)
    on = effective_date(ctx)
    right = functions_for(cat, facts, on, doc)
    who = organisation_words(facts)
    for cited, ref in cited_refs(doc, ctx):
        if ref.kind != "functions" or cat.applies(ref, facts, on):
            continue
        until = _applied_until(ref, facts)
        if until is not None:
            why = (f"không còn đúng loại hình tổ chức: văn bản này chỉ áp dụng cho {who} đến trước ngày "
                   f"{vn_date(until)}, còn văn bản được kiểm tra ngày {vn_date(on)}")
        else:
            why = f"không đúng loại hình tổ chức: văn bản này áp dụng cho loại hình khác, tổ chức ban hành là {who}"
        instead = "; ".join(full_name(r) for r in right)
        yield Hit(
            f"Căn cứ {name(ref)} về chức năng, nhiệm vụ {why}"
            + (f"; văn bản đúng loại hình: {instead}" if instead else "; danh mục chưa có văn bản chức năng, "
               "nhiệm vụ cho loại hình này"),
            paragraph=cited.paragraph,
            zone=cited.zone,
            expected=", ".join(r.number_symbol for r in right) or "văn bản đúng loại hình",
            actual=ref.number_symbol,
            fix=(f"Thay căn cứ {ref.number_symbol} bằng {instead}" if instead
                 else f"Bỏ căn cứ {ref.number_symbol} hoặc đề nghị bổ sung văn bản đúng loại hình vào danh mục"),
        )
