"""What a rule is: an ID, the facts it needs, and a check that yields :class:`Hit` objects.

Severity, confidence, citation, docs and fix hints are data (``quyche/data/rules.yaml``), not code:
a rule only says *what* it found and which *part* of the rule fired; the engine turns each hit into
a finding with the part's severity, the organisation's overrides and the format-profile caps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from quyche.model import Document, Paragraph

# Facts a rule may need; a rule whose needs are not met is reported "not applicable", never run.
FORMATTING = "formatting"  # fonts, sizes, bold/italic of runs
LAYOUT = "layout"  # columns, alignment, tables
PAGE = "page"  # page size, margins, headers/footers
PROFILE = "profile"  # the organisation profile
REGISTER = "register"  # the register of issued numbers


@dataclass(frozen=True, slots=True)
class Hit:
    """One fault found by a rule. ``part`` selects the severity row of a multi-part rule."""

    message: str
    paragraph: Paragraph | None = None
    zone: str = "body"
    part: str = "main"
    expected: str | None = None
    actual: str | None = None
    fix: str | None = None  # overrides the catalogue's fix hint when the rule knows better


@dataclass(slots=True)
class Settings:
    """Deployment parameters (rules.md §10.4); loaded from configuration, defaults here."""

    margin_tolerance_twips: int = 57  # 1 mm
    size_tolerance_twips: int = 20
    hd05_cap: bool = True  # cap FMT findings under the unconfirmed HD05-2026 profile
    verbatim_threshold: float = 0.95
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Context:
    """What a check may know besides the document. The engine fills ``doc_date`` per document."""

    as_of: date
    doc_date: date | None = None
    profile: Any | None = None  # quyche.profile.Profile (issue 3)
    is_draft: bool = False
    settings: Settings = field(default_factory=Settings)
    register: Any | None = None  # issued-number register (FMT-NUMBER-SEQUENCE)


CheckFunc = Callable[[Document, Context], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class RuleImpl:
    id: str
    check: CheckFunc
    needs: frozenset[str]
    module: str


REGISTRY: dict[str, RuleImpl] = {}


def rule(rule_id: str, *, needs: Iterable[str] = ()) -> Callable[[CheckFunc], CheckFunc]:
    """Register ``check`` under ``rule_id`` (an ID of ../shared/spec/rules.md)."""

    def register(func: CheckFunc) -> CheckFunc:
        if rule_id in REGISTRY and REGISTRY[rule_id].module != func.__module__:
            raise RuntimeError(f"rule {rule_id} registered twice")
        REGISTRY[rule_id] = RuleImpl(rule_id, func, frozenset(needs), func.__module__)
        return func

    return register
