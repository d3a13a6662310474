"""The entities pass: names with @ref in both languages, dates, times, context, standOff records.

Golden cases live in tests/data/entities/<case>.tei.xml (input) beside <case>.expected.xml;
regenerate with `pytest tests/test_entities.py --accept` and review the diff. A failing case
leaves <case>.expected.xml.actual beside the expected file.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from lxml import etree

from golden import check_golden_tei
from teikit.passes.entities import record_date, tag_entities
from teikit.tei import NSMAP, XML_ID, parse_xml_bytes, parse_xml_file, serialize

DATA = Path(__file__).parent / "data" / "entities"
CASES = sorted(p.name[: -len(".tei.xml")] for p in DATA.glob("*.tei.xml"))
NAME_XPATH = "//tei:text//tei:persName|//tei:text//tei:placeName|//tei:text//tei:orgName"


def c14n(tree) -> bytes:
    """Canonical XML of a tree as it would be read back from its serialisation."""
    return etree.tostring(parse_xml_bytes(serialize(tree)).getroot(), method="c14n")


def tagged(path: Path):
    return tag_entities(parse_xml_file(path))


def names(tree, lang=None):
    """(text, ref) of every name tag in the text, optionally in one language's divisions."""
    out = []
    for el in tree.getroot().xpath(NAME_XPATH, namespaces=NSMAP):
        if lang is None or el.xpath("ancestor::*[@xml:lang][1]/@xml:lang")[0] == lang:
            out.append((" ".join("".join(el.itertext()).split()), el.get("ref")))
    return out


def text_of_divisions(tree) -> list[str]:
    return ["".join(d.itertext()) for d in tree.getroot().xpath("//tei:text//tei:div", namespaces=NSMAP)]


@pytest.mark.parametrize("case", CASES)
def test_golden(case, accept):
    check_golden_tei(tagged(DATA / f"{case}.tei.xml"), DATA / f"{case}.expected.xml", accept)


@pytest.mark.parametrize("case", CASES)
def test_lossless(case):
    before = parse_xml_file(DATA / f"{case}.tei.xml")
    assert text_of_divisions(tag_entities(parse_xml_file(DATA / f"{case}.tei.xml"))) == text_of_divisions(before)


@pytest.mark.parametrize("case", CASES)
def test_valid_against_tei_all(case, tei_all_rng):
    tree = tagged(DATA / f"{case}.tei.xml")
    assert tei_all_rng.validate(tree), tei_all_rng.error_log.last_error


@pytest.mark.parametrize("case", CASES)
def test_idempotent(case):
    once = tagged(DATA / f"{case}.tei.xml")
    twice = tag_entities(parse_xml_bytes(serialize(once)))
    assert c14n(twice) == c14n(once)


def test_same_person_same_ref_in_both_languages():
    tree = tagged(DATA / "bilingual.tei.xml")
    en, zh = dict(names(tree, "en")), dict(names(tree, "zh-Hans"))
    assert en["Molotov"] == zh["莫洛托夫"] == "#molotov"
    assert en["Zhou Enlai"] == zh["恩来"] == "#zhou-enlai"
    assert en["Leningrad"] == zh["列宁格勒"] == "#leningrad"
    assert en["Xie Juezai"] == zh["谢觉哉"]  # a local record shared by its pinyin


def test_contraction_points_to_both_people():
    assert ("莫米二同志", "#molotov #mikoyan") in names(tagged(DATA / "bilingual.tei.xml"), "zh-Hans")


def test_bare_zhou_needs_the_aligned_sentence():
    tree = tagged(DATA / "bilingual.tei.xml")
    s3 = tree.getroot().xpath("//tei:s[@xml:id='zh-s3']//tei:persName[.='周']/@ref", namespaces=NSMAP)
    s6 = tree.getroot().xpath("//tei:s[@xml:id='zh-s6']//tei:persName", namespaces=NSMAP)
    assert s3 == ["#zhou-enlai"] and s6 == []  # 这一周很忙 ↔ "This week was busy."


