"""``quyche fix``: each safe fixer on a document with that one defect (in every header layout where the rule
is about the header), nothing new after a fix, idempotence, the words left alone, the corpus mutants whose
defects are all format defects coming out clean, and the command line."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factory import L, PartyDoc, _default_body, _default_left, _default_right, _default_signature
from quyche.catalogue import catalogue
from quyche.checking import Job, profile_beside
from quyche.cli import app
from quyche.fix.engine import Outcome, load_fixers, plan, recheck
from quyche.fix.ooxml import text_of
from quyche.readers.docx.elements import paragraph_elements
from quyche.readers.docx.ooxml import W
from quyche.readers.docx.reader import read_docx
from quyche.readers.package import Package
from quyche.text import nfc

AS_OF = date(2026, 3, 1)
LAYOUTS = ("table", "tabs", "textbox", "paragraphs")
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CORPUS_DOCS = sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else []
# TYP-REGIME-MIXED is the state-marker rule: it goes when the number or the header title is fixed.
FORMAT_FIXED = {rid for rid, meta in catalogue().rules.items() if meta.fix_safe} | {"TYP-REGIME-MIXED"}
# Format findings (issue #4: "every mutant whose findings are all format findings comes out clean"): the whole
# FMT family, plus the TYP rules about the Party layout and the T/M spelling.
FORMAT_FINDINGS = {rid for rid in catalogue().rules if rid.startswith("FMT-")} | {"TYP-REGIME-MIXED", "TYP-SIGN-TM"}

RIGHT, LEFT, SIG = _default_right(), _default_left(), _default_signature()
STATE = [L("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, size=13),
         L("Độc lập - Tự do - Hạnh phúc", b=True, border_bottom="single"), RIGHT[1]]


def fix_bytes(data: bytes, folder: Path, profile: str | None = None, as_of: date = AS_OF) -> Outcome:
    src = folder / "vao.docx"
    src.write_bytes(data)
    job = Job(str(src), profile, as_of)
    outcome = plan(job)
    out = folder / "ra.docx"
    out.write_bytes(outcome.data)
    return recheck(outcome, str(out), job)


def keys(findings: list, outcome: Outcome | None = None) -> set[tuple[str, int | None]]:
    if outcome is None:
        return {(f.rule, f.paragraph) for f in findings}
    return {(k[0], k[2]) for k in map(outcome.key_after, findings)}


def assert_fixed(outcome: Outcome, rule: str) -> None:
    before = {f.rule for f in outcome.before}
    assert rule in before, f"the defect was not reported: {sorted(before)}"
    assert rule not in {f.rule for f in outcome.after}, [f.message for f in outcome.after if f.rule == rule]
    assert not outcome.new, [f"{f.rule}: {f.message}" for f in outcome.new]
    # Everything else is still reported, at the same (original) paragraph.
    fixed = {k for k in keys(outcome.before) if k[0] in {f.rule for f in outcome.fixed}}
    assert keys(outcome.after, outcome) == keys(outcome.before) - fixed
    assert outcome.changes and all(c.rule for c in outcome.changes)


def paragraph_texts(data: bytes) -> list[str]:
    return [p.text for p in read_docx(data, "x.docx").paragraphs]


def assert_words_kept(outcome: Outcome, data_in: bytes, rewrites: dict[str, str], inserted: tuple[str, ...] = (),
                      removed: tuple[str, ...] = ()) -> None:
    """The text of every paragraph is the same except the rewritten tokens; only ``inserted`` paragraphs are
    new and only ``removed`` texts are gone; and the whole text differs only by the rewrites."""
    before = paragraph_texts(data_in)
    after = paragraph_texts(outcome.data)
    assert len(after) == len(outcome.origin)
    kept = set()
    for text, origin in zip(after, outcome.origin, strict=True):
        if origin is None:
            assert text.strip() in inserted, text
            continue
        kept.add(origin)
        expected = before[origin - 1]
        for old, new in rewrites.items():
            expected = expected.replace(old, new)
        assert text in (before[origin - 1], expected)  # untouched, or exactly the rewritten tokens changed
    gone = [before[i - 1] for i in range(1, len(before) + 1) if i not in kept]
    assert all(any(r in t for r in removed) for t in gone), gone
    assert sum(t != before[o - 1] for t, o in zip(after, outcome.origin, strict=True) if o) <= max(
        1, sum(t.count(old) for t in before for old in rewrites)), "more paragraphs changed than rewritten"


def fixed_doc(spec: PartyDoc, tmp_path: Path) -> tuple[bytes, Outcome]:
    data = spec.to_bytes()
    return data, fix_bytes(data, tmp_path)


# ---------------------------------------------------------------------- reader order
def _container(el: object) -> str:
    for node in el.iterancestors():  # type: ignore[attr-defined]
        if node.tag == W + "tc":
            return "table"
        if node.tag == W + "txbxContent":
            return "textbox"
    return "body"


def _element_texts(data: bytes) -> list[tuple[str, str]]:
    pkg = Package(data)
    body = pkg.xml(pkg.main_part()).find(W + "body")
    assert body is not None
    elements, _ = paragraph_elements(body)
    return [(_container(el), nfc(text_of(el))) for el in elements]


def _model_texts(data: bytes) -> list[tuple[str, str]]:
    out = []
    for p in read_docx(data, "x.docx").paragraphs:
        out.append((p.loc.container, p.text[len(p.label) + 1:] if p.label else p.text))
    return out


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("closing", ["table", "tabs", "paragraphs"])
def test_elements_follow_the_reader_order(layout: str, closing: str) -> None:
    data = PartyDoc(header_layout=layout, closing_layout=closing, auto_articles=layout == "table").to_bytes()
    assert _element_texts(data) == _model_texts(data)


@pytest.mark.skipif(not CORPUS_DOCS, reason="../shared/corpus not present")
@pytest.mark.parametrize("doc", CORPUS_DOCS, ids=[d.stem for d in CORPUS_DOCS])
def test_elements_follow_the_reader_order_on_the_corpus(doc: Path) -> None:
    data = doc.read_bytes()
    assert _element_texts(data) == _model_texts(data)


# ---------------------------------------------------------------------- the registry
def test_a_fixer_for_every_safe_rule_and_only_those() -> None:
    fixers = load_fixers()
    safe = {rid for rid, meta in catalogue().rules.items() if meta.fix_safe}
    assert set(fixers) == safe
    assert "legacy" in fixers["FMT-FONT-FAMILY"].unsafe_parts


# ---------------------------------------------------------------------- header fixers in every layout
HEADER_CASES: dict[str, tuple[str, Callable[[str], PartyDoc], dict[str, str]]] = {
    "title_misspelt": ("FMT-HEADER-TITLE", lambda lay: PartyDoc(
        header_layout=lay, right=[RIGHT[0].with_(text="ĐẢNG CÔNG SẢN VIỆT NAM"), RIGHT[1]]),
        {"ĐẢNG CÔNG SẢN VIỆT NAM": "ĐẢNG CỘNG SẢN VIỆT NAM"}),
    "title_lower_small_not_bold": ("FMT-HEADER-TITLE", lambda lay: PartyDoc(
        header_layout=lay, right=[RIGHT[0].with_(text="Đảng Cộng sản Việt Nam", b=False, size=13), RIGHT[1]]),
        {"Đảng Cộng sản Việt Nam": "ĐẢNG CỘNG SẢN VIỆT NAM"}),
    "title_italic": ("FMT-HEADER-TITLE", lambda lay: PartyDoc(
        header_layout=lay, right=[RIGHT[0].with_(i=True), RIGHT[1]]), {}),
    "title_no_line": ("FMT-HEADER-TITLE", lambda lay: PartyDoc(
        header_layout=lay, right=[RIGHT[0].with_(border_bottom=None), RIGHT[1]]), {}),
    "title_dashed_line": ("FMT-HEADER-TITLE", lambda lay: PartyDoc(
        header_layout=lay, right=[RIGHT[0].with_(border_bottom="dashed"), RIGHT[1]]), {}),
    "star_missing": ("FMT-HEADER-STAR", lambda lay: PartyDoc(header_layout=lay, left=[LEFT[0], LEFT[1], LEFT[3]]),
                     {}),
    "star_short_line": ("FMT-HEADER-STAR", lambda lay: PartyDoc(
        header_layout=lay, left=[LEFT[0], LEFT[1], L("_____"), LEFT[3]]), {"_____": "*"}),
    "number_state_order": ("FMT-NUMBER-PATTERN", lambda lay: PartyDoc(
        header_layout=lay, left=[*LEFT[:3], L("Số: 1/QC-ĐU")]), {"Số: 1/QC-ĐU": "Số 01-QC/ĐU"}),
    "number_unpadded_dash": ("FMT-NUMBER-PATTERN", lambda lay: PartyDoc(
        header_layout=lay, left=[*LEFT[:3], L("Số 1–QC/ĐU")]), {"Số 1–QC/ĐU": "Số 01-QC/ĐU"}),
    "number_colon": ("FMT-NUMBER-PATTERN", lambda lay: PartyDoc(
        header_layout=lay, left=[*LEFT[:3], L("Số: 01-QC/ĐU")]), {"Số: 01-QC/ĐU": "Số 01-QC/ĐU"}),
    "date_numeric": ("FMT-DATE-PATTERN", lambda lay: PartyDoc(
        header_layout=lay, right=[RIGHT[0], L("An Hòa, ngày 5/10/2025", i=True)]),
        {"An Hòa, ngày 5/10/2025": "An Hòa, ngày 05 tháng 10 năm 2025"}),
    "date_padding_month": ("FMT-DATE-PATTERN", lambda lay: PartyDoc(
        header_layout=lay, right=[RIGHT[0], L("An Hòa, ngày 5 tháng 04 năm 2025", i=True)]),
        {"ngày 5 tháng 04 năm": "ngày 05 tháng 4 năm"}),
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("case", sorted(HEADER_CASES))
def test_header_fixers_in_every_layout(case: str, layout: str, tmp_path: Path) -> None:
    rule, build, rewrites = HEADER_CASES[case]
    data, outcome = fixed_doc(build(layout), tmp_path)
    assert_fixed(outcome, rule)
    assert_words_kept(outcome, data, rewrites, inserted=("*",))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_state_title_replaced_and_motto_removed(layout: str, tmp_path: Path) -> None:
    data, outcome = fixed_doc(PartyDoc(header_layout=layout, right=STATE), tmp_path)
    assert_fixed(outcome, "FMT-HEADER-TITLE")
    assert "TYP-REGIME-MIXED" in {f.rule for f in outcome.before}
    assert "TYP-REGIME-MIXED" not in {f.rule for f in outcome.after}
    assert_words_kept(outcome, data, {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": "ĐẢNG CỘNG SẢN VIỆT NAM",
                                      "Độc lập - Tự do - Hạnh phúc": ""}, removed=("Độc lập",))
    doc = read_docx(outcome.data, "x.docx")
    assert doc.zones.party_title is not None and doc.zones.motto is None


def test_inserted_star_sits_in_the_issuer_cell_not_bold(tmp_path: Path) -> None:
    _, outcome = fixed_doc(PartyDoc(left=[LEFT[0], LEFT[1], LEFT[3]]), tmp_path)
    z = read_docx(outcome.data, "x.docx").zones
    assert z.star is not None and z.issuer is not None
    assert (z.star.loc.table, z.star.loc.col) == (z.issuer.loc.table, z.issuer.loc.col)
    assert z.star.attr("bold") is False and z.star.sizes() == {14.0}


# ---------------------------------------------------------------------- page, font, title, body, signature
BODY = _default_body()
OTHER_CASES: dict[str, tuple[str, PartyDoc, dict[str, str]]] = {
    "letter_paper": ("FMT-PAGE-SIZE", PartyDoc(page_w=12240, page_h=15840), {}),
    "a4_landscape": ("FMT-PAGE-SIZE", PartyDoc(landscape=True), {}),
    "margins_default": ("FMT-PAGE-MARGINS", PartyDoc(margins=(1440, 1440, 1440, 1440)), {}),
    "font_arial": ("FMT-FONT-FAMILY", PartyDoc(body=[x.with_(font="Arial") for x in BODY]), {}),
    "font_arial_in_styles": ("FMT-FONT-FAMILY", PartyDoc(formatting="styles",
                                                         body=[x.with_(font="Arial") for x in BODY]), {}),
    "title_type": ("FMT-TITLE-TYPE", PartyDoc(title=[L("Quy chế", i=True, size=14, align="left")]),
                   {"Quy chế": "QUY CHẾ"}),
    "title_type_size": ("FMT-TITLE-TYPE", PartyDoc(title=[L("QUY CHẾ", b=True, size=13)]), {}),
    "title_summary": ("FMT-TITLE-SUMMARY", PartyDoc(summary=[L(
        "Làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, nhiệm kỳ 2025 - 2030", i=True, size=13)]),
        {"Làm việc của": "làm việc của"}),
    "body_13pt": ("FMT-BODY-TEXT", PartyDoc(body=[x.with_(size=13) for x in BODY]), {}),
    "body_13pt_styles": ("FMT-BODY-TEXT", PartyDoc(formatting="styles", body=[x.with_(size=13) for x in BODY]), {}),
    "article_colon_not_bold": ("FMT-BODY-ARTICLE", PartyDoc(body=[
        x.with_(text=re.sub(r"^(Điều \d+)\. ", r"\1: ", x.text), b=False) for x in BODY]),
        {f"Điều {n}:": f"Điều {n}." for n in range(1, 7)}),
    "article_upper_keyword": ("FMT-BODY-ARTICLE", PartyDoc(body=[
        x.with_(text=x.text.replace("Điều", "ĐIỀU", 1)) if x.text.startswith("Điều") else x for x in BODY]),
        {"ĐIỀU": "Điều"}),
    "article_auto_not_bold": ("FMT-BODY-ARTICLE", PartyDoc(auto_articles=True, body=[
        x.with_(b=False) if x.text.startswith("Điều") else x for x in BODY]), {}),
    "sign_tm_dot": ("TYP-SIGN-TM", PartyDoc(signature=[SIG[0].with_(text="TM. ĐẢNG ỦY"), *SIG[1:]]),
                    {"TM. ĐẢNG ỦY": "T/M ĐẢNG ỦY"}),
    "sign_t_dot_m": ("TYP-SIGN-TM", PartyDoc(signature=[SIG[0].with_(text="T.M. ĐẢNG ỦY"), *SIG[1:]]),
                     {"T.M. ĐẢNG ỦY": "T/M ĐẢNG ỦY"}),
    "sign_tm_dot_tabs": ("TYP-SIGN-TM", PartyDoc(closing_layout="tabs", signature=[
        SIG[0].with_(text="TM. ĐẢNG ỦY"), *SIG[1:]]), {"TM. ĐẢNG ỦY": "T/M ĐẢNG ỦY"}),
    "no_page_numbers": ("FMT-PAGE-NUMBER", PartyDoc(page_number="none"), {}),
    "number_on_page_one": ("FMT-PAGE-NUMBER", PartyDoc(page_number="all"), {}),
}


@pytest.mark.parametrize("case", sorted(OTHER_CASES))
def test_other_fixers(case: str, tmp_path: Path) -> None:
    rule, spec, rewrites = OTHER_CASES[case]
    data, outcome = fixed_doc(spec, tmp_path)
    assert_fixed(outcome, rule)
    assert_words_kept(outcome, data, rewrites)


def test_page_fixes_set_the_exact_values(tmp_path: Path) -> None:
    _, outcome = fixed_doc(PartyDoc(page_w=12240, page_h=15840, margins=(1440, 1440, 1440, 1440)), tmp_path)
    sec = read_docx(outcome.data, "x.docx").sections[0]
    assert (sec.width, sec.height, sec.landscape) == (11906, 16838, False)
    assert (sec.margin_top, sec.margin_bottom, sec.margin_left, sec.margin_right) == (1134, 1134, 1701, 850)


def test_font_fix_reaches_runs_and_style_definitions(tmp_path: Path) -> None:
    _, outcome = fixed_doc(PartyDoc(formatting="styles", body=[x.with_(font="Arial") for x in BODY]), tmp_path)
    styles = zipfile.ZipFile(io.BytesIO(outcome.data)).read("word/styles.xml").decode()
    assert 'w:ascii="Arial"' not in styles and 'w:hAnsi="Arial"' not in styles
    doc = read_docx(outcome.data, "x.docx")
    assert {r.fmt.font for p in doc.paragraphs for r in p.runs if r.text.strip()} == {"Times New Roman"}


def test_legacy_font_is_listed_not_touched(tmp_path: Path) -> None:
    spec = PartyDoc(body=[x.with_(font=".VnTime") for x in BODY])
    data, outcome = fixed_doc(spec, tmp_path)
    legacy = [f for f in outcome.after if f.rule == "FMT-FONT-FAMILY" and f.part == "legacy"]
    assert legacy and not outcome.changes
    assert outcome.data == data


def test_state_signature_prefix_other_than_tm_is_left(tmp_path: Path) -> None:
    data, outcome = fixed_doc(PartyDoc(signature=[SIG[0].with_(text="K/T BÍ THƯ"), L("PHÓ BÍ THƯ", b=True),
                                                  *SIG[2:]]), tmp_path)
    assert "TYP-SIGN-TM" in {f.rule for f in outcome.after}
    assert outcome.data == data and any(rule == "TYP-SIGN-TM" for rule, _ in outcome.notes)


def test_text_spread_over_runs_keeps_the_other_characters(tmp_path: Path) -> None:
    """A number line typed in three runs: only the rewritten characters change, each run keeps the rest."""
    spec = PartyDoc(left=[*LEFT[:3], L("Số: 1/QC-ĐU")])
    data = spec.to_bytes()
    data = _split_run(data, "Số: 1/QC-ĐU", ["Số: ", "1/Q", "C-ĐU"])
    outcome = fix_bytes(data, tmp_path)
    assert_fixed(outcome, "FMT-NUMBER-PATTERN")
    doc = read_docx(outcome.data, "x.docx")
    number = doc.zones.number
    assert number is not None and number.plain == "Số 01-QC/ĐU"
    assert [r.text for r in doc.paragraphs[number.loc.paragraph - 1].runs] == ["Số ", "01-Q", "C/ĐU"]


def _split_run(data: bytes, text: str, parts: list[str]) -> bytes:
    """Rewrite the run holding ``text`` as one run per part (same properties)."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    xml = zin.read("word/document.xml").decode()
    m = re.search(r"<w:r>(<w:rPr>(?:(?!<w:r>).)*?</w:rPr>)<w:t[^>]*>" + re.escape(text) + "</w:t></w:r>", xml)
    assert m is not None
    runs = "".join(f'<w:r>{m.group(1)}<w:t xml:space="preserve">{p}</w:t></w:r>' for p in parts)
    xml = xml[: m.start()] + runs + xml[m.end():]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, xml.encode() if info.filename == "word/document.xml" else zin.read(info))
    return buf.getvalue()


