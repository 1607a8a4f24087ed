"""Fix a DOCX: check it, apply the safe fixers to its XML, and re-check the result.

Which findings a tool may fix is data: the rule's ``fix_safe`` flag in ``rules.yaml``, less the parts a
fixer declares unsafe (FMT-FONT-FAMILY ``legacy``). Everything else — and whatever a fixer could not
fix — is what the re-check still reports, listed for a person.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from quyche.catalogue import catalogue
from quyche.checking import Job, run_job
from quyche.engine import Finding
from quyche.errors import QuycheError, ReadError
from quyche.fix.base import FIXERS, Change, FixContext, FixerImpl
from quyche.fix.ooxml import CannotFix
from quyche.fix.package import DocxPackage
from quyche.readers.docx.elements import paragraph_elements
from quyche.readers.docx.ooxml import W

_NOT_FIXERS = {"base", "command", "engine", "ooxml", "package"}

Key = tuple[str, str, int | None]


@cache
def load_fixers() -> dict[str, FixerImpl]:
    """Import every fixer module under ``quyche.fix`` once (one safe rule per module)."""
    import quyche.fix as pkg

    for info in pkgutil.iter_modules(pkg.__path__):
        if info.name not in _NOT_FIXERS:
            importlib.import_module(f"{pkg.__name__}.{info.name}")
    return dict(FIXERS)


def is_safe(f: Finding) -> bool:
    """A finding whose rule is marked fix_safe, has a fixer, and whose part the fixer may touch."""
    meta = catalogue().rules.get(f.rule)
    impl = load_fixers().get(f.rule)
    return bool(meta and meta.fix_safe and impl and f.part not in impl.unsafe_parts)


@dataclass
class Outcome:
    source: str
    before: list[Finding]
    changes: list[Change]
    notes: list[tuple[str, str]]
    data: bytes  # the fixed package (the input itself when nothing changed)
    origin: list[int | None]  # per paragraph of the result: its paragraph number in the input (None: new)
    after: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def key_before(self, f: Finding) -> Key:
        return (f.rule, f.part, f.paragraph)

    def key_after(self, f: Finding) -> Key:
        p = f.paragraph
        if p is None:
            return (f.rule, f.part, None)
        mapped = self.origin[p - 1] if 0 < p <= len(self.origin) else None
        return (f.rule, f.part, mapped if mapped is not None else -p)

    @property
    def fixed(self) -> list[Finding]:
        left = {self.key_after(f) for f in self.after}
        return [f for f in self.before if self.key_before(f) not in left]

    @property
    def new(self) -> list[Finding]:
        had = {self.key_before(f) for f in self.before}
        return [f for f in self.after if self.key_after(f) not in had]


def plan(job: Job) -> Outcome:
    """Check ``job.path`` and apply the safe fixes in memory (nothing is written)."""
    result = run_job(job)
    if result.error is not None:
        raise result.error
    doc = result.document
    if doc is None or doc.format != "docx":
        raise ReadError("chỉ sửa tự động được tệp Word .docx", "not_docx")
    with open(job.path, "rb") as fh:
        data = fh.read()
    pkg = DocxPackage(data)
    body = pkg.xml(pkg.main).find(W + "body")
    if body is None:
        raise ReadError("tài liệu Word không có phần nội dung (w:body)", "corrupt")
    elements, sections = paragraph_elements(body)
    if len(elements) != len(doc.paragraphs):
        raise QuycheError("không khớp được các đoạn văn của tệp để sửa (lỗi nội bộ)", "internal")
    ctx = FixContext(doc=doc, pkg=pkg, elements=elements, sections=sections, as_of=job.as_of)
    changes = apply(ctx, result.findings)
    position = {id(el): i + 1 for i, el in enumerate(elements)}
    now, _ = paragraph_elements(body)
    origin = [position.get(id(el)) for el in now]
    return Outcome(job.path, result.findings, changes, ctx.notes, pkg.to_bytes(), origin)


def apply(ctx: FixContext, findings: Iterable[Finding]) -> list[Change]:
    fixers = load_fixers()
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        if is_safe(f):
            by_rule.setdefault(f.rule, []).append(f)
    changes: list[Change] = []
    for impl in sorted((fixers[r] for r in by_rule), key=lambda i: (i.order, i.rule)):
        try:
            changes += impl.fix(ctx, by_rule[impl.rule])
        except CannotFix as exc:
            ctx.left(impl.rule, exc.message)
    return changes


def recheck(outcome: Outcome, path: str, job: Job) -> Outcome:
    """Check the fixed file at ``path`` with the input's profile and date; fills ``outcome.after``."""
    result = run_job(Job(path, job.profile_path, job.as_of, job.select, job.ignore, job.overrides, job.settings,
                         job.catalogues))
    if result.error is not None:
        raise QuycheError(f"tệp sau khi sửa không đọc lại được ({result.error.message}) — lỗi nội bộ", "internal")
    outcome.after = result.findings
    return outcome
