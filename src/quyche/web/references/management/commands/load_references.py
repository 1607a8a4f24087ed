"""``python -m quyche.web.manage load_references [--update]``: import quyche's packaged catalogue."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from quyche.web.references.services import load_packaged_references


class Command(BaseCommand):
    help = "Nạp danh mục văn bản cấp trên đóng gói cùng quyche vào cơ sở dữ liệu."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--update",
            action="store_true",
            help="cập nhật cả các văn bản đã nạp trước (không đụng bản ghi do cơ quan giám sát sửa)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = load_packaged_references(update=bool(options["update"]))
        self.stdout.write(
            f"Danh mục {result.version}: thêm {len(result.created)}, cập nhật {len(result.updated)}, "
            f"giữ nguyên {result.unchanged}."
        )
