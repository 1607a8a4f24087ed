"""The drafter (quyche draft): format of the DOCX (36-HD/VPTW), content fitted to the profile, phrase data,
the command line. The whole-document acceptance (zero findings) is tests/test_draft_roundtrip.py."""

from __future__ import annotations

import io
import itertools
import re
import unicodedata
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from typer.testing import CliRunner

from quyche.cli import app
from quyche.draft import Draft, DraftError, compose, render
from quyche.draft import phrases as ph
from quyche.draft.context import date_parts
from quyche.draft.markdown import to_markdown
from quyche.draft.writer import STYLES, keep_together
from quyche.model import Document, Paragraph
from quyche.profile import Profile, profile_from_dict
from quyche.readers.docx.reader import read_docx
from quyche.references import packaged_catalogue
from quyche.skeleton import TEMPLATE_KINDS, similarity, skeleton

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DAY = date(2026, 4, 5)


# ------------------------------------------------------------------------------------ profiles
def _member(name: str, role: str, *duties: str) -> dict[str, Any]:
    return {"name": name, "role": role, "duties": list(duties)}


def dang_uy_xa(**extra: Any) -> dict[str, Any]:
    committee = [_member("Trần Đức An", "bi_thu", "Phụ trách chung", "Trực tiếp phụ trách công tác tổ chức, cán bộ"),
                 _member("Vũ Hữu Cường", "pho_bi_thu_thuong_truc", "Giúp Bí thư điều hành công việc hằng ngày"),
                 _member("Lý Minh An", "pho_bi_thu", "Lãnh đạo toàn diện hoạt động của Ủy ban nhân dân xã")]
    committee += [_member(f"Nguyễn Văn {n}", "uy_vien_btv", "Theo dõi công tác dân vận")
                  for n in ("Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh")]
    committee += [_member(f"Lê Thị {n}", "uy_vien") for n in ("Hoa", "Lan", "Mai", "Nga", "Yến", "Liên")]
    return {"name": "Đảng ủy xã An Hòa", "kind": "dang_uy_co_so", "type": "xa", "superior": "Đảng bộ tỉnh Tây Ninh",
            "place": "An Hòa", "term": {"from": 2025, "to": 2030, "khoa": "I"}, "members": 320,
            "committee": committee, "subordinates": ["Chi bộ thôn Phú Lộc", "Chi bộ Trường Tiểu học An Hòa"],
            **extra}


def chi_bo(members: int = 6, type_: str = "truong_hoc", name: str = "Chi bộ Trường Tiểu học Hòa Bình",
           deputy: bool = True, uy_vien: int = 0, **extra: Any) -> dict[str, Any]:
    committee = [_member("Trần Trọng Sơn", "bi_thu", "Phụ trách chung")]
    if deputy:
        committee.append(_member("Trần Thị Mai", "pho_bi_thu", "Phụ trách công tác tư tưởng"))
    committee += [_member(f"Phạm Văn {n}", "uy_vien", "Theo dõi hồ sơ đảng viên")
                  for n in ("Hải", "Long", "Nam")[:uy_vien]]
    return {"name": name, "kind": "chi_bo_co_so", "type": type_, "superior": "Đảng bộ xã An Hòa", "place": "An Hòa",
            "term": {"from": 2025, "to": 2030}, "members": members, "committee": committee, **extra}


def dang_uy_cs(size: int = 7, type_: str = "truong_hoc", **extra: Any) -> dict[str, Any]:
    committee = [_member("Bùi Thị Hồng Hạnh", "bi_thu", "Phụ trách chung"),
                 _member("Đỗ Thị Thanh Thảo", "pho_bi_thu", "Phụ trách công tác tư tưởng")]
    committee += [_member(f"Hồ Văn {i}", "uy_vien") for i in ("An", "Bình", "Cường", "Dũng", "Hải", "Hùng",
                                                                 "Long", "Nam", "Sơn")[:size - 2]]
    return {"name": "Đảng ủy Trường Trung học phổ thông Lý Thường Kiệt", "kind": "dang_uy_co_so", "type": type_,
            "superior": "Đảng bộ phường Hòa Khánh", "place": "Hòa Khánh",
            "term": {"from": 2025, "to": 2030, "khoa": "VII"}, "members": 46, "committee": committee,
            "subordinates": ["Chi bộ Tổ Toán - Tin", "Chi bộ Tổ Ngữ văn"], **extra}