# ---------------------------------------------------------------------- idempotence, many defects at once
def _many_defects() -> PartyDoc:
    return PartyDoc(
        left=[LEFT[0], LEFT[1], L("Số: 1/QC-ĐU")], right=[*STATE[:2], L("An Hòa, ngày 5/10/2025", i=True)],
        title=[L("Quy chế", size=14)], body=[x.with_(size=13, font="Arial") for x in BODY],
        signature=[SIG[0].with_(text="TM. ĐẢNG ỦY"), *SIG[1:]], page_w=12240, page_h=15840,
        margins=(1440, 1440, 1440, 1440), page_number="none",
    )


def test_many_defects_at_once(tmp_path: Path) -> None:
    _, outcome = fixed_doc(_many_defects(), tmp_path)
    assert not outcome.new
    left = {f.rule for f in outcome.after if f.severity in ("error", "warning")}
    assert not left & FORMAT_FIXED, left
    assert len({c.rule for c in outcome.changes}) >= 10


def test_fixing_twice_equals_fixing_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    once = fix_bytes(_many_defects().to_bytes(), tmp_path / "a")
    twice = fix_bytes(once.data, tmp_path / "b")
    assert not twice.changes
    assert twice.data == once.data
    doc_xml = zipfile.ZipFile(io.BytesIO(twice.data)).read("word/document.xml")
    assert doc_xml == zipfile.ZipFile(io.BytesIO(once.data)).read("word/document.xml")