def test_no_tags_inside_labels_note_anchors_or_gaps():
    root = tagged(DATA / "bilingual.tei.xml").getroot()
    inside = root.xpath("//tei:label//*|//tei:ref[@type='noteAnchor']//*|//tei:gap//*", namespaces=NSMAP)
    assert inside == []


def test_title_of_an_office_is_not_an_organisation():
    assert "贸易部" not in dict(names(tagged(DATA / "bilingual.tei.xml"), "zh-Hans"))


def test_unknown_names_get_uncertain_local_records():
    root = tagged(DATA / "bilingual.tei.xml").getroot()
    local = root.xpath("//tei:standOff//tei:person[@cert='low']", namespaces=NSMAP)
    assert {p.get(XML_ID) for p in local} == {"ivanovsky", "xie-juezai"}
    assert all(not p.xpath("tei:idno", namespaces=NSMAP) for p in local)


def test_standoff_carries_exactly_the_records_used():
    root = tagged(DATA / "bilingual.tei.xml").getroot()
    refs = {r.lstrip("#") for v in root.xpath("//@ref") for r in v.split()}
    records = set(root.xpath("//tei:standOff//*[self::tei:person or self::tei:place or self::tei:org]/@xml:id",
                             namespaces=NSMAP))
    assert refs == records
    order = [etree.QName(c).localname for c in root.find("{http://www.tei-c.org/ns/1.0}standOff")]
    assert order == ["listPerson", "listPlace", "listOrg", "linkGrp"]


def test_header_correspondents_get_refs():
    root = tagged(DATA / "bilingual.tei.xml").getroot()
    refs = root.xpath("//tei:correspDesc//*/@ref", namespaces=NSMAP)
    assert refs == ["#mao-zedong", "#ccp-cc"]


def test_record_date_prefers_the_archive_citation():
    assert record_date(parse_xml_file(DATA / "bilingual.tei.xml").getroot()) == "1950-01-02"
    assert record_date(parse_xml_file(DATA / "no-date.tei.xml").getroot()) is None


def test_without_a_record_date_dates_are_tagged_without_a_value():
    root = tagged(DATA / "no-date.tei.xml").getroot()
    dates = root.xpath("//tei:text//tei:date", namespaces=NSMAP)
    assert [d.text for d in dates][:2] == ["9 January", "the end of the month"]
    assert all(not d.attrib for d in dates)
    assert root.xpath("//tei:text//tei:time/@when", namespaces=NSMAP) == ["11:00:00", "11:00:00"]


def test_compounds_that_contain_names_are_not_tagged():
    zh = dict(names(tagged(DATA / "no-date.tei.xml"), "zh-Hans"))
    assert set(zh) == {"斯大林", "莫斯科", "金日成"}  # not 中国 in 发展中国家, not 马克思/列宁 in 马克思列宁主义


def test_english_only_record():
    got = names(tagged(DATA / "english-only.tei.xml"))
    for pair in [("Chiang Kai- shek", "#chiang-kai-shek"), ("Jiang Jieshi", "#chiang-kai-shek"),
                 ("Nikolai Roshchin", "#roshchin"), ("Roshchin", "#roshchin"), ("Mao", "#mao-zedong"),
                 ("Yan'an", "#yanan"), ("GMD", "#gmd"), ("Manchuria", "#manchuria"), ("CCP", "#ccp"),
                 ("USSR", "#soviet-union"), ("Apollon Petrov", "#petrov"), ("Zhou", "#zhou-enlai"),
                 ("Tianjin", "#tianjin"), ("Pukou", "#pukou"), ("Petrenkov", "#petrenkov")]:
        assert pair in got
    texts = {t for t, _ in got}
    assert not texts & {"Staff", "Lenin", "Leninist"}
    assert ("General Staff", "#general-staff") in got  # an organisation the authority lacks (issue 12)


def test_extra_authority_file_adds_names(tmp_path):
    extra = tmp_path / "mine.xml"
    extra.write_text(
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="ivanovsky-ii">'
        '<persName xml:lang="en">Ivanovsky</persName></person></listPerson>', encoding="utf-8")

    class Options:
        authority = (str(extra),)

    root = tag_entities(parse_xml_file(DATA / "bilingual.tei.xml"), Options()).getroot()
    assert root.xpath("//tei:persName[.='Ivanovsky']/@ref", namespaces=NSMAP) == ["#ivanovsky-ii"]
    assert not root.xpath("//tei:person[@cert='low'][@xml:id='ivanovsky']", namespaces=NSMAP)


