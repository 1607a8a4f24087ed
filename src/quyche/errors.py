"""Errors that carry a one-line Vietnamese reason for the person running quyche."""

from __future__ import annotations


class QuycheError(Exception):
    """Base class: ``code`` is stable (for JSON), ``message`` is for people."""

    code = "error"

    def __init__(self, message: str, code: str | None = None) -> None:
        message = " ".join(message.split())  # one line, whatever a library's text brought in
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class ReadError(QuycheError):
    """An input file could not be read safely; nothing else is affected."""

    code = "unreadable"


class UsageError(QuycheError):
    code = "usage"