def test_clean_document_is_returned_unchanged(tmp_path: Path) -> None:
    data, outcome = fixed_doc(PartyDoc(), tmp_path)
    assert not outcome.changes and outcome.data == data


# ---------------------------------------------------------------------- corpus acceptance
def _key(doc: Path) -> dict:
    return json.loads(doc.with_suffix(".expect.json").read_text(encoding="utf-8"))


FORMAT_MUTANTS = [d for d in CORPUS_DOCS if d.stem.startswith("mutant_")
                  and _key(d).get("must") and set(_key(d)["must"]) <= FORMAT_FINDINGS]


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS_DOCS, reason="../shared/corpus not present")
@pytest.mark.parametrize("doc", FORMAT_MUTANTS, ids=[d.stem for d in FORMAT_MUTANTS])
def test_format_mutants_come_out_clean(doc: Path, tmp_path: Path) -> None:
    key = _key(doc)
    outcome = fix_bytes(doc.read_bytes(), tmp_path, profile_beside(str(doc)), date.fromisoformat(key["as_of"]))
    assert set(key["must"]) <= {f.rule for f in outcome.before}
    left = [f"{f.rule} {f.severity}: {f.message}" for f in outcome.after if f.severity in ("error", "warning")]
    assert not left, "\n".join(left)
    assert not outcome.new


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS_DOCS, reason="../shared/corpus not present")
def test_the_format_mutants_are_the_expected_ones() -> None:
    stems = {d.stem.split("_")[1] for d in FORMAT_MUTANTS}
    assert stems == {"01", "02", "03", "04", "05", "06", "07", "08", "10", "11", "12", "13", "14"}


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS_DOCS, reason="../shared/corpus not present")
@pytest.mark.parametrize("doc", CORPUS_DOCS, ids=[d.stem for d in CORPUS_DOCS])
def test_fix_never_adds_a_finding_on_the_corpus(doc: Path, tmp_path: Path) -> None:
    key = _key(doc)
    if key.get("bad_input"):
        pytest.skip("not a readable document")
    data = doc.read_bytes()
    outcome = fix_bytes(data, tmp_path, profile_beside(str(doc)), date.fromisoformat(key.get("as_of", "2026-03-01")))
    assert not outcome.new, [f"{f.rule}: {f.message}" for f in outcome.new]
    if not outcome.changes:
        assert outcome.data == data


