"""Django's manage.py for quyche: ``python -m quyche.web.manage migrate`` (or any Django command)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quyche.web.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(list(argv) if argv is not None else sys.argv)


if __name__ == "__main__":
    main()
