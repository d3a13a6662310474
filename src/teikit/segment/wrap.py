"""Sentences in a TEI tree: wrap the sentences of a container in `s`, never losing or moving
text (the string value of each container is unchanged).

Containers are `p` and the children of `opener`/`closer` (salute, signed, dateline ...), never
`head`. A direct `label` child splits its container into runs and stays outside `s`; every other
inline element is atomic (a boundary inside it moves to after it). White space between sentences
stays between the `s` elements.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from lxml import etree

from ..tei import XML_ID, append_text, local_name, tei

PLACEHOLDER = "\u2060"  # stands for an empty inline element while trimming


def sentence_containers(div: etree._Element) -> list[etree._Element]:
    """p, and opener/closer children with text, in document order (none inside head or s)."""
    out = []
    for el in _candidates(div):
        if local_name(el) in ("label", "s") or _has(el.iterancestors(_HEAD, _S)) or _has(el.iterdescendants(_S)):
            continue
        if local_name(el) != "p" and _has(el.iterancestors(_P)):
            continue
        if "".join(el.itertext()).strip():
            out.append(el)
    return out


_HEAD, _S, _P = tei("head"), tei("s"), tei("p")
_FRAMES = (tei("opener"), tei("closer"))


def _candidates(div: etree._Element):
    """What `.//tei:p | .//tei:opener/* | .//tei:closer/*` selects, in document order, in one
    walk (libxml2 merges the node sets of a union in time quadratic in their size)."""
    for el in div.iterdescendants():
        if isinstance(el.tag, str) and (el.tag == _P or el.getparent().tag in _FRAMES):
            yield el


def _has(elements) -> bool:
    return next(elements, None) is not None


def wrap_sentences(container: etree._Element, cut, next_id) -> None:
    """Rebuild the container's content with its sentences wrapped in `s`."""
    items = _detach_items(container)
    run: list = []
    for item in items:
        if _is_label(item):
            _emit_run(container, run, cut, next_id)
            run = []
            _append_element(container, item)
        else:
            run.append(item)
    _emit_run(container, run, cut, next_id)


def _detach_items(container: etree._Element) -> list:
    """The container's content as a list of strings and (tail-less) elements; container emptied."""
    items: list = []
    if container.text:
        items.append(container.text)
    for child in list(container):
        tail = child.tail
        child.tail = None
        container.remove(child)
        items.append(child)
        if tail:
            items.append(tail)
    container.text = None
    return items


def _is_label(item) -> bool:
    return not isinstance(item, str) and local_name(item) == "label"


def _value(item) -> str:
    if isinstance(item, str):
        return item
    if not isinstance(item.tag, str):
        return ""
    return "".join(item.itertext())


def _emit_run(container, run: list, cut, next_id) -> None:
    """Append the run to the container, each sentence region's pieces wrapped in a new `s`."""
    if not run:
        return
    regions, pieces = _sentence_regions(run, cut)
    current, current_region = None, -1
    region_index, n_regions = 0, len(regions)
    for start, _end, piece in pieces:
        while region_index < n_regions and regions[region_index][1] <= start:
            region_index += 1
        if region_index < n_regions and regions[region_index][0] <= start:
            if current is None or current_region != region_index:
                # ids in the order the sentences are made, which is document order
                current = etree.SubElement(container, _S, {XML_ID: next_id()})
                current_region = region_index
            _append(current, piece)
        else:
            current = None
            _append(container, piece)


def _sentence_regions(run: list, cut):
    """(regions, pieces): the [start, end) of each sentence, and the run cut into pieces
    (start, end, string-or-element) that never straddle a region edge; offsets are virtual
    (an empty element counts as one character)."""
    real, spans = _layout(run)
    cuts = _snap(cut(_masked(real, run, spans)), spans)
    virtual, to_virtual = _virtual(real, spans)
    bounds = [0] + [_virtual_cut(real, c, spans, to_virtual) for c in cuts] + [len(virtual)]
    regions = []
    for a, b in zip(bounds, bounds[1:]):
        region = _trim(virtual, a, b)
        if region:
            regions.append(region)
    regions = _merge_punctuation_only(virtual, regions)
    edges = sorted({e for r in regions for e in r})
    return regions, _pieces(run, spans, to_virtual, edges)


def _merge_punctuation_only(text: str, regions: list) -> list:
    """A region without a letter or digit (a stray quote or bracket) joins its neighbour; alone
    in its run it is no sentence and stays outside `s`."""
    def wordless(r):
        return not any(ch.isalnum() or ch == PLACEHOLDER for ch in text[r[0]:r[1]])

    out: list = []
    pending = None
    for region in regions:
        if wordless(region):
            if out:
                out[-1] = (out[-1][0], region[1])
            else:
                pending = region if pending is None else (pending[0], region[1])
            continue
        if pending is not None:
            region = (pending[0], region[1])
            pending = None
        out.append(region)
    return out


