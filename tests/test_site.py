"""teikit site: what is extracted from a document, how entities merge across documents, the
facets and registers, incremental rebuilds and broken inputs. Built from small TEI documents
written here (no encoding, no search index), so the module runs in a few seconds; the browser
test of the whole site is tests/test_site_browser.py."""
from __future__ import annotations

import json
import re
import shutil
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from teikit.cli import cli
from teikit.site import SiteOptions, build_site
from teikit.site.extract import document_info, entity_key, mentions, primary_name
from teikit.site.pages import merge_entity, parse_geo
from teikit.tei import parse_xml_bytes

FAST = SiteOptions(title="Test", jobs=1, search=False)


def tei(title: str, when: str, sender: str, body: str, standoff: str = "", lang: str = "en") -> bytes:
    return f"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="{lang}"><teiHeader><fileDesc>
<titleStmt><title>{title}</title></titleStmt><publicationStmt><distributor>Some Archive</distributor></publicationStmt>
<sourceDesc><p>born digital</p></sourceDesc></fileDesc><profileDesc>
<creation><date when="{when}">{when}</date></creation>
<correspDesc><correspAction type="sent"><persName>{sender}</persName></correspAction></correspDesc>
<textClass><keywords><term>Letter</term></keywords></textClass></profileDesc></teiHeader>
<text><body><div xml:lang="{lang}">{body}</div></body></text><standOff>{standoff}</standOff></TEI>""".encode()


PERSON_A = """<listPerson><person xml:id="lenin"><persName xml:lang="en">Vladimir Lenin</persName>
<persName xml:lang="ru">Владимир Ленин</persName><idno type="wikidata">Q1394</idno></person></listPerson>
<listPlace><place xml:id="kazan"><placeName xml:lang="en">Kazan</placeName><location><geo>55.79 49.12</geo></location></place></listPlace>"""
PERSON_B = """<listPerson><person xml:id="p1"><persName xml:lang="zh-Hans">列宁</persName>
<idno type="wikidata">http://www.wikidata.org/entity/Q1394</idno></person></listPerson>"""


def doc_a() -> bytes:
    return tei("First letter", "1917-04-03", "Someone",
               '<p><s xml:id="s1">We met <persName ref="#lenin">Lenin</persName> in <placeName ref="#kazan">Kazan</placeName>.</s>'
               ' <s xml:id="s2">Nothing else.</s></p>', PERSON_A)


def doc_b() -> bytes:
    return tei("Second letter", "1920-05-01", "Another",
               '<p><s xml:id="zh-s4">我们见到了<persName ref="#p1">列宁</persName>。</s></p>', PERSON_B, lang="zh-Hans")


def test_document_info_reads_header_and_facets():
    info = document_info(parse_xml_bytes(doc_a()).getroot())
    assert (info["title"], info["date"], info["year"]) == ("First letter", "1917-04-03", "1917")
    assert info["facets"]["author"] == ["Someone"]
    assert info["facets"]["archive"] == ["Some Archive"]
    assert info["facets"]["type"] == ["Letter"]
    assert info["facets"]["language"] == ["en"]


def test_document_without_header_fields_gets_empty_facets():
    root = parse_xml_bytes(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>'
                           b'</titleStmt></fileDesc></teiHeader><text><body><p>x</p></body></text></TEI>').getroot()
    info = document_info(root)
    assert info["date"] == "" and info["facets"]["year"] == [] and info["facets"]["author"] == []


def test_mentions_carry_sentence_id_and_context():
    found, entities = mentions(parse_xml_bytes(doc_a()).getroot())
    assert [(m["key"], m["sid"], m["name"]) for m in found] == [("wd-Q1394", "s1", "Lenin"), ("id-kazan", "s1", "Kazan")]
    assert found[0]["context"] == "We met Lenin in Kazan."
    assert entities["id-kazan"]["geo"] == "55.79 49.12"


def test_entity_key_prefers_wikidata_then_viaf_then_ref():
    root = parse_xml_bytes(b'<person xmlns="http://www.tei-c.org/ns/1.0"><idno type="VIAF">https://viaf.org/viaf/123/</idno></person>').getroot()
    assert entity_key(root, "#x") == "viaf-123"
    assert entity_key(None, "https://www.wikidata.org/wiki/Q42") == "wd-Q42"
    assert entity_key(None, "#local") == "id-local"


def test_merge_keeps_every_language_once():
    merged = merge_entity([{"kind": "person", "names": [["en", "", "Vladimir Lenin"]], "idnos": [["wikidata", "Q1394"]], "geo": ""},
                           {"kind": "person", "names": [["zh-Hans", "", "列宁"], ["en", "", "Vladimir Lenin"]],
                            "idnos": [["wikidata", "Q1394"]], "geo": ""}])
    assert merged["names"] == [["en", "", "Vladimir Lenin"], ["zh-Hans", "", "列宁"]]
    assert merged["idnos"] == [["wikidata", "Q1394"]]
    assert primary_name(merged) == "Vladimir Lenin"


