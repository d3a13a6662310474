"""The entity kinds: one row each, read by the authority loader, the entities pass, the tagger,
the listing and the HTML transform (transforms/html/entity-kinds.xsl is generated from here).

Adding a kind is one row here (plus its records in the authority file), then
`python -m teikit.entities.kinds` to regenerate the stylesheet (a test checks it is current).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class EntityKind:
    """A kind of entity: its TEI record element (also the kind's name), the element that names
    it in text and in the record, the standOff list that holds the records, the HTML class."""

    record: str  # person
    name: str  # persName
    list: str  # listPerson
    html_class: str  # person


# in standOff order (listPerson, listPlace, listOrg)
KINDS = (
    EntityKind("person", "persName", "listPerson", "person"),
    EntityKind("place", "placeName", "listPlace", "place"),
    EntityKind("org", "orgName", "listOrg", "org"),
)
BY_RECORD = {k.record: k for k in KINDS}
BY_NAME = {k.name: k for k in KINDS}
RECORDS = tuple(k.record for k in KINDS)
NAME_ELEMENTS = tuple(k.name for k in KINDS)
RECORD_KINDS = {k.record: k.name for k in KINDS}  # record element -> name element
LIST_OF = {k.record: k.list for k in KINDS}  # record element -> standOff list element
KIND_OF_NAME = {k.name: k.record for k in KINDS}  # name element -> record element
DEFAULT = KINDS[0]  # a name whose kind nothing tells is a person's


def xpath_union(steps, prefix: str = "tei:") -> str:
    """'tei:a | tei:b | …' of the given element names."""
    return " | ".join(prefix + step for step in steps)


def self_test(names, prefix: str = "tei:") -> str:
    """'self::tei:a or self::tei:b …', an XPath 1.0 predicate body naming the elements."""
    return " or ".join(f"self::{prefix}{n}" for n in names)


def stylesheet_path() -> Path:
    from ..resources import transforms_dir

    return transforms_dir() / "html" / "entity-kinds.xsl"


def stylesheet() -> str:
    """The generated XSLT: the `main-name` key and the `entity-kind` template of the HTML page."""
    parents = " or ".join(f"parent::tei:{r}" for r in RECORDS)
    whens = "\n".join(
        f"      <xsl:when test=\"self::tei:{k.name} or $entity/self::tei:{k.record}\">{k.html_class}</xsl:when>"
        for k in KINDS)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!--
  GENERATED from src/teikit/entities/kinds.py by `python -m teikit.entities.kinds`: do not edit.

  Keys:
    main-name  the main (untyped, not romanised) names of each authority record, by the record's
               xml:id: a name's tooltip, looked up instead of filtering the record's children
  Named templates:
    entity-kind  the HTML class of a name (the context node): its own element's kind, else the
                 kind of $entity (its record), else 'name'
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:key name="main-name" use="../@xml:id" match="
{chr(10).join(f"    {'| ' if i else '  '}tei:{n}[not(@type)][{parents}][not(contains(@xml:lang, '-Latn'))]" for i, n in enumerate(NAME_ELEMENTS))}"/>

  <xsl:template name="entity-kind">
    <xsl:param name="entity" select="/.."/>
    <xsl:choose>
{whens}
      <xsl:otherwise>name</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
"""


if __name__ == "__main__":  # regenerate the stylesheet
    stylesheet_path().write_text(stylesheet(), encoding="utf-8")
    sys.stdout.write(f"wrote {stylesheet_path()}\n")