# -- the sample record, through the whole pipeline -----------------------------------------

@pytest.fixture(scope="module")
def sample_tree(sample_path):
    from teikit.api import encode_file

    return encode_file(str(sample_path))


EXPECTED_SAMPLE_EN = [
    ("Stalin", "#stalin"), ("Zhou Enlai", "#zhou-enlai"), ("Moscow", "#moscow"), ("Tass", "#tass"),
    ("Molotov", "#molotov"), ("Mikoyan", "#mikoyan"), ("China", "#china"), ("Zhou", "#zhou-enlai"),
    ("Beijing", "#beijing"), ("Lenin", "#lenin"), ("Leningrad", "#leningrad"), ("Gorky", "#gorky-city"),
    ("Dong Biwu", "#dong-biwu"), ("Government Administration Council", "#gac"), ("Li Fuchun", "#li-fuchun"),
    ("Mao Zedong", "#mao-zedong"), ("Central Committee of the Chinese Communist Party", "#ccp-cc"),
]
EXPECTED_SAMPLE_ZH = [
    ("斯大林", "#stalin"), ("周恩来", "#zhou-enlai"), ("莫斯科", "#moscow"), ("塔斯社", "#tass"),
    ("莫洛托夫", "#molotov"), ("米高扬", "#mikoyan"), ("中国", "#china"), ("北京", "#beijing"),
    ("恩来", "#zhou-enlai"), ("列宁", "#lenin"), ("列宁格勒", "#leningrad"), ("高尔基城", "#gorky-city"),
    ("莫米二同志", "#molotov #mikoyan"), ("苏联", "#soviet-union"), ("董必武", "#dong-biwu"),
    ("政务院", "#gac"), ("李富春", "#li-fuchun"), ("毛泽东", "#mao-zedong"), ("中央", "#ccp-cc"),
]


def test_sample_names_in_both_languages(sample_tree):
    en, zh = names(sample_tree, "en"), names(sample_tree, "zh-Hans")
    assert [p for p in EXPECTED_SAMPLE_EN if p not in en] == []
    assert [p for p in EXPECTED_SAMPLE_ZH if p not in zh] == []
    assert sum(1 for p in zh if p == ("周", "#zhou-enlai")) >= 3


def test_sample_dates_and_times(sample_tree):
    root = sample_tree.getroot()

    def values(lang):
        out = []
        for el in root.xpath(f"//tei:div[@xml:lang='{lang}']//*[self::tei:date or self::tei:time]", namespaces=NSMAP):
            out.append(el.get("when") or f"{el.get('notBefore')}/{el.get('notAfter')}")
        return out

    en, zh = values("en"), values("zh-Hans")
    for value in ["1950-01-01", "1950-01-02", "20:00:00", "1950-01-03", "1950-01-09", "1950-01-19",
                  "1950-01-20", "1950-01-21/1950-01-31", "1950-02-01/1950-02-10", "23:00:00"]:
        assert value in en and value in zh
    assert "1950-01-02" in zh[:1]  # (一九五〇年一月二日、三日)
    assert "1950-01-03" in zh[:2]


def test_sample_no_false_tags(sample_tree):
    zh = {t for t, _ in names(sample_tree, "zh-Hans")}
    en = {t for t, _ in names(sample_tree, "en")}
    assert not zh & {"贸易部", "中苏", "苏", "负责"}
    assert not en & {"Sino-Soviet", "Soviet"}
    dates = [("".join(d.itertext())) for d in sample_tree.getroot().xpath("//tei:text//tei:date", namespaces=NSMAP)]
    assert "两日" not in dates and "十一天" not in dates


