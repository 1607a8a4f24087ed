"""A complete working regulation (every block of the model skeleton) for the TPL and CNT rule tests.

``body()`` is the five-chapter body of "Đảng ủy xã An Hòa" (factory default header); blocks are dropped or
replaced by key and the articles renumbered. ``chibo_doc()`` is the same regulation for "Chi bộ thôn Phú Lộc".
``xa_profile()`` / ``chibo_profile()`` are matching organisation profiles.
"""

from __future__ import annotations

from typing import Any

from factory import L, PartyDoc
from quyche.model import Document
from quyche.profile import Profile, profile_from_dict

Block = tuple[str, list[str]]  # (article title, clauses)

CHAPTERS: list[tuple[str, str, list[str]]] = [  # (number, name, block keys)
    ("I", "NHỮNG QUY ĐỊNH CHUNG", ["scope", "principles"]),
    ("II", "TRÁCH NHIỆM, QUYỀN HẠN", ["bch", "btv", "bi_thu", "pho_bi_thu", "uy_vien"]),
    ("III", "CHẾ ĐỘ LÀM VIỆC", ["meetings", "reporting"]),
    ("IV", "MỐI QUAN HỆ CÔNG TÁC", ["rel_superior", "rel_admin", "rel_front", "rel_sub"]),
    ("V", "ĐIỀU KHOẢN THI HÀNH", ["final"]),
]

BLOCKS: dict[str, Block] = {
    "scope": ("Phạm vi điều chỉnh và đối tượng áp dụng", [
        "1. Quy chế này quy định trách nhiệm, quyền hạn, chế độ làm việc và mối quan hệ công tác của Ban Chấp hành "
        "Đảng bộ xã An Hòa khóa I, Ban Thường vụ, Bí thư, Phó Bí thư và các đồng chí đảng ủy viên.",
        "2. Các tập thể, cá nhân nêu tại khoản 1 Điều này và các chi bộ trực thuộc có trách nhiệm thực hiện nghiêm "
        "Quy chế này."]),
    "principles": ("Nguyên tắc làm việc", [
        "1. Bảo đảm nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách, quyết định theo đa số.",
        "2. Thiểu số phục tùng đa số; đảng viên có ý kiến khác được bảo lưu và báo cáo lên cấp ủy cấp trên."]),
    "bch": ("Trách nhiệm, quyền hạn của Ban Chấp hành", [
        "1. Lãnh đạo thực hiện Nghị quyết Đại hội Đảng bộ xã An Hòa lần thứ I.",
        "2. Quyết định những vấn đề về tổ chức, cán bộ theo phân cấp."]),
    "btv": ("Trách nhiệm, quyền hạn của Ban Thường vụ", [
        "1. Thay mặt Ban Chấp hành lãnh đạo giữa hai kỳ hội nghị.",
        "2. Chuẩn bị nội dung hội nghị Ban Chấp hành."]),
    "bi_thu": ("Trách nhiệm, quyền hạn của Bí thư", [
        "1. Chịu trách nhiệm trước Ban Chấp hành và cấp ủy cấp trên về hoạt động lãnh đạo của Đảng bộ.",
        "2. Đồng chí Nguyễn Văn An, Bí thư, phụ trách chung; trực tiếp phụ trách công tác tổ chức, cán bộ."]),
    "pho_bi_thu": ("Trách nhiệm, quyền hạn của Phó Bí thư", [
        "1. Đồng chí Trần Văn Bình, Phó Bí thư Thường trực, giúp Bí thư điều hành công việc hằng ngày.",
        "2. Khi Bí thư vắng mặt, Phó Bí thư được ủy quyền chủ trì công việc."]),
    "uy_vien": ("Trách nhiệm của các đồng chí đảng ủy viên", [
        "1. Mỗi đảng ủy viên chịu trách nhiệm cá nhân về lĩnh vực, đơn vị được phân công."]),
    "meetings": ("Chế độ họp", [
        "1. Ban Chấp hành họp thường lệ ba tháng một lần; Ban Thường vụ họp mỗi tháng một lần.",
        "2. Hội nghị chỉ được tiến hành khi có ít nhất hai phần ba số thành viên được triệu tập có mặt."]),
    "reporting": ("Chế độ thông tin, báo cáo", [
        "1. Định kỳ hằng quý báo cáo Tỉnh ủy Tây Ninh kết quả thực hiện nhiệm vụ; báo cáo đột xuất khi cấp trên "
        "yêu cầu.",
        "2. Thông báo kịp thời đến đảng viên tình hình thời sự, nghị quyết của cấp trên."]),
    "rel_superior": ("Quan hệ với Ban Thường vụ Tỉnh ủy Tây Ninh", [
        "1. Chịu sự lãnh đạo, chỉ đạo trực tiếp của Ban Chấp hành Đảng bộ tỉnh Tây Ninh, thường xuyên là Ban "
        "Thường vụ Tỉnh ủy.",
        "2. Báo cáo đầy đủ, kịp thời tình hình thực hiện nhiệm vụ."]),
    "rel_admin": ("Quan hệ với chính quyền xã", [
        "1. Lãnh đạo Hội đồng nhân dân, Ủy ban nhân dân xã An Hòa thực hiện nhiệm vụ chính trị.",
        "2. Không làm thay công việc quản lý, điều hành của Ủy ban nhân dân xã An Hòa."]),
    "rel_front": ("Quan hệ với Mặt trận Tổ quốc và các đoàn thể", [
        "1. Lãnh đạo Ủy ban Mặt trận Tổ quốc Việt Nam xã An Hòa và các đoàn thể thông qua đảng viên."]),
    "rel_sub": ("Quan hệ với các chi bộ trực thuộc", [
        "1. Lãnh đạo, chỉ đạo toàn diện các chi bộ trực thuộc; dự sinh hoạt chi bộ theo phân công."]),
    "final": ("Tổ chức thực hiện và hiệu lực thi hành", [
        "1. Các tập thể, cá nhân nêu tại Điều 1 có trách nhiệm thực hiện nghiêm Quy chế này.",
        "2. Việc sửa đổi, bổ sung Quy chế do Ban Chấp hành Đảng bộ xem xét, quyết định.",
        "3. Quy chế này có hiệu lực từ ngày ký, được báo cáo cấp ủy cấp trên và phổ biến đến toàn thể đảng viên."]),
}


