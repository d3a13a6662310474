"""Reading inputs and writing outputs: one-line errors, atomic writes, inputs never overwritten."""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable

from .errors import InputError, OutputError, UsageError


def read_input_bytes(path: str, *, error: type[InputError] = InputError, max_bytes: int | None = None) -> tuple[bytes, str]:
    """Return (bytes, display name) of a file or '-' (stdin); unreadable -> `error` naming it."""
    if path == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    name = str(path)
    try:
        if max_bytes is not None and Path(path).stat().st_size > max_bytes:
            raise error("file too large", file=name)
        return Path(path).read_bytes(), name
    except FileNotFoundError:
        raise error("no such file", file=name) from None
    except IsADirectoryError:
        raise error("is a directory, expected a file", file=name) from None
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", file=name) from None


def read_text_input(path: str) -> tuple[str, str]:
    """Return (text, display name) for a path or '-' (stdin); UTF-8 only."""
    data, name = read_input_bytes(path)
    return decode_text(data, name), name


def decode_text(data: bytes, name: str) -> str:
    if not data.strip():
        raise InputError("empty file", file=name)
    if b"\x00" in data:
        raise InputError("binary file, expected UTF-8 text", file=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 (byte 0x{data[exc.start]:02x})", file=name, line=line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def write_output(data: bytes | Writer, output: str | None, *, inputs: tuple[str, ...] = ()) -> None:
    """Write to stdout ('-' or None) or atomically to a file that is not one of the inputs.
    `data` is bytes, or a function that writes them to a binary file (`tei.serializer`)."""
    if output in (None, "-"):
        try:
            _put(sys.stdout.buffer, data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _write_error(exc, Path("<stdout>")) from None
        return
    target = Path(output)
    if target.is_dir() or output.endswith(("/", os.sep)):
        raise UsageError("is a directory; give a file name for -o (a directory takes several inputs)", file=output)
    for inp in inputs:
        if inp != "-" and Path(inp).exists() and target.exists() and os.path.samefile(inp, target):
            raise UsageError("refusing to overwrite the input file", file=output)
    atomic_write(target, data)


Writer = Callable[[BinaryIO], None]


def _put(fh: BinaryIO, data: bytes | Writer) -> None:
    if callable(data):
        data(fh)
    else:
        fh.write(data)


def _write_error(exc: OSError, target: Path) -> OutputError:
    reason = exc.strerror or type(exc).__name__
    return OutputError(f"cannot write: {reason}", file=str(target))


def _new_file_mode() -> int:
    """The mode open() gives a new file: 0666 less the process's umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_NEW_FILE_MODE = _new_file_mode()


def atomic_write(target: Path, data: bytes | Writer) -> None:
    """Write via a temporary file in the same folder and rename: never half-written. A symbolic
    link keeps its place (the file it names is replaced), a file keeps its mode, and a device or
    pipe (`-o /dev/null`, `-o /dev/stdout`) is written to as it is: renaming over it would put a
    regular file in its place (as root, /dev/null itself)."""
    try:
        _atomic_write(Path(target), data)
    except OSError as exc:
        raise _write_error(exc, Path(target)) from None


def _atomic_write(target: Path, data: bytes | Writer) -> None:
    target = Path(os.path.realpath(target))
    existing = _mode(target)
    if existing is not None and stat.S_ISDIR(existing):
        raise IsADirectoryError(21, "is a directory")
    if existing is not None and not stat.S_ISREG(existing) and not stat.S_ISDIR(existing):
        with open(target, "wb") as fh:
            _put(fh, data)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            _put(fh, data)
        # mkstemp makes it private (0600): give it the mode of the file it replaces, or a new file's
        os.chmod(tmp, stat.S_IMODE(existing) if existing is not None else _NEW_FILE_MODE)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _mode(path: Path) -> int | None:
    try:
        return os.stat(path).st_mode
    except OSError:
        return None
