"""The site's pages: each built as a small page description (HTML content with no namespace)
and turned into a full page by transforms/site/page.xsl, so every page has the same header,
navigation, breadcrumbs and footer. A record's page is the HTML reader's page
(transforms/html/tei-to-html.xsl) moved into that frame, with downloads, citation meta tags,
links to the registers and the search index's filters added."""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from ..resources import transforms_dir
from ..tei import parse_xml_file

_ACCESS = etree.XSLTAccessControl(read_file=False, write_file=False, create_dir=False,
                                  read_network=False, write_network=False)
FACETS = {"year": "Year", "author": "Author or sender", "recipient": "Recipient", "language": "Original language",
          "archive": "Archive or collection", "type": "Record type", "person": "People mentioned",
          "place": "Places mentioned"}
KIND_PAGES = {"person": ("persons", "People"), "place": ("places", "Places"),
              "organisation": ("organisations", "Organisations")}


@dataclass(frozen=True)
class Frame:
    """What every page shares: the edition's title and whether it has a map page."""

    title: str = "Digital edition"
    has_map: bool = False


@functools.lru_cache(maxsize=None)
def _page_xslt() -> etree.XSLT:
    return etree.XSLT(parse_xml_file(transforms_dir() / "site" / "page.xsl"), access_control=_ACCESS)


def E(tag: str, attrs: dict | None = None, *children) -> etree._Element:
    """An element with attributes (None values left out) and children (str: text)."""
    el = etree.Element(tag, {k: str(v) for k, v in (attrs or {}).items() if v is not None})
    for child in children:
        add(el, child)
    return el


def add(parent: etree._Element, child) -> None:
    if child is None:
        return
    if isinstance(child, (list, tuple)):
        for c in child:
            add(parent, c)
    elif isinstance(child, str):
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + child
        else:
            parent.text = (parent.text or "") + child
    else:
        parent.append(child)


def page(kind: str, title: str, crumbs: list[tuple[str, str]], content, *, lang: str = "en",
         head=(), scripts=(), pager: bool = False) -> etree._Element:
    """A page description for page.xsl. crumbs: (href from the root, label)."""
    root = E("page", {"kind": kind, "title": title, "lang": lang or "en"})
    add(root, list(head))
    for href, label in crumbs:
        add(root, E("crumb", {"href": href}, label))
    if pager:
        add(root, E("pager"))
    add(root, E("content", None, content))
    for src, typ in scripts:
        add(root, E("script", {"src": src, "type": typ}))
    return root


def render(description: etree._Element, frame: Frame, depth: int) -> bytes:
    """The HTML of a page description; depth: folders between the page and the site root."""
    description.set("root", "../" * depth)
    description.set("site-title", frame.title)
    description.set("built", f"{frame.title} · built with teikit from TEI P5")
    description.set("map", "yes" if frame.has_map else "no")
    return bytes(_page_xslt()(etree.ElementTree(description)))


# --- record pages ---------------------------------------------------------------------------

PAGER = re.compile(rb"<!--pager-->.*?<!--/pager-->", re.S)


def pager_html(prev: tuple[str, str] | None, nxt: tuple[str, str] | None) -> bytes:
    """The previous/next links of a record page (slug, title of each neighbour)."""
    nav = E("nav", {"class": "pager", "aria-label": "Records in date order"})
    if prev:
        add(nav, E("a", {"rel": "prev", "href": f"{prev[0]}.html"}, "← ", E("span", None, prev[1])))
    add(nav, E("a", {"href": "../index.html", "class": "up"}, "All records"))
    if nxt:
        add(nav, E("a", {"rel": "next", "href": f"{nxt[0]}.html"}, E("span", None, nxt[1]), " →"))
    return b"<!--pager-->" + etree.tostring(nav, method="html", encoding="utf-8") + b"<!--/pager-->"


def set_pager(html: bytes, pager: bytes) -> bytes:
    return PAGER.sub(lambda _: pager, html, count=1)


def record_page(reader: etree._ElementTree, slug: str, info: dict, downloads: list[tuple[str, str]],
                ref_keys: dict[str, str], facet_labels: dict[str, list[str]]) -> etree._Element:
    """The reader's page in the site frame. ref_keys: authority id -> register key;
    facet_labels: the search filters of the record (facet -> values)."""
    html = reader.getroot()
    head = [el for el in html.iterfind("head/style")]
    head += citation_meta(info, slug)
    body = html.find("body")
    content = []
    for el in list(body) if body is not None else []:
        if el.tag == "a" and "skip" in (el.get("class") or "").split():
            continue  # the frame has its own skip link
        if el.tag == "footer":
            continue  # the frame's footer replaces the reader's
        if el.tag == "main":
            content.extend(el)  # the frame has its own main: the reader's articles go in it
            continue
        content.append(el)
    articles = [el for el in content if el.tag == "article"]
    for k, article in enumerate(articles):  # a teiCorpus is one article per TEI
        _mark_for_search(article, facet_labels if k == 0 else {})
        _link_registers(article, ref_keys)
    if articles:
        _add_downloads(articles[0], downloads)
    for el in content:
        if isinstance(el.tag, str):
            _valid_in_frame(el)
    _unique_regions([el for el in content if isinstance(el.tag, str)])
    title = info.get("title") or slug
    crumbs = [("index.html", "Records")]
    if info.get("year"):
        crumbs.append((f"index.html#y-{info['year']}", info["year"]))
    crumbs.append((f"records/{slug}.html", title))
    return page("record", title, crumbs, content, lang=html.get("lang") or info.get("lang") or "en",
                head=head, pager=True)


