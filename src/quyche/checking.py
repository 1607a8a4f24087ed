"""Check files: the programmatic entry point the CLI (and later the web app) use."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path

from quyche.engine import Checker, Result, Selection
from quyche.errors import QuycheError, ReadError
from quyche.profile import Profile, load_profile
from quyche.readers import SUPPORTED_SUFFIXES, read_document
from quyche.references import ReferenceCatalogue, load_catalogue
from quyche.rules.base import Context, Settings


@dataclass(frozen=True, slots=True)
class Job:
    path: str
    profile_path: str | None
    as_of: date
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    overrides: tuple[tuple[str, str], ...] = ()
    settings: Settings = field(default_factory=Settings)
    catalogues: tuple[str, ...] = ()  # board overlay files on top of the packaged reference catalogue


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Files as given, and folders searched recursively for supported suffixes (sorted)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES and not child.name.startswith("~$"):
                    yield str(child)
        else:
            yield raw


def profile_beside(path: str) -> str | None:
    """``NAME.profile.yaml`` next to ``NAME.docx`` is that document's profile (contract.md §2)."""
    p = Path(path)
    for suffix in (".profile.yaml", ".profile.yml"):
        candidate = p.with_name(p.stem + suffix)
        if candidate.is_file():
            return str(candidate)
    return None


@cache
def _checker(select: tuple[str, ...], ignore: tuple[str, ...], overrides: tuple[tuple[str, str], ...]) -> Checker:
    return Checker(Selection(select, ignore), dict(overrides))


@cache
def _profile(path: str) -> Profile:
    return load_profile(path)


@cache
def reference_catalogue(paths: tuple[str, ...]) -> ReferenceCatalogue:
    """The packaged catalogue with the board's overlay files applied (validated as a whole)."""
    return load_catalogue(*paths)


def run_job(job: Job) -> Result:
    """Read and check one file; every failure becomes ``Result.error``, never an exception."""
    result = Result(file=job.path)
    try:
        profile = _profile(job.profile_path) if job.profile_path else None
        overrides: Mapping[str, str] = dict(job.overrides)
        if profile is not None and profile.rule_overrides:
            overrides = {**overrides, **profile.rule_overrides}
        checker = _checker(job.select, job.ignore, tuple(sorted(overrides.items())))
        doc = read_document(job.path)
        settings = job.settings
        if job.catalogues:
            extra = {**settings.extra, "reference_catalogue": reference_catalogue(job.catalogues)}
            settings = replace(settings, extra=extra)
        ctx = Context(as_of=job.as_of, profile=profile, settings=settings)
        result.document = doc
        result.findings, result.not_applicable = checker.run(doc, ctx)
    except QuycheError as exc:
        result.error = exc if isinstance(exc, ReadError) else ReadError(exc.message, exc.code)
        result.document = None
        result.findings = []
    except (RecursionError, MemoryError) as exc:
        result.error = ReadError(f"tệp bất thường, không xử lý được ({type(exc).__name__})", "unsafe")
        result.document = None
    return result
