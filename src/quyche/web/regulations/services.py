"""Regulations: upload a version (store by hash, read, check with quyche in-process), issue it, and
show its findings through the waivers in force on a date."""

from __future__ import annotations

import contextlib
import hashlib
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from quyche.catalogue import catalogue as rule_catalogue
from quyche.citations import find_citations, resolve
from quyche.engine import Checker, Finding, Selection
from quyche.errors import QuycheError, ReadError
from quyche.model import Document, Paragraph
from quyche.profile import Profile
from quyche.readers import SUPPORTED_SUFFIXES, read_document
from quyche.readers.sniff import sniff
from quyche.references import ReferenceCatalogue
from quyche.report import document_summary
from quyche.rules.base import Context, Settings
from quyche.skeleton import skeleton
from quyche.web.audit import services as audit
from quyche.web.audit.models import Action
from quyche.web.organizations.models import Organization
from quyche.web.references.services import as_catalogue
from quyche.web.regulations.models import (
    Regulation,
    RegulationStatus,
    RegulationVersion,
    SourceFormat,
    VersionCitation,
    Waiver,
    original_name,
)

CATALOGUE_SETTING = "reference_catalogue"  # where quyche's REF rules look for a board catalogue
_UNSAFE_NAME = re.compile(r"[^\w.\- ]+", re.UNICODE)


# ------------------------------------------------------------------------------------------- lookups
def current_regulation(org: Organization) -> Regulation | None:
    """The organisation's regulation in use: the latest term that is not superseded."""
    return (
        Regulation.objects.filter(organization=org)
        .exclude(status=RegulationStatus.SUPERSEDED)
        .order_by("-term_start", "-id")
        .first()
    )


def current_versions(orgs: Iterable[Organization] | None = None) -> dict[int, RegulationVersion]:
    """Organisation id → the current version of its current regulation (latest issued, else latest draft),
    for every active organisation (or those given). Three queries whatever the number of organisations."""
    regs = Regulation.objects.exclude(status=RegulationStatus.SUPERSEDED).filter(
        organization__merged_into__isnull=True, organization__dissolved_on__isnull=True
    )
    if orgs is not None:
        regs = regs.filter(organization__in=list(orgs))
    chosen: dict[int, int] = {}
    for org_id, reg_id in regs.order_by("organization_id", "-term_start", "-id").values_list("organization_id", "id"):
        chosen.setdefault(org_id, reg_id)
    best: dict[int, tuple[bool, int, int]] = {}
    for vid, reg_id, number, issued_at in RegulationVersion.objects.filter(
        regulation_id__in=chosen.values()
    ).values_list("id", "regulation_id", "number", "issued_at"):
        rank = (issued_at is not None, number, vid)
        if reg_id not in best or rank > best[reg_id]:
            best[reg_id] = rank
    by_id = RegulationVersion.objects.select_related("regulation", "regulation__organization").in_bulk(
        [r[2] for r in best.values()]
    )
    out: dict[int, RegulationVersion] = {}
    for org_id, reg_id in chosen.items():
        if reg_id in best:
            out[org_id] = by_id[best[reg_id][2]]
    return out


@transaction.atomic
def create_regulation(
    org: Organization, term_start: int, term_end: int, *, khoa: str = "", title: str = "", actor: Any = None
) -> Regulation:
    reg = Regulation(organization=org, term_start=term_start, term_end=term_end, khoa=khoa, title=title)
    reg.full_clean()
    reg.save()
    audit.record(actor, Action.CREATE, reg, changes=audit.diff(None, audit.snapshot(reg)))
    return reg


# ------------------------------------------------------------------------------------------- upload
def _read_limited(file: IO[bytes] | Any, limit: int) -> bytes:
    """All bytes of an uploaded file, refusing more than ``limit`` without reading much past it."""
    size = getattr(file, "size", None)
    if isinstance(size, int) and size > limit:
        raise ReadError(f"tệp quá lớn ({size / 1e6:.1f} MB; giới hạn {limit / 1e6:.0f} MB)", "too_large")
    if hasattr(file, "seek"):
        with contextlib.suppress(OSError, ValueError):
            file.seek(0)
    chunks: list[bytes] = []
    total = 0
    pieces = file.chunks() if hasattr(file, "chunks") else iter(lambda: file.read(1 << 20), b"")
    for chunk in pieces:
        total += len(chunk)
        if total > limit:
            raise ReadError(f"tệp quá lớn (hơn {limit / 1e6:.0f} MB)", "too_large")
        chunks.append(chunk)
    return b"".join(chunks)


def _safe_filename(name: str) -> str:
    base = Path(name.replace("\\", "/")).name.strip() or "quy-che"
    return _UNSAFE_NAME.sub("_", base)[:200]


