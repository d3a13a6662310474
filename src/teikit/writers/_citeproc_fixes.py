"""Fixes for two citeproc-py faults, applied once before the first style is loaded.

1. CSL `initialize="false"`: given names stay whole; citeproc-py ignored the attribute and
   printed "S. Zhang" in Chicago and MLA.
2. CSL substitution: "Substituted variables are suppressed in the rest of the output to
   prevent duplication." citeproc-py suppressed only a substitute child's own `variable`
   attribute, so "editor translator", variables inside macros and names were printed twice
   ("Title. (1950). Title.", "eds. … ed. …", "(p. 634). (1994). (p. 634)"). Here the variables
   and name roles actually rendered while a <substitute> succeeds are recorded in the layout's
   `repressed` dict (which citeproc-py resets for every item) and skipped afterwards.
"""
from __future__ import annotations

_COLLECT = "_teikit_collect"  # stack of sets: variables rendered inside an active substitute
_USED = "_teikit_used"  # variables and roles a successful substitute rendered


def apply_fixes() -> None:
    from citeproc import model

    if getattr(model, "_teikit_fixed", False):
        return
    fix_initialize_false(model)
    fix_substitute_suppression(model)
    find_macros_once(model)
    model._teikit_fixed = True


def find_macros_once(model) -> None:
    """citeproc-py looks a macro up by an XPath search over the whole style at each call
    (~1,100 searches per record and style, most of a citation's time). The styles are loaded
    once and never changed, so each (style root, name) is searched once; the cache holds the
    root, so its id is never reused."""
    cache: dict[tuple[int, str], tuple] = {}
    original = model.CitationStylesElement.get_macro

    def get_macro(self, name):
        root = self.get_root()
        hit = cache.get((id(root), name))
        if hit is None:
            hit = cache[id(root), name] = (original(self, name), root)
        return hit[0]

    model.CitationStylesElement.get_macro = get_macro


def fix_initialize_false(model) -> None:
    original = model.Name.initialize

    def initialize(self, given, mark, context):
        already_initials = all(len(part.strip(".")) <= 1 for part in given.replace("-", " ").split())
        if self.get("initialize", "true") == "false" and not already_initials:
            return given
        return original(self, given, mark, context)

    model.Name.initialize = initialize


def repressed_of(element):
    """The `repressed` dict of the layout being rendered, or None outside a layout."""
    try:
        return getattr(element.get_layout(), "repressed", None)
    except (IndexError, AttributeError):
        return None


def note_rendered(repressed, names) -> None:
    stack = repressed.get(_COLLECT) if repressed is not None else None
    if stack:
        stack[-1].update(names)


def fix_substitute_suppression(model) -> None:
    substitute_render = model.Substitute.render
    text_variable = model.Text._variable
    names_process = model.Names.process

    def render(self, item, context=None, **kwargs):
        repressed = repressed_of(context if context is not None else self)
        if repressed is None:
            return substitute_render(self, item, context=context, **kwargs)
        repressed.setdefault(_COLLECT, []).append(set())
        try:
            text = substitute_render(self, item, context=context, **kwargs)
        finally:
            used = repressed[_COLLECT].pop()
        if text:
            repressed.setdefault(_USED, set()).update(used)
            note_rendered(repressed, used)
        return text

    def _variable(self, item, context):
        repressed = repressed_of(context if context is not None else self)
        variable = self.get("variable")
        if repressed is not None and variable in repressed.get(_USED, ()):
            return None
        text = text_variable(self, item, context)
        if text:
            note_rendered(repressed, [variable])
        return text

    def process(self, item, names_context=None, context=None, **kwargs):
        repressed = repressed_of(context if context is not None else self)
        roles = self.get("variable").split()
        used = repressed.get(_USED, set()) if repressed is not None else set()
        kept = [role for role in roles if role not in used]
        if not kept:
            return None
        if kept != roles:
            self.set("variable", " ".join(kept))
        try:
            text = names_process(self, item, names_context=names_context, context=context, **kwargs)
        finally:
            self.set("variable", " ".join(roles))
        if text:
            note_rendered(repressed, [role for role in kept if role in item.reference])
        return text

    model.Substitute.render = render
    model.Text._variable = _variable
    model.Names.process = process
