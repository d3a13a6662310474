"""Where the schemas are: tei_all (option, env var, user cache, the copy in the wheel) and
teikit's own profile."""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from ..errors import UsageError
from ..resources import schema_dir

ENV_TEI_ALL = "TEIKIT_TEI_ALL"
ENV_CACHE = "TEIKIT_CACHE_DIR"
TEI_ALL_URL = "https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"


class SchemaError(UsageError):
    """A schema file that is not a usable RELAX NG grammar or Schematron schema (exit 2)."""


def user_cache_dir() -> Path:
    """$TEIKIT_CACHE_DIR, else $XDG_CACHE_HOME/teikit, else ~/.cache/teikit."""
    explicit = os.environ.get(ENV_CACHE)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "teikit"


def cached_tei_all() -> Path:
    """Where `teikit schema fetch` puts tei_all.rng."""
    return user_cache_dir() / "schema" / "tei_all.rng"


def shipped_tei_all() -> Path:
    """The tei_all.rng shipped in the wheel (TEI P5 4.12.0; see NOTICE)."""
    return _shipped_schema("tei_all.rng")


def find_tei_all(explicit: str | None = None) -> Path | None:
    """tei_all.rng from an explicit path, $TEIKIT_TEI_ALL, the user cache (`teikit schema
    fetch`), or the copy shipped in the wheel; None only if every one is absent."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise UsageError(f"schema not found: {explicit}")
        return path
    env = os.environ.get(ENV_TEI_ALL)
    if env:
        path = Path(env)
        if not path.is_file():
            raise UsageError(f"${ENV_TEI_ALL} points to a missing file: {env}")
        return path
    for candidate in (cached_tei_all(), shipped_tei_all()):
        if candidate.is_file():
            return candidate
    return None


NOT_FOUND_HINT = ("pass --tei-all PATH, set $TEIKIT_TEI_ALL, or run `teikit schema fetch` "
                  "(or `teikit schema fetch --from PATH` for a local copy)")

_EDITION = re.compile(rb"TEI Edition:\s*P5\s+Version\s+([0-9][0-9A-Za-z.\-]*?)\.?\s")


def tei_all_version(path: Path) -> str | None:
    """The TEI P5 version named in a tei_all.rng's header comment ("4.12.0"), if any."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    found = _EDITION.search(head.replace("\u00a0".encode(), b" "))
    return found.group(1).decode() if found else None


def teikit_rng() -> Path:
    return _shipped_schema("teikit.rng")


def teikit_sch() -> Path:
    return _shipped_schema("teikit.sch")


@lru_cache(maxsize=None)
def _shipped_schema(name: str) -> Path:
    """Where a schema shipped with teikit is (found once: validate() asks for every document)."""
    return schema_dir() / name


_RESOLVED: dict = {}


def resolved(path: Path) -> str:
    """str(path.resolve()), remembered per path (and working directory, for a relative path):
    resolving looks at every directory on the way, and schema caches ask for every document.
    Schema caches also key on the file's size and modification time, read each time, so a
    link later pointed at another file still gives another key (unless both match too)."""
    raw = str(path)
    where = raw if os.path.isabs(raw) else (os.getcwd(), raw)
    found = _RESOLVED.get(where)
    if found is None:
        if len(_RESOLVED) > 1000:
            _RESOLVED.clear()
        found = _RESOLVED[where] = str(Path(path).resolve())
    return found