# ---------------------------------------------------------------------- command line
runner = CliRunner()


def cli(*args: str) -> tuple[int, str]:
    res = runner.invoke(app, list(args))
    return res.exit_code, res.output


@pytest.fixture()
def faulty(tmp_path: Path) -> Path:
    p = tmp_path / "loi.docx"
    p.write_bytes(PartyDoc(left=[LEFT[0], LEFT[1], L("Số: 1/QC-ĐU")],
                           signature=[SIG[0].with_(text="K/T BÍ THƯ"), L("PHÓ BÍ THƯ", b=True), *SIG[2:]]).to_bytes())
    return p


def test_cli_fix_writes_and_summarises(faulty: Path, tmp_path: Path) -> None:
    out = tmp_path / "sua.docx"
    code, text = cli("fix", str(faulty), "-o", str(out), "--as-of", "2026-03-01")
    assert code == 0, text
    assert out.is_file()
    assert "Đã sửa" in text and "FMT-NUMBER-PATTERN" in text and "“Số: 1/QC-ĐU” → “Số 01-QC/ĐU”" in text
    assert "Cần người sửa" in text and "TYP-NO-KT" in text
    assert "Tổng cộng" in text and f"Đã ghi: {out}" in text
    assert not list(tmp_path.glob(".quyche-fix-*"))
    # the output is re-checked: the fixed findings are gone
    code, _ = cli("check", str(out), "--as-of", "2026-03-01", "--select", "FMT-NUMBER-PATTERN,FMT-HEADER-STAR")
    assert code == 0


