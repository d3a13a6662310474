"""The wheel carries what a fresh, offline install needs: tei_all, teikit's schemas, transforms,
the sample record, and the NOTICE that names tei_all's version, origin and licence."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory) -> set[str]:
    pytest.importorskip("setuptools")
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), str(REPO)],
        capture_output=True, text=True, cwd=out)
    assert build.returncode == 0, build.stderr
    (wheel,) = out.glob("teikit-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_wheel_ships_tei_all_and_teikit_schemas(wheel_names):
    for name in ("tei_all.rng", "teikit.rng", "teikit.sch"):
        assert f"teikit/_shipped/schema/{name}" in wheel_names


def test_wheel_ships_transforms_and_the_sample(wheel_names):
    assert "teikit/_shipped/transforms/html/tei-to-html.xsl" in wheel_names
    assert "teikit/_shipped/corpus/wilson-110390.txt" in wheel_names


def test_wheel_ships_the_notice(wheel_names):
    assert any(name.endswith(".dist-info/licenses/NOTICE") or name.endswith(".dist-info/NOTICE")
               for name in wheel_names)


def test_notice_names_tei_all_version_and_licence():
    notice = (REPO / "NOTICE").read_text(encoding="utf-8")
    assert "TEI P5 Version 4.12.0" in notice and "BSD 2-Clause" in notice
    import hashlib

    digest = hashlib.sha256((REPO / "schema" / "tei_all.rng").read_bytes()).hexdigest()
    assert digest in notice
