"""Benchmark ``quyche check`` per document against two baselines measured in the same process.

(a) the bare floor: unzip and lxml-parse word/document.xml + word/styles.xml;
(b) python-docx's ``Document()`` load of the same file.
Documents: ≈15-page working regulations built in memory (tests/factory.py), plus the shared corpus
where present. Usage: ``python bench/bench_check.py [--rounds N] [--select SCOPE ...]``. Never run as a timed test.
"""

from __future__ import annotations

import argparse
import gc
import io
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from factory import L, PartyDoc  # noqa: E402
from quyche.engine import Checker, Selection  # noqa: E402
from quyche.profile import Profile, load_profile  # noqa: E402
from quyche.readers.docx.reader import read_docx  # noqa: E402
from quyche.rules.base import Context  # noqa: E402


def long_regulation(seed: int) -> bytes:
    """≈15 pages: 5 chapters, 40 articles of 4–6 clauses with points."""
    body: list[L] = []
    n = 0
    for ch, name in enumerate(("NHỮNG QUY ĐỊNH CHUNG", "TRÁCH NHIỆM, QUYỀN HẠN", "CHẾ ĐỘ LÀM VIỆC",
                               "MỐI QUAN HỆ CÔNG TÁC", "ĐIỀU KHOẢN THI HÀNH"), start=1):
        body += [L(f"Chương {['I', 'II', 'III', 'IV', 'V'][ch - 1]}", b=True), L(name, b=True)]
        for _ in range(8):
            n += 1
            body.append(L(f"Điều {n}. Trách nhiệm của tập thể và cá nhân số {n + seed}", b=True, align="both"))
            for k in range(1, 5 + (n % 2)):
                body.append(L(f"{k}. Lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị, công tác xây dựng Đảng, "
                              f"kiểm tra, giám sát và thi hành kỷ luật đảng trong phạm vi được phân công; "
                              f"định kỳ báo cáo kết quả với cấp ủy.", align="both"))
            body += [L("a) Chuẩn bị nội dung, chương trình làm việc;", align="both"),
                     L("b) Tổ chức thực hiện và báo cáo kết quả.", align="both")]
    return PartyDoc(body=body).to_bytes()


def corpus_docs() -> list[tuple[str, bytes, Profile | None]]:
    folder = ROOT.parent / "shared" / "corpus"
    if not folder.is_dir():
        return []
    return [(p.name, p.read_bytes(), load_profile(p.with_name(p.stem + ".profile.yaml")))
            for p in sorted(folder.glob("clean_*.docx"))]


def bare(data: bytes) -> None:
    z = zipfile.ZipFile(io.BytesIO(data))
    etree.fromstring(z.read("word/document.xml"))
    etree.fromstring(z.read("word/styles.xml"))


def python_docx(data: bytes) -> None:
    docx.Document(io.BytesIO(data))


CHECKER: Checker | None = None


def _text_caches() -> list[object]:
    """Bounded per-text memo caches (lru_cache with a maxsize) in quyche's modules. The data loaders
    (unbounded @cache: catalogue, skeleton, rules) stay warm: a long-running process loads them once."""
    found = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("quyche") or module is None:
            continue
        for obj in vars(module).values():
            info = getattr(obj, "cache_info", None)
            if callable(info) and info().maxsize is not None:
                found.append(obj)
    return found


TEXT_CACHES: list[object] = []


def quyche_check(data: bytes, profile: Profile | None = None) -> None:
    assert CHECKER is not None
    for c in TEXT_CACHES:  # each run starts cold, as for a document never seen before
        c.cache_clear()  # type: ignore[attr-defined]
    doc = read_docx(data, "bench.docx")
    CHECKER.run(doc, Context(as_of=date(2026, 11, 26), profile=profile))


def batch_ms(docs: list[tuple[str, bytes, Profile | None]], rounds: int) -> list[tuple[float, float, float]]:
    """Per document, the median ms of the check, the bare parse and python-docx's load.

    Each round runs each of the three over the whole document set in turn, as a batch (an inspector checks
    dozens of files: the code stays warm, the input changes from file to file), so a change in machine load
    during the measurement reaches all three alike. Each batch pays for its own garbage; the heap is
    collected between batches, untimed."""
    steps: tuple[Callable[[bytes, Profile | None], None], ...] = (
        quyche_check, lambda data, _: bare(data), lambda data, _: python_docx(data))
    samples = [[[] for _ in steps] for _ in docs]  # type: list[list[list[float]]]
    for _ in range(rounds):
        for j, step in enumerate(steps):
            gc.collect()
            for i, (_, data, profile) in enumerate(docs):
                t0 = time.perf_counter()
                step(data, profile)
                samples[i][j].append(time.perf_counter() - t0)
    return [(statistics.median(c) * 1000, statistics.median(b) * 1000, statistics.median(d) * 1000)
            for c, b, d in samples]


def main() -> None:
    global CHECKER
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=40)
    ap.add_argument("--select", action="append", default=None,
                    help="a rule scope: IDs or prefixes, e.g. TYP,FMT,STR; repeat for several scopes; 'all' for every "
                         "rule (default: TYP,FMT,STR and all)")
    args = ap.parse_args()
    scopes = args.select or ["TYP,FMT,STR", "all"]
    example = load_profile(ROOT / "examples" / "quy-che-dang-uy-xa-an-hoa.profile.yaml")
    docs = [(f"quy-che-15-trang-{i}.docx", long_regulation(i), example) for i in range(3)] + corpus_docs()
    summary = []
    for scope in scopes:
        picked = () if scope == "all" else tuple(x for x in scope.split(",") if x)
        CHECKER = Checker(Selection(select=picked))
        for _, data, profile in docs:  # warm imports and data loaders
            quyche_check(data, profile), bare(data), python_docx(data)
        TEXT_CACHES[:] = _text_caches()
        gc.collect()
        rows = batch_ms(docs, args.rounds)
        print(f"\nscope: {scope} ({len(CHECKER.active())} rules)")
        print(f"{'document':32} {'paras':>6} {'check ms':>9} {'bare ms':>8} {'docx ms':>8} {'÷bare':>6} {'÷docx':>6}")
        for (name, data, _), (c, b, d) in zip(docs, rows, strict=True):
            paras = len(read_docx(data, name).paragraphs)
            print(f"{name:32} {paras:6d} {c:9.2f} {b:8.2f} {d:8.2f} {c / b:6.2f} {c / d:6.2f}")
        cs, bs, ds = (statistics.median(col) for col in zip(*rows, strict=True))
        summary.append((scope, len(CHECKER.active()), cs, bs, ds))
    print("\nmedian per document (goals: ≤ 10 ms, ÷ bare ≤ 3, ÷ python-docx < 1)")
    for scope, n, cs, bs, ds in summary:
        print(f"  {scope:12} {n:3d} rules: check {cs:.2f} ms, bare parse {bs:.2f} ms, python-docx load {ds:.2f} ms; "
              f"÷ bare {cs / bs:.2f}, ÷ python-docx {cs / ds:.2f}")


if __name__ == "__main__":
    main()
