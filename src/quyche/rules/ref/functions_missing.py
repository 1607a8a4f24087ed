"""REF-FUNCTIONS-MISSING — the căn cứ block cites the functions-and-tasks regulation for the organisation's type.

Expected: the ``functions`` slot of the organisation's basis set (references.md §4), else every catalogue
entry of kind ``functions`` in force for the organisation on the document's date. When the catalogue has
none (chi bộ thôn, tổ dân phố after 2025), or the document has no căn cứ block, the rule is silent.
Satisfied by any cited ``functions`` entry whose ``applies_to`` matches the organisation on that date
(a wrong one is REF-FUNCTIONS-MISMATCH's).
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.references import Reference
from quyche.rules.base import PROFILE, Context, Hit, rule
from quyche.rules.ref._cites import (
    catalogue_for,
    cited_refs,
    document_citations,
    effective_date,
    expected_basis_items,
    full_name,
    functions_for,
    org_facts,
    organisation_words,
)


@rule("REF-FUNCTIONS-MISSING", needs=[PROFILE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    lines = document_citations(doc).basis_lines
    if not lines:
        return  # no căn cứ block at all: REF-DIEULE-MISSING reports it
    cat = catalogue_for(ctx)
    facts = org_facts(ctx)
    on = effective_date(ctx)
    expected: list[Reference] = []
    for b in expected_basis_items(doc, cat, facts, on):
        if b.slot == "functions" and b.reference is not None and b.reference not in expected:
            expected.append(b.reference)
    if not expected and not getattr(ctx.profile, "is_dn_cap_tren", False):
        # references.md §4 lists no functions regulation for the 147 set: 287-QĐ/TW is for the
        # grassroots units of an enterprise, not for its đảng ủy cấp trên cơ sở.
        expected = list(functions_for(cat, facts, on, doc))
    if not expected:
        return  # no functions regulation known for this type (references.md §3.3: thôn, tổ dân phố)
    for _cited, ref in cited_refs(doc, ctx, basis_only=True):
        if ref.kind == "functions" and ref.subject is None and cat.applies(ref, facts, on):
            return
    names = "; ".join(full_name(r) for r in expected)
    yield Hit(
        f"Phần căn cứ chưa nêu quy định về chức năng, nhiệm vụ của {organisation_words(facts)}: {names}",
        paragraph=lines[-1],
        zone="preamble.cancu",
        expected=", ".join(r.number_symbol for r in expected),
        actual="không có",
        fix=f"Thêm “- Căn cứ {names};” sau các căn cứ về Điều lệ Đảng và thi hành Điều lệ Đảng",
    )
