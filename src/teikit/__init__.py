"""teikit: archival text to TEI P5 and back out.

The public API (imported lazily so that `import teikit` stays fast):

    encode(source, options=None) -> lxml ElementTree     raw record text -> TEI
    validate(path_or_tree, ...) -> ValidationResult     TEI -> diagnostics (.valid, .diagnostics)
    export(tree, fmt, ...) -> bytes | str               TEI -> output format
    align(src_sentences, tgt_sentences, ...) -> beads   sentence alignment
    query(xpath, tree) -> list                          XPath 3.1 over TEI
"""
from __future__ import annotations

__version__ = "0.1.0"

_API = {
    "encode": ("teikit.api", "encode"),
    "encode_file": ("teikit.api", "encode_file"),
    "EncodeOptions": ("teikit.api", "EncodeOptions"),
    "validate": ("teikit.validate", "validate"),
    "export": ("teikit.writers", "export"),
    "align": ("teikit.align", "align"),
    "query": ("teikit.query", "query"),
}

__all__ = ["__version__", *_API]


class _CallableModule(__import__("types").ModuleType):
    """A submodule named like the public function it defines, callable as that function.

    Importing `teikit.validate` binds the submodule on the package under the function's
    name; making the module itself call through keeps `teikit.validate(...)` working for
    ever after, and `teikit.validate.ValidateOptions` too.
    """

    def __call__(self, *args, **kwargs):
        return getattr(self, self.__name__.rpartition(".")[2])(*args, **kwargs)


def _callable_module(module) -> None:
    """Give `module` (teikit.validate, teikit.query, teikit.align) the class above."""
    module.__class__ = _CallableModule


def __getattr__(name: str):
    if name in _API:
        import importlib

        module, attr = _API[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'teikit' has no attribute {name!r}")
