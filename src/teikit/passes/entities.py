"""The named-entity pass: persName/placeName/orgName with @ref, date and time, in both languages.

`tag_entities(tree, options)` tags the body divisions and their notes in two rounds. Round one
tags what needs no context: authority names with one referent, dates and times (the year from
the record's own date), and unknown names found by titles (local records marked `cert="low"`).
Round two resolves what needs context (a bare "Zhou" or 周, 中央, 莫米二同志) from the aligned
sentence of the other language, else from the rest of the document. Then the header's
correspDesc names get their @ref, and the records used are copied into standOff.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..entities.authority import load_authority
from ..entities.document import record_date, text_divisions
from ..entities.run import DocumentRun


@dataclass(frozen=True)
class EntityOptions:
    """Options of the pass when called on its own (EncodeOptions carries the same `authority`).

    `roles` adds roleName beside names; it is off in `teikit encode` because docs/encoding.md and
    the teikit profile (schema/teikit.rng) do not include roleName.
    """

    authority: tuple[str, ...] = ()
    roles: bool = False


def tag_entities(tree: etree._ElementTree, options=None) -> etree._ElementTree:
    """Tag names, dates and times in both languages and add the records used to standOff."""
    authority = load_authority(tuple(getattr(options, "authority", ()) or ()))
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    run = DocumentRun(root, authority)
    divisions = text_divisions(root)
    visits = [run.tag_plain(division) for division in divisions]
    for division, seen in zip(divisions, visits):
        run.tag_in_context(division, seen)
    run.keep_bearers_apart(divisions)
    if getattr(options, "roles", False):
        for division in divisions:
            run.tag_roles(division)
    run.tag_header()
    run.write_records()
    return tree


__all__ = ["EntityOptions", "record_date", "tag_entities", "text_divisions"]
