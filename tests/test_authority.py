"""The shipped authority file, merging user files, and the longest-match name finders."""
from __future__ import annotations

import re

import pytest
from lxml import etree

from teikit.entities.authority import load_authority, shipped_authority_path
from teikit.entities.matchers import matcher_for
from teikit.errors import InputError, XMLInputError
from teikit.tei import NSMAP, parse_xml_file


@pytest.fixture(scope="module")
def authority():
    return load_authority()


def found(authority, lang, text):
    m = matcher_for(authority, lang)
    return [(text[h.start:h.end], [c.entity_id for c in h.candidates]) for h in m.find(text)]


def test_shipped_authority_is_valid_tei(tei_all_rng):
    doc = parse_xml_file(shipped_authority_path())
    assert tei_all_rng.validate(doc), tei_all_rng.error_log.last_error


def test_shipped_authority_covers_the_sino_soviet_world(authority):
    kinds = [e.kind for e in authority.entities.values()]
    assert len(authority) >= 200
    assert min(kinds.count("person"), kinds.count("place"), kinds.count("org")) >= 50


def test_every_record_has_english_and_most_have_chinese_and_pinyin(authority):
    assert all(e.main_name("en") for e in authority.entities.values())
    shipped = set(parse_xml_file(shipped_authority_path()).getroot().xpath("//@xml:id"))
    entities = [e for e in authority.entities.values() if e.id in shipped]  # not the derived places
    with_zh = [e for e in entities if e.main_name("zh-Hans")]
    assert len(with_zh) >= 0.95 * len(entities)
    assert all(e.main_name("zh-Latn-pinyin") for e in with_zh)


def test_wikidata_ids_are_well_formed_and_unique(authority):
    ids = [e.wikidata for e in authority.entities.values() if e.wikidata]
    assert ids and all(re.fullmatch(r"Q[1-9]\d*", i) for i in ids)
    assert len(ids) == len(set(ids))


