"""Names on records teikit has never seen (issue 12): shapes, context, resolution in a document,
the people database, states and capitals, headings in capitals, dates anchored to the record.

These texts are made up for the rules they test; recall and precision on real annotated text are
measured by `python bench/bench_entities.py --quality` (never asserted here).
"""
from __future__ import annotations

import pytest

from teikit.entities.orgs import defined_acronyms, lone_names, pinyin_places, shaped_names
from teikit.entities.people import hsg_ids, lone_surnames
from teikit.entities.shapes import caps_as_title, shape_names_en, surname_of
from teikit.passes.entities import tag_entities
from teikit.tei import NSMAP, parse_xml_bytes


def _doc(en: str, date: str | None = "1955-08-02", head: str = "") -> bytes:
    creation = f'<profileDesc><creation><date when="{date}"/></creation></profileDesc>' if date else ""
    head = f"<head>{head}</head>" if head else ""
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        '<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>'
        f'{creation}</teiHeader><text><body><div xml:lang="en">{head}<p>{en}</p></div></body></text></TEI>'
    ).encode()


def tagged(en: str, **kw):
    return tag_entities(parse_xml_bytes(_doc(en, **kw))).getroot()


def tags(root, kinds=("persName", "placeName", "orgName")):
    """(tag, text, ref) of the names in the text."""
    path = "|".join(f"//tei:text//tei:{k}" for k in kinds)
    return [(el.tag.split("}")[1], " ".join("".join(el.itertext()).split()), el.get("ref"))
            for el in root.xpath(path, namespaces=NSMAP)]


def record(root, rid):
    found = root.xpath(f"//tei:standOff//*[@xml:id='{rid}']", namespaces=NSMAP)
    return found[0] if found else None


@pytest.mark.parametrize("text,expected", [
    ("Ambassador U. Alexis Johnson met Wang Ping-nan.", ["U. Alexis Johnson", "Wang Ping-nan"]),
    ("Walter S. Robertson and Robert Murphy, with Herbert Hoover, Jr., and the U.S. Army",
     ["Walter S. Robertson", "Robert Murphy", "Herbert Hoover Jr."]),
    ("V.K. Wellington Koo and R. B. Anderson", ["V.K. Wellington Koo", "R. B. Anderson"]),
    ("A. Ya. Vyshinsky and Yu. V. Andropov; St. Petersburg", ["A. Ya. Vyshinsky", "Yu. V. Andropov"]),
    ("Telegram From the Ambassador in Czechoslovakia (Johnson) to the Department of State", ["Johnson"]),
    ("Under Secretary of State Herbert Hoover, Jr., wrote", ["Herbert Hoover Jr."]),
    ("Dwight D. Eisenhower Library, Dulles Papers", []),  # an institution named after a person
    ("In January Richard Nixon", ["Richard Nixon"]),
    ("the ChiComs and the U.N. Command", []),
])
def test_person_shapes(text, expected):
    assert [g.name for g in shape_names_en(text)] == expected


def test_surnames_of_full_names():
    assert [surname_of(n) for n in ("Wang Ping-nan", "Chiang Kai-shek", "Mao Zedong", "Walter S. Robertson",
                                    "Herbert Hoover, Jr.", "E. F. Kovalev", "Miklashevskii")] == [
        "Wang", "Chiang", "Mao", "Robertson", "Hoover", "Kovalev", None]


def test_a_surname_resolves_to_the_full_name_used_in_the_document():
    root = tagged("David H. Popper arrived. Later Popper spoke, and Popper's notes were read.")
    assert tags(root) == [("persName", "David H. Popper", "#david-h-popper")] + [
        ("persName", "Popper", "#david-h-popper")] * 2


def test_two_people_with_one_surname_stay_apart():
    root = tagged("E. F. Kovalev met Ivan Kovalev. Allen Dulles and John Foster Dulles spoke. "
                  "Edwin W. Martin and Harold Martin came; Martin left.")
    got = tags(root)
    assert ("persName", "E. F. Kovalev", "#e-f-kovalev") in got and ("persName", "Ivan Kovalev", "#kovalev") in got
    assert ("persName", "Allen Dulles", "#allen-dulles") in got and ("persName", "John Foster Dulles", "#dulles") in got
    assert ("persName", "Martin", "#edwin-w-martin") not in got and ("persName", "Martin", "#harold-martin") not in got