def read_upload(data: bytes, filename: str) -> tuple[Document, str]:
    """Read uploaded bytes with quyche (real type by magic bytes) → (document, source format).

    Raises :class:`quyche.errors.ReadError` with quyche's one-line Vietnamese reason."""
    name = _safe_filename(filename)
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(f"chỉ nhận tệp {', '.join(SUPPORTED_SUFFIXES)} (tệp đã gửi: “{name}”)", "unsupported")
    if not data:
        raise ReadError("tệp rỗng (0 byte)", "empty")
    kind = sniff(data, suffix)
    try:
        with tempfile.TemporaryDirectory(prefix="quyche-upload-") as tmp:
            path = Path(tmp) / name
            path.write_bytes(data)
            doc = read_document(path)
            doc.zones  # noqa: B018  (find zones now: a document that breaks them is refused here)
    except ReadError:
        raise
    except QuycheError as exc:
        raise ReadError(exc.message, exc.code) from exc
    except (RecursionError, MemoryError) as exc:
        raise ReadError(f"tệp bất thường, không xử lý được ({type(exc).__name__})", "unsafe") from exc
    return doc, kind


def check_document(
    doc: Document, profile: Profile | None, as_of: date, catalogue: ReferenceCatalogue
) -> tuple[list[Finding], list[str]]:
    """Run every quyche rule on ``doc`` as the CLI does, with the board's catalogue."""
    overrides = profile.rule_overrides if profile is not None else {}
    checker = Checker(Selection(), overrides)
    ctx = Context(as_of=as_of, profile=profile, settings=Settings(extra={CATALOGUE_SETTING: catalogue}))
    return checker.run(doc, ctx)


def _article_paragraphs(node: Any) -> list[Paragraph]:
    out = [node.para, *node.content]
    for child in node.walk()[1:]:
        out.append(child.para)
        out.extend(child.content)
    return out


