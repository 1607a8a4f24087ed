"""Run the registered rules on a document and turn their hits into findings.

Severity comes from the catalogue part that fired, then per-organisation overrides (which may lower
any severity and raise it only up to the part's ceiling), then the HD05-2026 cap for format rules.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import Any

from quyche.catalogue import SEVERITIES, Catalogue, RuleMeta, catalogue
from quyche.errors import ReadError, UsageError
from quyche.model import Document
from quyche.rules.base import FORMATTING, LAYOUT, PAGE, PROFILE, REGISTER, REGISTRY, Context, Hit, RuleImpl

CONFIRM_PREFIX = "[Cần xác nhận] "
AUTHORITY_CHANGE = date(2026, 1, 9)


@cache
def load_rules() -> dict[str, RuleImpl]:
    """Import every rule module under ``quyche.rules`` once (one rule per module)."""
    import quyche.rules as pkg

    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        if not info.name.endswith((".base", ".common")):
            importlib.import_module(info.name)
    return dict(REGISTRY)


@dataclass(slots=True)
class Finding:
    rule: str
    severity: str
    confidence: str
    message: str
    zone: str
    paragraph: int | None
    text: str | None
    where: str | None
    expected: str | None
    actual: str | None
    citation: str
    fix: str
    needs_confirmation: bool = False
    part: str = "main"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "confidence": self.confidence,
            "message": self.message,
            "location": {"zone": self.zone, "paragraph": self.paragraph, "text": self.text, "where": self.where},
            "expected": self.expected,
            "actual": self.actual,
            "citation": self.citation,
            "fix": self.fix,
        }
        if self.needs_confirmation:
            out["needs_confirmation"] = True
        if self.part != "main":
            out["part"] = self.part
        return out


@dataclass(slots=True)
class Selection:
    """``--select`` / ``--ignore``: rule IDs, aliases or prefixes ("FMT", "FMT-HEADER")."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def wants(self, rule_id: str) -> bool:
        def match(pattern: str) -> bool:
            return rule_id == pattern or rule_id.startswith(pattern.rstrip("-") + "-")

        if self.select and not any(match(p) for p in self.select):
            return False
        return not any(match(p) for p in self.ignore)


def parse_ids(value: str | Iterable[str] | None, cat: Catalogue) -> tuple[str, ...]:
    if not value:
        return ()
    items = value.split(",") if isinstance(value, str) else [x for v in value for x in v.split(",")]
    out = []
    known_families = {m.family for m in cat.rules.values()}
    for raw in items:
        rid = cat.resolve(raw)
        if not rid:
            continue
        if rid in cat.rules or rid in known_families or any(r.startswith(rid + "-") for r in cat.rules):
            out.append(rid)
        else:
            raise UsageError(f"không có quy tắc nào mang mã hoặc tiền tố “{raw.strip()}” (xem: quyche rules)")
    return tuple(out)