def P(data: dict[str, Any]) -> Profile:
    return profile_from_dict(data)


def text_of(draft: Draft) -> str:
    page = draft.pages[0]
    return "\n".join([page.summary, *page.bases, page.operative or "", *(line.text for line in page.body),
                      *page.recipients])


def headings(draft: Draft) -> list[str]:
    return [line.text for line in draft.pages[0].body if line.role == "dieu"]


# ------------------------------------------------------------------------------------ DOCX format
@pytest.fixture(scope="module")
def xa_docx() -> bytes:
    return render(compose(P(dang_uy_xa()), DAY, number=7))


def _xml(data: bytes, part: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(part))


def test_page_setup_a4_margins_and_page_numbers(xa_docx: bytes) -> None:
    sect = _xml(xa_docx, "word/document.xml").find(f"{W}body/{W}sectPr")
    assert sect is not None
    size, mar = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
    assert (size.get(f"{W}w"), size.get(f"{W}h"), size.get(f"{W}orient")) == ("11906", "16838", None)
    assert [mar.get(f"{W}{k}") for k in ("top", "bottom", "left", "right")] == ["1134", "1134", "1701", "850"]
    assert sect.find(f"{W}titlePg") is not None
    refs = {r.get(f"{W}type"): r for r in sect.findall(f"{W}headerReference")}
    assert set(refs) == {"default", "first"}
    default = etree.tostring(_xml(xa_docx, "word/header1.xml"), encoding="unicode")
    first = _xml(xa_docx, "word/header2.xml")
    assert " PAGE " in default and "".join(first.itertext()).strip() == ""
    doc = read_docx(xa_docx, "x.docx")
    assert doc.sections[0].title_page and any(p.has_page_field for p in doc.sections[0].parts)


def test_times_new_roman_everywhere_and_named_styles(xa_docx: bytes) -> None:
    styles = _xml(xa_docx, "word/styles.xml")
    for fonts in styles.iter(f"{W}rFonts"):
        assert {fonts.get(f"{W}{k}") for k in ("ascii", "hAnsi", "cs")} == {"Times New Roman"}
        assert not [k for k in fonts.attrib if "Theme" in k]
    names = {s.find(f"{W}name").get(f"{W}val") for s in styles.iter(f"{W}style")}
    assert {"QC Chương", "QC Tên chương", "QC Điều", "QC Khoản", "QC Điểm", "QC Căn cứ"} <= names
    doc = read_docx(xa_docx, "x.docx")
    assert {f for p in doc.paragraphs for f in p.fonts()} == {"Times New Roman"}
    used = {p.style for p in doc.paragraphs}
    assert {"QC Chương", "QC Tên chương", "QC Điều", "QC Khoản", "QC Điểm", "QC Căn cứ"} <= used


def _find(doc: Document, text: str) -> Paragraph:
    return next(p for p in doc.paragraphs if p.plain == text)


def test_header_and_title_formatting(xa_docx: bytes) -> None:
    doc = read_docx(xa_docx, "x.docx")
    z = doc.zones
    assert [p.plain for p in z.left] == ["ĐẢNG BỘ TỈNH TÂY NINH", "ĐẢNG ỦY XÃ AN HÒA", "*", "Số 07-QC/ĐU"]
    assert [p.plain for p in z.right] == ["ĐẢNG CỘNG SẢN VIỆT NAM", "An Hòa, ngày 05 tháng 4 năm 2026"]
    sup, iss = z.superior, z.issuer
    assert sup is not None and iss is not None
    assert (sup.attr("bold"), sup.sizes()) == (False, {14.0})
    assert (iss.attr("bold"), iss.sizes()) == (True, {14.0})
    title = z.party_title
    assert title is not None and title.attr("bold") and title.sizes() == {15.0} and title.border_bottom == "single"
    assert z.date_line is not None and z.date_line.attr("italic") and not z.date_line.attr_any("bold")
    assert z.title_type is not None and z.title_type.attr("bold") and z.title_type.sizes() == {16.0}
    assert z.summary_text == "làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, nhiệm kỳ 2025 - 2030"
    assert all(p.attr("bold") and p.sizes() == {14.0} for p in z.title_summary)
    header_table = next(t for t in _xml(xa_docx, "word/document.xml").iter(f"{W}tbl"))
    borders = header_table.find(f"{W}tblPr/{W}tblBorders")
    assert borders is not None and {b.get(f"{W}val") for b in borders} == {"nil"}


