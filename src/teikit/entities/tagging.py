"""Wrapping spans of an element's mixed content in new elements, losslessly.

An element's content (its text, its children and their tails) is seen as one string in which a
transparent child (supplied, expan, hi …) contributes its text and any other child one object
character (U+FFFC) that no pattern matches. A span is wrapped only if it does not cut through a
child: `[Zhou] Enlai` becomes `<persName><supplied>Zhou</supplied> Enlai</persName>`, while a
name that starts inside a `supplied` is left to the recursion into that `supplied`.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Callable, Iterable

from lxml import etree

from ..tei import local_name, tei
from .kinds import NAME_ELEMENTS

OBJECT = "\ufffc"
# Never tagged inside: editorial apparatus, note anchors and what is already tagged.
SKIP = frozenset({
    *NAME_ELEMENTS, "label", "ref", "ptr", "gap", "name", "rs", "date", "time",
    "roleName", "num", "idno", "title", "bibl", "biblStruct", "listBibl", "link", "linkGrp", "standOff",
    "figure", "graphic", "formula", "code", "metamark",
})
# Their text is part of the sentence: a name may run across them if it wraps them whole.
TRANSPARENT = frozenset({
    "supplied", "expan", "ex", "abbr", "hi", "emph", "unclear", "add", "seg", "w", "c", "lb", "pb", "cb",
    "milestone", "choice", "orig", "reg", "sic", "corr",
})
_BLANK = OBJECT + " \n\t"  # content with nothing else has nothing to tag
_ONE_READING = {"choice": ("expan", "reg", "corr")}


@dataclass(frozen=True)
class Span:
    """Wrap [start, end) of the flattened content in <tag attrs…>."""

    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...] = field(default_factory=tuple)


Finder = Callable[[str, etree._Element], Iterable[Span]]


@dataclass
class Visit:
    """An element whose content `tag_tree` showed the finder: that content, and whether it has
    changed since (the element or one of its descendants was tagged)."""

    element: etree._Element
    flat: str
    changed: bool = False


def tag_tree(element: etree._Element, finder: Finder, visits: list[Visit] | None = None) -> int:
    """Apply `finder` to `element` and, recursively, to its children; return the number of tags made.

    With `visits`, each element shown to the finder is appended to it (in document order), for
    `tag_again`.
    """
    if visits is None:
        return _tag_subtree(element, finder, None)
    return _tag_subtree(element, finder, _Seen(element, visits))


def tag_again(visits: list[Visit], finder: Finder) -> list[Span]:
    """Apply `finder` once more to the elements of `visits`, as `tag_tree` would to the same tree;
    return the spans wrapped.

    Only the elements tag_tree showed the finder can have content (the others are blank or were
    wrapped), and an unchanged element's content is still `visit.flat`: it is flattened again only
    if the finder wraps something in it.
    """
    made: list[Span] = []
    moved: set = set()
    for visit in visits:
        element = visit.element
        if moved and _moved(element, moved):
            continue  # wrapped by this round: inside a name now
        flat, items = flatten(element) if visit.changed else (visit.flat, None)
        if not flat.strip(_BLANK):
            continue
        spans = finder(flat, element)
        if not spans:
            continue
        if items is None:
            items = flatten(element)[1]
        spans = _valid_spans(spans, items)
        if spans:
            moved.update(c for c in element if isinstance(c.tag, str))
            _rebuild(element, items, spans)
            moved.difference_update(element)
            made.extend(spans)
    return made


def _moved(element: etree._Element, moved: set) -> bool:
    return element in moved or any(a in moved for a in element.iterancestors())


class _Seen:
    """What tag_tree records for tag_again: the visits, and which elements have changed."""

    def __init__(self, top: etree._Element, visits: list[Visit]):
        self.top, self.visits, self.by_element = top, visits, {}

    def saw(self, element: etree._Element, flat: str) -> None:
        visit = Visit(element, flat)
        self.visits.append(visit)
        self.by_element[element] = visit

    def tagged(self, element: etree._Element, spans: list[Span]) -> None:
        """`element` got `spans` wrapped: its content is now its flat text with an object character
        for each wrapper; its parent's changed too if it was shown there as text (only a
        transparent element can be), and so on up."""
        visit = self.by_element[element]
        if any(span.tag in TRANSPARENT for span in spans):
            visit.changed = True  # a wrapper that shows its text: flatten again
        else:
            visit.flat = _with_objects(visit.flat, spans)
        node = element
        while node is not self.top and local_name(node) in TRANSPARENT:
            node = node.getparent()
            if node in self.by_element:
                self.by_element[node].changed = True


def _with_objects(flat: str, spans: list[Span]) -> str:
    """`flat` with each (sorted, disjoint) span replaced by one object character."""
    parts, pos = [], 0
    for span in spans:
        parts.append(flat[pos : span.start])
        pos = span.end
    parts.append(flat[pos:])
    return OBJECT.join(parts)


def _tag_subtree(element: etree._Element, finder: Finder, seen: _Seen | None) -> int:
    if not isinstance(element.tag, str) or local_name(element) in SKIP:
        return 0
    return _tag_element(element, finder, seen)


def _tag_element(element: etree._Element, finder: Finder, seen: _Seen | None) -> int:
    """_tag_subtree of an element that is not skipped."""
    originals, some_text = _children_to_tag(element)
    made = _tag_own_content(element, finder, seen) if some_text else 0
    for child in originals:
        if child.getparent() is element:  # not moved into a new wrapper
            made += _tag_element(child, finder, seen)
    return made


def _children_to_tag(element: etree._Element) -> tuple[list[etree._Element], bool]:
    """The children not skipped, and whether the element's own content may have something to tag:
    if not (only white space and opaque children: a p of sentences), it need not be flattened."""
    children = []
    text = element.text
    some_text = bool(text and text.strip(_BLANK))
    for child in element:
        if isinstance(child.tag, str):
            name = local_name(child)
            if name not in SKIP:
                children.append(child)
            some_text = some_text or name in TRANSPARENT  # its reading may be text
        if not some_text:
            tail = child.tail
            some_text = bool(tail and tail.strip(_BLANK))
    return children, some_text


def flatten(element: etree._Element) -> tuple[str, list[tuple[int, int, object]]]:
    """The content of `element` as one string, and its items with their [start, end) offsets."""
    text = element.text
    if not len(element):  # most sentences: text only
        return (text, [(0, len(text), text)]) if text else ("", [])
    items: list[tuple[int, int, object]] = []
    parts: list[str] = []
    pos = 0
    if text:
        pos = len(text)
        items.append((0, pos, text))
        parts.append(text)
    for child in element:
        visible = _visible_text(child)
        end = pos + len(visible)
        items.append((pos, end, child))
        parts.append(visible)
        pos = end
        tail = child.tail
        if tail:
            end = pos + len(tail)
            items.append((pos, end, tail))
            parts.append(tail)
            pos = end
    return "".join(parts), items


def _visible_text(child) -> str:
    if isinstance(child.tag, str) and _is_transparent(child):
        return _reading(child)
    return OBJECT  # an opaque element, a comment, a processing instruction


def _is_transparent(el: etree._Element) -> bool:
    return isinstance(el.tag, str) and local_name(el) in TRANSPARENT and all(
        _is_transparent(d) for d in el if isinstance(d.tag, str)
    )


def _reading(el: etree._Element) -> str:
    """The text a reader sees (for choice, the expansion / regularisation / correction)."""
    name = local_name(el)
    if name in _ONE_READING:
        for want in _ONE_READING[name]:
            for c in el:
                if isinstance(c.tag, str) and local_name(c) == want:
                    return _reading(c)
        return OBJECT
    text = el.text or ""
    for c in el:
        text += _reading(c) if isinstance(c.tag, str) else ""
        text += c.tail or ""
    return text


def _tag_own_content(element: etree._Element, finder: Finder, seen: _Seen | None) -> int:
    flat, items = flatten(element)
    if not flat.strip(_BLANK):
        return 0
    if seen is not None:
        seen.saw(element, flat)
    spans = finder(flat, element)
    if spans:
        spans = _valid_spans(spans, items)
    if not spans:
        return 0
    _rebuild(element, items, spans)
    if seen is not None:
        seen.tagged(element, spans)
    return len(spans)


def _valid_spans(spans: Iterable[Span], items) -> list[Span]:
    """The spans to wrap: left to right (longest first), none overlapping, none cutting a child."""
    chosen: list[Span] = []
    last_end = -1
    text_only = len(items) == 1 and isinstance(items[0][2], str)  # most sentences
    children = () if text_only else [item for item in items if not isinstance(item[2], str)]
    if children:
        starts, ends = [c[0] for c in children], [c[1] for c in children]
    for span in sorted(spans, key=_leftmost_longest):
        if span.start < last_end or span.end <= span.start:
            continue
        # only the children that touch [start, end] can make a bad cut (children are in order)
        if children and not _clean_cut(span, children[bisect_left(ends, span.start) : bisect_right(starts, span.end)]):
            continue
        chosen.append(span)
        last_end = span.end
    return chosen


def _leftmost_longest(span: Span) -> tuple[int, int]:
    return span.start, -span.end


def _clean_cut(span: Span, items) -> bool:
    for start, end, value in items:
        if isinstance(value, str):
            continue
        if start < span.start < end or start < span.end < end:
            return False
        if span.start <= start and end <= span.end and not _is_transparent(value):
            return False
    return True


def _rebuild(element: etree._Element, items, spans: list[Span]) -> None:
    """Wrap each span's part of `element`'s content (`items`, from flatten) in a new element.

    Read left to right: text and children outside the spans stay in `element` (its remaining
    children are already there, in order), those inside go into the span's wrapper, which is
    inserted where the span starts.
    """
    if len(items) == 1 and isinstance(items[0][2], str):
        _wrap_text(element, items[0][2], spans)
        return
    for child in element:
        child.tail = None
    element.text = None
    outside, inside = _Appender(element), None
    pending = iter(spans)
    span = next(pending, None)
    for start, end, value in items:
        pos = start
        while True:
            while span is not None and pos >= span.end:
                span, inside = next(pending, None), None
            if span is not None and span.start <= pos:
                if inside is None:
                    inside = _Appender(outside.insert(span))
                target, cut = inside, min(end, span.end)
            else:
                target, cut = outside, end if span is None else min(end, span.start)
            if not isinstance(value, str):
                target.child(value)  # a clean cut: the whole child is on one side
                break
            target.text(value[pos - start : cut - start])
            if cut >= end:
                break
            pos = cut


def _wrap_text(element: etree._Element, text: str, spans: list[Span]) -> None:
    """_rebuild of an element that holds only `text` (most sentences): text, wrappers, tails."""
    element.text = text[: spans[0].start] or None
    for k, span in enumerate(spans, 1):
        wrapper = _wrapper(element, span)
        wrapper.text = text[span.start : span.end]
        wrapper.tail = text[span.end : spans[k].start if k < len(spans) else len(text)] or None


def _wrapper(parent: etree._Element, span: Span) -> etree._Element:
    """A new last child of `parent` for `span` (its attributes set one by one: quicker than
    building a dict of them for SubElement)."""
    wrapper = etree.SubElement(parent, tei(span.tag))
    for name, value in span.attrs:
        wrapper.set(name, value)
    return wrapper


class _Appender:
    """Adds text and children at the end of an element's new content."""

    def __init__(self, element: etree._Element):
        self.element, self.last = element, None

    def text(self, text: str) -> None:
        if self.last is None:
            self.element.text = (self.element.text or "") + text
        else:
            self.last.tail = (self.last.tail or "") + text

    def child(self, child: etree._Element) -> None:
        """`child` is the next child: moved here if it is elsewhere (a child being wrapped)."""
        if child.getparent() is not self.element:
            self.element.append(child)
        self.last = child

    def insert(self, span: Span) -> etree._Element:
        """A new element for `span` right after what has been added so far."""
        # made in the element's document (a SubElement, then moved): a free-standing Element
        # would get a document of its own, then be moved into this one
        wrapper = _wrapper(self.element, span)
        if self.last is None:
            self.element.insert(0, wrapper)
        else:
            self.last.addnext(wrapper)
        self.last = wrapper
        return wrapper
