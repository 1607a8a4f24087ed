"""The rule catalogue and its tables, loaded from the YAML data shipped in ``quyche/data``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from quyche.text import fold
from quyche.yamlio import load_yaml

SEVERITIES = ("info", "warning", "error")


def _load(name: str) -> Any:
    text = resources.files("quyche.data").joinpath(name).read_text(encoding="utf-8")
    return load_yaml(text)


@dataclass(frozen=True, slots=True)
class Part:
    name: str
    severity: str
    confidence: str
    flag: bool

    @property
    def ceiling(self) -> str:
        """Highest severity this part may be raised to (spec README, severity rule 1–3)."""
        if self.confidence == "H" and not self.flag:
            return "error"
        return "warning"


@dataclass(frozen=True, slots=True)
class RuleMeta:
    id: str
    family: str
    name: str
    parts: dict[str, Part]
    citation: str
    sources: tuple[str, ...]
    fix: str
    fix_safe: bool
    doc: dict[str, str] = field(default_factory=dict)
    examples: dict[str, str] = field(default_factory=dict)

    def part(self, name: str) -> Part:
        if name in self.parts:
            return self.parts[name]
        return self.parts.get("main") or next(iter(self.parts.values()))


@dataclass(frozen=True, slots=True)
class Catalogue:
    version: str
    rules: dict[str, RuleMeta]
    aliases: dict[str, str]
    format_profiles: dict[str, dict[str, Any]]

    @property
    def ruleset(self) -> str:
        return f"quyche-rules@{self.version}"

    def resolve(self, rule_id: str) -> str:
        rid = rule_id.strip().upper()
        return self.aliases.get(rid, rid)

    def format_profile(self, doc_date: date | None) -> str:
        start = self.format_profiles.get("HD05-2026", {}).get("from")
        if doc_date is not None and start is not None and doc_date >= _as_date(start):
            return "HD05-2026"
        return "HD36-2018"


def _as_date(v: Any) -> date:
    return v if isinstance(v, date) else date.fromisoformat(str(v))


@cache
def catalogue() -> Catalogue:
    raw = _load("rules.yaml")
    rules: dict[str, RuleMeta] = {}
    for r in raw["rules"]:
        parts = {
            name: Part(name, p["severity"], str(p["confidence"]).split()[0], bool(p.get("flag", False)))
            for name, p in (r.get("parts") or {"main": {"severity": "info", "confidence": "L"}}).items()
        }
        doc = {k: str(v) for k, v in (r.get("doc") or {}).items()}
        rules[r["id"]] = RuleMeta(
            id=r["id"],
            family=r.get("family") or r["id"].split("-")[0],
            name=r.get("name", r["id"]),
            parts=parts,
            citation=r.get("citation") or "",
            sources=tuple(r.get("sources") or ()),
            fix=r.get("fix") or "",
            fix_safe=bool(r.get("fix_safe", False)),
            doc=doc,
            examples={k: str(v) for k, v in (r.get("examples") or {}).items()},
        )
    return Catalogue(
        version=str(raw.get("version", "0")),
        rules=rules,
        aliases={k.upper(): v for k, v in (raw.get("aliases") or {}).items()},
        format_profiles=raw.get("format_profiles") or {},
    )


@dataclass(frozen=True, slots=True)
class DocType:
    name: str
    abbreviations: tuple[str, ...]
    lists: tuple[str, ...]
    state_only: bool
    confidence: str


@cache
def doc_types() -> dict[str, DocType]:
    """Folded type name → DocType (rules.md §10.1)."""
    raw = _load("doctypes.yaml")
    items = raw["types"] if isinstance(raw, dict) else raw
    out: dict[str, DocType] = {}
    for t in items:
        names = t["name"] if isinstance(t["name"], list) else [t["name"]]
        for name in names:
            out[fold(name)] = DocType(
                name=name,
                abbreviations=tuple(t.get("abbreviations") or ()),
                lists=tuple(str(x) for x in (t.get("lists") or ())),
                state_only=bool(t.get("state_only", False)),
                confidence=str(t.get("confidence", "M")),
            )
    return out


@cache
def competence() -> dict[str, dict[str, bool]]:
    """Folded type name → {"dang_uy": bool, "ban_thuong_vu": bool, "chi_bo": bool} (rules.md §10.2)."""
    raw = _load("competence.yaml")
    items = raw["types"] if isinstance(raw, dict) else raw
    out: dict[str, dict[str, bool]] = {}
    for t in items:
        raw_name = t.get("type", t.get("name"))
        names = raw_name if isinstance(raw_name, list) else [raw_name]
        allowed = {k: bool(t[k]) for k in ("dang_uy", "ban_thuong_vu", "chi_bo") if k in t}
        if "allowed" in t:
            allowed.update({k: bool(v) for k, v in t["allowed"].items()})
        for name in names:
            out[fold(name)] = allowed
    return out