def test_sample_stays_valid_and_lossless(sample_path, tei_all_rng):
    from teikit.api import EncodeOptions, encode_file

    with_entities = encode_file(str(sample_path))
    without = encode_file(str(sample_path), EncodeOptions(entities=False))
    assert text_of_divisions(with_entities) == text_of_divisions(without)
    assert tei_all_rng.validate(with_entities), tei_all_rng.error_log.last_error


# -- English-only records from the archive's PDFs (../shared, read in place) ----------------

PDF_EXPECTED = {
    "113379": [("Mao Zedong", "#mao-zedong"), ("Xinjiang", "#xinjiang"), ("Qinzhou", "#qinzhou"),
               ("Ma Bufang", "#ma-bufang"), ("Filippov", "#stalin"), ("China", "#china")],
    "117031": [("Soviet Union", "#soviet-union"), ("Peng Dehuai", "#peng-dehuai"), ("Beijing", "#beijing"),
               ("Moscow", "#moscow"), ("Radion Malinovsky", "#malinovsky"), ("Han Nianlong", "#han-nianlong")],
    "122809": [("Apollon Petrov", "#petrov"), ("Wang Ruofei", "#wang-ruofei"), ("Yan'an", "#yanan"),
               ("Roshchin", "#roshchin"), ("Chiang Kai-shek", "#chiang-kai-shek"), ("GMD", "#gmd"),
               ("Guomindang", "#gmd"), ("CCP", "#ccp"), ("Manchuria", "#manchuria"),
               ("Patrick Hurley", "#hurley"), ("Mao", "#mao-zedong"), ("Chongqing", "#chongqing"),
               ("Miklashevskii", "#miklashevskii"), ("Hu Zongnan", "#hu-zongnan"), ("USSR", "#soviet-union"),
               ("Tianjin", "#tianjin"), ("Beiping", "#beijing")],
}
NOT_NAMES = {"Staff", "Communists", "Americans", "Soviet", "Chinese"}


@pytest.fixture(scope="module")
def pdf_records(shared):
    from teikit.api import encode_file

    return {rid: encode_file(str(shared / "corpus" / "wilson-pdf-text" / f"{rid}.txt")) for rid in PDF_EXPECTED}


@pytest.mark.parametrize("rid", sorted(PDF_EXPECTED))
def test_english_only_records_recall(pdf_records, rid):
    got = {(t.replace("- ", "-").replace("\u2019", "'"), r) for t, r in names(pdf_records[rid])}
    assert [p for p in PDF_EXPECTED[rid] if p not in got] == []


@pytest.mark.parametrize("rid", sorted(PDF_EXPECTED))
def test_english_only_records_no_false_names(pdf_records, rid):
    got = {t for t, _ in names(pdf_records[rid])}
    assert not got & NOT_NAMES
    refs = {r for _, r in names(pdf_records[rid])}
    assert "#lenin" not in refs and "#ccp-cc" not in refs


def test_english_only_record_dates(pdf_records):
    root = pdf_records["122809"].getroot()
    dates = {"".join(d.itertext()): d.get("when") or (d.get("notBefore"), d.get("notAfter"))
             for d in root.xpath("//tei:text//tei:date", namespaces=NSMAP)}
    assert dates["October 12"] == "1945-10-12"
    assert dates["mid-November"] == ("1945-11-11", "1945-11-20")


def _body(en: str, zh: str = "") -> bytes:
    zh_div = f'<div xml:lang="zh-Hans"><p>{zh}</p></div>' if zh else ""
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        '<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>'
        f'<text><body><div xml:lang="en"><p>{en}</p></div>{zh_div}</body></text></TEI>'
    ).encode()


def test_titles_before_common_words_are_not_names():
    tree = tag_entities(parse_xml_bytes(_body(
        "The major Western powers and the General Staff met Minister of Trade officials; Comrade Ri Sang-jo spoke.",
        "高教部长、财政部长和苏方代表到会，王稼祥同志和谢觉哉同志发言。")))
    assert names(tree, "en") == [("General Staff", "#general-staff"), ("Ri Sang-jo", "#ri-sang-jo")]
    assert names(tree, "zh-Hans") == [("王稼祥", "#wang-jiaxiang"), ("谢觉哉", "#xie-juezai")]


