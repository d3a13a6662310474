"""`teikit align`: align two files of pre-split sentences, print Vecalign-style beads."""
from __future__ import annotations

import click

from ..errors import InputError, UsageError
from ..io import decode_text, read_input_bytes, write_output
from ._common import reports_errors


@click.command("align")
@click.option("--src", "src", required=True, metavar="FILE",
              help="source sentences, one per line (UTF-8; '-' for stdin)")
@click.option("--tgt", "tgt", required=True, metavar="FILE", help="target sentences, one per line (UTF-8)")
@click.option("--src-lang", default=None, metavar="LANG", help="source language (en, zh); default: detect")
@click.option("--tgt-lang", default=None, metavar="LANG", help="target language (en, zh); default: detect")
@click.option("-o", "--output", default=None, metavar="FILE", help="write the beads here instead of stdout")
@reports_errors
def command(src, tgt, src_lang, tgt_lang, output):
    """Align two sentence files; print one bead per line as [i,j]:[k].

    Indices are 0-based line numbers, source first; an empty list marks a 1:0 or 0:1 bead.
    Every line of both files is in exactly one bead, in order (Vecalign/Bertalign format).

    \b
    Example:
        teikit align --src en.txt --tgt zh.txt > en-zh.align
        teikit align --src zh.txt --tgt en.txt --src-lang zh --tgt-lang en
    """
    from ..align import align

    if src == "-" and tgt == "-":
        raise UsageError("only one of --src and --tgt can be '-' (stdin)")
    src_sents = read_sentences(src)
    tgt_sents = read_sentences(tgt)
    for path, sents in ((src, src_sents), (tgt, tgt_sents)):
        if not any(s.strip() for s in sents):  # checked before any work: nothing to align with
            raise InputError("no sentences (the file is empty or blank)", file="<stdin>" if path == "-" else path)
    beads = align(src_sents, tgt_sents, src_lang=src_lang, tgt_lang=tgt_lang)
    text = "".join(f"{bead}\n" for bead in beads)
    write_output(text.encode("utf-8"), output, inputs=(src, tgt))


def read_sentences(path: str) -> list[str]:
    """Lines of a UTF-8 file ('-': stdin); an empty or blank file gives blank or no sentences."""
    data, name = read_input_bytes(path)
    text = decode_text(data, name) if data.strip() else data.decode("ascii", "replace")
    lines = text.replace("\r\n", "\n").split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines
