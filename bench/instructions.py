"""Instructions executed per document (valgrind cachegrind): the check, python-docx's load and the bare parse,
on bench_check's document set. Unlike wall time, the counts do not move with the machine's load.

Usage: ``python bench/instructions.py [--rounds N] [--only WHAT ...]`` (needs ``valgrind``; a few minutes).
Each WHAT is counted twice in a fresh interpreter, after a warm-up pass, with 0 and with N rounds over the
documents: the difference divided by N × documents is the cost of one document, start-up and imports left out.
A diagnostic, never a test.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WHATS = ("check-all", "check-tfs", "read-zones", "docx", "bare")


def worker(what: str, rounds: int) -> None:
    """Run inside valgrind: warm up, then ``rounds`` passes of ``what`` over the documents."""
    sys.path.insert(0, str(HERE))
    import bench_check as b
    from quyche.engine import Checker, Selection
    from quyche.readers.docx.reader import read_docx

    example = b.load_profile(b.ROOT / "examples" / "quy-che-dang-uy-xa-an-hoa.profile.yaml")
    docs = [(f"g{i}", b.long_regulation(i), example) for i in range(3)] + b.corpus_docs()
    b.CHECKER = Checker(Selection(select=("TYP", "FMT", "STR") if what == "check-tfs" else ()))

    def read_zones(data: bytes, _: object) -> None:
        for c in b.TEXT_CACHES:
            c.cache_clear()  # type: ignore[attr-defined]
        read_docx(data, "bench.docx").zones  # noqa: B018 (zoning is lazy)

    steps = {"check-all": b.quyche_check, "check-tfs": b.quyche_check, "read-zones": read_zones,
             "docx": lambda data, _: b.python_docx(data), "bare": lambda data, _: b.bare(data)}
    for _, data, profile in docs:
        b.quyche_check(data, profile), b.python_docx(data), b.bare(data)
    b.TEXT_CACHES[:] = b._text_caches()
    for _ in range(rounds):
        for _, data, profile in docs:
            steps[what](data, profile)
    print(f"documents={len(docs)}", file=sys.stderr)


def count(what: str, rounds: int) -> tuple[int, int]:
    """(instructions, documents) of one valgrind run."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    run = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, __file__, "--worker", what, str(rounds)],
        capture_output=True, text=True, env=env, check=True)
    refs = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    docs = re.search(r"documents=(\d+)", run.stderr)
    if refs is None or docs is None:
        raise SystemExit(f"valgrind gave no count for {what}:\n{run.stderr[-2000:]}")
    return int(refs.group(1).replace(",", "")), int(docs.group(1))


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        worker(sys.argv[2], int(sys.argv[3]))
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--only", action="append", choices=WHATS, default=None)
    args = ap.parse_args()
    for what in args.only or WHATS:
        base, docs = count(what, 0)
        total, _ = count(what, args.rounds)
        print(f"{what:11} {(total - base) / args.rounds / docs / 1e6:7.1f} M instructions per document", flush=True)


if __name__ == "__main__":
    main()