def test_body_and_closing_formatting(xa_docx: bytes) -> None:
    doc = read_docx(xa_docx, "x.docx")
    z = doc.zones
    assert {s for p in z.body for s in p.sizes()} == {14.0}
    article = next(a for a in z.articles)
    assert article.para.attr("bold") and article.para.align == "both"
    clause = article.children[0].para
    assert clause.attr_any("bold") is False and clause.align == "both"
    chapter = z.tree[0]
    assert chapter.para.attr("bold") and chapter.name_para is not None and chapter.name_para.attr("bold")
    assert all(p.attr("italic") is False for p in z.cancu)
    label = z.recipients[0]
    assert label.plain == "Nơi nhận:" and label.attr("underline") and label.sizes() == {14.0}
    assert all(p.sizes() == {12.0} for p in z.recipients[1:])
    assert [p.plain for p in z.signature][:2] == ["T/M ĐẢNG ỦY", "BÍ THƯ"]
    assert z.authority is not None and z.authority.attr("bold")
    assert z.signer is not None and z.signer.plain == "Trần Đức An" and z.signer.attr("bold")
    styles = _xml(render(compose(P(dang_uy_xa()), DAY, number=7)), "word/styles.xml")
    khoan = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "QCKhoan")
    assert khoan.find(f"{W}pPr/{W}ind").get(f"{W}firstLine") == "720"  # 1.27 cm


def test_opens_with_python_docx() -> None:
    import docx

    for kind in ("quy-che", "quyet-dinh", "phan-cong"):
        d = docx.Document(io.BytesIO(render(compose(P(dang_uy_xa()), DAY, number=3, kind=kind))))
        assert d.paragraphs and len(d.tables) == (4 if kind == "quyet-dinh" else 2)
        assert d.sections[0].different_first_page_header_footer
        assert d.paragraphs[-1].text == ""


def test_output_is_deterministic() -> None:
    profile = P(chi_bo())
    assert render(compose(profile, DAY, number=1)) == render(compose(profile, DAY, number=1))


def test_every_style_is_defined_once() -> None:
    assert len({s.name for s in STYLES.values()}) == len(STYLES)


# ------------------------------------------------------------------------------------ numbers, dates, drafts
@pytest.mark.parametrize(("day", "expected"), [
    (date(2026, 4, 5), ("05", "4", "2026")), (date(2026, 1, 15), ("15", "01", "2026")),
    (date(2026, 2, 3), ("03", "02", "2026")), (date(2025, 12, 9), ("09", "12", "2025")),
    (date(2025, 10, 28), ("28", "10", "2025")),
])
def test_date_padding(day: date, expected: tuple[str, str, str]) -> None:
    assert date_parts(day) == expected


@pytest.mark.parametrize(("number", "kind", "expected"), [
    (1, "quy-che", "Số 01-QC/CB"), (12, "quy-che", "Số 12-QC/CB"), (3, "phan-cong", "Số 03-QĐ/CB"),
    (None, "quy-che", "Số      -QC/CB"),
])
def test_number(number: int | None, kind: str, expected: str) -> None:
    assert compose(P(chi_bo()), DAY, number=number, kind=kind).pages[0].number == expected


def test_unnumbered_draft_is_marked_and_unsigned() -> None:
    draft = compose(P(chi_bo()), DAY)
    page = draft.pages[0]
    assert page.draft_mark == "Dự thảo" and page.signer is None and page.sign_title == "BÍ THƯ"
    doc = read_docx(render(draft), "x.docx")
    assert [p.plain for p in doc.zones.marks] == ["Dự thảo"]
    assert doc.zones.signer is None
    signed = compose(P(chi_bo()), DAY, number=2).pages[0]
    assert signed.draft_mark is None and signed.signer == "Trần Trọng Sơn"