def test_parse_geo():
    assert parse_geo("55.79 49.12") == (55.79, 49.12)
    assert parse_geo("55.79,49.12") == (55.79, 49.12)
    assert parse_geo("north") is None and parse_geo("95 10") is None


@pytest.fixture
def corpus(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.xml").write_bytes(doc_a())
    (src / "b.xml").write_bytes(doc_b())
    return src


def test_site_merges_registers_across_records(corpus, tmp_path):
    site = tmp_path / "site"
    result = build_site(corpus, site, FAST)
    assert (result.records, result.rendered, result.failed) == (2, 2, [])
    lenin = (site / "registers" / "wd-Q1394.html").read_text("utf-8")
    assert "Vladimir Lenin" in lenin and "列宁" in lenin and "Владимир Ленин" in lenin
    assert 'href="../records/a.html#s1"' in lenin and 'href="../records/b.html#zh-s4"' in lenin
    assert "2 mentions in 2 records" in lenin
    persons = (site / "registers" / "persons.html").read_text("utf-8")
    assert "2 mentions in 2 records" in persons


def test_facets_index_positions_in_date_order(corpus, tmp_path):
    site = tmp_path / "site"
    build_site(corpus, site, FAST)
    years = json.loads((site / "facets" / "year.json").read_text("utf-8"))
    assert [(v["value"], v["records"]) for v in years["values"]] == [("1917", [0]), ("1920", [1])]
    persons = json.loads((site / "facets" / "person.json").read_text("utf-8"))
    assert persons["values"][0]["label"] == "Vladimir Lenin" and persons["values"][0]["records"] == [0, 1]
    index = (site / "index.html").read_text("utf-8")
    assert index.index("First letter") < index.index("Second letter")  # chronological


def test_record_page_has_navigation_downloads_and_meta(corpus, tmp_path):
    site = tmp_path / "site"
    build_site(corpus, site, FAST)
    page = (site / "records" / "a.html").read_text("utf-8")
    assert 'rel="next" href="b.html"' in page and 'rel="prev"' not in page
    assert '<meta name="citation_title" content="First letter">' in page
    assert 'href="a.tei.xml"' in page and (site / "records" / "a.tei.xml").read_bytes() == doc_a()
    assert 'data-pagefind-filter="year">1917<' in page
    assert page.count("<main") == 1 and page.count("<h1") == 1


def test_browse_list_is_paginated_and_filterable_across_pages(corpus, tmp_path, monkeypatch):
    import teikit.site.pages as pages

    monkeypatch.setattr(pages, "PER_PAGE", 2)
    for k, year in enumerate(["1931", "1932", "1933"]):
        (corpus / f"c{k}.xml").write_bytes(tei(f"Letter {year}", f"{year}-02-01", "Third", "<p>No names.</p>"))
    site = tmp_path / "site"
    build_site(corpus, site, FAST)
    lists = [(site / name).read_text("utf-8") for name in ("index.html", "index-2.html", "index-3.html")]
    assert not (site / "index-4.html").exists()
    titles = ["First letter", "Second letter", "Letter 1931", "Letter 1932", "Letter 1933"]
    for title in titles:  # each record on exactly one page, in date order
        assert sum(page.count(f">{title}</a>") for page in lists) == 1
    assert [next(i for i, page in enumerate(lists) if f">{t}</a>" in page) for t in titles] == [0, 0, 1, 1, 2]
    assert 'aria-current="page">2<' in lists[1] and 'href="index-3.html"' in lists[1]
    # a year that begins on a later page is reached from page 1's year links (index.html#y-1933)
    assert '<a href="index-3.html#y-1933" id="y-1933"' in lists[0] and 'id="y-1933"' in lists[2]
    assert 'href="index-2.html#y-1931"' in (site / "timeline.html").read_text("utf-8")
    # the facets' positions index the whole list, as records.json gives it to the filter
    records = json.loads((site / "facets" / "records.json").read_text("utf-8"))
    years = json.loads((site / "facets" / "year.json").read_text("utf-8"))
    assert [records[i][1] for v in years["values"] if v["value"] == "1933" for i in v["records"]] == ["Letter 1933"]
    assert [r[1] for r in records] == titles
    (corpus / "c2.xml").unlink()  # four records: two pages, the third goes
    build_site(corpus, site, FAST)
    assert (site / "index-2.html").exists() and not (site / "index-3.html").exists()


def test_search_parts_are_stable_and_cover_every_page(tmp_path):
    from teikit.site.search import plan_parts

    pages = []
    for k in range(31):
        pages.append(tmp_path / f"r{k}.html")
        pages[-1].write_bytes(b"x" * 1000)
    parts = plan_parts(pages[:30], part_bytes=10_000)  # 30 KB: 4 parts (a power of two)
    assert set(parts) <= {0, 1, 2, 3} and sorted(p for part in parts.values() for p in part) == sorted(pages[:30])
    grown = plan_parts(pages, part_bytes=10_000)  # one page more: the others keep their part
    assert {k: [p for p in part if p != pages[30]] for k, part in grown.items()} == parts
    assert len(plan_parts(pages[:30], part_bytes=3_000)) > 4


def test_search_rebuild_reindexes_only_changed_parts(corpus, tmp_path, monkeypatch):
    pytest.importorskip("pagefind")
    import teikit.site.search as search

    monkeypatch.setattr(search, "PART_BYTES", 4_000)
    for k in range(6):
        (corpus / f"c{k}.xml").write_bytes(tei(f"Letter {k}", f"193{k}-01-01", "Third", f"<p>Word{k} here.</p>"))
    site = tmp_path / "site"
    options = SiteOptions(title="Test", jobs=1)
    first = build_site(corpus, site, options)
    parts = json.loads((site / "pagefind" / "parts.json").read_text("utf-8"))["parts"]
    assert len(parts) > 2 and first.search == f"search index built ({len(parts)} of {len(parts)} parts indexed)"
    assert all((site / "pagefind" / p / "pagefind.js").exists() for p in parts)
    (corpus / "c5.xml").write_bytes(tei("Letter 5", "1935-01-01", "Third", "<p>Changed words.</p>"))
    again = build_site(corpus, site, options)  # c5 and its neighbour c4 (the pager) changed
    assert again.search.startswith("search index built (") and not again.search.startswith(f"search index built ({len(parts)}")
    assert build_site(corpus, site, options).search == "search index up to date"


def test_pages_pass_the_nu_html_checker(corpus, tmp_path, monkeypatch, vnu_errors):
    """Every page of a site (two list pages, registers, facets, timeline, map, search, and
    record pages of teikit's specimen record) has no error in vnu, the W3C's Nu Html Checker."""
    import teikit.site.pages as pages

    monkeypatch.setattr(pages, "PER_PAGE", 2)
    shutil.copy(Path(__file__).parent / "data" / "writers" / "specimen.tei.xml", corpus / "specimen.xml")
    site = tmp_path / "site"
    build_site(corpus, site, FAST)
    files = sorted(str(p) for p in site.rglob("*.html") if ".teikit-site" not in p.parts)
    assert len(files) > 10 and any(f.endswith("index-2.html") for f in files)
    assert vnu_errors(files) == []


def test_map_only_with_coordinates(corpus, tmp_path):
    site = tmp_path / "site"
    build_site(corpus, site, FAST)
    assert 'href="registers/id-kazan.html"' in (site / "map.html").read_text("utf-8")
    (corpus / "a.xml").write_bytes(doc_a().replace(b"<location><geo>55.79 49.12</geo></location>", b""))
    build_site(corpus, site, FAST)
    assert not (site / "map.html").exists()
    assert "map.html" not in (site / "records" / "b.html").read_text("utf-8")


def test_rebuild_redoes_only_what_changed(corpus, tmp_path):
    site = tmp_path / "site"
    build_site(corpus, site, FAST)
    assert build_site(corpus, site, FAST).rendered == 0
    (corpus / "c.xml").write_bytes(tei("Third letter", "1930-01-01", "Third", "<p>No names.</p>"))
    again = build_site(corpus, site, FAST)
    assert (again.records, again.rendered) == (3, 1)
    assert 'rel="next" href="c.html"' in (site / "records" / "b.html").read_text("utf-8")  # the neighbour's pager
    (corpus / "b.xml").unlink()
    last = build_site(corpus, site, FAST)
    assert (last.records, last.removed) == (2, 1)
    assert not (site / "records" / "b.html").exists()
    assert "1 mention in 1 record" in (site / "registers" / "wd-Q1394.html").read_text("utf-8")
    assert 'rel="next" href="c.html"' in (site / "records" / "a.html").read_text("utf-8")


def test_broken_record_is_left_out(corpus, tmp_path):
    (corpus / "broken.xml").write_bytes(b"<TEI xmlns='http://www.tei-c.org/ns/1.0'><unclosed></TEI>")
    (corpus / "other.xml").write_bytes(b"<html/>")
    result = build_site(corpus, tmp_path / "site", FAST)
    assert result.records == 2
    assert sorted(Path(s).name for s, _ in result.failed) == ["broken.xml", "other.xml"]
    assert all("\n" not in e and Path(s).name in e for s, e in result.failed)


def test_cli_reports_left_out_records_with_exit_1(corpus, tmp_path):
    (corpus / "broken.xml").write_bytes(b"<TEI>")
    out = CliRunner().invoke(cli, ["site", str(corpus), "-o", str(tmp_path / "site"), "--no-search", "-j", "1"])
    assert out.exit_code == 1
    assert re.search(r"left out: .*broken\.xml", out.output)
    assert (tmp_path / "site" / "index.html").exists()


def test_cli_refuses_missing_folder(tmp_path):
    out = CliRunner().invoke(cli, ["site", str(tmp_path / "nope"), "-o", str(tmp_path / "site")])
    assert out.exit_code == 2


def test_server_listens_on_loopback_only(corpus, tmp_path):
    import threading

    from teikit.site.serve import make_server

    site = tmp_path / "site"
    build_site(corpus, site, FAST)
    server = make_server(site, 0)
    assert server.server_address[0] == "127.0.0.1"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}/index.html", timeout=5) as r:
            assert b"First letter" in r.read()
    finally:
        server.shutdown()
        server.server_close()


