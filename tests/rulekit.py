"""Run one rule (or a few) on a document, as the rule-example tests need."""

from __future__ import annotations

from datetime import date
from typing import Any

from quyche.engine import Checker, Finding, Selection
from quyche.model import Document
from quyche.rules.base import Context


def run_rule(rule_id: str, doc: Document, *, as_of: date = date(2026, 11, 26), **ctx: Any) -> list[Finding]:
    """Findings of ``rule_id`` alone on ``doc``; ``ctx`` fills Context fields (profile, is_draft…)."""
    checker = Checker(Selection(select=(rule_id,)))
    findings, _ = checker.run(doc, Context(as_of=as_of, **ctx))
    return [f for f in findings if f.rule == rule_id]


def fires(rule_id: str, doc: Document, **ctx: Any) -> bool:
    return bool(run_rule(rule_id, doc, **ctx))