def test_summary_keeps_term_together() -> None:
    assert keep_together("làm việc của Chi bộ X khóa II, nhiệm kỳ 2025 - 2030") == \
        "làm việc của Chi bộ X khóa\u00a0II, nhiệm\u00a0kỳ\u00a02025\u00a0-\u00a02030"


# ------------------------------------------------------------------------------------ content fitted to the profile
def test_small_chi_bo_has_no_chi_uy_and_names_its_people() -> None:
    draft = compose(P(chi_bo(members=6)), DAY, number=1)
    text = text_of(draft)
    assert not any("Chi ủy" in h for h in headings(draft)) and "chi ủy viên" not in text.lower()
    assert "Đồng chí Trần Trọng Sơn, Bí thư, được phân công: phụ trách chung." in text
    assert "Đồng chí Trần Thị Mai, Phó Bí thư, được phân công: phụ trách công tác tư tưởng." in text
    assert draft.pages[0].summary == "làm việc của Chi bộ Trường Tiểu học Hòa Bình, nhiệm kỳ 2025 - 2030"


def test_chi_bo_without_deputy_has_no_deputy_article() -> None:
    draft = compose(P(chi_bo(deputy=False)), DAY, number=1)
    assert not any("Phó Bí thư" in h for h in headings(draft))


def test_chi_bo_with_chi_uy() -> None:
    draft = compose(P(chi_bo(members=15, uy_vien=3, has_to_dang=True)), DAY, number=1)
    text = text_of(draft)
    assert "Điều 4. Nhiệm vụ, quyền hạn của Chi ủy" in headings(draft)
    assert "Chi ủy gồm 5 đồng chí" in text and "Chi ủy họp thường kỳ mỗi tháng một lần" in text
    assert any("tổ đảng" in h for h in headings(draft))
    assert "Đồng chí Phạm Văn Hải, Chi ủy viên, được phân công: theo dõi hồ sơ đảng viên;" in text
    assert not any("tổ đảng" in h for h in headings(compose(P(chi_bo(members=15, uy_vien=3)), DAY, number=1)))


def test_chi_bo_meeting_regime() -> None:
    text = text_of(compose(P(chi_bo()), DAY, number=1))
    for phrase in ("sinh hoạt thường kỳ mỗi tháng một lần", "sinh hoạt chuyên đề ít nhất mỗi quý một lần",
                   "ít nhất 90 phút", "ít nhất 120 phút", "Sổ tay đảng viên điện tử trước ít nhất 01 ngày",
                   "ít nhất 2/3 số đảng viên được triệu tập có mặt", "quá nửa tổng số đảng viên chính thức"):
        assert phrase in text, phrase


def test_dang_uy_xa_bodies_meetings_and_relations() -> None:
    draft = compose(P(dang_uy_xa()), DAY, number=1)
    text, heads = text_of(draft), headings(draft)
    for body in ("Ban Chấp hành", "Ban Thường vụ", "Thường trực Đảng ủy", "Bí thư", "các Phó Bí thư"):
        assert any(h.endswith(f"của {body}") for h in heads), body
    for phrase in ("Ban Chấp hành họp thường lệ 3 tháng một lần", "Ban Thường vụ họp thường lệ mỗi tháng một lần",
                   "Thường trực Đảng ủy họp 2 tuần một lần", "mỗi năm 2 lần", "ít nhất 2/3",
                   "quá nửa tổng số ủy viên Ban Chấp hành", "Hội đồng nhân dân, Ủy ban nhân dân xã An Hòa",
                   "Văn phòng Đảng ủy, Ban Xây dựng Đảng", "Ban Thường vụ Tỉnh ủy Tây Ninh",
                   "Chi bộ thôn Phú Lộc và Chi bộ Trường Tiểu học An Hòa"):
        assert phrase in text, phrase
    assert draft.pages[0].recipients[0] == "- Ban Thường vụ Tỉnh ủy Tây Ninh (để báo cáo),"
    assert draft.pages[0].recipients[-1] == "- Lưu Văn phòng Đảng ủy."
    no_tt = compose(P(dang_uy_xa(has_thuong_truc=False)), DAY, number=1)
    assert "Thường trực Đảng ủy" not in text_of(no_tt)


