"""The registry of entity kinds (teikit.entities.kinds) and the one authority loader its readers share."""
from __future__ import annotations

import os
import re

import pytest
from lxml import etree

from teikit import writers
from teikit.align.authority import name_pairs
from teikit.entities import kinds
from teikit.entities.authority import load_authority
from teikit.resources import transforms_dir
from teikit.tei import TEI_NS

# Stylesheets that name some kinds on purpose: a citation's authors are people or organisations.
_SUBSETS = {"common/csl.xsl", "common/csl-manuscript.xsl"}


def test_the_generated_stylesheet_is_current():
    """`python -m teikit.entities.kinds` after editing KINDS."""
    assert kinds.stylesheet_path().read_text(encoding="utf-8") == kinds.stylesheet()


def test_the_registry_is_consistent():
    for table in (kinds.RECORDS, kinds.NAME_ELEMENTS, [k.list for k in kinds.KINDS], [k.html_class for k in kinds.KINDS]):
        assert len(set(table)) == len(kinds.KINDS)
    assert all(kinds.KIND_OF_NAME[kinds.RECORD_KINDS[r]] == r for r in kinds.RECORDS)


@pytest.mark.parametrize("column", ["record", "name", "list"])
def test_stylesheets_name_every_kind_or_none(column):
    """A stylesheet that names one kind's element names every kind's (so adding a kind fails here
    until every hand-written pattern knows it)."""
    root = transforms_dir()
    for path in sorted(root.rglob("*.xsl")):
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        named = {getattr(k, column) for k in kinds.KINDS if re.search(rf"tei:{getattr(k, column)}\b", text)}
        if named and rel not in _SUBSETS:
            assert named == {getattr(k, column) for k in kinds.KINDS}, rel


def _doc(body: str) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        '<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>'
        f'<text><body><div xml:lang="en"><p>{body}</p></div></body></text>'
        '<standOff><listPerson><person xml:id="a"><persName xml:lang="en">A</persName></person></listPerson>'
        '<listPlace><place xml:id="b"><placeName xml:lang="en">B</placeName></place></listPlace>'
        '<listOrg><org xml:id="c"><orgName xml:lang="en">C</orgName></org></listOrg></standOff></TEI>'))


def test_html_classes_come_from_the_registry():
    names = "".join(f"<{k.name}>{k.record}</{k.name}> " for k in kinds.KINDS)
    refs = "".join(f'<name ref="#{i}">{i}</name> ' for i in "abc")  # a plain name: its record's kind
    html = writers.export(_doc(names + refs + "<name>x</name>"), "html", writers.ExportOptions()).decode()
    classes = re.findall(r'class="name ([a-z]+)"', html)
    assert classes == [k.html_class for k in kinds.KINDS] * 2 + ["name"]


# --- one authority loader: merged by xml:id, reloaded when a file changes -------------------------
def _user_file(tmp_path, zh: str):
    path = tmp_path / "user.xml"
    path.write_text(f'<TEI xmlns="{TEI_NS}"><standOff><listPerson><person xml:id="zhou-enlai">'
                    f'<persName xml:lang="zh-Hant">{zh}</persName></person></listPerson></standOff></TEI>',
                    encoding="utf-8")
    return path


def test_the_aligner_pairs_names_across_files(tmp_path):
    """A user file adding a Chinese name to a shipped record: the aligner pairs it with the
    record's English names (the files are merged record by record, not read one by one)."""
    path = _user_file(tmp_path, "周恩來")
    assert ("Zhou Enlai", "周恩來") in name_pairs([str(path)])
    assert ("Zhou Enlai", "周恩來") not in name_pairs()
    names = load_authority((str(path),)).entities["zhou-enlai"].names
    assert ("周恩來", "zh-Hant") in [(n.text, n.lang) for n in names]


def test_a_changed_file_is_read_again(tmp_path):
    path = _user_file(tmp_path, "周恩來")
    assert ("Zhou Enlai", "周恩來") in name_pairs([str(path)])
    _user_file(tmp_path, "周總理")
    stat = os.stat(path)
    os.utime(path, (stat.st_atime, stat.st_mtime + 5))
    pairs = name_pairs([str(path)])
    assert ("Zhou Enlai", "周總理") in pairs and ("Zhou Enlai", "周恩來") not in pairs
