"""Compose a working regulation (and the decisions around it) from a profile, the skeleton and the phrases.

The outline — chapters, articles and their order — is the model skeleton for the profile's template kind
(``quyche/data/skeletons.yaml``): a block is kept when its condition holds for the organisation, so only the
bodies it has get an article, and articles are numbered after that (STR-ARTICLE-CONTINUITY). The words come
from ``quyche/data/draft_phrases.yaml``; the people, names and bases from the profile and the catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from quyche.draft import phrases as ph
from quyche.draft.bases import basis_lines, basis_phrases
from quyche.draft.context import DraftContext, DraftError, date_parts
from quyche.draft.model import KINDS, Draft, Line, Page
from quyche.profile import Profile
from quyche.references import ReferenceCatalogue
from quyche.skeleton import CHAPTER_KEYS, Block, skeleton

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
# Vietnamese điểm letters (no f, j, w, z: STR-CHAPTER-ORDER); longer lists fall back to "-" bullets.
POINT_LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
                 "u", "v", "x", "y")
TYPE_CODES = {"quy-che": "QC", "quyet-dinh": "QĐ", "phan-cong": "QĐ"}

# Skeleton condition facts → drafting flags (optional facts take their effective value, see context.py).
_SKELETON_FACTS = {"is_dang_uy": "dang_uy", "is_chi_bo": "chi_bo", "has_cap_uy": None}
# Blocks that also need a person to write about, whatever the skeleton's condition says.
_NEEDS = {"resp.pho_bi_thu": "has_pho_bi_thu"}

Clause = tuple[str, list[str]]  # khoản text ("" = points only), its điểm


# ====================================================================================== outline
def _holds(ctx: DraftContext, item: str) -> bool:
    item = item.strip()
    if item.startswith("not "):
        return not _holds(ctx, item[4:])
    if item.startswith("kind:"):
        return ctx.profile.kind == item[5:]
    if item.startswith("type:"):
        return ctx.profile.type == item[5:]
    if item == "has_cap_uy":
        return ctx.flag("dang_uy") or ctx.flag("has_chi_uy")
    return ctx.flag(_SKELETON_FACTS.get(item) or item)


def included(ctx: DraftContext, block: Block) -> bool:
    need = _NEEDS.get(block.key)
    return block.standalone and all(_holds(ctx, c) for c in block.condition) and (need is None or ctx.flag(need))


def outline(ctx: DraftContext) -> list[tuple[str, list[Block]]]:
    """(chapter key, its blocks) in document order, empty chapters dropped."""
    blocks = [b for b in skeleton().blocks(ctx.profile.template_kind) if included(ctx, b)]
    return [(c, [b for b in blocks if b.chapter == c]) for c in CHAPTER_KEYS if any(b.chapter == c for b in blocks)]


# ====================================================================================== clauses
def _named_points(ctx: DraftContext, members: list[Any]) -> list[str]:
    return ctx.named_all(members, ctx.vars["collective"])


GENERATORS: dict[str, Callable[[DraftContext], list[str]]] = {
    "secretary": lambda ctx: _named_points(ctx, [m for m in [ctx.profile.secretary] if m is not None]),
    "deputies": lambda ctx: _named_points(ctx, ctx.deputies_ordered()),
    "btv_members": lambda ctx: _named_points(ctx, ctx.btv_members),
    "uy_vien_members": lambda ctx: _named_points(ctx, ctx.uy_vien),
}


def _generate(ctx: DraftContext, name: str) -> list[str]:
    try:
        return GENERATORS[name](ctx)
    except KeyError:
        raise ph.PhraseError(f"unknown generator “{name}” in draft_phrases.yaml") from None


def _points(ctx: DraftContext, raw: list[Any]) -> list[str]:
    return [ph.fill(t, ctx.vars) for t in ctx.items(raw)]


def clauses(ctx: DraftContext, raw: Any) -> list[Clause]:
    """Khoản of an article from its phrase entry (strings, clause mappings, selector mappings)."""
    out: list[Clause] = []
    for item in ctx.pick(raw) or ():
        value = ctx.pick(item)
        if value is None:
            continue
        if isinstance(value, str):
            out.append((ph.fill(value, ctx.vars), []))
            continue
        if not all(ctx.facts.holds(w) for w in value.get("when") or ()):
            continue
        text = ctx.text(value["text"]) if "text" in value else ""
        generated = _generate(ctx, value["gen"]) if "gen" in value else []
        if text:
            points = _points(ctx, value.get("points") or []) + _punctuate(generated)
            if "gen" in value and not generated:
                continue  # a lead-in to an empty list
            out.append((text, points))
        else:
            out.extend((_end(g, "."), []) for g in generated)
    return out


def _end(text: str, mark: str) -> str:
    return text.rstrip(" .;,") + mark


def _punctuate(points: list[str]) -> list[str]:
    return [_end(p, "." if i == len(points) - 1 else ";") for i, p in enumerate(points)]


def clause_lines(groups: list[Clause]) -> list[Line]:
    if len(groups) == 1 and not groups[0][1]:
        return [Line("doan", groups[0][0])]
    out: list[Line] = []
    for n, (text, points) in enumerate(groups, 1):
        out.append(Line("khoan", f"{n}. {text}"))
        bullets = len(points) > len(POINT_LETTERS)
        for i, p in enumerate(points):
            out.append(Line("gach", f"- {p}") if bullets else Line("diem", f"{POINT_LETTERS[i]}) {p}"))
    return out


def article_heading(ctx: DraftContext, block: Block) -> str:
    entry = ph.article(block.key) or {}
    heading = ctx.text(entry["heading"]) if "heading" in entry else ""
    return heading or block.heading or block.key


def regulation_body(ctx: DraftContext) -> list[Line]:
    sk = skeleton()
    body: list[Line] = []
    n = 0
    for i, (chapter, blocks) in enumerate(outline(ctx)):
        body.append(Line("chuong", f"Chương {ROMAN[i]}"))
        body.append(Line("ten_chuong", sk.chapter_heading(chapter, ctx.profile.template_kind).upper()))
        for block in blocks:
            entry = ph.article(block.key)
            if entry is None:
                ctx.notes.append(f"Chưa có lời văn cho khối “{block.key}” của khung mẫu: cần viết thêm.")
                continue
            groups = clauses(ctx, entry.get("clauses"))
            if not groups:
                continue
            n += 1
            body.append(Line("dieu", f"Điều {n}. {article_heading(ctx, block)}"))
            body.extend(clause_lines(groups))
    return body


# ====================================================================================== pages
def number_text(ctx: DraftContext, type_code: str, number: int | None) -> str:
    values = {"type_code": type_code, "org_abbr": ctx.profile.org_abbr,
              "number": f"{number:02d}" if number is not None else ""}
    return ph.fill(ph.get("header.number" if number is not None else "header.number_blank"), values)


def date_line(ctx: DraftContext) -> str:
    day, month, year = date_parts(ctx.doc_date)
    return ph.fill(ph.get("header.date_line"), {"place": ctx.profile.place, "day": day, "month": month, "year": year})


def recipients(ctx: DraftContext, first: str | None = None) -> list[str]:
    items = [first] if first else []
    items.append(ph.fill(ph.get("recipients.superior"), ctx.vars))
    items += _points(ctx, ph.get("recipients.items"))
    items.append(ctx.text(ph.get("closing_words.archive")))
    return items


def _page(ctx: DraftContext, *, type_name: str, summary: str, number: str | None, draft: bool) -> Page:
    p = ctx.profile
    signer = ctx.signer
    return Page(
        superior=p.superior.upper(),
        issuer=p.name.upper(),
        number=number,
        date_line=date_line(ctx),
        type_name=type_name,
        summary=summary,
        authority=ctx.text(ph.get("closing_words.authority")),
        sign_title=ctx.text(ph.get("signature.title")),
        signer=None if draft or signer is None else signer.name,
        draft_mark=ph.get("header.draft_mark") if draft else None,
    )


def regulation_page(ctx: DraftContext, number: int | None, bases: list[str]) -> Page:
    page = _page(ctx, type_name=ph.get("regulation.type_name"), summary=ctx.text(ph.get("regulation.summary")),
                 number=number_text(ctx, "QC", number), draft=number is None)
    page.bases = basis_lines(bases)
    page.operative = ctx.text(ph.get("regulation.operative"))
    page.body = regulation_body(ctx)
    page.recipients = recipients(ctx)
    return page


def attached_page(ctx: DraftContext, decision_number: str, draft: bool) -> Page:
    """The regulation attached to its decision (FMT-TITLE-QC-ATTACHED pattern b): header repeated, no number
    of its own, an italic line naming the decision; no căn cứ and no Nơi nhận (the decision carries them)."""
    page = _page(ctx, type_name=ph.get("regulation.type_name"), summary=ctx.text(ph.get("regulation.summary")),
                 number=None, draft=draft)
    day, month, year = date_parts(ctx.doc_date)
    page.attached_ref = ph.fill(ph.get("regulation.attached_ref"), {
        **ctx.vars, "decision_number": decision_number, "day": day, "month": month, "year": year})
    page.body = regulation_body(ctx)
    page.draft_mark = None
    page.new_section = True
    return page


def _decision_articles(ctx: DraftContext, raw: list[Any], points: list[str] | None = None) -> list[Line]:
    body: list[Line] = []
    for n, item in enumerate(raw, 1):
        text = ctx.text(item)
        body.append(Line("dieu", f"Điều {n}. {text}"))
        if n == 1 and points:
            body.extend(clause_lines([(p, []) for p in points]) if len(points) > 1
                        else [Line("doan", points[0])])
    return body


def decision_pages(ctx: DraftContext, number: int | None, bases: list[str]) -> list[Page]:
    symbol = number_text(ctx, "QĐ", number)
    page = _page(ctx, type_name=ph.get("decision.type_name"), summary=ctx.text(ph.get("decision.summary")),
                 number=symbol, draft=number is None)
    page.bases = basis_lines(bases)
    page.decision_formula = ctx.text(ph.get("decision.operative"))
    page.body = _decision_articles(ctx, ph.get("decision.articles"))
    page.recipients = recipients(ctx, ph.get("decision.recipients_first"))
    decision_no = symbol.removeprefix("Số").strip()
    return [page, attached_page(ctx, decision_no, number is None)]


def assignment_page(ctx: DraftContext, number: int | None, bases: list[str]) -> Page:
    """QUYẾT ĐỊNH phân công nhiệm vụ: one khoản per member, in the order of the committee's roles."""
    p = ctx.profile
    page = _page(ctx, type_name=ph.get("assignment.type_name"), summary=ctx.text(ph.get("assignment.summary")),
                 number=number_text(ctx, "QĐ", number), draft=number is None)
    # The regulation's bases, with the organisation's own working regulation before the congress resolution.
    own = ctx.text(ph.get("assignment.own_regulation"))
    page.bases = basis_lines([*bases[:-1], own, bases[-1]])
    page.decision_formula = ctx.text(ph.get("assignment.operative"))
    order = {"bi_thu": 0, "pho_bi_thu_thuong_truc": 1, "pho_bi_thu": 2, "uy_vien_btv": 3, "uy_vien": 4}
    people = [m for m in sorted(p.committee, key=lambda m: order[m.role])
              if m.role != "uy_vien" or m in ctx.uy_vien]
    named = [_end(ctx.named(m, ctx.vars["collective"], "assignment_without_duties"), ".") for m in people]
    page.body = _decision_articles(ctx, ph.get("assignment.articles"), named)
    page.recipients = recipients(ctx, ph.get("assignment.recipients_first"))
    return page


# ====================================================================================== entry point
def compose(profile: Profile, doc_date: date, *, number: int | None = None, kind: str = "quy-che",
            catalogue: ReferenceCatalogue | None = None) -> Draft:
    """The draft of ``kind`` for ``profile`` dated ``doc_date``; without ``number`` a "Dự thảo" with a blank
    number and no signer's name (TPL-DRAFT-MARK)."""
    if kind not in KINDS:
        raise DraftError(f"--kind chỉ nhận {', '.join(KINDS)}, nhận được “{kind}”")
    if number is not None and number < 1:
        raise DraftError("--number phải là số nguyên dương (số văn bản đánh từ 01)")
    ctx = DraftContext(profile, doc_date)
    bases = basis_phrases(ctx, catalogue)
    if kind == "phan-cong":
        pages = [assignment_page(ctx, number, bases)]
    elif kind == "quyet-dinh":
        pages = decision_pages(ctx, number, bases)
    else:
        pages = [regulation_page(ctx, number, bases)]
    return Draft(kind, pages, list(dict.fromkeys(ctx.notes)))