def test_a_bare_authority_surname_is_the_one_bearer_the_document_names_in_full():
    got = tags(tagged("E. F. Kovalev arrived. Kovalev said so."))
    assert got == [("persName", "E. F. Kovalev", "#e-f-kovalev"), ("persName", "Kovalev", "#e-f-kovalev")]
    assert tags(tagged("I. V. Kovalev came; Kovalev spoke.")) == [("persName", "I. V. Kovalev", "#kovalev"),
                                                                   ("persName", "Kovalev", "#kovalev")]


def test_a_full_name_borne_by_one_person_of_the_database_is_linked_never_a_shared_one():
    assert hsg_ids("Walter S. Robertson") == ("111456",)
    assert len(hsg_ids("Robert Anderson")) > 1 and hsg_ids("Robertson") == ()
    root = tagged("Walter S. Robertson met Robert Anderson.")
    robertson, anderson = record(root, "walter-s-robertson"), record(root, "robert-anderson")
    assert robertson.get("cert") is None
    assert robertson.xpath("tei:idno[@type='HSG']/text()", namespaces=NSMAP) == ["111456"]
    assert anderson.get("cert") == "low" and not anderson.xpath("tei:idno", namespaces=NSMAP)


def test_lone_surnames_of_the_database_only_where_they_are_no_common_word():
    text = "I then told Wang I agreed. Menon called again. Short talks followed. New York and the White House."
    assert [text[a:b] for a, b in lone_surnames(text, frozenset())] == ["Wang", "Menon"]
    assert lone_surnames("Wood was cut; the wood burned.", frozenset({"wood", "was", "cut", "the", "burned"})) == []


def test_titles_of_any_office():
    root = tagged("Senator Walter George, Congressman Richards and Consul General Gowen met.")
    assert [t[1] for t in tags(root)] == ["Walter George", "Richards", "Gowen"]


def test_organisations_and_places_by_their_shape():
    found = shaped_names("representatives of the General Staff, the Ministry of the Military, and the 18th Army "
                         "Group; the Taiwan Strait and Lake Baikal; the Joint Chiefs of Staff; Soviet Ambassador")
    assert [(g.name, g.kind) for g in found] == [
        ("General Staff", "org"), ("Ministry of the Military", "org"), ("18th Army Group", "org"),
        ("Taiwan Strait", "place"), ("Lake Baikal", "place"), ("Joint Chiefs of Staff", "org")]
    assert [(g.name, g.kind) for g in shaped_names("Seoul, January 8, 1955—2 p.m.")] == [("Seoul", "place")]
    assert [g.name for g in shaped_names("the Department of Defense Files; the Government of the United Kingdom "
                                         "for the Government of India; the Committee for State Security")] == [
        "Department of Defense", "Government of the United Kingdom", "Government of India",
        "Committee for State Security"]
    assert [g.name for g in shaped_names("the Indian Embassy Washington")] == ["Indian Embassy"]
    assert [g.name for g in shaped_names("Source: Washington National Records Center, OASD Files")] == [
        "Washington National Records Center"]
    assert [g.name for g in shaped_names("the Central Committee of the Workers' Party of Korea")] == [
        "Central Committee of the Workers' Party of Korea"]


def test_longest_name_wins_but_the_authority_keeps_its_own():
    root = tagged("the Revolutionary Committee of the Guomindang, the Central Committee of the CCP "
                  "and the National Security Council")
    assert tags(root) == [
        ("orgName", "Revolutionary Committee of the Guomindang", "#revolutionary-committee-of-the-guomindang"),
        ("orgName", "Central Committee of the CCP", "#ccp-cc"),
        ("orgName", "National Security Council", "#national-security-council")]


def test_an_acronym_defined_in_the_text_names_its_organisation_everywhere():
    assert defined_acronyms("National Security Council (NSC)", [(0, 25)]) == [(0, 27, 30, "NSC")]
    assert defined_acronyms("Foreign Office (NSC)", [(0, 14)]) == []
    root = tagged("The National Security Council (NSC) met. Later the NSC agreed.")
    assert tags(root) == [("orgName", "National Security Council", "#national-security-council")] + [
        ("orgName", "NSC", "#national-security-council")] * 2


