"""HTML: the manuscript description as a catalogue entry, and the writing direction (dir) of
right-to-left xml:lang. Golden files are the msDesc section of the page (tests/data/msdesc)."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from golden import check_golden_text
from teikit import export
from teikit.tei import parse_xml_bytes, parse_xml_file

MSDESC = Path(__file__).parent / "data" / "msdesc"
SPECIMEN = Path(__file__).parent / "data" / "writers" / "specimen.tei.xml"
TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'


def page_of(source) -> lxml_html.HtmlElement:
    doc = parse_xml_file(source, collect_ids=False) if isinstance(source, Path) else parse_xml_bytes(source.encode())
    return lxml_html.fromstring(export(doc, "html"))


def fields(scope) -> list[tuple[str, str]]:
    """(label, text) of each dt/dd pair directly in the description lists under scope."""
    return [(" ".join(dt.text_content().split()), " ".join(dt.getnext().text_content().split()))
            for dt in scope.xpath(".//dl[@class='ms-fields']/dt")]


def header_doc(ms_desc: str, lang: str = "") -> str:
    return (f'<TEI {TEI}{lang}><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
            f'<publicationStmt><p>p</p></publicationStmt><sourceDesc>{ms_desc}</sourceDesc></fileDesc>'
            f'</teiHeader><text><body><p>x</p></body></text></TEI>')


@pytest.fixture(scope="module")
def arabic_107():
    return page_of(MSDESC / "wellcome-MS_Arabic_107.xml")


# ---------------------------------------------------------------- golden files
@pytest.mark.parametrize("name", sorted(p.stem for p in MSDESC.glob("*.xml")))
def test_golden_msdesc_section(accept, name):
    """The msDesc section of the page of each excerpt (tests/data/msdesc/README.md)."""
    section = page_of(MSDESC / f"{name}.xml").xpath("//section[@class='msdesc']")[0]
    check_golden_text(lxml_html.tostring(section, encoding="unicode") + "\n", MSDESC / f"{name}.msdesc.html", accept)


# ---------------------------------------------------------------- the catalogue entry
def test_identifier_is_one_heading_line_and_the_others_follow(arabic_107):
    ms = arabic_107.xpath("//section[@class='msdesc']")[0]
    assert ms.xpath("string(p[@class='ms-id'])") == "London, Wellcome Collection, Wellcome Library, WMS Arabic 107"
    assert ms.xpath("string(p[@class='ms-altid'])") == "Other identifiers: former WMS Or.107; Sierra b20295303"


def test_item_fields_are_labelled_one_per_row(arabic_107):
    item = arabic_107.xpath("//li[@class='ms-item']")[0]
    assert item.xpath("string(.//span[@class='ms-n'])") == "1."
    rows = fields(item)
    assert [label for label, _ in rows] == ["Author", "Title (original)", "Title (standard)", "Title (standard)",
                                            "Incipit", "Explicit", "Note"]
    assert rows[0][1].startswith("Alī b. Dā'ūd") and rows[0][1].endswith("الملك المجاهد")
    assert rows[1][1] == "الأقوال الكافية والفصول الشافية"
    assert rows[4][1].startswith("... أما بعد") and rows[5][1].endswith("تم الكتاب")


def test_physical_description_and_dates_read_as_a_catalogue_does(arabic_107):
    rows = dict(fields(arabic_107.xpath("//section[@class='ms-physDesc']")[0]))
    assert rows["Form"] == "codex" and rows["Material"] == "paper"
    assert rows["Extent"] == "leaf: diameter 160 × length 210 mm"
    assert rows["Collation"] == "Folios: 125"
    assert rows["Layout"] == "20 written lines"
    assert rows["Hand (major)"].startswith("Script: Maghribi Scribe: ash-Sharīf")
    history = fields(arabic_107.xpath("//section[@class='ms-history']")[0])
    assert history == [("Date", "1193 (Hijri)"), ("Date", "1779 (Gregorian)")]


def test_empty_template_fields_are_absent():
    page = page_of(MSDESC / "wellcome-MS_Arabic_1002.xml")
    labels = [label for label, _ in fields(page)]
    assert "Acquisition" not in labels and "Custodial history" not in labels and "Binding" not in labels
    assert all(text for _, text in fields(page))
    assert ("Place", "Cairo, Egypt") in fields(page)
    extent = dict(fields(page))["Extent"]
    assert extent == "leaf: diameter 185mm × length 280mm written: diameter 145mm × length 200mm"


def test_parts_items_loci_names_and_ranges():
    ms = """<msDesc xml:lang="en"><msIdentifier><settlement>Oxford</settlement><repository>Bodleian Library</repository>
      <idno type="shelfmark">MS. X. 1</idno></msIdentifier>
      <physDesc><objectDesc form="codex"><supportDesc material="perg"><extent>ii + 109 leaves
        <dimensions type="leaf" unit="mm"><height>240</height><width>170</width></dimensions></extent></supportDesc>
        <layoutDesc><layout columns="2" writtenLines="30 32"/></layoutDesc></objectDesc></physDesc>
      <msPart n="A"><msIdentifier><altIdentifier type="partial"><idno>MS. X. 1 - part A</idno></altIdentifier></msIdentifier>
        <msContents><msItem><locus from="1r" to="20v" facs="img/f1r.jpg"/>
          <author><persName ref="https://viaf.org/viaf/100">Beda</persName></author><title type="uniform">De temporibus</title>
          <msItem n="1a"><locus from="2r"/><incipit type="prologue">Incipit prologus</incipit></msItem>
          <msItem><finalRubric>Explicit</finalRubric></msItem></msItem></msContents>
        <history><origin><origDate notBefore="1100" notAfter="1150">s. xii in.</origDate><origPlace>England</origPlace></origin>
          <provenance when="1602">Given by Thomas Bodley</provenance></history>
        <msPart n="A.1"><msContents><msItem><title>Computus</title></msItem></msContents></msPart></msPart></msDesc>"""
    page = page_of(header_doc(ms))
    top = dict(fields(page.xpath("//section[@class='ms-physDesc']")[0]))
    assert top["Extent"] == "ii + 109 leaves leaf: 240 × 170 mm"
    assert top["Layout"] == "2 columns, 30–32 written lines"
    part = page.xpath("//section[@class='ms-part']")[0]
    assert part.xpath("string(h3)") == "Part A: MS. X. 1 - part A"
    item = part.xpath(".//li[@class='ms-item']")[0]
    assert [a.get("href") for a in item.xpath("p[@class='ms-item-head']/a[@class='locus']")] == ["img/f1r.jpg"]
    assert item.xpath("string(p[@class='ms-item-head'])") == "1. fols. 1r–20v"
    assert item.xpath(".//a[@class='name person']/@href") == ["https://viaf.org/viaf/100"]
    assert [n.text_content() for n in item.xpath(".//span[@class='ms-n']")] == ["1.", "1a.", "1.2."]
    assert ("Incipit (prologue)", "Incipit prologus") in fields(item)
    assert fields(part.xpath("section[@class='ms-history']")[0]) == [
        ("Date", "s. xii in. (1100–1150)"), ("Place", "England"), ("Provenance", "Given by Thomas Bodley (1602)")]
    assert part.xpath("string(section[@class='ms-part']/h4)") == "Part A.1"


# ---------------------------------------------------------------- right to left
@pytest.mark.parametrize("tag, direction", [
    ("ar", "rtl"), ("fa", "rtl"), ("ur", "rtl"), ("he", "rtl"), ("yi", "rtl"), ("syr", "rtl"), ("ps", "rtl"),
    ("ug", "rtl"), ("dv", "rtl"), ("ckb", "rtl"), ("ara", "rtl"), ("AR-EG", "rtl"), ("ms-Arab", "rtl"),
    ("az-Arab-IR", "rtl"), ("sa-Hebr", "rtl"), ("ar-Latn-x-lc", None), ("he-Latn", None), ("en", None),
    ("zh-Hant", None), ("ja-Latn", None), ("x-arabic", None), ("ta", None)])
def test_dir_follows_the_language_or_its_script(tag, direction):
    page = page_of(header_doc("", "").replace("<p>x</p>", f'<p xml:lang="{tag}">x</p>'))
    written = {"ara": "ar"}.get(tag, tag)  # HTML's lang takes the two-letter code where there is one
    assert page.xpath(f"//p[@lang='{written}']")[0].get("dir") == direction


def test_left_to_right_inside_right_to_left_turns_back_and_a_rtl_document_is_rtl():
    body = '<p xml:lang="en">a <foreign xml:lang="ar">ب <foreign xml:lang="en">c</foreign></foreign></p>'
    page = page_of(header_doc("", ' xml:lang="ar"').replace("<p>x</p>", body))
    assert page.get("dir") == "rtl" and page.get("lang") == "ar"
    assert [(e.get("lang"), e.get("dir")) for e in page.xpath("//*[@lang][ancestor::main]")] == [
        ("en", "ltr"), ("ar", "rtl"), ("en", "ltr")]


def test_quoted_text_without_a_language_takes_the_direction_of_its_letters(arabic_107):
    incipit = arabic_107.xpath("//dt[.='Incipit']")[0].getnext()
    assert incipit.get("dir") == "auto" and incipit.get("lang") is None
    romanised = arabic_107.xpath("//dd[@lang='ar-Latn-x-lc']")[0]
    assert romanised.get("dir") is None
    note = arabic_107.xpath("//dt[.='Note']")[0].getnext()
    assert note.get("dir") is None  # the cataloguer's prose keeps the page's direction


def test_a_page_without_right_to_left_text_has_no_dir():
    page = page_of(SPECIMEN)
    assert page.xpath("//*[@dir]") == [] and not page.xpath("//section[@class='msdesc']")


def test_a_right_to_left_language_column_of_a_record_is_rtl():
    doc = parse_xml_file(SPECIMEN)
    for div in doc.getroot().iterfind(".//{http://www.tei-c.org/ns/1.0}div[@{http://www.w3.org/XML/1998/namespace}lang='zh-Hans']"):
        div.set("{http://www.w3.org/XML/1998/namespace}lang", "ar")
    page = lxml_html.fromstring(export(doc, "html"))
    assert {e.get("dir") for e in page.xpath("//section[contains(@class, 'col')][@lang='ar'] | //table[@class='pairs']//th[@lang='ar']")} == {"rtl"}
    assert {e.get("dir") for e in page.xpath("//section[contains(@class, 'col')][@lang='en']")} == {None}


def test_in_a_browser_arabic_reads_right_to_left_and_the_prose_left_to_right(tmp_path):
    """What a reader sees (headless Chromium through Playwright; skipped without either)."""
    import shutil

    sync_api = pytest.importorskip("playwright.sync_api")
    binary = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    if not binary:
        pytest.skip("no chromium")
    out = tmp_path / "ms.html"
    out.write_bytes(export(parse_xml_file(MSDESC / "wellcome-MS_Arabic_107.xml", collect_ids=False), "html"))
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=binary)
        try:
            page = browser.new_page(viewport={"width": 900, "height": 900})
            page.goto(out.as_uri())
            seen = page.evaluate("""() => {
                const dd = label => [...document.querySelectorAll('section.msdesc dt')]
                    .find(dt => dt.textContent === label).nextElementSibling;
                const side = el => { const r = el.getBoundingClientRect(), t = document.createRange();
                    t.selectNodeContents(el); const b = t.getBoundingClientRect();
                    return b.right > r.right - 2 ? 'right' : b.left < r.left + 2 ? 'left' : 'middle'; };
                return {title: [getComputedStyle(dd('Title (original)')).direction, side(dd('Title (original)'))],
                        incipit: [getComputedStyle(dd('Incipit')).direction, dd('Incipit').matches(':dir(rtl)')],
                        note: getComputedStyle(dd('Note')).direction,
                        romanised: getComputedStyle(document.querySelector('dd[lang="ar-Latn-x-lc"]')).direction};
            }""")
        finally:
            browser.close()
    assert seen == {"title": ["rtl", "right"], "incipit": ["rtl", True], "note": "ltr", "romanised": "ltr"}