def test_a_title_makes_a_bare_surname_a_person_but_a_bare_surname_alone_is_not():
    tree = tag_entities(parse_xml_bytes(_body("Chairman Mao met Premier Zhou. Chiang left. Mao stayed.")))
    assert names(tree) == [("Mao", "#mao-zedong"), ("Zhou", "#zhou-enlai"), ("Mao", "#mao-zedong")]


def test_encode_cli_takes_extra_authority_files(tmp_path, sample_path):
    from click.testing import CliRunner

    from teikit.cli import cli

    extra = tmp_path / "extra.xml"
    extra.write_text('<listOrg xmlns="http://www.tei-c.org/ns/1.0"><org xml:id="tass">'
                     '<orgName xml:lang="en" type="variant">TASS agency</orgName><idno type="local">agency-1</idno>'
                     '</org></listOrg>', encoding="utf-8")
    out = tmp_path / "out.xml"
    result = CliRunner().invoke(cli, ["encode", str(sample_path), "--authority", str(extra), "-o", str(out)])
    assert result.exit_code == 0, result.output
    root = parse_xml_file(out).getroot()
    tass = root.xpath("//tei:standOff//tei:org[@xml:id='tass']", namespaces=NSMAP)[0]
    assert tass.xpath("tei:idno/text()", namespaces=NSMAP) == ["agency-1"]
    assert "TASS agency" in tass.xpath("tei:orgName/text()", namespaces=NSMAP)
    bad = CliRunner().invoke(cli, ["encode", str(sample_path), "--authority", str(tmp_path / "missing.xml")])
    assert bad.exit_code == 2 and "missing.xml" in bad.output


@pytest.mark.parametrize("text,expected", [
    ("General Principles of the treaty were agreed.", []),
    ("Major Problems remain.", []),
    ("Then General Kovalev said so.", ["Kovalev"]),
    ("To cde. Roshchin's question", ["Roshchin"]),
    ("the Ministry of the Military and the General Staff", []),
    ("Comrade Ri Sang-jo and Mr. Smith", ["Ri Sang-jo", "Smith"]),
])
def test_title_patterns(text, expected):
    from teikit.entities.patterns import title_names_en

    assert [g.name for g in title_names_en(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("即说王明同志", ["王明"]), ("我和李富春同志", ["李富春"]), ("苏联各负责同志", []), ("其他同志", []),
    ("贸易部长", []), ("高教部长", []), ("莫米二同志", []),
])
def test_chinese_suffix_patterns(text, expected):
    from teikit.entities.patterns import suffix_names_zh

    assert [g.name for g in suffix_names_zh(text)] == expected


def test_roles_are_off_in_encode_because_the_contract_has_no_rolename(sample_tree):
    assert not sample_tree.getroot().xpath("//tei:roleName", namespaces=NSMAP)


def test_roles_beside_names_only(sample_path):
    from teikit.api import EncodeOptions, encode_file
    from teikit.passes.entities import EntityOptions

    plain = encode_file(str(sample_path), EncodeOptions(entities=False))
    root = tag_entities(plain, EntityOptions(roles=True)).getroot()

    def roles(lang):
        return [r.text for r in root.xpath(f"//tei:div[@xml:lang='{lang}']//tei:roleName", namespaces=NSMAP)]

    assert roles("en") == ["foreign minister"]  # not "minister of trade" (no name beside it), not "acting premier"
    assert roles("zh-Hans") == ["外长"]  # not 贸易部长, 政务院总理


def test_roles_in_apposition():
    from teikit.passes.entities import EntityOptions

    tree = tag_entities(parse_xml_bytes(_body(
        "Peng Dehuai, China's minister of defense, wrote to Foreign Minister Molotov; the premier left.")),
        EntityOptions(roles=True))
    got = [r.text for r in tree.getroot().iter("{http://www.tei-c.org/ns/1.0}roleName")]
    assert got == ["minister of defense", "Foreign Minister"]