def test_states_and_capitals_beyond_the_authority():
    root = tagged("Envoys of Bolivia, Ceylon and Brazil met in Vientiane and Rangoon.")
    got = tags(root)
    assert [t[1] for t in got] == ["Bolivia", "Ceylon", "Brazil", "Vientiane", "Rangoon"]
    assert all(t[0] == "placeName" for t in got)
    assert record(root, "bolivia").xpath("tei:idno[@type='ISO3166-1']/text()", namespaces=NSMAP) == ["BOL"]


def test_organisations_and_places_standing_alone():
    text = ("The CCP and VKP(b) met in Kaesong near Hamhung, at the port of Dalian and in Shandong province; "
            "in Dulles's view, in Chinese, the Korean peninsula; vol. XV, 5 UST 2369; U.S. and V.K. Koo; "
            "the U.N., the Guomindang and the Politburo; Officer in Charge; ROK troops.\nTOP SECRET NIACT\nJFD")
    found = [(g.name, g.kind) for g in lone_names(text, frozenset(), frozenset(), {"JFD"})]
    assert found == [("CCP", "org"), ("VKP(b)", "org"), ("Kaesong", "place"), ("Hamhung", "place"),
                     ("Dalian", "place"), ("Shandong", "place"), ("U.S.", "place"), ("U.N.", "org"),
                     ("Guomindang", "org"), ("Politburo", "org"), ("ROK", "place")]
    assert lone_names("Hamhung", frozenset(), frozenset()) == []  # no context, no name
    caps = "LONG LIVE THE CCP! WE DEMAND POW release; the AVP RF; in Soviet hands, in Zhou Enlai, in Sichuan and"
    assert [(g.name, g.kind) for g in lone_names(caps, frozenset(), frozenset())] == [
        ("AVP RF", "org"), ("Sichuan", "place")]
    more = "troops in Pyongyang, Haeju and Wonsan; Beijing: Zhongguo shehui kexue chubanshe, 1988; the Renmin ribao"
    assert [(g.name, g.kind) for g in lone_names(more, frozenset(), frozenset())] == [
        ("Pyongyang", "place"), ("Haeju", "place"), ("Wonsan", "place"),
        ("Zhongguo shehui kexue chubanshe", "org"), ("Renmin ribao", "org")]
    codes = "a State–Defense–FOA message; Files 711.11–EI/8–555; MIG-15; UN-sponsored; U.S.-ROK talks; anti-CCP"
    assert [g.name for g in lone_names(codes, frozenset(), frozenset())] == [
        "State", "Defense", "FOA", "U.S.", "ROK", "CCP"]
    assert [g.name for g in lone_names("State and Defense agreed; the State and the Church", frozenset(),
                                       frozenset())] == ["State", "Defense"]
    assert lone_names("advance in Fact and in Hamhung", frozenset({"hamhung"}), frozenset({"Fact"})) == []


def test_a_place_shown_by_its_context_is_named_everywhere_in_the_document():
    root = tagged("Advance on Hamhung began. The army stood in Hamhung and the NNSC left Hamhung; "
                  "in Dulles's view the KMAG agreed.")
    got = tags(root)
    places = [t for t in got if t[0] == "placeName"]
    assert [t[1] for t in places] == ["Hamhung"] * 3 and len({t[2] for t in places}) == 1
    assert [t[:2] for t in got if t[0] == "orgName"] == [("orgName", "NNSC"), ("orgName", "KMAG")]
    assert record(root, "hamhung").get("cert") == "low"


def test_chinese_places_written_as_one_pinyin_word():
    text = ("to Qinzhou station and the Beiping-Haikou railroad; Taiyuan, Hankou; Mao Zedong; Dangdai Zhongguo "
            "waijiao; the Guomindang; one Minute, Madame")
    assert [g.name for g in pinyin_places(text, frozenset(), frozenset())] == [
        "Qinzhou", "Beiping", "Haikou", "Taiyuan", "Hankou"]


