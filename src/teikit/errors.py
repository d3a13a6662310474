"""Typed errors; each carries the process exit code the CLI uses."""
from __future__ import annotations

EXIT_OK = 0
EXIT_FAILED = 1  # invalid document, or some records failed
EXIT_USAGE = 2  # bad usage or unreadable input


class TeikitError(Exception):
    """Base class: a one-line message and an exit code."""

    exit_code = EXIT_FAILED

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        return f"{where}{self.message}"


class UsageError(TeikitError):
    """The command was called wrongly (unknown format, bad option)."""

    exit_code = EXIT_USAGE


class InputError(TeikitError):
    """An input cannot be read or understood (missing, binary, not UTF-8, no record)."""

    exit_code = EXIT_USAGE


class XMLInputError(InputError):
    """An XML input is not well-formed or is unsafe (entities, DTD)."""


class OutputError(TeikitError):
    """An output cannot be written (disk full, read-only folder, no permission)."""

    exit_code = EXIT_FAILED


class InvalidDocument(TeikitError):
    """A document failed validation."""

    exit_code = EXIT_FAILED