def test_pages_parse_as_html5_with_landmarks(corpus, tmp_path):
    html5lib = pytest.importorskip("html5lib")
    site = tmp_path / "site"
    build_site(corpus, site, FAST)
    pages = [p for p in site.rglob("*.html") if ".teikit-site" not in p.parts]
    assert len(pages) > 10
    for path in pages:
        parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
        doc = parser.parse(path.read_bytes())
        assert parser.errors == [], (path, parser.errors[:3])
        assert doc.get("lang"), path
        assert len(doc.findall(".//main")) == 1, path
        assert len(doc.findall(".//h1")) == 1, path
        body = doc.find("body")
        assert [el.tag for el in body if el.tag in ("header", "footer")] == ["header", "footer"], path
        assert body[0].tag == "a" and body[0].get("href") == "#content", path  # skip link first


def test_long_registers_are_split_into_pages(corpus, tmp_path, monkeypatch):
    from teikit.site import pages

    monkeypatch.setattr(pages, "MENTIONS_PER_PAGE", 1)
    site = tmp_path / "site"
    build_site(corpus, site, FAST)
    first, second = (site / "registers" / "wd-Q1394.html"), (site / "registers" / "wd-Q1394.2.html")
    assert "records/a.html#s1" in first.read_text("utf-8") and "records/b.html#zh-s4" in second.read_text("utf-8")
    assert 'href="wd-Q1394.2.html"' in first.read_text("utf-8")
    (corpus / "b.xml").unlink()
    build_site(corpus, site, FAST)
    assert first.exists() and not second.exists()


