"""Shared fixtures: paths to ../shared (read in place, never copied) and the compiled tei_all."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TEI_ALL = SHARED / "schema" / "tei_all.rng"
SAMPLE = REPO / "corpus" / "wilson-110390.txt"
PDF_TEXTS = SHARED / "corpus" / "wilson-pdf-text"
TEI_SAMPLES = SHARED / "tei-samples"


def pytest_addoption(parser):
    parser.addoption("--accept", action="store_true", help="regenerate golden files (review with git diff)")


@pytest.fixture(scope="session")
def accept(request) -> bool:
    return request.config.getoption("--accept")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def tei_all_rng():
    """lxml's RelaxNG of the full tei_all grammar (compiled once per session: ~17 s)."""
    from lxml import etree

    if not TEI_ALL.exists():
        pytest.skip("../shared/schema/tei_all.rng not found")
    return etree.RelaxNG(etree.parse(str(TEI_ALL)))


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def no_tei_all(tmp_path, monkeypatch):
    """A machine where no tei_all can be found: empty user cache, no $TEIKIT_TEI_ALL, and the
    copy shipped in the wheel missing (as in a stripped install)."""
    from teikit.validate import schemas

    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path / "empty-cache"))
    monkeypatch.delenv("TEIKIT_TEI_ALL", raising=False)
    monkeypatch.setattr(schemas, "shipped_tei_all", lambda: tmp_path / "not-shipped" / "tei_all.rng")