def _layout(run: list):
    """Plain text of the run and the real [start, end) of each element item (by index)."""
    parts, spans, pos = [], {}, 0
    for k, item in enumerate(run):
        value = _value(item)
        if not isinstance(item, str):
            spans[k] = (pos, pos + len(value))
        parts.append(value)
        pos += len(value)
    return "".join(parts), spans


def _masked(real: str, run: list, spans: dict) -> str:
    """The text the splitter sees: note anchors blanked ('agreed.2 Then' ends a sentence)."""
    anchors = [span for k, span in spans.items() if _is_note_anchor(run[k])]
    if not anchors:  # most runs: no copy of the text
        return real
    chars = list(real)
    for start, end in anchors:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _is_note_anchor(el: etree._Element) -> bool:
    return local_name(el) == "ref" and el.get("type") == "noteAnchor"


def _virtual_cut(real: str, cut: int, spans: dict, to_virtual: "_ToVirtual") -> int:
    """A cut moves back over the white space before it to the first empty element there
    (a gap or milestone between two sentences opens the second one)."""
    empties = to_virtual.empties
    pos = cut
    while pos > 0 and real[pos - 1].isspace():
        pos -= 1
    first = bisect_left(empties, pos)
    if first < len(empties) and empties[first] <= cut:
        return to_virtual[empties[first]]
    return to_virtual[cut]


def _snap(cuts: list[int], spans: dict) -> list[int]:
    """Move every cut that falls inside an element to just after it."""
    bounded = sorted((start, end) for start, end in spans.values() if start < end)
    starts = [start for start, _end in bounded]
    out = []
    for c in cuts:
        k = bisect_left(starts, c) - 1  # the last element that starts before the cut
        if k >= 0 and c < bounded[k][1]:
            c = bounded[k][1]
        if not out or c > out[-1]:
            out.append(c)
    return out


def _virtual(real: str, spans: dict):
    """Virtual text (with a placeholder for each empty element, elements' text made opaque)
    and the map real offset -> virtual offset (before any placeholder at that offset)."""
    if not spans:  # plain text (half the runs): the virtual text is the real one
        return real, _ToVirtual([])
    empties = sorted(start for start, end in spans.values() if start == end)
    # (offset, 0, _) puts a placeholder before the character at offset; (start, 1, end) an element
    events = sorted([(p, 0, p) for p in empties] + [(s, 1, e) for s, e in spans.values() if s < e])
    parts, pos = [], 0
    for start, kind, end in events:
        parts.append(real[pos:start])
        if kind == 0:
            parts.append(PLACEHOLDER)
        else:
            parts.append(_opaque(real[start:end]))
        pos = end
    parts.append(real[pos:])
    return "".join(parts), _ToVirtual(empties)


def _opaque(text: str) -> str:
    """White space inside an element is never trimmed off: it counts as a letter."""
    return "".join("x" if ch.isspace() else ch for ch in text)


class _ToVirtual:
    """Real offset -> virtual offset: the offset plus the placeholders of empty elements before it."""

    def __init__(self, empties: list[int]):
        self.empties = empties

    def __getitem__(self, pos: int) -> int:
        return pos + bisect_left(self.empties, pos)


def _trim(text: str, a: int, b: int):
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a == b or not text[a:b].replace(PLACEHOLDER, "").strip():
        return None
    return (a, b)


def _pieces(run: list, spans: dict, to_virtual: dict, edges: list[int]):
    """Run items cut at the region edges, with virtual offsets."""
    pieces = []
    real_pos = 0
    seen_empty: dict[int, int] = {}
    for k, item in enumerate(run):
        if isinstance(item, str):
            start = to_virtual[real_pos]
            # text after empty elements at the same real offset starts after their placeholders
            start += seen_empty.get(real_pos, 0)
            pieces.extend(_split_text(item, start, edges))
            real_pos += len(item)
        else:
            s, e = spans[k]
            if s == e:
                v = to_virtual[s] + seen_empty.get(s, 0)
                seen_empty[s] = seen_empty.get(s, 0) + 1
                pieces.append((v, v + 1, item))
            else:
                pieces.append((to_virtual[s] + seen_empty.get(s, 0), to_virtual[e], item))
            real_pos = e
    return pieces


def _split_text(text: str, start: int, edges: list[int]):
    cuts = [e - start for e in edges[bisect_right(edges, start) : bisect_left(edges, start + len(text))]]
    out, prev = [], 0
    for c in cuts + [len(text)]:
        if c > prev:
            out.append((start + prev, start + c, text[prev:c]))
        prev = c
    return out


def _append(parent: etree._Element, piece) -> None:
    if isinstance(piece, str):
        append_text(parent, piece)
    else:
        _append_element(parent, piece)


def _append_element(parent: etree._Element, el: etree._Element) -> None:
    parent.append(el)
