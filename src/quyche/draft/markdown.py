"""Markdown preview of a :class:`Draft`: the same content as the DOCX, one paragraph per block.

Meant for reading and reviewing (and for the web app); the DOCX is the document to sign. Numbers that would
start a Markdown list ("1.") are escaped so renderers keep the regulation's own numbering.
"""

from __future__ import annotations

import re

from quyche.draft.model import Draft, Line, Page

_ORDERED = re.compile(r"^(\d+)\. ")


def _md_line(line: Line) -> str:
    if line.role == "chuong":
        return f"### {line.text}"
    if line.role == "ten_chuong":
        return f"### {line.text}"
    if line.role == "dieu":
        head, _, rest = line.text.partition(". ")
        if rest.endswith((".", ":", ";")) and len(rest.split()) >= 8:
            return f"**{head}.** {rest}"
        return f"**{line.text}**"
    return _ORDERED.sub(r"\1\\. ", line.text)


def page_markdown(page: Page) -> list[str]:
    out: list[str] = []
    if page.draft_mark:
        out.append(f"**{page.draft_mark}**")
    out += [page.superior, f"**{page.issuer}**", "\\*"]
    if page.number is not None:
        out.append(page.number)
    out += ["**ĐẢNG CỘNG SẢN VIỆT NAM**", f"*{page.date_line}*", f"## {page.type_name}", f"**{page.summary}**"]
    if page.attached_ref:
        out.append(f"*{page.attached_ref}*")
    out.append("-----")
    if page.bases:
        out.append("\n".join(page.bases))
    if page.operative:
        out.append(page.operative)
    if page.decision_formula:
        out.append(f"**{page.decision_formula}**")
    out += [_md_line(line) for line in page.body]
    if page.recipients:
        out.append("Nơi nhận:\n" + "\n".join(page.recipients))
    out += [f"**{page.authority}**", page.sign_title]
    if page.signer:
        out.append(f"**{page.signer}**")
    return out


def to_markdown(draft: Draft) -> str:
    blocks: list[str] = []
    for i, page in enumerate(draft.pages):
        if i:
            blocks.append("---")
        blocks += page_markdown(page)
    return "\n\n".join(blocks) + "\n"