def document_structure(doc: Document, catalogue: ReferenceCatalogue) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The parsed structure kept with a version, and the citations found (căn cứ block and each article)."""
    z = doc.zones
    doc_date = z.doc_date
    citations: list[dict[str, Any]] = []

    def cite(paragraphs: Iterable[Paragraph], article: str, title: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for p in paragraphs:
            for c in find_citations(p.plain):
                if c.in_title:
                    continue  # named inside another document's title ("… thi hành Điều lệ Đảng")
                ref = resolve(c, catalogue, doc_date)
                item = {
                    "raw": c.raw[:300],
                    "number_symbol": c.number_symbol,
                    "symbol_key": c.key,
                    "reference": ref.key if ref is not None else None,
                    "paragraph": p.loc.paragraph,
                    "article": article,
                    "article_title": title,
                }
                found.append(item)
        citations.extend(found)
        return found

    basis = cite(z.preamble, "", "")
    articles = []
    for art in z.articles:
        found = cite(_article_paragraphs(art), art.number, art.full_title)
        articles.append(
            {
                "number": art.number,
                "title": art.full_title,
                "paragraph": art.para.loc.paragraph,
                "citations": sorted({c["reference"] or c["number_symbol"] for c in found}),
            }
        )
    structure = {
        "document": document_summary(doc),
        "format": doc.format,
        "paragraphs": len(doc.paragraphs),
        "chapters": [{"number": n.number, "title": n.full_title} for n in z.nodes("chuong")],
        "articles": articles,
        "basis": sorted({c["reference"] or c["number_symbol"] for c in basis}),
        "notes": list(doc.notes),
    }
    return structure, citations


def _store_original(data: bytes, sha: str, kind: str) -> str:
    """Save the bytes under their hash unless that file is already stored; the storage name."""
    name = original_name(sha, kind)
    if not default_storage.exists(name):
        saved = default_storage.save(name, ContentFile(data))
        if saved != name:  # a concurrent upload of the same bytes got there first
            default_storage.delete(saved)
    return name


def upload_version(
    regulation: Regulation, file: IO[bytes] | Any, user: Any, as_of: date | None = None, *, note: str = ""
) -> RegulationVersion:
    """Store an uploaded regulation file as the next version of ``regulation`` and check it.

    The file is limited in size (``QUYCHE_MAX_UPLOAD_BYTES``) and type (DOCX, PDF, TXT, MD by magic
    bytes), read and checked by quyche in-process with the organisation's current profile and the board's
    catalogue, then stored by SHA-256 (identical bytes are stored once). An unreadable file raises
    :class:`quyche.errors.ReadError` with quyche's message and leaves nothing behind."""
    limit = int(settings.QUYCHE_MAX_UPLOAD_BYTES)
    filename = _safe_filename(str(getattr(file, "name", "") or "quy-che"))
    data = _read_limited(file, limit)
    doc, kind = read_upload(data, filename)
    org = regulation.organization
    profile_version = org.current_profile_version
    profile = org.profile()
    day = as_of or timezone.localdate()
    cat = as_catalogue()
    findings, not_applicable = check_document(doc, profile, day, cat)
    structure, citations = document_structure(doc, cat)
    sha = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        Regulation.objects.select_for_update().filter(pk=regulation.pk).values_list("pk", flat=True).first()
        number = (regulation.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = RegulationVersion(
            regulation=regulation,
            number=number,
            sha256=sha,
            filename=filename,
            size=len(data),
            source_format=SourceFormat(kind),
            uploaded_by=user,
            structure=structure,
            findings=[f.to_json() for f in findings],
            not_applicable=sorted(not_applicable),
            ruleset=rule_catalogue().ruleset,
            catalogue_version=cat.version,
            skeleton_version=skeleton().version,
            as_of=day,
            profile_version=profile_version,
            note=note,
        )
        version.file.name = _store_original(data, sha, kind)
        version.save()
        VersionCitation.objects.bulk_create(
            VersionCitation(
                version=version,
                reference_key=c["reference"] or "",
                symbol_key=c["symbol_key"][:120],
                number_symbol=c["number_symbol"][:120],
                raw=c["raw"],
                article=c["article"],
                article_title=c["article_title"][:300],
                paragraph=c["paragraph"],
            )
            for c in citations
        )
        audit.record(
            user, Action.UPLOAD, version,
            changes={"file": {"old": None, "new": {"filename": filename, "sha256": sha, "size": len(data)}},
                     "findings": {"old": None, "new": version.findings_count}},
        )
    return version


# ------------------------------------------------------------------------------------------- issue
@transaction.atomic
def issue_version(version: RegulationVersion, user: Any, *, when: Any = None) -> RegulationVersion:
    """Mark a draft version as issued: the regulation becomes the organisation's issued regulation, older
    terms are superseded, and the open review tasks of the organisation are closed by this version."""
    from quyche.web.reviews import services as reviews

    if version.is_issued:
        return version
    version.issued_at = when or timezone.now()
    version.issued_by = user
    version.save()
    reg = version.regulation
    reg.status = RegulationStatus.ISSUED
    reg.save(update_fields=["status", "updated_at"])
    for older in Regulation.objects.filter(organization_id=reg.organization_id, term_start__lt=reg.term_start).exclude(
        status=RegulationStatus.SUPERSEDED
    ):
        older.status = RegulationStatus.SUPERSEDED
        older.save(update_fields=["status", "updated_at"])
    audit.record(user, Action.ISSUE, version, changes={"issued_at": {"old": None, "new": version.issued_at}})
    reviews.close_tasks_for_version(version, user)
    return version


@transaction.atomic
def delete_draft_version(version: RegulationVersion, user: Any) -> None:
    """Remove a draft uploaded by mistake (issued versions are refused); its file goes when no version uses it."""
    name, sha, text = version.file.name, version.sha256, str(version)
    pk, org_id = version.pk, version.regulation.organization_id
    version.delete()
    if name and not RegulationVersion.objects.filter(sha256=sha).exists():
        transaction.on_commit(lambda: default_storage.delete(name))
    audit.record(user, Action.DELETE, None, model=RegulationVersion._meta.label_lower, object_id=pk,
                 object_repr=text, organization_id=org_id)


# ------------------------------------------------------------------------------------------- waivers
@dataclass(slots=True)
class FindingsView:
    """Findings of a version as seen on a date: those shown and those hidden by an active waiver."""

    on: date
    visible: list[dict[str, Any]] = field(default_factory=list)
    waived: list[tuple[dict[str, Any], Waiver]] = field(default_factory=list)


def waivers_for(version: RegulationVersion) -> list[Waiver]:
    reg = version.regulation
    return list(
        Waiver.objects.filter(organization_id=reg.organization_id).filter(
            Q(scope="organization") | Q(scope="regulation", regulation_id=reg.pk) | Q(scope="version", version=version)
        )
    )


def visible_findings(version: RegulationVersion, on: date | None = None) -> FindingsView:
    """Apply the waivers active on ``on`` (default today): an expired waiver stops hiding its finding."""
    day = on or timezone.localdate()
    active = [w for w in waivers_for(version) if w.is_active(day)]
    view = FindingsView(day)
    for finding in version.findings:
        waiver = next((w for w in active if w.covers(version, finding)), None)
        if waiver is None:
            view.visible.append(finding)
        else:
            view.waived.append((finding, waiver))
    return view


@transaction.atomic
def grant_waiver(
    *,
    rule: str,
    organization: Organization,
    approver: Any,
    reason: str,
    expires: date,
    regulation: Regulation | None = None,
    version: RegulationVersion | None = None,
    paragraph: int | None = None,
) -> Waiver:
    """Record a waiver; its scope is the narrowest object given (version, else regulation, else organisation)."""
    cat = rule_catalogue()
    rule_id = cat.resolve(rule)
    if rule_id not in cat.rules:
        raise ValueError(f"không có quy tắc “{rule}” (xem: quyche rules)")
    if not reason.strip():
        raise ValueError("cần ghi lý do miễn áp dụng")
    if version is not None:
        regulation = version.regulation
    if regulation is not None and regulation.organization_id != organization.pk:
        raise ValueError("quy chế không thuộc tổ chức đã chọn")
    scope = "version" if version is not None else "regulation" if regulation is not None else "organization"
    waiver = Waiver(
        rule=rule_id, scope=scope, organization=organization,
        regulation=regulation if scope == "regulation" else (regulation if scope == "version" else None),
        version=version, paragraph=paragraph, reason=reason.strip(), approver=approver, expires=expires,
    )
    waiver.full_clean()
    waiver.save()
    audit.record(approver, Action.CREATE, waiver, changes=audit.diff(None, audit.snapshot(waiver)))
    return waiver