def test_no_name_is_claimed_by_two_records_without_context(authority):
    """A plain (non-contextual) name must name one entity, or tagging would guess."""
    owners: dict[tuple[str, str], set[str]] = {}
    for e in authority.entities.values():
        for n in e.names:
            if not n.contextual:
                owners.setdefault((n.lang, n.text), set()).add(e.id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_longest_match_first_in_chinese(authority):
    assert found(authority, "zh-Hans", "去列宁格勒，晋谒列宁墓，到高尔基城，读高尔基") == [
        ("列宁格勒", ["leningrad"]), ("列宁", ["lenin"]), ("高尔基城", ["gorky-city"]), ("高尔基", ["maxim-gorky"]),
    ]


def test_word_boundaries_in_english(authority):
    got = found(authority, "en", "Leninism, Leninist, Marxist, Lenin's tomb, Chinese, China's, Moscow-Beijing")
    assert got == [("Lenin", ["lenin"]), ("China", ["china"]), ("Moscow", ["moscow"]), ("Beijing", ["beijing"])]


def test_english_names_survive_line_breaks_and_curly_apostrophes(authority):
    assert found(authority, "en", "Chiang Kai-\nshek went to Yan’an") == [
        ("Chiang Kai-\nshek", ["chiang-kai-shek"]), ("Yan’an", ["yanan"]),
    ]


def test_blocked_compounds_hide_the_names_inside(authority):
    assert found(authority, "zh-Hans", "马克思列宁主义与发展中国家") == [("马克思列宁主义", []), ("发展中国家", [])]


def test_contextual_forms_are_marked(authority):
    hits = matcher_for(authority, "zh-Hans").find("周")
    assert hits[0].unique is None and hits[0].candidates[0].contextual


def test_loading_is_cached(authority):
    assert load_authority() is authority
    assert matcher_for(authority, "en") is matcher_for(authority, "en")


def _write(path, body, ns=' xmlns="http://www.tei-c.org/ns/1.0"'):
    path.write_text(f'<TEI{ns}><standOff>{body}</standOff></TEI>', encoding="utf-8")
    return str(path)


def test_a_user_file_adds_records_and_names(tmp_path):
    extra = _write(tmp_path / "a.xml",
                   '<listPerson><person xml:id="zhou-enlai"><persName xml:lang="en" type="variant">Chou</persName>'
                   '<idno type="wikidata">Q999999999</idno></person>'
                   '<person xml:id="shi-zhe-2"><persName xml:lang="en">Karskii</persName></person></listPerson>')
    merged = load_authority((extra,))
    assert ("Chou", "en") in [(n.text, n.lang) for n in merged.entities["zhou-enlai"].names]
    assert "Zhou Enlai" in [n.text for n in merged.entities["zhou-enlai"].names]
    assert merged.entities["shi-zhe-2"].kind == "person"
    assert len(merged) == len(load_authority()) + 1
    assert len(merged.record("zhou-enlai").findall("{http://www.tei-c.org/ns/1.0}idno")) == 1


def test_a_user_file_without_the_tei_namespace_is_accepted(tmp_path):
    extra = _write(tmp_path / "b.xml", '<listPlace><place xml:id="x-town"><placeName>Xtown</placeName></place></listPlace>', ns="")
    merged = load_authority((extra,))
    assert merged.record("x-town").tag == "{http://www.tei-c.org/ns/1.0}place"
    assert found(merged, "en", "in Xtown") == [("Xtown", ["x-town"])]


def test_bad_user_files_are_input_errors(tmp_path):
    with pytest.raises(XMLInputError):
        load_authority((str(tmp_path / "missing.xml"),))
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI><standOff>", encoding="utf-8")
    with pytest.raises(XMLInputError):
        load_authority((str(bad),))
    with pytest.raises(InputError, match="without xml:id"):
        load_authority((_write(tmp_path / "c.xml", "<listPerson><person><persName>X</persName></person></listPerson>"),))
    with pytest.raises(InputError, match="no person, place or org"):
        load_authority((_write(tmp_path / "d.xml", "<p/>"),))


def test_traditional_chinese_text_finds_simplified_names(authority):
    assert found(authority, "zh-Hant", "周恩來去列寧格勒，馬克思列寧主義") == [
        ("周恩來", ["zhou-enlai"]), ("列寧格勒", ["leningrad"]), ("馬克思列寧主義", []),
    ]


def test_russian_romanisation_variants_are_matched(authority):
    assert found(authority, "en", "Vyshinskii, Malinovsky, Rokossovskiy and Iudin") == [
        ("Vyshinskii", ["vyshinsky"]), ("Malinovsky", ["malinovsky"]), ("Rokossovskiy", ["rokossovsky"]),
        ("Iudin", ["yudin"]),
    ]


def test_common_words_that_contain_names_are_not_names(authority):
    text = "其中共有三人，宪法国家，今日本报，开封了，人民军队，今日共有"
    assert [text[h.start:h.end] for h in matcher_for(authority, "zh-Hans").find(text) if h.unique] == []


def test_english_matcher_matches_as_with_the_lookbehind_in_front(authority):
    """The matcher writes (?<!\\w) after each name's first character (so re can skip ahead):
    the same matches as the plain `(?<!\\w)(?:names)(?!\\w)`."""
    import random

    from teikit.regextrie import prefix_alternation

    m = matcher_for(authority, "en")
    loose = {" ": r"\s+", "-": r"-\s*"}
    plain = prefix_alternation([loose.get(ch) or ("['’ʼ]" if ch in "'’ʼ" else re.escape(ch)) for ch in s] for s in m.surfaces)
    first = re.compile(rf"(?<!\w)(?:{plain})(?!\w)")
    rnd = random.Random(7)
    names = sorted(m.surfaces)
    for _ in range(2000):
        text = "".join(rnd.choice(names)[: rnd.choice((None, 3, -1))] + rnd.choice(["", " ", "x", "-", "\n", "'", "1"])
                       for _ in range(rnd.randint(1, 5)))
        assert [h.start for h in m.find(text)] == [x.start() for x in first.finditer(text)], text
        assert [h.end for h in m.find(text)] == [x.end() for x in first.finditer(text)], text
