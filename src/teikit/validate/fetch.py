"""Update tei_all.rng in the user cache from a URL or a local file: checked to be a RELAX NG
grammar, written atomically. The copy shipped in the wheel is used until then."""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from ..errors import InputError, TeikitError
from ..io import atomic_write
from ..tei import parse_xml_bytes
from .grammar import rng_name
from .schemas import cached_tei_all

_MAX_BYTES = 64 * 1024 * 1024


class FetchError(TeikitError):
    """The schema could not be downloaded (network, HTTP status, not a grammar)."""


def fetch_tei_all(source: str, *, timeout: float = 60.0, target: Path | None = None) -> Path:
    """Copy source (an http(s) or file: URL, or a path) to the cache (or target) after
    checking it is a RELAX NG grammar."""
    data = read_source(source, timeout=timeout)
    check_grammar(data, source)
    target = target or cached_tei_all()
    try:
        atomic_write(target, data)
    except OSError as exc:
        raise FetchError(f"cannot write {target}: {exc.strerror}") from None
    return target


def read_source(source: str, *, timeout: float) -> bytes:
    """The bytes of an http(s) URL, a file: URL or a local path."""
    if source.startswith(("http://", "https://")):
        return download(source, timeout=timeout)
    if "://" in source and not source.startswith("file://"):
        raise FetchError(f"not an http(s) or file: URL, nor a path: {source}")
    path = Path(urllib.parse.unquote(urllib.parse.urlsplit(source).path)) if source.startswith("file://") else Path(source)
    try:
        with open(path, "rb") as handle:
            data = handle.read(_MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror}") from None
    if len(data) > _MAX_BYTES:
        raise FetchError(f"{source}: larger than {_MAX_BYTES // (1024 * 1024)} MB, not a schema")
    return data


def download(url: str, *, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "teikit"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(_MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"{url}: cannot download ({reason}); offline? the tei_all shipped with "
                         "teikit is still used; `teikit schema fetch --from PATH` takes a local copy") from None
    if len(data) > _MAX_BYTES:
        raise FetchError(f"{url}: larger than {_MAX_BYTES // (1024 * 1024)} MB, not a schema")
    return data


def check_grammar(data: bytes, url: str) -> None:
    try:
        root = parse_xml_bytes(data, url).getroot()
    except InputError as exc:
        raise FetchError(f"{url}: not a RELAX NG schema ({exc.message})") from None
    if rng_name(root) != "grammar":
        raise FetchError(f"{url}: not a RELAX NG grammar (root element {root.tag})")