def test_small_dang_uy_has_no_standing_committee() -> None:
    draft = compose(P(dang_uy_cs(size=7)), DAY, number=1)
    text = text_of(draft)
    assert "Ban Thường vụ" not in text.replace("Ban Thường vụ Đảng ủy phường Hòa Khánh", "")
    assert "Ban Chấp hành họp thường lệ mỗi tháng một lần" in text
    assert "Quan hệ với Ban Giám hiệu nhà trường" in "\n".join(headings(draft))
    assert "Điều 1" in headings(draft)[0] and draft.pages[0].summary.endswith("khóa VII, nhiệm kỳ 2025 - 2030")


@pytest.mark.parametrize(("type_", "phrase"), [
    ("benh_vien", "Ban Giám đốc"), ("doanh_nghiep_nha_nuoc", "Hội đồng quản trị"),
    ("co_quan_hanh_chinh", "thủ trưởng"), ("truong_hoc", "Ban Giám hiệu"),
])
def test_relations_follow_the_type(type_: str, phrase: str) -> None:
    assert phrase in text_of(compose(P(dang_uy_cs(type_=type_)), DAY, number=1))


def test_chi_bo_thon_and_363_relations() -> None:
    thon = text_of(compose(P(chi_bo(members=8, type_="thon_to_dan_pho", name="Chi bộ thôn Đông Sơn")), DAY, number=1))
    assert "trưởng thôn" in thon and "Ban công tác Mặt trận" in thon and "Ban Thường vụ Đảng ủy xã An Hòa" in thon
    ubnd = compose(P(chi_bo(members=21, uy_vien=3, type_="ubnd_xa", name="Chi bộ Ủy ban nhân dân xã An Hòa")),
                   DAY, number=1)
    assert "chịu sự lãnh đạo, chỉ đạo trực tiếp, thường xuyên của Ban Thường vụ Đảng ủy xã An Hòa" in text_of(ubnd)
    assert any("362-QĐ/TW" in b for b in ubnd.pages[0].bases) and any("363-QĐ/TW" in b for b in ubnd.pages[0].bases)


def test_bases_are_the_catalogue_set_plus_local_bases() -> None:
    profile = P(dang_uy_xa())
    bases = compose(profile, DAY, number=1).pages[0].bases
    for ref in packaged_catalogue().expected_bases(profile, DAY)[1:]:  # [0]: the Điều lệ, named in other titles
        assert sum(ref.number_symbol in b for b in bases) == 1, ref.number_symbol
    assert bases[0] == "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"
    assert "Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh Tây Ninh" in bases[-2]
    assert bases[-1].startswith("- Căn cứ Nghị quyết Đại hội Đảng bộ xã An Hòa lần thứ I")
    assert bases[-1].endswith(",") and all(b.endswith(";") for b in bases[:-1])
    later = compose(profile, date(2026, 9, 1), number=1).pages[0].bases  # 294-QĐ/TW followed by its successors
    assert not any("294-QĐ/TW" in b for b in later) and any("208-QĐ/TW" in b for b in later)
    early = compose(P(chi_bo(type_="ubnd_xa", name="Chi bộ Ủy ban nhân dân xã An Hòa")), date(2025, 8, 1), number=1)
    assert not any("362-QĐ/TW" in b or "42-HD/BTCTW" in b for b in early.pages[0].bases)  # not yet issued


def test_no_placeholders_and_nfc() -> None:
    for data in (dang_uy_xa(), chi_bo(), dang_uy_cs(), chi_bo(members=15, uy_vien=3)):
        draft = compose(P(data), DAY)
        text = to_markdown(draft)
        assert unicodedata.normalize("NFC", text) == text
        assert not re.search(r"\.{3,}|…|\[|\]|<|>|\bxxx\b|nếu có", text, re.IGNORECASE)