def test_cli_dry_run_writes_nothing(faulty: Path, tmp_path: Path) -> None:
    out = tmp_path / "sua.docx"
    code, text = cli("fix", str(faulty), "-o", str(out), "--dry-run", "--as-of", "2026-03-01")
    assert code == 0, text
    assert not out.exists() and "Sẽ sửa" in text and "xem trước" in text
    code, text = cli("fix", str(faulty), "--dry-run", "--as-of", "2026-03-01")
    assert code == 0, text


def test_cli_refuses_to_overwrite_the_input(faulty: Path) -> None:
    before = faulty.read_bytes()
    code, text = cli("fix", str(faulty), "-o", str(faulty))
    assert code == 2 and "--in-place" in text
    assert faulty.read_bytes() == before
    code, text = cli("fix", str(faulty), "-o", str(faulty), "--in-place", "--as-of", "2026-03-01")
    assert code == 0, text
    assert faulty.read_bytes() != before
    assert read_docx(faulty.read_bytes(), "x").zones.number.plain == "Số 01-QC/ĐU"  # type: ignore[union-attr]


@pytest.mark.parametrize("args", [
    ["--as-of", "01/03/2026"],
    ["--in-place"],
    [],
])
def test_cli_bad_options_exit_2(faulty: Path, tmp_path: Path, args: list[str]) -> None:
    out_args = ["-o", str(tmp_path / "ra.docx")] if args and args[0] != "--in-place" else []
    code, text = cli("fix", str(faulty), *out_args, *args)
    assert code == 2, text
    assert "Lỗi" in text


def test_cli_unreadable_input_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    out = tmp_path / "ra.docx"
    code, text = cli("fix", str(bad), "-o", str(out))
    assert code == 2 and "Lỗi" in text and not out.exists()
    txt = tmp_path / "vanban.txt"
    txt.write_text("QUY CHẾ", encoding="utf-8")
    code, text = cli("fix", str(txt), "-o", str(out))
    assert code == 2 and ".docx" in text
    code, text = cli("fix", str(tmp_path / "khong_co.docx"), "-o", str(out))
    assert code == 2


def test_number_type_code_follows_the_type_name(tmp_path: Path) -> None:
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"), L("Số 01-QĐ/ĐU")]
    _, outcome = fixed_doc(PartyDoc(left=left), tmp_path)
    assert "FMT-NUMBER-TYPE-MATCH" in {f.rule for f in outcome.before}
    assert [(c.rule, c.after) for c in outcome.changes] == [("FMT-NUMBER-TYPE-MATCH", "“Số 01-QC/ĐU”")]
    assert "FMT-NUMBER-TYPE-MATCH" not in {f.rule for f in outcome.after} and not outcome.new
