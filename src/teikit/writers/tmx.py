"""TMX 1.4 translation memory of the aligned sentences (transforms/tmx/tei-to-tmx.xsl)."""
from __future__ import annotations

from .. import __version__
from ._xslt import run_bytes


def write(doc, options) -> bytes:
    """One translation unit per aligned bead, the original language as source."""
    return run_bytes("tmx", doc, version=__version__)