def test_articles_are_not_the_model_text() -> None:
    """TPL-MODEL-VERBATIM flags ≥ 0.95; the drafter stays far below."""
    sk = skeleton()
    for data in (dang_uy_xa(), chi_bo(), chi_bo(members=15, uy_vien=3), dang_uy_cs()):
        profile = P(data)
        draft = compose(profile, DAY, number=1)
        body = draft.pages[0].body
        starts = [i for i, line in enumerate(body) if line.role == "dieu"] + [len(body)]
        texts = {body[a].text: "\n".join(x.text for x in body[a + 1:b] if x.role not in ("chuong", "ten_chuong"))
                 for a, b in itertools.pairwise(starts)}
        for block in sk.blocks(profile.template_kind):
            if not block.model_text:
                continue
            for head, text in texts.items():
                assert similarity(text, block.model_text) < 0.8, (block.key, head)


def test_articles_are_numbered_continuously() -> None:
    numbers = [int(h.split()[1].rstrip(".")) for h in headings(compose(P(dang_uy_xa()), DAY, number=1))]
    assert numbers == list(range(1, len(numbers) + 1))


def test_many_members_fall_back_to_bullets() -> None:
    """More than 23 điểm (a … y without f, j, w, z) would run out of letters: "-" lines instead."""
    given = ("Ân", "Bảo", "Chí", "Danh", "Đạt", "Giang", "Hòa", "Kiên", "Lộc", "Mạnh", "Nghĩa", "Phúc", "Quý",
             "Sang", "Tài", "Thịnh", "Toàn", "Vượng", "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Long", "Nam",
             "Sơn", "Tâm", "Tùng", "Vinh", "Yên", "Khang")
    data = dang_uy_cs()
    data["committee"] = data["committee"][:1] + [_member(f"Đinh Văn {n}", "uy_vien", "Theo dõi một chi bộ")
                                                 for n in given]
    body = compose(P(data), DAY, number=1).pages[0].body
    assert sum(line.role == "gach" and line.text.startswith("- Đồng chí Đinh Văn") for line in body) == 32
    assert not any(line.role == "diem" and line.text.startswith(("f)", "j)", "w)", "z)")) for line in body)


def test_members_without_duties_share_one_line() -> None:
    text = text_of(compose(P(dang_uy_xa()), DAY, number=1))
    assert ("Các đồng chí Lê Thị Hoa, Lê Thị Lan, Lê Thị Mai, Lê Thị Nga, Lê Thị Yến và Lê Thị Liên thực hiện "
            "nhiệm vụ do Ban Chấp hành phân công cụ thể bằng văn bản.") in text


# ------------------------------------------------------------------------------------ decisions
def test_decision_with_attached_regulation() -> None:
    draft = compose(P(dang_uy_xa()), DAY, number=9, kind="quyet-dinh")
    decision, attached = draft.pages
    assert (decision.type_name, decision.number) == ("QUYẾT ĐỊNH", "Số 09-QĐ/ĐU")
    assert decision.summary.startswith("ban hành Quy chế làm việc của Ban Chấp hành Đảng bộ xã An Hòa")
    assert decision.decision_formula == "BAN CHẤP HÀNH ĐẢNG BỘ XÃ AN HÒA QUYẾT ĐỊNH:"
    assert attached.number is None and attached.new_section and not attached.recipients and not attached.bases
    assert attached.attached_ref == ("(Ban hành kèm theo Quyết định số 09-QĐ/ĐU ngày 05 tháng 4 năm 2026 "
                                     "của Ban Chấp hành Đảng bộ xã An Hòa)")
    doc = read_docx(render(Draft("quyet-dinh", [attached])), "x.docx")
    assert doc.zones.attached_ref is not None and doc.zones.attached_ref.attr("italic")
    sect = _xml(render(draft), "word/document.xml").find(f"{W}body/{W}sectPr")
    assert sect.find(f"{W}pgNumType").get(f"{W}start") == "1" and sect.find(f"{W}type").get(f"{W}val") == "nextPage"


def test_assignment_decision_names_every_member() -> None:
    data = dang_uy_xa()
    text = text_of(compose(P(data), DAY, number=2, kind="phan-cong"))
    for m in data["committee"]:
        assert f"Đồng chí {m['name']}," in text


# ------------------------------------------------------------------------------------ phrase data, errors
@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
def test_every_skeleton_block_has_phrases(kind: str) -> None:
    for block in skeleton().blocks(kind):
        if block.standalone:
            assert ph.article(block.key) is not None, block.key


