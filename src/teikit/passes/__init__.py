"""Enrichment passes: TEI tree -> TEI tree, run by encode() after the reader, in order.

PASSES is the registry: (EncodeOptions flag, module, function). Each function takes
(tree, options) and returns the enriched tree; it runs when its flag is true. Adding a pass is a
module in this package, a row here and a flag on EncodeOptions. A pass that cannot be found (its
module, its function or its flag) is an error, never skipped. The modules are imported when their
pass runs: `--no-align` never loads the aligner.
"""
from __future__ import annotations

import importlib
from typing import Callable

from lxml import etree

from ..errors import TeikitError

PASSES: tuple[tuple[str, str, str], ...] = (
    ("segment", "teikit.passes.segment", "segment"),
    ("align", "teikit.passes.align", "align_tree"),
    ("entities", "teikit.passes.entities", "tag_entities"),
)


class PassNotFound(TeikitError):
    """A pass in PASSES that does not exist: an installation or programming error (exit 1)."""


def pass_function(module_name: str, func_name: str) -> Callable:
    """The function of one pass; PassNotFound when its module or function is missing."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise  # the pass exists but needs a module that is missing: let that error show
        raise PassNotFound(f"enrichment pass {module_name} not found (is teikit fully installed?)") from None
    func = getattr(module, func_name, None)
    if not callable(func):
        raise PassNotFound(f"enrichment pass {module_name} has no function {func_name}")
    return func


def enrich(tree: etree._ElementTree, options) -> etree._ElementTree:
    """Run every pass whose flag is set in `options`, in PASSES' order."""
    for flag, module_name, func_name in PASSES:
        if not hasattr(options, flag):
            raise PassNotFound(f"enrichment pass {module_name}: the options have no flag {flag!r}")
        if getattr(options, flag):
            tree = pass_function(module_name, func_name)(tree, options)
    return tree
