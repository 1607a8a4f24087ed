"""quyche.meetings — frequency phrases, meeting statements, durations, quorums and votes; the examples of
rules.md §6 and the meeting articles of every corpus document."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetdocs import chibo_doc, danguy_doc
from quyche.meetings import (
    MeetingStatement,
    bodies_in,
    find_durations,
    find_intervals,
    find_thresholds,
    fmt_months,
    fold_keep,
    interval_phrases,
    meeting_clauses,
    parse_interval,
    statements_in,
)
from quyche.text import fold

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def stmts(text: str, context: tuple[str, ...] = (), *, in_article: bool = True) -> list[MeetingStatement]:
    return statements_in(None, text, context, in_article=in_article)


def brief(text: str, context: tuple[str, ...] = (), *, in_article: bool = True
          ) -> list[tuple[tuple[str, ...], str, float | None]]:
    return [(s.bodies, s.kind, s.interval) for s in stmts(text, context, in_article=in_article)]


# ------------------------------------------------------------------------------------------- intervals
@pytest.mark.parametrize(("phrase", "months"), sorted(interval_phrases.items()))
def test_every_documented_phrase_parses_to_its_interval(phrase: str, months: float) -> None:
    assert parse_interval(phrase) == pytest.approx(months)


def test_the_phrase_table_covers_the_brief() -> None:
    for phrase in ("hằng tháng", "mỗi tháng một lần", "1 tháng 1 lần", "hằng quý", "mỗi quý một lần",
                   "3 tháng một lần", "ba tháng một lần", "mỗi năm 2 lần", "mỗi năm một lần", "hằng tuần",
                   "hai tháng một lần", "nửa tháng một lần", "2 tuần một lần"):
        assert phrase in interval_phrases


@pytest.mark.parametrize(("text", "months"), [
    ("MỖI THÁNG MỘT LẦN", 1.0),  # case
    ("mổi quý một lần", 3.0),  # matched folded: a wrong tone mark does not hide the phrase
    ("mỗi quí một lần", None),  # a misspelt word is not guessed
    ("họp định kỳ 6 tháng một lần", 6.0),
    ("sinh hoạt 1 lần/tháng", 1.0),
    ("mỗi tháng ít nhất 01 lần", 1.0),
    ("bốn tháng một lần", 4.0),
    ("mười hai tháng một lần", 12.0),
    ("1,5 tháng một lần", 1.5),
])
def test_phrase_variants(text: str, months: float | None) -> None:
    got = parse_interval(text)
    assert got == (pytest.approx(months) if months is not None else None)


@pytest.mark.parametrize("text", [
    "trước ít nhất 01 ngày", "vào tuần đầu của tháng", "sơ kết 6 tháng", "trong 6 tháng đầu năm",
    "nhiệm kỳ 2025 - 2030", "ngày 05 tháng 11 năm 2025", "năm 2026",
])
def test_no_frequency_where_there_is_none(text: str) -> None:
    assert find_intervals(text) == []


def test_phrases_are_reported_as_written() -> None:
    text = "Chi bộ sinh hoạt thường kỳ Hai Tháng Một Lần."
    (iv,) = find_intervals(text)
    assert iv.phrase == "Hai Tháng Một Lần" and iv.months == 2
    assert len(fold_keep(text)) == len(text) and fold_keep("ỦY hoà") == fold("ỦY hoà")


def test_at_least_and_schedule_marks() -> None:
    (iv,) = find_intervals("sinh hoạt chuyên đề ít nhất mỗi quý một lần")
    assert iv.at_least and iv.months == 3
    (day,) = find_intervals("vào ngày 05 hằng tháng")
    assert day.schedule and day.months == 1


@pytest.mark.parametrize(("months", "text"), [(0.25, "1 tuần"), (0.5, "2 tuần"), (1, "1 tháng"), (3, "3 tháng"),
                                              (12, "1 năm"), (1.5, "1,5 tháng")])
def test_fmt_months(months: float, text: str) -> None:
    assert fmt_months(months) == text


# ------------------------------------------------------------------------------------------- statements
def test_rules_md_examples() -> None:
    assert brief("Chi bộ sinh hoạt thường kỳ mỗi quý một lần.") == [(("chi_bo",), "regular", 3.0)]
    assert brief("Chi bộ sinh hoạt thường kỳ mỗi tháng một lần.") == [(("chi_bo",), "regular", 1.0)]
    assert brief("Chi bộ sinh hoạt chuyên đề mỗi năm một lần.") == [(("chi_bo",), "thematic", 12.0)]
    assert brief("Ban Chấp hành họp thường lệ 6 tháng một lần.") == [(("bch",), "regular", 6.0)]
    assert brief("Ban Thường vụ họp 2 tháng một lần.") == [(("btv",), "unspecified", 2.0)]
    assert brief("Ban Thường vụ họp thường lệ mỗi tháng một lần; Thường trực Đảng ủy họp 2 tuần một lần.") == [
        (("btv",), "regular", 1.0), (("thuong_truc",), "unspecified", 0.5)]
    assert brief("Hội nghị đảng viên toàn đảng bộ họp mỗi năm 2 lần vào dịp sơ kết 6 tháng và tổng kết năm.") == [
        (("dang_bo",), "unspecified", 6.0)]


def test_regular_and_thematic_in_one_sentence() -> None:
    text = "Các chi bộ trực thuộc sinh hoạt thường kỳ mỗi tháng một lần và sinh hoạt chuyên đề ít nhất mỗi quý một lần."
    assert brief(text) == [(("chi_bo_sub",), "regular", 1.0), (("chi_bo_sub",), "thematic", 3.0)]


def test_a_day_of_the_month_is_a_schedule_not_a_second_frequency() -> None:
    """Corpus mutant_23: the stated interval wins over "vào ngày 05 hằng tháng"."""
    text = "Chi bộ sinh hoạt thường kỳ hai tháng một lần vào ngày 05 hằng tháng; khi trùng ngày nghỉ thì sinh hoạt " \
           "vào ngày làm việc liền kề."
    assert brief(text) == [(("chi_bo",), "regular", 2.0)]
    assert brief("Chi bộ sinh hoạt thường kỳ vào ngày 05 hằng tháng.") == [(("chi_bo",), "regular", 1.0)]


def test_bodies_subject_and_coordination() -> None:
    assert brief("Ban Chấp hành và Ban Thường vụ họp thường lệ mỗi tháng một lần.") == [
        (("bch", "btv"), "regular", 1.0)]
    assert brief("Ban Thường vụ triệu tập Ban Chấp hành họp thường lệ 3 tháng một lần.") == [
        (("bch",), "regular", 3.0)]
    assert brief("Chi ủy họp thường kỳ mỗi tháng một lần, trước kỳ sinh hoạt Chi bộ.") == [
        (("chi_uy",), "regular", 1.0)]
    assert brief("Thường trực Đảng ủy giao ban hằng tuần để giải quyết công việc.") == [
        (("thuong_truc",), "unspecified", 0.25)]
    assert brief("Đảng ủy họp thường lệ ba tháng một lần.") == [(("bch",), "regular", 3.0)]


def test_people_and_offices_are_not_bodies() -> None:
    assert bodies_in("Phó Bí thư thường trực, các đảng ủy viên và Văn phòng Đảng ủy") == ()
    assert bodies_in("Ban Thường vụ Đảng ủy xã An Hòa") == ("btv",)
    assert bodies_in("Thường trực Đảng ủy") == ("thuong_truc",)


def test_extraordinary_and_later_sentences_inherit_the_body() -> None:
    text = "Ban Chấp hành họp thường lệ ba tháng một lần; họp bất thường khi cần; mỗi năm họp một lần để kiểm điểm."
    assert brief(text) == [(("bch",), "regular", 3.0), (("bch",), "review", 12.0)]


def test_context_from_the_khoan_lead_and_article_title() -> None:
    doc = danguy_doc(["1. Ban Thường vụ:", "a) Họp thường lệ mỗi tháng một lần;", "b) Họp bất thường khi cần."],
                     meeting_title="Chế độ họp")
    assert [(s.bodies, s.kind, s.interval, s.explicit_bodies) for s in meeting_clauses(doc.zones).statements] == [
        (("btv",), "regular", 1.0, False)]
    doc2 = danguy_doc(["1. Thường lệ mỗi tháng một lần.", "2. Bất thường khi cần."],
                      meeting_title="Chế độ họp của Ban Thường vụ")
    assert [(s.bodies, s.interval) for s in meeting_clauses(doc2.zones).statements] == [(("btv",), 1.0)]


def test_outside_meeting_articles_only_explicit_subject_sentences_count() -> None:
    assert brief("Định kỳ hằng quý báo cáo Tỉnh ủy kết quả thực hiện nhiệm vụ.", in_article=False) == []
    assert brief("Chuẩn bị nội dung hội nghị tổng kết hằng năm.", in_article=False) == []
    assert brief("Ban Chấp hành họp thường lệ 3 tháng một lần.", in_article=False) == [(("bch",), "regular", 3.0)]
    # inside a meeting article a sentence naming the kind of meeting counts even without a verb
    assert brief("Thường lệ mỗi tháng một lần.", ("btv",)) == [(("btv",), "regular", 1.0)]
    assert brief("Định kỳ hằng quý báo cáo Đảng ủy xã kết quả.", ("chi_bo",)) == []


def test_thematic_replacing_the_regular_meeting() -> None:
    (s,) = stmts("Chi bộ sinh hoạt chuyên đề mỗi quý một lần thay cho sinh hoạt thường kỳ của tháng đó.")
    assert s.kind == "thematic" and s.replaces_regular
    (t,) = stmts("Sinh hoạt chuyên đề thay cho sinh hoạt thường kỳ.", ("chi_bo",))
    assert t.replaces_regular and t.interval is None


def test_judged_prefers_explicit_regular_statements() -> None:
    doc = danguy_doc(["1. Ban Chấp hành họp thường lệ ba tháng một lần.",
                      "2. Hằng năm, Ban Chấp hành tổ chức hội nghị toàn thể cán bộ chủ chốt."])
    mc = meeting_clauses(doc.zones)
    assert [s.interval for s in mc.judged("bch")] == [3.0]
    doc2 = danguy_doc(["1. Ban Thường vụ họp 2 tháng một lần; Ban Thường vụ họp hằng quý với các chi bộ."])
    assert [s.interval for s in meeting_clauses(doc2.zones).judged("btv")] == [2.0]


# ------------------------------------------------------------------------------------------- durations
@pytest.mark.parametrize(("text", "minutes", "minimum", "combined"), [
    ("Thời gian mỗi buổi sinh hoạt ít nhất 60 phút.", 60, True, False),
    ("Thời lượng sinh hoạt không ít hơn 90 phút.", 90, True, False),
    ("Mỗi buổi sinh hoạt 1,5 giờ.", 90, True, False),
    ("Sinh hoạt kéo dài 2 giờ.", 120, True, False),
    ("Sinh hoạt ít nhất 1 giờ 30 phút.", 90, True, False),
    ("Sinh hoạt ít nhất một giờ rưỡi.", 90, True, False),
    ("Khi kết hợp sinh hoạt thường kỳ và chuyên đề ít nhất 120 phút.", 120, True, True),
    ("Mỗi ý kiến phát biểu không quá 10 phút.", 10, False, False),
])
def test_durations(text: str, minutes: float, minimum: bool, combined: bool) -> None:
    (d,) = find_durations(text)
    assert (d.minutes, d.minimum, d.combined) == (minutes, minimum, combined)


def test_lead_times_are_not_durations() -> None:
    assert find_durations("Đảng viên có mặt trước 15 phút; tài liệu gửi trước ít nhất 30 phút.") == []


def test_two_durations_in_the_rules_md_right_example() -> None:
    text = "Thời gian sinh hoạt ít nhất 90 phút; khi kết hợp sinh hoạt thường kỳ và chuyên đề ít nhất 120 phút."
    assert [(d.minutes, d.combined) for d in find_durations(text)] == [(90, False), (120, True)]


# ------------------------------------------------------------------------------------------- thresholds
def th(text: str) -> list[tuple[str, float, bool, str | None]]:
    return [(t.kind, round(t.value, 3), t.strict, t.base) for t in find_thresholds(text)]


def test_quorum_examples() -> None:
    assert th("Hội nghị chỉ hợp lệ khi có quá nửa số ủy viên có mặt.") == [("quorum", 0.5, True, "present")]
    assert th("Hội nghị chỉ hợp lệ khi có ít nhất 2/3 số ủy viên được triệu tập có mặt.") == [
        ("quorum", 0.667, False, "summoned")]
    assert th("Hội nghị chỉ được tiến hành khi có ít nhất hai phần ba số thành viên được triệu tập có mặt.") == [
        ("quorum", 0.667, False, "summoned")]
    assert th("Cuộc họp hợp lệ khi có 50% số thành viên tham dự.") == [("quorum", 0.5, False, "present")]
    assert th("Hội nghị hợp lệ khi có 1/2 số ủy viên có mặt.") == [("quorum", 0.5, False, "present")]


def test_vote_examples() -> None:
    assert th("Nghị quyết được thông qua khi quá nửa số ủy viên có mặt tán thành.") == [
        ("vote", 0.5, True, "present")]
    assert th("Nghị quyết được thông qua khi có quá nửa tổng số ủy viên Ban Chấp hành tán thành.") == [
        ("vote", 0.5, True, "total")]
    assert th("Quyết định theo đa số đại biểu có mặt biểu quyết tán thành.") == [("vote", 0.5, True, "present")]


def test_quorum_and_vote_in_one_clause() -> None:
    text = "Hội nghị hợp lệ khi có ít nhất 2/3 số ủy viên có mặt; nghị quyết được thông qua khi quá nửa tổng số " \
           "ủy viên tán thành."
    assert th(text) == [("quorum", 0.667, False, "present"), ("vote", 0.5, True, "total")]


def test_dates_and_principles_are_not_thresholds() -> None:
    assert th("Căn cứ Quy định số 294-QĐ/TW ngày 2/3/2025 của Ban Chấp hành Trung ương.") == []
    assert th("Tập trung dân chủ, quyết định theo đa số; thiểu số phục tùng đa số.") == []


# ------------------------------------------------------------------------------------------- documents
def test_meeting_articles_are_found_by_title() -> None:
    mc = meeting_clauses(chibo_doc().zones)
    assert [a.full_title for a in mc.articles] == ["Chế độ sinh hoạt"]
    assert "so tay dang vien" in mc.key
    assert [(d.minutes, d.combined) for d in mc.durations] == [(90, False), (120, True)]
    assert [(t.kind, t.base) for t in mc.thresholds] == [("quorum", "summoned"), ("vote", "total")]


def test_cache_is_per_document() -> None:
    a, b = chibo_doc(), chibo_doc(["1. Chi bộ sinh hoạt thường kỳ hằng quý."])
    assert meeting_clauses(a.zones) is meeting_clauses(a.zones)
    assert [s.interval for s in meeting_clauses(b.zones).statements] == [3.0]


# ------------------------------------------------------------------------------------------- corpus
CHI_BO_DOCS = ("clean_03_cbcs_6", "clean_04_cbcs_15", "clean_05_cb_thon", "clean_06_cb_ubnd")


def _corpus(name: str) -> object:
    from quyche.readers import read_document

    return read_document(CORPUS / f"{name}.docx")


def _summary(name: str) -> set[tuple[tuple[str, ...], str, float | None]]:
    doc = _corpus(name)
    return {(s.bodies, s.kind, s.interval) for s in meeting_clauses(doc.zones).statements}  # type: ignore[attr-defined]


corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")


@corpus
def test_corpus_dang_uy_xa() -> None:
    assert _summary("clean_01_duxa") == {
        (("bch",), "regular", 3.0), (("btv",), "regular", 1.0), (("thuong_truc",), "unspecified", 0.25),
        (("chi_bo_sub",), "regular", 1.0), (("chi_bo_sub",), "thematic", 3.0)}


@corpus
def test_corpus_dang_uy_co_so_school() -> None:
    assert _summary("clean_02_ducs_school") == {
        (("bch",), "regular", 1.0), (("dang_bo",), "unspecified", 6.0),
        (("chi_bo_sub",), "regular", 1.0), (("chi_bo_sub",), "thematic", 3.0)}


@corpus
@pytest.mark.parametrize("name", CHI_BO_DOCS)
def test_corpus_chi_bo(name: str) -> None:
    got = _summary(name)
    assert {(("chi_bo",), "regular", 1.0), (("chi_bo",), "thematic", 3.0)} <= got
    assert got - {(("chi_bo",), "regular", 1.0), (("chi_bo",), "thematic", 3.0)} <= {(("chi_uy",), "regular", 1.0)}
    mc = meeting_clauses(_corpus(name).zones)  # type: ignore[attr-defined]
    assert sorted((d.minutes, d.combined) for d in mc.durations) == [(90, False), (120, True)]


@corpus
def test_corpus_mutant_two_months() -> None:
    assert (("chi_bo",), "regular", 2.0) in _summary("mutant_23_meeting_two_months")
    assert (("chi_bo",), "regular", 1.0) not in _summary("mutant_23_meeting_two_months")


@corpus
@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else [], ids=lambda p: p.stem)
def test_corpus_every_document(path: Path) -> None:
    """Every corpus regulation: a meeting article, a 2/3 quorum, a vote on the total, a monthly regular meeting."""
    from quyche.readers import read_document

    mc = meeting_clauses(read_document(path).zones)
    assert mc.articles
    assert [round(q.value, 3) for q in mc.quorums] == [0.667]
    assert [v.base for v in mc.votes] == ["total"]
    regular = {s.interval for s in mc.statements if s.kind == "regular" and set(s.bodies) & {"chi_bo", "chi_bo_sub"}}
    assert regular == ({2.0} if path.stem == "mutant_23_meeting_two_months" else {1.0})


def test_leading_the_whole_membership_is_not_a_plenary_meeting() -> None:
    text = "Ban Thường vụ thay mặt Ban Chấp hành lãnh đạo toàn đảng bộ, họp thường lệ mỗi tháng một lần."
    assert brief(text) == [(("btv",), "regular", 1.0)]
    assert bodies_in("Đảng bộ sinh hoạt toàn thể") == ("dang_bo",)
    assert bodies_in("hội nghị đảng viên toàn đảng bộ") == ("dang_bo",)


def test_principles_are_not_thresholds() -> None:
    from quyche.meetings import find_thresholds

    for text in ("Khi có ý kiến khác nhau thì tiến hành biểu quyết, thiểu số phục tùng đa số.",
                 "Bảo đảm tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách, quyết định theo đa số."):
        assert find_thresholds(text) == []
