"""`teikit site`: a folder of TEI and records as a static digital edition.

build_site(src, out, SiteOptions(...)) writes one page per record (the HTML reader in the
site's frame, with previous/next links, downloads and citation meta tags), a browse list with
facets, registers of people, places and organisations merged across records, a timeline, a map
when places have coordinates, and a Pagefind search index. See docs/site.md.
"""
from __future__ import annotations

from .build import SiteOptions, SiteResult, build_site

__all__ = ["SiteOptions", "SiteResult", "build_site"]