def body(drop: tuple[str, ...] = (), replace: dict[str, Block] | None = None,
         extra_final: tuple[Block, ...] = ()) -> list[L]:
    """The body with the blocks ``drop`` left out, ``replace`` substituted, ``extra_final`` articles added at the
    end of the last chapter, articles numbered 1, 2, …"""
    blocks = {**BLOCKS, **(replace or {})}
    blocks.update({f"extra{i}": b for i, b in enumerate(extra_final)})
    out: list[L] = []
    n = 0
    for number, name, keys in CHAPTERS:
        kept = [k for k in keys if k not in drop]
        if number == "V":
            kept += [f"extra{i}" for i in range(len(extra_final))]
        if not kept:
            continue
        out += [L(f"Chương {number}", b=True), L(name, b=True)]
        for k in kept:
            title, clauses = blocks[k]
            n += 1
            out.append(L(f"Điều {n}. {title}", b=True, align="both"))
            out += [L(c, align="both") for c in clauses]
    return out


def xa_doc(**overrides: Any) -> Document:
    kw: dict[str, Any] = {"body": body()}
    kw.update(overrides)
    return PartyDoc(**kw).read()


def xa_profile(**over: Any) -> Profile:
    committee = [{"name": "Nguyễn Văn An", "role": "bi_thu"},
                 {"name": "Trần Văn Bình", "role": "pho_bi_thu_thuong_truc"},
                 {"name": "Lê Thị Cúc", "role": "pho_bi_thu"}]
    committee += [{"name": f"Ủy viên {i}", "role": "uy_vien_btv" if i < 6 else "uy_vien"} for i in range(12)]
    data: dict[str, Any] = {
        "schema": "quyche/profile/v1", "name": "Đảng ủy xã An Hòa", "kind": "dang_uy_cap_tren_co_so", "type": "xa",
        "superior": "Đảng bộ tỉnh Tây Ninh", "place": "An Hòa", "term": {"from": 2025, "to": 2030, "khoa": "I"},
        "members": 420, "committee": committee, "subordinates": ["Chi bộ thôn Phú Lộc", "Chi bộ thôn Phú Hòa"],
    }
    data.update(over)
    return profile_from_dict(data)


