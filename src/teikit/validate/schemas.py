"""Where the schemas are: tei_all (option, env var, user cache) and teikit's own profile."""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import UsageError

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


def find_tei_all(explicit: str | None = None) -> Path | None:
    """tei_all.rng from an explicit path, $TEIKIT_TEI_ALL, or the user cache; None if absent."""
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
    cached = cached_tei_all()
    return cached if cached.is_file() else None


def teikit_rng() -> Path:
    from ..resources import schema_dir

    return schema_dir() / "teikit.rng"


def teikit_sch() -> Path:
    from ..resources import schema_dir

    return schema_dir() / "teikit.sch"
