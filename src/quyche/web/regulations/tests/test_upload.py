"""Uploading a regulation version: stored by hash, read and checked by quyche, citations per article."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.files.storage import default_storage

from quyche.catalogue import catalogue as rule_catalogue
from quyche.errors import ReadError
from quyche.skeleton import skeleton
from quyche.web.audit.models import AuditLog
from quyche.web.organizations.services import add_profile_version
from quyche.web.references.services import load_packaged_references
from quyche.web.regulations.models import Regulation, RegulationVersion, VersionCitation
from quyche.web.regulations.services import create_regulation, current_regulation, upload_version


@pytest.fixture
def regulation(tree: dict[str, Any], profiles: dict[str, Any], users: dict[str, Any]) -> Regulation:
    add_profile_version(tree["an_hoa"], profiles["xa"](), users["inspector"])
    return create_regulation(tree["an_hoa"], 2025, 2030, khoa="I")


def test_upload_stores_findings_with_versions(regulation: Regulation, users: dict[str, Any], docx: Any,
                                              upload: Any, as_of: date) -> None:
    load_packaged_references()
    data = docx(extra_articles=[("Chế độ sinh hoạt", ["1. Ban Chấp hành họp thường lệ ba tháng một lần."])])
    v = upload_version(regulation, upload(data, "Quy chế làm việc.docx"), users["staff"], as_of=as_of)
    assert v.number == 1 and not v.is_issued
    assert v.ruleset == rule_catalogue().ruleset
    assert v.catalogue_version == "2026.11.1"  # the database still equals the packaged catalogue
    assert v.skeleton_version == skeleton().version
    assert v.as_of == as_of
    assert v.source_format == "docx" and v.size == len(data) and v.filename == "Quy chế làm việc.docx"
    assert v.profile_version is not None and v.profile_version.number == 1
    assert isinstance(v.findings, list)
    assert all({"rule", "severity", "confidence", "message", "location"} <= set(f) for f in v.findings)
    doc = v.structure["document"]
    assert doc["type"] == "QUY CHẾ" and doc["number"] == "01-QC/ĐU" and doc["articles"] == 7
    assert [a["number"] for a in v.structure["articles"]] == [str(i) for i in range(1, 8)]
    assert v.structure["articles"][5]["title"] == "Chế độ sinh hoạt"
    assert "QD-294-TW-2025" in v.structure["basis"]
    # citations kept as rows: the căn cứ block resolves to catalogue keys
    basis = VersionCitation.objects.filter(version=v, article="")
    assert {"DIEU-LE-2011", "QD-294-TW-2025", "HD-06-TW-2025"} <= {c.reference_key for c in basis}
    assert AuditLog.objects.filter(action="upload", object_id=str(v.pk)).exists()


def test_citations_are_listed_per_article(regulation: Regulation, users: dict[str, Any], docx: Any,
                                          upload: Any) -> None:
    data = docx(extra_articles=[
        ("Chế độ sinh hoạt", ["1. Thực hiện theo Hướng dẫn số 42-HD/BTCTW của Ban Tổ chức Trung ương.",
                              "2. Chi bộ sinh hoạt theo Quy định số 294-QĐ/TW."]),
        ("Quan hệ công tác", ["Thực hiện theo Quy định số 77-QĐ/TU ngày 05/01/2025 của Tỉnh ủy."]),
    ])
    v = upload_version(regulation, upload(data), users["staff"])
    in_articles = {(c.article, c.number_symbol, c.reference_key) for c in v.citations.exclude(article="")}
    assert ("6", "294-QĐ/TW", "QD-294-TW-2025") in in_articles
    assert ("7", "77-QĐ/TU", "") in in_articles  # not in the catalogue: kept by number-symbol
    by_article = {a["number"]: a["citations"] for a in v.structure["articles"]}
    assert "QD-294-TW-2025" in by_article["6"] and "77-QĐ/TU" in by_article["7"]
    assert by_article["1"] == []


def test_same_file_is_stored_once(regulation: Regulation, users: dict[str, Any], docx: Any, upload: Any,
                                  tree: dict[str, Any]) -> None:
    data = docx()
    v1 = upload_version(regulation, upload(data, "a.docx"), users["staff"])
    other = create_regulation(tree["binh_minh"], 2025, 2030)
    v2 = upload_version(other, upload(data, "b.docx"), users["staff"])
    v3 = upload_version(regulation, upload(docx(issuer="ĐẢNG ỦY XÃ AN HÒA MỚI"), "c.docx"), users["staff"])
    assert v1.sha256 == v2.sha256 != v3.sha256
    assert v1.file.name == v2.file.name == f"originals/{v1.sha256[:2]}/{v1.sha256}.docx"
    assert (v1.number, v2.number, v3.number) == (1, 1, 2)
    stored = default_storage.listdir(f"originals/{v1.sha256[:2]}")[1]
    assert stored.count(f"{v1.sha256}.docx") == 1  # (v3 may share the two-character folder)
    with default_storage.open(v1.file.name, "rb") as fh:
        assert fh.read() == data


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"", "empty.docx", "empty"),
        (b"PK\x03\x04 not really a zip", "broken.docx", None),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old.docx", "ole"),
        (b"plain text", "note.odt", "unsupported"),
        (b"{\\rtf1 hello}", "rtf.txt", "rtf"),
        (b"hello", "fake.pdf", "not_pdf"),
    ],
)
def test_unreadable_files_are_refused_without_leftovers(regulation: Regulation, users: dict[str, Any],
                                                        upload: Any, data: bytes, name: str, code: str | None
                                                        ) -> None:
    with pytest.raises(ReadError) as err:
        upload_version(regulation, upload(data, name), users["staff"])
    if code:
        assert err.value.code == code
    assert "\n" not in err.value.message and err.value.message
    assert not RegulationVersion.objects.exists() and not VersionCitation.objects.exists()
    assert not default_storage.exists("originals")


def test_size_limit(regulation: Regulation, users: dict[str, Any], upload: Any, settings: Any, docx: Any) -> None:
    data = docx()
    settings.QUYCHE_MAX_UPLOAD_BYTES = len(data) - 1
    with pytest.raises(ReadError, match="quá lớn") as err:
        upload_version(regulation, upload(data), users["staff"])
    assert err.value.code == "too_large"
    assert not RegulationVersion.objects.exists()


def test_plain_text_upload_is_read(regulation: Regulation, users: dict[str, Any], upload: Any) -> None:
    text = ("ĐẢNG BỘ TỈNH TÂY NINH\nĐẢNG ỦY XÃ AN HÒA\n*\nSố 01-QC/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
            "An Hòa, ngày 15 tháng 10 năm 2025\nQUY CHẾ\nlàm việc của Ban Chấp hành Đảng bộ xã An Hòa\n"
            "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;\nChương I\nNHỮNG QUY ĐỊNH CHUNG\n"
            "Điều 1. Phạm vi điều chỉnh\nQuy chế này quy định chế độ làm việc.\n")
    v = upload_version(regulation, upload(text.encode("utf-8"), "quy-che.txt"), users["staff"])
    assert v.source_format == "text" and v.file.name.endswith(".txt")
    assert v.structure["document"]["articles"] == 1


def test_current_regulation_is_latest_term(tree: dict[str, Any]) -> None:
    old = create_regulation(tree["an_hoa"], 2020, 2025)
    new = create_regulation(tree["an_hoa"], 2025, 2030)
    assert current_regulation(tree["an_hoa"]) == new
    new.status = "superseded"
    new.save()
    assert current_regulation(tree["an_hoa"]) == old
