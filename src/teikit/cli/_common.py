"""Helpers shared by the command modules: one-line errors and exit codes."""
from __future__ import annotations

import functools
import sys

import click

from ..errors import TeikitError


def fail(message: str, code: int) -> None:
    click.echo(f"teikit: {message}", err=True)
    sys.exit(code)


def reports_errors(func):
    """Turn TeikitError (and a few OS errors) into one stderr line and its exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except TeikitError as exc:
            fail(str(exc), exc.exit_code)
        except BrokenPipeError:
            sys.exit(1)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except MemoryError:  # a memory cap (ulimit -v, a container): one line, not a traceback
            fail("out of memory (the input is too large for the memory available)", 1)

    return wrapper
