"""Sentence segmentation: boundaries in plain strings (sentences.py: English with nupunkt and
archival abbreviations, Chinese by its end marks) and their wrapping in a TEI tree (wrap.py).
The pass (teikit.passes.segment) is the glue that applies them to each language division."""
from .sentences import chinese_cuts, cuts_for, english_cuts
from .wrap import sentence_containers, wrap_sentences

__all__ = ["chinese_cuts", "cuts_for", "english_cuts", "sentence_containers", "wrap_sentences"]
