"""Download tei_all.rng into the user cache: checked to be a RELAX NG grammar, written atomically."""
from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

from ..errors import InputError, TeikitError
from ..tei import parse_xml_bytes
from .grammar import rng_name
from .schemas import cached_tei_all

_MAX_BYTES = 64 * 1024 * 1024


class FetchError(TeikitError):
    """The schema could not be downloaded (network, HTTP status, not a grammar)."""


def fetch_tei_all(url: str, *, timeout: float = 60.0, target: Path | None = None) -> Path:
    """Download url to the cache (or target) after checking it is a RELAX NG grammar."""
    data = download(url, timeout=timeout)
    check_grammar(data, url)
    target = target or cached_tei_all()
    from ..io import atomic_write

    try:
        atomic_write(target, data)
    except OSError as exc:
        raise FetchError(f"cannot write {target}: {exc.strerror}") from None
    return target


def download(url: str, *, timeout: float) -> bytes:
    if not url.startswith(("http://", "https://")):
        raise FetchError(f"not an http(s) URL: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": "teikit"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(_MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"{url}: cannot download: {reason}") from None
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