def _valid_in_frame(tree: etree._Element) -> None:
    """What the reader writes for a page of its own, made accessible inside the frame (axe): a
    link whose visible text is not in its aria-label (a note's number) gets it at the start of
    the label. (The reader's main is unwrapped by record_page; its dates are valid as written.)"""
    for el in list(tree.iter("a")):
        if el.get("aria-label") and (text := "".join(el.itertext()).strip()) \
                and text not in el.get("aria-label"):
            el.set("aria-label", f"{text}, {el.get('aria-label')}")


def _unique_regions(trees: list[etree._Element]) -> None:
    """Labelled sections are landmarks and must differ (axe): a repeated label gets the label or
    language of the section around it ("Notes, translation en")."""
    sections = [el for tree in trees for el in tree.iter("section") if el.get("aria-label")]
    seen = Counter(el.get("aria-label") for el in sections)
    for el in sections:
        if seen[el.get("aria-label")] > 1:
            outer = next((a for a in el.iterancestors() if a.get("aria-label") or a.get("lang")), None)
            if outer is not None:
                el.set("aria-label", f"{el.get('aria-label')}, {outer.get('aria-label') or outer.get('lang')}")


def citation_meta(info: dict, slug: str) -> list[etree._Element]:
    """Highwire Press and Dublin Core meta tags (read by Zotero and Google Scholar)."""
    metas = [("citation_title", info.get("title")), ("DC.title", info.get("title"))]
    if info.get("date"):
        metas += [("citation_date", info["date"].replace("-", "/")), ("DC.date", info["date"])]
    for author in info["facets"].get("author", []):
        metas += [("citation_author", author), ("DC.creator", author)]
    for archive in info["facets"].get("archive", []):
        metas += [("citation_publisher", archive), ("DC.publisher", archive)]
    for language in info["facets"].get("language", []):
        metas.append(("citation_language", language))
    if info.get("summary"):
        metas.append(("DC.description", info["summary"]))
    metas.append(("DC.type", "Text"))
    out = [E("meta", {"name": name, "content": value}) for name, value in metas if value]
    out.append(E("link", {"rel": "alternate", "type": "application/tei+xml", "href": f"{slug}.tei.xml"}))
    return out


def _mark_for_search(article: etree._Element, facet_labels: dict[str, list[str]]) -> None:
    article.set("data-pagefind-body", "")
    h1 = article.find(".//h1")
    if h1 is not None:
        h1.set("data-pagefind-meta", "title")
    for el in article.iter():
        cls = (el.get("class") or "").split()
        if el.tag == "table" and "pairs" in cls or el.tag == "section" and "authority" in cls:
            el.set("data-pagefind-ignore", "")
    if not facet_labels:
        return
    filters = E("div", {"hidden": "hidden", "class": "search-filters"})
    for facet, values in facet_labels.items():
        for value in values:
            add(filters, E("span", {"data-pagefind-filter": facet}, value))
    add(article, filters)


def _add_downloads(article: etree._Element, downloads: list[tuple[str, str]]) -> None:
    box = E("section", {"class": "downloads", "aria-labelledby": "downloads-h"},
            E("h2", {"id": "downloads-h"}, "Download"),
            E("ul", None, [E("li", None, E("a", {"href": href, "download": ""}, label)) for href, label in downloads]))
    header = article.find("header")
    add(header if header is not None else article, box)


def _link_registers(article: etree._Element, ref_keys: dict[str, str]) -> None:
    """Each authority entry of the reader links to its register page."""
    for li in article.iter("li"):
        rid = li.get("id") or ""
        if rid.startswith("ent-") and rid[4:] in ref_keys:
            add(li, " ")
            add(li, E("a", {"class": "register", "href": f"../registers/{file_key(ref_keys[rid[4:]])}.html"}, "in the register"))


def file_key(key: str) -> str:
    """A register key as a file name: ASCII letters, digits, '-', '_' only."""
    safe = re.sub(r"[^A-Za-z0-9_-]+", "_", key)
    return safe if safe == key else f"{safe}-{abs(hash_text(key)) % 10**8}"


def hash_text(text: str) -> int:
    import zlib

    return zlib.crc32(text.encode("utf-8"))