@dataclass
class Checker:
    selection: Selection = field(default_factory=Selection)
    overrides: Mapping[str, str] = field(default_factory=dict)  # "RULE" or "RULE.part" → severity
    cat: Catalogue = field(init=False)
    rules: dict[str, RuleImpl] = field(init=False)
    _plans: dict[tuple[tuple[str, ...], tuple[str, ...], int, int], list[tuple[str, RuleImpl, RuleMeta]]] = field(
        init=False, default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self.cat = catalogue()
        self.rules = load_rules()
        for key, sev in self.overrides.items():
            if sev not in SEVERITIES:
                raise UsageError(f"mức “{sev}” của {key} không hợp lệ (chỉ nhận: error, warning, info)")
            if self.cat.resolve(key.split(".")[0]) not in self.cat.rules:
                raise UsageError(f"ghi đè mức cho quy tắc không tồn tại: {key}")

    def active(self) -> list[str]:
        return [rid for rid, _, _ in self._plan()]

    def _plan(self) -> list[tuple[str, RuleImpl, RuleMeta]]:
        """(ID, implementation, catalogue entry) of each active rule in catalogue order, built once per
        selection and rule table (either may be replaced between runs; the table is kept alive by ``self``,
        so its id is not reused while it is current)."""
        key = (self.selection.select, self.selection.ignore, id(self.rules), len(self.rules))
        plan = self._plans.get(key)
        if plan is None:
            wants = self.selection.wants
            plan = self._plans[key] = [
                (rid, self.rules[rid], meta) for rid, meta in self.cat.rules.items() if rid in self.rules and wants(rid)
            ]
        return plan

    def run(self, doc: Document, ctx: Context) -> tuple[list[Finding], list[str]]:
        """Findings of every active rule, and the IDs of rules that could not apply to this input."""
        ctx = replace(ctx, doc_date=doc.zones.doc_date)
        findings: list[Finding] = []
        not_applicable: list[str] = []
        unmet = _unmet(doc, ctx)
        capped = ctx.settings.hd05_cap and self.cat.format_profile(ctx.doc_date) == "HD05-2026"
        for rid, impl, meta in self._plan():
            if not unmet.isdisjoint(impl.needs):
                not_applicable.append(rid)
                continue
            for hit in impl.check(doc, ctx):
                findings.append(self._make_finding(meta, hit, capped))
        findings.sort(key=_finding_order)
        return findings, not_applicable

    @staticmethod
    def _applicable(impl: RuleImpl, doc: Document, ctx: Context) -> bool:
        return _unmet(doc, ctx).isdisjoint(impl.needs)

    def _finding(self, meta: RuleMeta, hit: Hit, ctx: Context) -> Finding:
        capped = ctx.settings.hd05_cap and self.cat.format_profile(ctx.doc_date) == "HD05-2026"
        return self._make_finding(meta, hit, capped)

    def _make_finding(self, meta: RuleMeta, hit: Hit, hd05_capped: bool) -> Finding:
        """``hd05_capped``: the document falls under the HD05-2026 format profile and the cap is on."""
        part = meta.part(hit.part)
        severity = part.severity
        if self.overrides:
            override = self.overrides.get(f"{meta.id}.{part.name}") or self.overrides.get(meta.id)
            if override:
                severity = _clamp(override, part.ceiling)
        flagged = part.flag
        if hd05_capped and meta.family == "FMT":
            severity = _clamp(severity, "warning")
            flagged = True
        message = hit.message
        if flagged and not message.startswith(CONFIRM_PREFIX):
            message = CONFIRM_PREFIX + message
        p = hit.paragraph
        return Finding(
            rule=meta.id,
            severity=severity,
            confidence=part.confidence,
            message=message,
            zone=hit.zone.split(".")[0],
            paragraph=p.loc.paragraph if p is not None else None,
            text=p.plain[:200] if p is not None else None,
            where=p.loc.describe() if p is not None else None,
            expected=hit.expected,
            actual=hit.actual,
            citation=meta.citation,
            fix=hit.fix or meta.fix,
            needs_confirmation=flagged,
            part=part.name,
        )


def _unmet(doc: Document, ctx: Context) -> frozenset[str]:
    """The facts a rule may need that this document and context do not offer."""
    return frozenset(
        need
        for need, met in (
            (FORMATTING, doc.has_formatting),
            (LAYOUT, doc.has_layout),
            (PAGE, doc.has_pages),
            (PROFILE, ctx.profile is not None),
            (REGISTER, ctx.register is not None),
        )
        if not met
    )


def _finding_order(f: Finding) -> tuple[int, str]:
    return (f.paragraph or 0, f.rule)


def _clamp(severity: str, ceiling: str) -> str:
    return severity if SEVERITIES.index(severity) <= SEVERITIES.index(ceiling) else ceiling


def authority_regulation(doc_date: date | None) -> str:
    return "399-QĐ/TW" if doc_date is not None and doc_date >= AUTHORITY_CHANGE else "66-QĐ/TW"


@dataclass(slots=True)
class Result:
    file: str
    error: ReadError | None = None
    document: Document | None = None
    findings: list[Finding] = field(default_factory=list)
    not_applicable: list[str] = field(default_factory=list)

    @property
    def worst(self) -> str | None:
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=SEVERITIES.index)
