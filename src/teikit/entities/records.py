"""The records of the entities pass: local records for names the authority lacks (cert="low",
one per name and kind; a Chinese name shares the record of its English pinyin), and the records
a document refers to, copied into its standOff."""
from __future__ import annotations

from lxml import etree

from ..lang import is_chinese
from ..tei import XML_ID, XML_LANG, ensure_standoff, local_name, slug, tei
from .document import list_in, refs_in_order
from .kinds import KINDS, RECORD_KINDS
from .people import hsg_ids


class LocalRecords:
    """The record-keeping half of a document's run (entities.run.DocumentRun): needs `root`,
    `authority`, `local`, `local_ids`, `local_others`, `existing` and `doc_ids`."""

    def _kind_of(self, ref: str) -> str:
        entity = self.authority.entities.get(ref)
        if entity:
            return entity.kind
        return local_name(self.local[ref]) if ref in self.local else "person"

    def _local_id(self, name: str, lang: str, kind: str = "person") -> str:
        """A local record for a name not in the authority: id from the name, cert="low".

        A Chinese name whose pinyin is an English name already found (谢觉哉, "Xie Juezai") shares
        that record, so both languages point to one person.
        """
        if (kind, name) in self.existing:  # tagged by an earlier run: its record
            return self.existing[(kind, name)]
        if kind != "person":
            return self._local_record(name, lang, kind)
        key = (lang, name)
        if key in self.local_ids:
            return self.local_ids[key]
        base = slug(latin(name) if is_chinese(lang) else name)
        rid = self.local_ids.get(("slug", base))
        if rid is None:
            rid, n = base, 2
            while rid in self.authority.entities or rid in self.doc_ids or rid in self.local:
                rid, n = f"{base}-{n}", n + 1
            hsg = hsg_ids(name) if not is_chinese(lang) else ()
            if len(hsg) == 1:  # one person of the database bears this full name: its record
                self.local[rid] = etree.Element(tei("person"), {XML_ID: rid})
                etree.SubElement(self.local[rid], tei("idno"), {"type": "HSG"}).text = hsg[0]
            else:
                self.local[rid] = etree.Element(tei("person"), {XML_ID: rid, "cert": "low"})
            self.local_ids[("slug", base)] = rid
        record = self.local[rid]
        names = record.findall(tei("persName"))
        name_el = etree.Element(tei("persName"), {XML_LANG: lang})
        name_el.text = name
        (names[-1].addnext(name_el) if names else record.insert(0, name_el))
        if is_chinese(lang):
            etree.SubElement(record, tei("persName"), {XML_LANG: "zh-Latn-pinyin"}).text = latin(name, tones=True)
        self.local_ids[key] = rid
        return rid


    def _local_record(self, name: str, lang: str, kind: str) -> str:
        """A local organisation or place record (cert="low") named `name` (one per name and kind)."""
        key = (lang, name, kind)
        if key in self.local_others:
            return self.local_others[key]
        base = slug(name)
        rid, n = base, 2
        while rid in self.authority.entities or rid in self.doc_ids or rid in self.local:
            rid, n = f"{base}-{n}", n + 1
        self.local[rid] = etree.Element(tei(kind), {XML_ID: rid, "cert": "low"})
        etree.SubElement(self.local[rid], tei(RECORD_KINDS[kind]), {XML_LANG: lang}).text = name
        self.local_others[key] = rid
        return rid


    def _add_local_name(self, rid: str, name: str, lang: str) -> None:
        if (lang, name) in self.local_ids:
            return
        record = self.local[rid]
        etree.SubElement(record, tei("persName"), {XML_LANG: lang}).text = name
        etree.SubElement(record, tei("persName"), {XML_LANG: "zh-Latn-pinyin"}).text = latin(name, tones=True)
        self.local_ids[(lang, name)] = rid


    def write_records(self) -> None:
        """Copy the records the document refers to into standOff: listPerson, listPlace, listOrg."""
        used = [i for i in dict.fromkeys(refs_in_order(self.root)) if i not in self.doc_ids]
        records = [self._record(i) for i in used]
        records = [r for r in records if r is not None]
        if not records:
            return
        standoff = ensure_standoff(self.root)
        for kind in reversed(KINDS):  # inserted at the front: in the order of KINDS
            of_kind = [r for r in records if local_name(r) == kind.record]
            if of_kind:
                list_in(standoff, kind.list).extend(of_kind)

    def _record(self, rid: str) -> etree._Element | None:
        if rid in self.local:
            return self.local[rid]
        if rid in self.authority.records:
            return self.authority.record(rid)
        return None



def latin(name: str, tones: bool = False) -> str:
    """Pinyin of a Chinese name (surname apart): 王明 -> 'Wang Ming'."""
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(name, style=Style.TONE if tones else Style.NORMAL)
    return " ".join(p for p in (syllables[0].capitalize(), "".join(syllables[1:]).capitalize()) if p)
