"""Acceptance: ../shared/corpus/ documents against their answer keys (skipped where the corpus is absent)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from quyche.checking import Job, profile_beside, run_job
from quyche.engine import load_rules

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
DOCS = sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else []
ISSUE2_FAMILIES = ("TYP", "FMT", "STR")

pytestmark = pytest.mark.skipif(not DOCS, reason="../shared/corpus not present")


def _key(doc: Path) -> dict:
    return json.loads(doc.with_suffix(".expect.json").read_text(encoding="utf-8"))


def _check(doc: Path, key: dict):
    as_of = date.fromisoformat(key.get("as_of", "2026-03-01"))
    return run_job(Job(str(doc), profile_beside(str(doc)), as_of))


@pytest.mark.corpus
@pytest.mark.parametrize("doc", DOCS, ids=[d.stem for d in DOCS])
def test_answer_key(doc: Path) -> None:
    key = _key(doc)
    result = _check(doc, key)
    if key.get("bad_input"):
        assert result.error is not None
        return
    assert result.error is None, result.error
    implemented = set(load_rules())
    reported = {f.rule for f in result.findings if f.severity in ("error", "warning")}
    every = {f.rule for f in result.findings}
    must = set(key.get("must", [])) & implemented
    missing = must - reported
    assert not missing, f"not reported: {sorted(missing)}"
    for rid in set(key.get("must_info", [])) & implemented:
        assert rid in every
    allowed = set(key.get("must", [])) | set(key.get("must_info", [])) | set(key.get("may", []))
    unexpected = sorted(
        f"{f.rule} {f.severity}: {f.message}" for f in result.findings
        if f.severity in ("error", "warning") and f.rule not in allowed
    )
    assert not unexpected, "\n".join(unexpected)


@pytest.mark.corpus
def test_every_issue2_must_rule_is_implemented() -> None:
    implemented = set(load_rules())
    wanted = {rid for d in DOCS for rid in _key(d).get("must", []) if rid.startswith(ISSUE2_FAMILIES)}
    assert wanted <= implemented, sorted(wanted - implemented)