def test_record_that_cannot_be_encoded_is_left_out(corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    result = build_site(corpus, tmp_path / "site", FAST)
    assert result.records == 2
    assert [Path(s).name for s, _ in result.failed] == ["empty.txt"]


def test_tei_corpus_page_has_one_main_and_is_indexed_whole(corpus, tmp_path):
    inner = doc_a().decode().replace("<TEI", "<TEI", 1)
    inner = inner.replace(' xmlns="http://www.tei-c.org/ns/1.0"', "")
    (corpus / "c.xml").write_text(f'<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
                                  f'<title>A corpus</title></titleStmt></fileDesc></teiHeader>{inner}'
                                  f'{inner.replace("First letter", "Inner two").replace("s1", "t1").replace("s2", "t2").replace("lenin", "l2").replace("kazan", "k2")}'
                                  f'</teiCorpus>', "utf-8")
    site = tmp_path / "site"
    build_site(corpus, site, FAST)
    page = (site / "records" / "c.html").read_text("utf-8")
    assert page.count("<main") == 1 and page.count("data-pagefind-body") == 2


def test_document_broken_on_rebuild_loses_its_page(corpus, tmp_path):
    site = tmp_path / "site"
    build_site(corpus, site, FAST)
    (corpus / "b.xml").write_bytes(b"<TEI")
    result = build_site(corpus, site, FAST)
    assert [Path(s).name for s, _ in result.failed] == ["b.xml"] and result.records == 1
    assert not (site / "records" / "b.html").exists() and not (site / "records" / "b.tei.xml").exists()
    assert 'rel="next"' not in (site / "records" / "a.html").read_text("utf-8")


def test_batch_report_is_kept(corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    build_site(corpus, tmp_path / "site", FAST)
    report = json.loads((tmp_path / "site" / ".teikit-site" / "tei" / "report.json").read_text("utf-8"))
    assert report["counts"]["failed"] == 1
