"""``quyche draft PROFILE -o OUT [--as-of D] [--date D] [--number N] [--kind K] [--format F]``.

Dates: ``--date`` is printed on the document; ``--as-of`` is the day the bases must be current on. Either
defaults to the other, both to today. Exit status 0 when the file was written, 2 for a bad command line or
profile (one-line message, no traceback).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from quyche.draft import DraftError, compose, render
from quyche.draft.model import Draft
from quyche.errors import QuycheError
from quyche.profile import Profile, load_profile
from quyche.references import ReferenceCatalogue, load_catalogue, packaged_catalogue

EXIT_OK, EXIT_INPUT = 0, 2


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DraftError(f"{option} cần ngày dạng YYYY-MM-DD, nhận được “{value}”") from None


def _warnings(profile: Profile, draft: Draft, doc_date: date, as_of: date, numbered: bool,
              cat: ReferenceCatalogue) -> list[str]:
    out = list(draft.notes)
    if numbered and doc_date > as_of:
        out.append(f"Ngày văn bản {doc_date.isoformat()} sau ngày đối chiếu {as_of.isoformat()} (TERM-DATE-FUTURE).")
    if as_of > doc_date:
        for item in cat.expected_basis_items(profile, doc_date):
            ref = item.reference
            if ref is not None and not cat.in_force(ref, as_of):
                out.append(f"Căn cứ {ref.label} không còn hiệu lực vào ngày {as_of.isoformat()}: "
                           "cân nhắc ghi ngày văn bản muộn hơn (REF-SUPERSEDED).")
    if not numbered:
        out.append("Bản “Dự thảo”: chưa có số văn bản và chưa in tên người ký; khi ban hành, soạn lại với --number.")
    return out


def run(profile_path: Path, output: Path, as_of: str | None, on: str | None, number: int | None, kind: str,
        fmt: str | None, catalogue_files: list[Path], out: Console, err: Console) -> int:
    try:
        given_as_of, given_date = _day(as_of, "--as-of"), _day(on, "--date")
        doc_date = given_date or given_as_of or date.today()
        check_day = given_as_of or doc_date
        chosen = fmt or ("md" if output.suffix.lower() == ".md" else "docx")
        if chosen not in ("docx", "md"):
            raise DraftError(f"--format chỉ nhận docx hoặc md, nhận được “{chosen}”")
        profile = load_profile(profile_path)
        cat = load_catalogue(*catalogue_files) if catalogue_files else packaged_catalogue()
        result = compose(profile, doc_date, number=number, kind=kind, catalogue=cat)
        data = render(result, chosen)
        output.write_bytes(data)
    except (QuycheError, DraftError) as exc:
        message = exc.message if isinstance(exc, QuycheError) else str(exc)
        err.print(f"[bold red]Lỗi:[/] {escape(message)}")
        return EXIT_INPUT
    except OSError as exc:
        err.print(f"[bold red]Lỗi:[/] không ghi được {escape(str(output))}: {escape(exc.strerror or str(exc))}")
        return EXIT_INPUT
    articles = sum(1 for page in result.pages for line in page.body if line.role == "dieu")
    out.print(f"Đã soạn {escape(str(output))}: {result.pages[0].type_name} {escape(result.pages[0].summary)} "
              f"({articles} điều, ngày {doc_date.isoformat()})")
    for note in _warnings(profile, result, doc_date, check_day, number is not None, cat):
        err.print(f"[yellow]Lưu ý:[/] {escape(note)}")
    return EXIT_OK
