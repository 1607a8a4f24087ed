"""Where the check time goes: read stages and each rule, cold text caches, median over documents.

Usage: ``python bench/profile_rules.py [--rounds N] [--top K]``. A diagnostic, never a timed test.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import replace
from datetime import date

from bench_check import ROOT, TEXT_CACHES, _text_caches, corpus_docs, long_regulation
from quyche.engine import Checker
from quyche.profile import load_profile
from quyche.readers.docx.reader import read_docx
from quyche.rules.base import Context


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()
    checker = Checker()
    example = load_profile(ROOT / "examples" / "quy-che-dang-uy-xa-an-hoa.profile.yaml")
    docs = [(f"gen-{i}", long_regulation(i), example) for i in range(3)] + corpus_docs()
    for _, data, profile in docs:
        checker.run(read_docx(data, "w.docx"), Context(as_of=date(2026, 11, 26), profile=profile))
    TEXT_CACHES.extend(_text_caches())
    per_rule: dict[str, list[float]] = {}
    reads: list[float] = []
    zones: list[float] = []
    for _ in range(args.rounds):
        for _, data, profile in docs:
            for c in TEXT_CACHES:
                c.cache_clear()  # type: ignore[attr-defined]
            t0 = time.perf_counter()
            doc = read_docx(data, "b.docx")
            t1 = time.perf_counter()
            doc.zones  # noqa: B018 (zoning is lazy: time it on its own)
            t2 = time.perf_counter()
            reads.append(t1 - t0)
            zones.append(t2 - t1)
            ctx = replace(Context(as_of=date(2026, 11, 26), profile=profile), doc_date=doc.zones.doc_date)
            for rid in checker.active():
                impl = checker.rules[rid]
                t = time.perf_counter()
                if checker._applicable(impl, doc, ctx):
                    list(impl.check(doc, ctx))
                per_rule.setdefault(rid, []).append(time.perf_counter() - t)
    med = {rid: statistics.median(v) * 1000 for rid, v in per_rule.items()}
    print(f"read {statistics.median(reads) * 1000:.2f} ms, zones {statistics.median(zones) * 1000:.2f} ms, "
          f"rules {sum(med.values()):.2f} ms (sum of medians)")
    families: dict[str, float] = {}
    for rid, ms in med.items():
        families[rid.split("-")[0]] = families.get(rid.split("-")[0], 0.0) + ms
    print("  by family: " + ", ".join(f"{f} {ms:.2f}" for f, ms in sorted(families.items(), key=lambda kv: -kv[1])))
    for rid, ms in sorted(med.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"  {rid:28} {ms:7.3f} ms")


if __name__ == "__main__":
    main()