def test_output_meets_the_teikit_profile(sample_tree, pdf_records):
    """What the pass adds (refs, records, dates) stays within schema/teikit.rng and teikit.sch."""
    validate = pytest.importorskip("teikit.validate")
    for tree in (sample_tree, *pdf_records.values()):
        result = validate.validate(tree, validate.ValidateOptions(schema="teikit"))
        assert result.valid, [d.format() for d in result.diagnostics][:3]


@pytest.mark.parametrize("text,expected", [
    ("这是莫米二同志提的", [(2, 7, "莫米")]), ("莫、米两位同志", [(0, 7, "莫米")]), ("米高扬〔1〕二同志", []),
    ("苏联各负责同志", []),
])
def test_contractions(text, expected):
    from teikit.entities.patterns import contractions_zh

    assert contractions_zh(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Liu Ningyi and Mao Anying met Qian Sanqiang.", ["Liu Ningyi", "Mao Anying", "Qian Sanqiang"]),
    ("Sun Rise, He Said, Li Peter, Ma Is, Song Of", []),
    ("Jianguo yilai Mao Zedong wengao", ["Mao Zedong"]),
])
def test_pinyin_name_patterns(text, expected):
    from teikit.entities.patterns import pinyin_names_en

    assert [g.name for g in pinyin_names_en(text)] == expected


def test_pinyin_names_not_in_the_authority_get_local_records():
    root = tag_entities(parse_xml_bytes(_body("Liu Ningyi met Zhou Enlai in Hong Kong."))).getroot()
    assert names(root.getroottree()) == [("Liu Ningyi", "#liu-ningyi"), ("Zhou Enlai", "#zhou-enlai"),
                                         ("Hong Kong", "#hong-kong")]
    assert root.xpath("//tei:person[@xml:id='liu-ningyi']/@cert", namespaces=NSMAP) == ["low"]


def test_a_titled_surname_is_resolved_by_the_authority_not_a_local_record():
    tree = tag_entities(parse_xml_bytes(_body("Liu Shaoqi arrived. Comrade Liu spoke with Liu Ningyi.")))
    assert names(tree) == [("Liu Shaoqi", "#liu-shaoqi"), ("Liu", "#liu-shaoqi"), ("Liu Ningyi", "#liu-ningyi")]


# -- generated texts: whatever the mix, the text is kept and tags never nest ----------------

_PIECES_EN = ["Zhou Enlai", "Zhou", "Comrade ", "Stalin", "Moscow", "Chiang Kai-", "shek", " ", ", ", ". ",
              "9 January", "the end of the month", "8:00 p.m.", "cde. Petrenkov", "General Staff", "Liu Ningyi",
              "Central Committee", "CCP", "May", "in ", "on the 5th", "Lenin", "grad", "'s", "-"]
_PIECES_ZH = ["周恩来", "周", "同志", "莫斯科", "莫米二同志", "一月九日", "下午八时", "月底", "中苏", "列宁", "格勒",
              "贸易部长", "谢觉哉", "，", "。", "、", "二日", "发展中国家", "中央"]


def _mixed(pieces):
    piece = st.sampled_from(pieces)
    wrapped = st.tuples(st.sampled_from(["supplied", "hi", "ref"]), piece)
    return st.lists(st.one_of(piece, wrapped), min_size=1, max_size=14)


def _render(items) -> str:
    out = []
    for item in items:
        if isinstance(item, tuple):
            tag, text = item
            attrs = ' reason="clarification"' if tag == "supplied" else (
                ' type="noteAnchor" target="#n1"' if tag == "ref" else "")
            out.append(f"<{tag}{attrs}>{text}</{tag}>")
        else:
            out.append(item)
    return "".join(out)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mixed(_PIECES_EN), _mixed(_PIECES_ZH))
def test_generated_texts_stay_lossless_and_tags_never_nest(en_items, zh_items):
    doc = _body(_render(en_items), _render(zh_items))
    before = text_of_divisions(parse_xml_bytes(doc))
    tree = tag_entities(parse_xml_bytes(doc))
    assert text_of_divisions(tree) == before
    nested = tree.getroot().xpath(
        "//tei:persName//tei:persName|//tei:placeName//tei:placeName|//tei:date//tei:date"
        "|//tei:ref//tei:persName|//tei:ref//tei:date|//tei:label//tei:persName", namespaces=NSMAP)
    assert nested == []
    refs = {r.lstrip("#") for v in tree.getroot().xpath("//@ref") for r in v.split()}
    records = set(tree.getroot().xpath("//tei:standOff//@xml:id", namespaces=NSMAP))
    assert refs <= records


