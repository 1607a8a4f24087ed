"""What the reader and the checker make of a large document set, as JSON lines: proof that a speed change
changes nothing. Run it before and after the change and compare the two files (``cmp`` or ``diff``).

The set: the shared corpus (each document with and without its profile), the examples and test fixtures,
generated regulations (tests/factory.py, tests/qclv.py with each block dropped in turn) and seeded mutants
of the corpus documents (a paragraph dropped, doubled or given another's text, a run made bold or resized:
the mutants give the rules something to find). Each document is checked as of two dates.

Usage: ``python bench/snapshot.py OUT.jsonl [--mutants N] [--limit K]``. A diagnostic, never a test.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import re
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from factory import PartyDoc  # noqa: E402
from quyche.engine import Checker  # noqa: E402
from quyche.errors import ReadError  # noqa: E402
from quyche.profile import Profile, load_profile  # noqa: E402
from quyche.readers.docx.reader import read_docx  # noqa: E402
from quyche.rules.base import Context  # noqa: E402

DATES = (date(2022, 1, 1), date(2026, 11, 26))
_PARA = re.compile(rb"<w:p[ >](?:(?!<w:p[ >]).)*?</w:p>", re.S)
_TEXT = re.compile(rb"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")
_RPR = re.compile(rb"<w:rPr>")
_SIZE = re.compile(rb'<w:sz w:val="(\d+)"/>')


def _profile_of(path: Path) -> Profile | None:
    candidate = path.with_name(path.stem + ".profile.yaml")
    return load_profile(candidate) if candidate.exists() else None


def _replace_part(data: bytes, part: str, new: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, new if info.filename == part else src.read(info.filename))
    return out.getvalue()


def _mutate(xml: bytes, rng: random.Random) -> bytes:
    paras = list(_PARA.finditer(xml))
    texts = list(_TEXT.finditer(xml))
    kind = rng.randrange(5)
    if kind == 0 and paras:  # drop a paragraph
        m = rng.choice(paras)
        return xml[: m.start()] + xml[m.end():]
    if kind == 1 and paras:  # double a paragraph
        m = rng.choice(paras)
        return xml[: m.end()] + m.group() + xml[m.end():]
    if kind == 2 and len(texts) > 1:  # one w:t gets another's text
        a, b = rng.sample(texts, 2)
        return xml[: a.start(2)] + b.group(2) + xml[a.end(2):]
    if kind == 3:  # a run made bold
        spots = list(_RPR.finditer(xml))
        if spots:
            m = rng.choice(spots)
            return xml[: m.end()] + b"<w:b/>" + xml[m.end():]
    spots = list(_SIZE.finditer(xml))  # a run resized
    if spots:
        m = rng.choice(spots)
        return xml[: m.start(1)] + str(int(m.group(1)) + rng.choice((-2, 2))).encode() + xml[m.end(1):]
    return xml


def documents(mutants: int) -> Iterator[tuple[str, bytes, Profile | None]]:
    corpus = sorted((ROOT.parent / "shared" / "corpus").glob("*.docx"))
    others = sorted((ROOT / "examples").glob("*.docx")) + sorted((ROOT / "tests" / "fixtures").glob("*.docx"))
    for path in corpus + others:
        yield path.name, path.read_bytes(), _profile_of(path)
    sys.path.insert(0, str(ROOT / "bench"))
    import qclv
    from bench_check import long_regulation

    for i in range(6):
        yield f"long-{i}", long_regulation(i), None
    for key in qclv.BLOCKS:
        yield f"xa-drop-{key}", PartyDoc(body=qclv.body(drop=(key,))).to_bytes(), qclv.xa_profile()
        yield f"chibo-drop-{key}", PartyDoc(body=qclv.chibo_body(drop=(key,))).to_bytes(), qclv.chibo_profile()
    rng = random.Random(20261126)
    for path in corpus:
        data = path.read_bytes()
        xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
        for i in range(mutants):
            mutated = xml
            for _ in range(1 + i % 3):
                mutated = _mutate(mutated, rng)
            yield f"{path.name}~{i}", _replace_part(data, "word/document.xml", mutated), _profile_of(path)


def snapshot(name: str, data: bytes, profile: Profile | None, checker: Checker) -> dict[str, object]:
    try:
        doc = read_docx(data, name)
    except ReadError as exc:
        return {"doc": name, "error": str(exc)}
    model = repr((doc.paragraphs, doc.sections)).encode()
    runs: dict[str, object] = {}
    for p in (profile, None) if profile is not None else (None,):
        for day in DATES:
            findings, not_applicable = checker.run(read_docx(data, name), Context(as_of=day, profile=p))
            runs[f"{'profile' if p else 'bare'} {day}"] = {
                "findings": [asdict(f) for f in findings], "not_applicable": not_applicable}
    return {"doc": name, "model": hashlib.sha256(model).hexdigest(), "runs": runs}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--mutants", type=int, default=12)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    checker = Checker()
    with args.out.open("w", encoding="utf-8") as fh:
        for n, (name, data, profile) in enumerate(documents(args.mutants)):
            if args.limit and n >= args.limit:
                break
            fh.write(json.dumps(snapshot(name, data, profile, checker), ensure_ascii=False, default=str) + "\n")


if __name__ == "__main__":
    main()
