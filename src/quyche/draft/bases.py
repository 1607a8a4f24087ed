"""The căn cứ block: the legal bases in force on the document's date (references.md §4).

The catalogue proposes the set (:meth:`ReferenceCatalogue.expected_basis_items`); this module words each line
from the phrase data and always adds the two local bases REF-LOCAL-BASES-MISSING recommends: the superior's
working regulation and the congress resolution.
"""

from __future__ import annotations

from quyche.draft import phrases as ph
from quyche.draft.context import DraftContext
from quyche.references import Basis, Reference, ReferenceCatalogue, packaged_catalogue, vn_date

CONFIRM = "[Cần xác nhận]"


def _dated(ref: Reference) -> str:
    return f"năm {ref.date.year}" if ref.date_precision == "year" else f"ngày {vn_date(ref.date)}"


def reference_phrase(ctx: DraftContext, ref: Reference) -> str:
    """"Quy định số 294-QĐ/TW ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng"."""
    data = ph.get("bases")
    template = data["by_key"].get(ref.key) or data["by_kind"].get(ref.kind)
    values = {**ctx.vars, "number": ref.number_symbol, "dated": _dated(ref),
              "doc_type": ref.doc_type or "Văn bản", "issuer": (ref.issuer or "").split(" (")[0]}
    if template is None:
        template = data["fallback"] if ref.issuer else data["fallback_no_issuer"]
    return ph.fill(template, values)


def _wanted(item: Basis) -> bool:
    """Required items, and the optional ones the phrase data says to cite."""
    ref = item.reference
    return ref is not None and (not item.optional or ref.key in ph.get("bases.optional_cited"))


def basis_phrases(ctx: DraftContext, catalogue: ReferenceCatalogue | None = None) -> list[str]:
    """The căn cứ phrases in order (without "- Căn cứ" and the final punctuation)."""
    cat = catalogue or packaged_catalogue()
    d = ctx.doc_date
    entries: list[tuple[str, str]] = []  # ("ref", phrase) or ("local", local key)
    cited: set[str] = set()  # catalogue keys
    for item in cat.expected_basis_items(ctx.profile, d):
        if item.local is not None:
            entries.append(("local", item.local))
            continue
        if item.reference is None or not _wanted(item):
            continue
        if item.needs_confirmation:
            ref = item.reference
            linked = (item.resolution is not None and item.resolution.needs_confirmation) or ref.is_unconfirmed
            why = ("văn bản này thay thế văn bản trước qua một liên kết chưa được xác nhận" if linked
                   else "việc dẫn văn bản này làm căn cứ mới là suy luận (mức L)")
            ctx.notes.append(f"{CONFIRM} Căn cứ {ref.label}: {why} (references.md).")
        cited.add(item.reference.key)
        entries.append(("ref", reference_phrase(ctx, item.reference)))
    if ctx.profile.is_chi_bo:  # the meeting regime rests on 42-HD/BTCTW from its date
        at = max((i for i, (k, _) in enumerate(entries) if k == "ref"), default=-1) + 1
        for key in ph.get("bases.chi_bo_extra"):
            if cat.get(key) is None:
                continue
            current = cat.current(key, d)
            if current.key not in cited and cat.in_force(current, d):
                cited.add(current.key)
                entries.insert(at, ("ref", reference_phrase(ctx, current)))
                at += 1
    # The superior's regulation, then the congress resolution, wherever the set puts (or omits) them.
    locals_ = [v for k, v in entries if k == "local"]
    if "superior_regulation" not in locals_:
        at = next((i for i, e in enumerate(entries) if e == ("local", "congress_resolution")), len(entries))
        entries.insert(at, ("local", "superior_regulation"))
    if "congress_resolution" not in locals_:
        entries.append(("local", "congress_resolution"))
    local_text = {
        "superior_regulation": ph.fill(ph.get("bases.local.superior_regulation"), ctx.vars),
        "congress_resolution": ph.fill(ph.get("bases.local.congress_resolution"), ctx.vars),
    }
    return [local_text.get(v, "") if k == "local" else v for k, v in entries if k == "ref" or v in local_text]


def basis_lines(phrases: list[str]) -> list[str]:
    """"- Căn cứ …;" lines; the last ends with ","."""
    return [f"- Căn cứ {p}{',' if i == len(phrases) - 1 else ';'}" for i, p in enumerate(phrases)]
