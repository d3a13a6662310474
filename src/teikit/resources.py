"""Where shipped files (transforms, schema, data) live, installed or in a checkout."""
from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    inside = _PACKAGE_DIR / "_shipped" / name
    if inside.exists():
        return inside
    return _PACKAGE_DIR.parents[1] / name  # src/teikit -> repository root


def transforms_dir() -> Path:
    return _shipped("transforms")


def schema_dir() -> Path:
    return _shipped("schema")


def corpus_dir() -> Path:
    return _shipped("corpus")


def data_dir() -> Path:
    return _PACKAGE_DIR / "data"


def bundled_sample() -> Path:
    """The sample record shipped with teikit: the default input of `teikit encode`."""
    return corpus_dir() / "wilson-110390.txt"
