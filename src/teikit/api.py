"""encode(): reader -> enrichment passes -> TEI tree. The CLI calls only this."""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .io import decode_text, read_text_input
from .passes import PASSES, enrich  # noqa: F401  (PASSES: the registry, re-exported)


@dataclass(frozen=True)
class EncodeOptions:
    """What `encode` may be told. `reader=None` detects the input format."""

    reader: str | None = None
    authority: tuple[str, ...] = ()  # extra authority files (TEI listPerson/listPlace/listOrg)
    segment: bool = True
    align: bool = True
    entities: bool = True
    title: str | None = None  # for plain parallel texts
    date: str | None = None
    source_name: str = "<input>"


def encode(text: str, options: EncodeOptions | None = None) -> etree._ElementTree:
    """Encode one record's text as a TEI tree (lxml)."""
    return _encode([text], options or EncodeOptions())


def _encode(box: list[str], options: EncodeOptions) -> etree._ElementTree:
    """`encode` of the text in `box`, which is emptied: once the reader has made the tree, the
    text (of a 20 MB bilingual record, 27 MB as a str) is not kept through the passes."""
    from .readers import read
    from .readers.normalise import normalise

    clean = normalise(box.pop())
    tree, stand_ins = read(clean.text, options), clean.stand_ins
    del clean
    return finish(enrich(tree, options), stand_ins)


def encode_file(path: str, options: EncodeOptions | None = None) -> etree._ElementTree:
    """Read a record file ('-' for stdin) and encode it."""
    from dataclasses import replace

    text, name = read_text_input(path)
    box = [text]
    del text
    return _encode(box, replace(options or EncodeOptions(), source_name=name))


def encode_parallel(en_path: str, zh_path: str | None, options: EncodeOptions | None = None) -> etree._ElementTree:
    """Encode a translation and (optionally) its original given as plain texts."""
    from .readers import build_tei
    from .readers.normalise import normalise_all
    from .readers.parallel_text import read_parallel_text

    options = options or EncodeOptions()
    english, en_name = read_text_input(en_path)
    original, zh_name = read_text_input(zh_path) if zh_path else (None, None)
    texts, stand_ins = normalise_all([english] + ([original] if original is not None else []))
    record = read_parallel_text(
        texts[0], texts[1] if original is not None else None, title=options.title, date=options.date,
        source_name=en_name, original_name=zh_name or "<original>",
    )
    return finish(enrich(build_tei(record), options), stand_ins)


def finish(tree: etree._ElementTree, stand_ins: dict[str, str]) -> etree._ElementTree:
    """After the passes: stand-ins back to TEI (readers/normalise.py), every xml:id unique."""
    from .ids import settle_ids
    from .readers.normalise import restore

    restore(tree, stand_ins)
    settle_ids(tree.getroot())
    return tree


def encode_bytes(data: bytes, name: str, options: EncodeOptions | None = None) -> etree._ElementTree:
    from dataclasses import replace

    options = replace(options or EncodeOptions(), source_name=name)
    return _encode([decode_text(data, name)], options)