def test_phrase_data_is_nfc_and_placeholders_fail_loudly() -> None:
    raw = Path(ph.__file__).parents[1].joinpath("data", "draft_phrases.yaml").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", raw) == raw
    with pytest.raises(ph.PhraseError):
        ph.fill("{nope}", {})


def test_without_secretary_the_deputy_signs() -> None:
    from quyche.engine import Checker
    from quyche.rules.base import Context

    data = chi_bo(members=15, uy_vien=3)
    data["committee"] = data["committee"][1:]  # the bí thư's seat is vacant
    profile = P(data)
    draft = compose(profile, DAY, number=4)
    page = draft.pages[0]
    assert (page.sign_title, page.signer) == ("PHÓ BÍ THƯ", "Trần Thị Mai")
    found, _ = Checker().run(read_docx(render(draft), "x.docx"), Context(as_of=DAY, profile=profile))
    assert not found, [(f.rule, f.message) for f in found]


def test_without_anyone_to_sign_is_refused() -> None:
    data = chi_bo()
    data["committee"] = []
    with pytest.raises(DraftError, match="committee"):
        compose(P(data), DAY)


def test_dang_uy_without_khoa_is_refused() -> None:
    data = dang_uy_cs()
    data["term"] = {"from": 2025, "to": 2030}
    with pytest.raises(DraftError, match=r"term\.khoa"):
        compose(P(data), DAY)


def test_bad_kind_and_number() -> None:
    with pytest.raises(DraftError):
        compose(P(chi_bo()), DAY, kind="nghi-quyet")
    with pytest.raises(DraftError):
        compose(P(chi_bo()), DAY, number=0)


def test_markdown_preview_has_the_same_content() -> None:
    draft = compose(P(chi_bo(members=15, uy_vien=3)), DAY, number=1)
    md = to_markdown(draft)
    for line in draft.pages[0].bases:
        assert line in md
    for head in headings(draft):
        assert f"**{head}**" in md
    assert "Số 01-QC/CB" in md and "## QUY CHẾ" in md and "1\\. " in md


# ------------------------------------------------------------------------------------ command line
def _profile_file(tmp_path: Path, data: dict[str, Any]) -> Path:
    import yaml

    path = tmp_path / "hoso.profile.yaml"
    path.write_text(yaml.safe_dump({"schema": "quyche/profile/v1", **data}, allow_unicode=True), encoding="utf-8")
    return path


def test_cli_draft_then_check(tmp_path: Path) -> None:
    profile = _profile_file(tmp_path, chi_bo())
    out = tmp_path / "quy-che.docx"
    runner = CliRunner()
    res = runner.invoke(app, ["draft", str(profile), "-o", str(out), "--date", "2026-04-05", "--number", "1"])
    assert res.exit_code == 0, res.output
    assert out.read_bytes()[:2] == b"PK"
    checked = runner.invoke(app, ["check", str(out), "--profile", str(profile), "--as-of", "2026-04-05"])
    assert checked.exit_code == 0, checked.output
    md = tmp_path / "quy-che.md"
    assert runner.invoke(app, ["draft", str(profile), "-o", str(md), "--as-of", "2026-04-05"]).exit_code == 0
    assert md.read_text(encoding="utf-8").startswith("**Dự thảo**")


@pytest.mark.parametrize("args", [["--date", "2026-13-01"], ["--kind", "nghi-quyet"], ["--format", "pdf"]])
def test_cli_draft_bad_arguments(tmp_path: Path, args: list[str]) -> None:
    profile = _profile_file(tmp_path, chi_bo())
    res = CliRunner().invoke(app, ["draft", str(profile), "-o", str(tmp_path / "x.docx"), *args])
    assert res.exit_code == 2 and "Traceback" not in res.output


def test_cli_draft_bad_profile(tmp_path: Path) -> None:
    profile = _profile_file(tmp_path, chi_bo(members=2))
    res = CliRunner().invoke(app, ["draft", str(profile), "-o", str(tmp_path / "x.docx")])
    assert res.exit_code == 2 and "members" in res.output
