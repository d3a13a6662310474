"""Running the shipped XSLT stylesheets: each compiled once per process."""
from __future__ import annotations

import functools

from lxml import etree

from ..errors import TeikitError
from ..resources import transforms_dir
from ..tei import parse_xml_file

_ACCESS = etree.XSLTAccessControl(read_file=False, write_file=False, create_dir=False,
                                  read_network=False, write_network=False)


class ExportError(TeikitError):
    """A stylesheet failed on a document."""


def stylesheet_path(fmt: str):
    return transforms_dir() / fmt / f"tei-to-{fmt}.xsl"


@functools.lru_cache(maxsize=None)
def stylesheet(fmt: str) -> etree.XSLT:
    """The compiled stylesheet for `fmt` (imports in transforms/common resolve from its folder)."""
    return etree.XSLT(parse_xml_file(stylesheet_path(fmt)), access_control=_ACCESS)


def transform(fmt: str, doc: etree._ElementTree, **params: str) -> etree._XSLTResultTree:
    """Apply the `fmt` stylesheet; string parameters are quoted for XSLT."""
    xslt = stylesheet(fmt)
    quoted = {key.replace("_", "-"): etree.XSLT.strparam(value) for key, value in params.items()}
    try:
        return xslt(doc, **quoted)
    except etree.XSLTApplyError as exc:
        raise ExportError(f"{fmt} export failed: {exc}", file=doc.docinfo.URL or None) from None


def run_bytes(fmt: str, doc: etree._ElementTree, **params: str) -> bytes:
    """Apply the stylesheet and serialise as its xsl:output says."""
    return bytes(transform(fmt, doc, **params))