CHIBO_BLOCKS: dict[str, Block] = {
    "scope": ("Phạm vi điều chỉnh và đối tượng áp dụng", [
        "1. Quy chế này quy định trách nhiệm, quyền hạn, chế độ làm việc và mối quan hệ công tác của Chi bộ thôn "
        "Phú Lộc, Bí thư, Phó Bí thư và đảng viên trong Chi bộ."]),
    "bch": ("Nhiệm vụ, quyền hạn của Chi bộ", [
        "1. Lãnh đạo thực hiện nhiệm vụ chính trị của thôn Phú Lộc; giáo dục, quản lý đảng viên."]),
    "btv": ("Trách nhiệm của đảng viên", [
        "1. Thực hiện đầy đủ nhiệm vụ đảng viên theo Điều lệ Đảng; sinh hoạt chi bộ đầy đủ."]),
    "bi_thu": ("Trách nhiệm, quyền hạn của Bí thư", [
        "1. Chịu trách nhiệm trước Chi bộ và Đảng ủy xã An Hòa về hoạt động lãnh đạo của Chi bộ."]),
    "pho_bi_thu": ("Trách nhiệm, quyền hạn của Phó Bí thư", [
        "1. Giúp Bí thư điều hành công việc; khi Bí thư vắng mặt được ủy quyền chủ trì công việc."]),
    "reporting": ("Chế độ thông tin, báo cáo", [
        "1. Định kỳ hằng tháng báo cáo Đảng ủy xã An Hòa kết quả thực hiện nhiệm vụ; báo cáo đột xuất khi cấp "
        "trên yêu cầu.",
        "2. Thông báo kịp thời đến đảng viên tình hình thời sự, nghị quyết của cấp trên."]),
    "meetings": ("Chế độ sinh hoạt", [
        "1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần; sinh hoạt chuyên đề ít nhất mỗi quý một lần."]),
    "rel_superior": ("Quan hệ với Ban Thường vụ Đảng ủy xã An Hòa", [
        "1. Chịu sự lãnh đạo, chỉ đạo trực tiếp, thường xuyên của Ban Thường vụ Đảng ủy xã An Hòa."]),
    "rel_admin": ("Quan hệ với trưởng thôn, Ban Nhân dân thôn", [
        "1. Lãnh đạo trưởng thôn và Ban Nhân dân thôn Phú Lộc thực hiện nhiệm vụ."]),
    "rel_front": ("Quan hệ với các đoàn thể", [
        "1. Lãnh đạo Ban Công tác Mặt trận và các đoàn thể của thôn thông qua đảng viên."]),
    "final": ("Tổ chức thực hiện và hiệu lực thi hành", [
        "1. Các đồng chí đảng viên có trách nhiệm thực hiện nghiêm Quy chế này.",
        "2. Việc sửa đổi, bổ sung Quy chế do Chi bộ xem xét, quyết định.",
        "3. Quy chế này có hiệu lực từ ngày ký."]),
}


def chibo_body(drop: tuple[str, ...] = (), replace: dict[str, Block] | None = None) -> list[L]:
    blocks = {**CHIBO_BLOCKS, **(replace or {})}
    return body(drop=(*drop, "uy_vien", "rel_sub"), replace=blocks)


def chibo_doc(**overrides: Any) -> Document:
    kw: dict[str, Any] = {
        "left": [L("ĐẢNG BỘ XÃ AN HÒA"), L("CHI BỘ THÔN PHÚ LỘC", b=True), L("*"), L("Số 01-QC/CB")],
        "summary": [L("làm việc của Chi bộ thôn Phú Lộc, nhiệm kỳ 2025 - 2030", b=True)],
        "cancu": [L("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", align="both"),
                  L("Chi bộ thôn Phú Lộc ban hành Quy chế làm việc nhiệm kỳ 2025 - 2030 như sau:", align="both")],
        "body": chibo_body(),
        "recipients": [L("Nơi nhận:", u=True, align="left"),
                       L("- Ban Thường vụ Đảng ủy xã An Hòa (để báo cáo),", size=12, align="left"),
                       L("- Các đảng viên trong Chi bộ,", size=12, align="left"),
                       L("- Lưu Chi bộ.", size=12, align="left")],
        "signature": [L("T/M CHI BỘ", b=True), L("BÍ THƯ", b=True), L(""), L("Lê Văn Bình", b=True)],
    }
    kw.update(overrides)
    return PartyDoc(**kw).read()


def chibo_profile(**over: Any) -> Profile:
    data: dict[str, Any] = {
        "schema": "quyche/profile/v1", "name": "Chi bộ thôn Phú Lộc", "kind": "chi_bo_truc_thuoc",
        "type": "thon_to_dan_pho", "superior": "Đảng bộ xã An Hòa", "place": "An Hòa",
        "term": {"from": 2025, "to": 2030}, "members": 8,
        "committee": [{"name": "Lê Văn Bình", "role": "bi_thu"}, {"name": "Mai Thị Cúc", "role": "pho_bi_thu"}],
    }
    data.update(over)
    return profile_from_dict(data)