def test_a_local_english_name_finds_its_chinese_form_by_pinyin():
    tree = tag_entities(parse_xml_bytes(_body("Liu Ningyi met Stalin.", "刘宁一会见斯大林。")))
    assert names(tree, "zh-Hans") == [("刘宁一", "#liu-ningyi"), ("斯大林", "#stalin")]
    record = tree.getroot().xpath("//tei:person[@xml:id='liu-ningyi']", namespaces=NSMAP)[0]
    assert record.get("cert") == "low"
    assert record.xpath("tei:persName/text()", namespaces=NSMAP) == ["Liu Ningyi", "刘宁一", "Liú Níngyī"]


_DATE_PIECES = {
    "en": ["9 January", "January 9", "Jan. 3, 1950", "early", "mid-", "late ", "the end of", " the month", "in ",
           "on the 3rd", "1958", "8:00 p.m.", "11 a.m.", "23:15", " ", "May", "may", "of ", ",", "1", "th", "-",
           "MAY", "Sept.", "month", ":", "this month", "That Month", "EARLY ", "the second half of ", "the Start of",
           "mid ", "late-", "OF "],
    "zh-Hans": ["一九五〇年", "一月", "二日", "下午", "八时", "半", "月初", "上旬", "中旬", "号", "年代", "十一", "两",
                "日内", "点", "三", "年", "月", "〇", "分", "晚", "二十", "底"],
}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(_DATE_PIECES)).flatmap(
    lambda lang: st.tuples(st.just(lang), st.lists(st.sampled_from(_DATE_PIECES[lang]), max_size=8).map("".join))))
def test_date_patterns_skipped_only_when_they_cannot_match(case):
    """find_dates skips a pattern whose needs (a digit, a month, 月 …) are absent: same result as running all."""
    from teikit.entities import dates

    lang, text = case

    def found(skip: bool):
        ctx = dates.DateContext(1950, 1)
        saved = dates._needs_in
        if not skip:
            dates._needs_in = lambda text, chinese: frozenset(dates._NEEDS_RE)
        try:
            return [(f.start, f.end, f.tag, f.attrs) for f in dates.find_dates(text, lang, ctx)], (ctx.year, ctx.month)
        finally:
            dates._needs_in = saved

    assert found(True) == found(False)


_GUESS_PIECES = ["Comrade", "Comrades", "Comrade-in-arms", "cde.", "Cdes.", "com.", "Vice-Premier", "Prime Minister",
                 "Defence Minister", "Minister", "Vice President", "chairman", "General", "Generalissimo", "Mr.",
                 "Zhou", "Enlai", "Liu", "Ningyi", "Sun", "Lü", "O'Neil", "Kai-shek", "A.", " ", "  ", "\n", "-",
                 "'", "’", "x", ",", "é", "1"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_GUESS_PIECES), max_size=10).map("".join))
def test_lookbehind_after_the_first_character_matches_as_before_it(text):
    """The title and pinyin patterns check the character before the match after its first one
    (so re can skip ahead): the same matches as with the lookbehind in front."""
    import re

    from teikit.entities import patterns as p

    cap = p._CAP_WORD
    title_first = re.compile(rf"(?<![\w-])(?:{p.TITLES_EN})\s+(?P<name>{cap}(?:\s+{cap}){{0,2}})(?![\w'’-])")
    pinyin_first = re.compile(r"(?<![\w'’-])([A-Z][a-z]{0,5}) ([A-Z][a-zü]{1,9})(?![\w'’-])")
    for moved, first in ((p.TITLE_NAME_EN, title_first), (p.PINYIN_NAME_EN, pinyin_first)):
        assert [(m.span(), m.groups()) for m in moved.finditer(text)] == [(m.span(), m.groups()) for m in first.finditer(text)]