def test_a_heading_in_capitals_is_still_text():
    assert caps_as_title("RECORD OF CONVERSATION WITH COMRADE I.V. STALIN") == "Record Of Conversation With Comrade I.V. Stalin"
    assert caps_as_title("No capitals here") is None
    root = tagged("Text.", head="RECORD OF CONVERSATION BETWEEN COMRADE I.V. STALIN AND CHAIRMAN MAO ZEDONG OF THE CCP")
    assert tags(root) == [("persName", "I.V. STALIN", "#stalin"), ("persName", "MAO ZEDONG", "#mao-zedong"),
                          ("orgName", "CCP", "#ccp")]


def test_relative_dates_only_where_the_text_states_the_record_date():
    stated = tagged("Washington, August 2, 1955. Yesterday the Congressman spoke.")
    rel = stated.xpath("//tei:text//tei:date[@type='relative']", namespaces=NSMAP)
    assert [(d.text, d.get("when")) for d in rel] == [("Yesterday", "1955-08-01")]
    unstated = tagged("Yesterday the Congressman spoke.")
    assert not unstated.xpath("//tei:date[@type='relative']", namespaces=NSMAP)


def test_new_constructs_are_valid_tei_and_teikit(shared, tmp_path):
    from teikit.api import EncodeOptions, encode_parallel

    validate = pytest.importorskip("teikit.validate")
    en = tmp_path / "letter.en.txt"
    en.write_text("Washington, August 2, 1955\n\nYesterday Walter S. Robertson met the National Security Council "
                  "(NSC) in Vientiane from 11–12 a.m.; Robertson and the NSC agreed on 5 and 6 July. The KMAG "
                  "stayed in Hamhung.\n", encoding="utf-8")
    root = encode_parallel(str(en), None, EncodeOptions(title="Letter", date="1955-08-02")).getroot()
    assert root.xpath("//tei:time[@notBefore='11:00:00']", namespaces=NSMAP)
    assert root.xpath("//tei:date[@type='relative']", namespaces=NSMAP)
    assert root.xpath("//tei:person/tei:idno[@type='HSG']", namespaces=NSMAP)
    assert root.xpath("//tei:place[@cert='low']/tei:placeName[.='Hamhung']", namespaces=NSMAP)
    tei_all = str(shared / "schema" / "tei_all.rng")
    for schema in ("tei_all", "teikit"):  # the official grammar (specialised: fast) and teikit's profile
        result = validate.validate(root.getroottree(), validate.ValidateOptions(schema=schema, tei_all=tei_all))
        assert result.valid, (schema, [d.format() for d in result.diagnostics][:3])


def test_one_name_each_the_longest():
    root = tagged("The VKP(b) CC discussed North China, North Korea and East Germany; in the North they waited.")
    assert tags(root) == [("orgName", "VKP(b) CC", "#cpsu-cc"), ("placeName", "North China", "#north-china"),
                          ("placeName", "North Korea", "#north-korea"), ("placeName", "East Germany", "#east-germany")]
    assert record(root, "north-china").get("cert") == "low"


def test_hand_annotations_resolve_in_their_records(shared):
    """Every mention of tests/data/entities/gold/*.tsv is found, in order, in its record's contents
    (the files `bench/bench_entities.py --quality` scores against)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from entity_quality import frus_gold_docs, wilson_docs

    docs = wilson_docs()
    assert {d.name for d in docs} == {"113379", "117031", "122809"}
    held = frus_gold_docs()
    assert {d.name for d in held} == {"frus1955-57v03-d16", "frus1955-57v23p2-d4", "frus1955-57v23p2-d6"}
    for doc in docs + held:
        assert doc.gold and all(doc.text[m.start:m.end].replace("\n", " ").startswith(m.text[:3]) for m in doc.gold)
        assert [m.start for m in doc.gold] == sorted(m.start for m in doc.gold)


def test_a_second_run_changes_nothing_and_reuses_the_local_records():
    from teikit.tei import serialize

    once = tag_entities(parse_xml_bytes(_doc(
        "“Indian Embassy Washington met Walter S. Robertson and the National Security Council (NSC) in "
        "Qinzhou; the KMAG stayed in Hamhung (Hamhung fell); the Government of the United Kingdom for the "
        "Government of India agreed. Robertson left.")))
    assert serialize(tag_entities(parse_xml_bytes(serialize(once)))) == serialize(once)
