"""The lazy public API: every function callable twice in one process, whatever was imported first."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from conftest import REPO, SAMPLE, TEI_ALL

# Each scenario runs in a fresh interpreter: the bug it guards against (a submodule named like a
# public function replacing the function on the package) depends on what was imported before.
_CALLS = """
import teikit
tree = teikit.encode(open({sample!r}, encoding="utf-8").read())
for _ in range(2):
    assert teikit.encode(open({sample!r}, encoding="utf-8").read()).getroot().tag.endswith("TEI")
    assert teikit.encode_file({sample!r}).getroot().tag.endswith("TEI")
    assert teikit.EncodeOptions(segment=False).segment is False
    assert teikit.validate(tree, teikit_validate.ValidateOptions(tei_all={tei_all!r})).valid
    assert teikit.export(tree, "text")
    assert [i.value for i in teikit.query("count(//body)", tree)] == ["1"]
    beads = teikit.align(["One.", "Two."], ["One.", "Two."], src_lang="en", tgt_lang="en")
    assert sum(len(b.src) for b in beads) == 2
print("ok")
"""

_IMPORTS = {
    "documented imports first": (
        "from teikit.validate import ValidateOptions, validate\n"
        "from teikit.query import compile_xpath, query\n"
        "from teikit.align import AlignOptions, align\n"
        "import teikit.validate as teikit_validate\n"
    ),
    "package first, submodules after the first calls": "import teikit.validate as teikit_validate\n",
    "plain import teikit": "import importlib; teikit_validate = importlib.import_module('teikit.validate')\n",
}


@pytest.mark.parametrize("scenario", sorted(_IMPORTS))
def test_every_public_function_callable_twice(scenario):
    if not TEI_ALL.exists():
        pytest.skip("tei_all.rng not found")
    script = _IMPORTS[scenario] + textwrap.dedent(_CALLS).format(sample=str(SAMPLE), tei_all=str(TEI_ALL))
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_submodules_keep_their_contents():
    import teikit
    import teikit.query
    import teikit.validate

    assert teikit.validate.ValidateOptions is not None and callable(teikit.validate)
    assert teikit.query.compile_xpath is not None and callable(teikit.query)
    assert set(teikit.__all__) >= {"encode", "validate", "export", "align", "query"}
