"""How much of an edition the HTML export keeps, measured in a real browser.

    python bench/bench_html_fidelity.py DIR_OR_FILE... [--chromium /usr/bin/chromium] [--keep DIR]

Every TEI file (*.xml) is exported with `teikit export --to html` (in process) and opened in
headless Chromium (playwright, the system's chromium; nothing is downloaded). For each file the
source's features are counted with lxml and looked for in what the browser renders:

  exports   the export succeeded
  notes     notes of the text (not the header) with a link on the page whose target element
            holds the note's text (its start, and at most 200 characters more than the note)
  graphics  graphic/media @url shown by an img whose src is that URL (or its IIIF image path)
  pages     pb/@n visible on the page (an element's rendered text or CSS content, brackets and
            "p." aside)
  choices   top-level choices whose rendered text is exactly one of their readings (notes
            aside, editorial brackets ignored)
  words     words at lb/pb/cb break="no" read whole, and the two words at a space read apart
            (tokens of the page's innerText, editorial brackets dropped, punctuation stripped
            at the edges)

Prints one line per corpus (the file name up to its first '-') and the totals, as
"found/total (percent)". Test material is fetched editions, kept outside the repository.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from teikit.errors import TeikitError  # noqa: E402
from teikit.tei import NSMAP, parse_xml_file  # noqa: E402
from teikit.writers import export  # noqa: E402

PUNCT = ".,;:!?»«‹›\"'()[]{}<>—–…„“”‚‘’/*|`´¶"
NOT_RENDERED = "ancestor::tei:teiHeader or ancestor::tei:standOff"


def norm(text: str) -> str:
    return " ".join(text.split())


def bare(text: str) -> str:
    """Text without editorial brackets (an expansion in parentheses is still one reading)."""
    return norm(re.sub(r"[\[\]()⟨⟩]", "", text))


def token(text: str) -> str:
    return text.strip(PUNCT)


def source_features(doc) -> dict:
    """What the TEI holds: note texts, image URLs, page numbers, choices, word joins."""
    x = lambda path, node=doc: node.xpath(path, namespaces=NSMAP)  # noqa: E731
    notes = [norm(n.xpath("string()")) for n in x(f"//tei:note[not({NOT_RENDERED})]")]
    choices = []
    for choice in x(f"//tei:choice[not(ancestor::tei:choice)][not({NOT_RENDERED})]"):
        readings = [bare("".join(reading(r, None, top=True))) for r in choice if isinstance(r.tag, str)]
        if any(readings):
            choices.append(readings)
    joins, spaces = [], []
    for br in x(f"//*[self::tei:lb or self::tei:pb or self::tei:cb][@break='no'][not({NOT_RENDERED})]"):
        before, after = around(br)
        if before and after:
            joins.append(token(before + after))
    for sp in x(f"//tei:space[not({NOT_RENDERED})]"):
        before, after = around(sp)
        if token(before) and token(after):
            spaces.append((token(before), token(after)))
    return {
        "notes": [n for n in notes if n],
        "graphics": [g.get("url").strip() for g in x("//tei:graphic[@url] | //tei:media[@url]") if g.get("url").strip()],
        "pages": [pb.get("n").strip() for pb in x(f"//tei:pb[normalize-space(@n)][not({NOT_RENDERED})]")],
        "choices": choices,
        "joins": [j for j in joins if j],
        "spaces": [s for s in spaces if all(s)],
    }


MARK = "\ue000"
BLOCKS = {"p", "ab", "l", "head", "item", "cell", "note", "line", "seg", "quote", "stage", "speaker",
          "dateline", "salute", "signed", "closer", "opener", "addrLine", "label", "trailer", "div", "body"}


def around(node) -> tuple[str, str]:
    """The word fragments just before and just after `node` in the reading text of its block
    (notes left out, one reading per choice, the lemma of an app)."""
    block = node.getparent()
    while block is not None and block.tag.rpartition("}")[2] not in BLOCKS:
        block = block.getparent()
    if block is None:
        return "", ""
    text = "".join(reading(block, node, top=True))
    before, _, after = text.partition(MARK)
    if node.get("break") == "no":  # the white space at such a break is not a word boundary
        before, after = before.rstrip(), after.lstrip()
    b = before.split()[-1] if before and not before[-1].isspace() else ""
    a = after.split()[0] if after and not after[0].isspace() else ""
    return b, a


def reading(el, target, top=False):
    """The reading text of `el` (with MARK at `target`), its tail unless top."""
    name = el.tag.rpartition("}")[2] if isinstance(el.tag, str) else ""
    if el is target:
        yield MARK
    elif not name or (name == "note" and not top):
        pass
    elif name == "choice":
        kids = [k for k in el if isinstance(k.tag, str)]
        shown = [k for k in kids if k.tag.rpartition("}")[2] in ("corr", "reg", "expan")][:1] or kids[:1]
        for k in shown:
            yield from reading(k, target, top=True)
    elif name == "app":
        kids = [k for k in el if k.tag.rpartition("}")[2] in ("lem", "rdg")][:1]
        for k in kids:
            yield from reading(k, target, top=True)
    elif name in ("lb", "pb", "cb"):
        yield "" if el.get("break") == "no" else "\n"
    elif name == "space":
        yield " "
    else:
        yield el.text or ""
        for child in el:
            yield from reading(child, target)
    if not top:
        yield el.tail or ""


PAGE_JS = """() => {
  const out = {targets: [], imgs: [], visible: [], choices: []};
  const seen = new Set();
  for (const a of document.querySelectorAll('a[href^="#"]')) {
    const id = decodeURIComponent(a.getAttribute('href').slice(1));
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const t = document.getElementById(id);
    if (t) { const s = t.textContent.replace(/\\s+/g, ' ').trim(); out.targets.push([s.slice(0, 400), s.length]); }
  }
  for (const img of document.images) out.imgs.push(img.getAttribute('src') || '');
  for (const el of document.body.querySelectorAll('*')) {
    if (el.children.length > 2 || !el.getClientRects().length) continue;
    const st = getComputedStyle(el);
    if (st.visibility === 'hidden') continue;
    const own = el.children.length ? '' : (el.innerText || '').trim();
    if (own && own.length < 24) out.visible.push(own);
    for (const pseudo of ['::before', '::after']) {
      const c = getComputedStyle(el, pseudo).content;
      if (c && c !== 'none' && c !== 'normal') {
        let v = c;
        if (/attr\\(/.test(v) || v.startsWith('"')) v = v.replace(/^"|"$/g, '');
        if (v.includes('attr(')) continue;
        out.visible.push(v);
      }
    }
  }
  for (const el of document.querySelectorAll('.choice')) {
    if (el.parentElement.closest('.choice')) continue;
    out.choices.push((el.innerText || '').replace(/[\\[\\]()⟨⟩]/g, '').replace(/\\s+/g, ' ').trim());
  }
  out.text = document.body.innerText;
  return out;
}"""


def page_number_forms(text: str) -> set[str]:
    t = text.strip().strip("[]|() ").removeprefix("p.").removeprefix("S.").strip()
    return {text.strip(), t}


def measure(seen: dict, src: dict) -> dict[str, tuple[int, int]]:
    """(found, total) per feature."""
    targets = seen["targets"]
    notes_found = sum(1 for n in src["notes"]
                      if any(n[:30] in t and size <= len(n) + 200 for t, size in targets))
    imgs = seen["imgs"]
    graphics_found = sum(1 for g in src["graphics"] if any(i == g or i.startswith(g + "/") for i in imgs))
    visible = Counter()
    for v in seen["visible"]:
        for form in page_number_forms(v):
            visible[form] += 1
    pages_found = 0
    for n in src["pages"]:
        if visible[n] > 0:
            visible[n] -= 1
            pages_found += 1
    rendered = Counter(seen["choices"])
    choices_found = 0
    for readings in src["choices"]:
        shown = next((r for r in readings if rendered[r] > 0), None)
        if shown is not None:
            rendered[shown] -= 1
            choices_found += 1
    tokens = Counter(token(bare(t)) for t in seen["text"].split())
    joins = sum(1 for w in src["joins"] if tokens[w])
    spaces = sum(1 for a, b in src["spaces"] if tokens[a] and tokens[b])
    return {
        "notes": (notes_found, len(src["notes"])),
        "graphics": (graphics_found, len(src["graphics"])),
        "pages": (pages_found, len(src["pages"])),
        "choices": (choices_found, len(src["choices"])),
        "words": (joins + spaces, len(src["joins"]) + len(src["spaces"])),
    }


def files_of(args: list[str]) -> list[Path]:
    out = []
    for a in args:
        p = Path(a)
        out += sorted(p.rglob("*.xml")) if p.is_dir() else [p]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--keep", help="write the HTML pages into this directory")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    out_dir = Path(args.keep or tempfile.mkdtemp(prefix="fidelity-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    totals: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    start = time.perf_counter()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.route("http*://**", lambda route: route.abort())  # nothing from the network
        for path in files_of(args.paths):
            corpus = path.name.split("-")[0]
            try:
                doc = parse_xml_file(path, collect_ids=False)
                html = export(doc, "html")
            except TeikitError as exc:
                print(f"export failed: {exc}", file=sys.stderr)
                for key in ("exports", "all"):
                    totals[key][corpus][1] += 1
                continue
            for key in ("exports",):
                totals[key][corpus][0] += 1
                totals[key][corpus][1] += 1
            target = out_dir / (path.stem + ".html")
            target.write_bytes(html)
            page.goto(target.as_uri(), wait_until="domcontentloaded")
            seen = page.evaluate(PAGE_JS)
            for key, (found, total) in measure(seen, source_features(doc)).items():
                totals[key][corpus][0] += found
                totals[key][corpus][1] += total
        browser.close()
    keys = ["exports", "notes", "graphics", "pages", "choices", "words"]
    corpora = sorted({c for k in keys for c in totals[k]})
    print(f"{'corpus':<12}" + "".join(f"{k:>22}" for k in keys))
    for corpus in corpora + ["TOTAL"]:
        cells = []
        for k in keys:
            if corpus == "TOTAL":
                found = sum(v[0] for v in totals[k].values())
                total = sum(v[1] for v in totals[k].values())
            else:
                found, total = totals[k][corpus]
            cells.append(f"{found}/{total} ({100 * found / total:.1f}%)" if total else "-")
        print(f"{corpus:<12}" + "".join(f"{c:>22}" for c in cells))
    print(f"({len(files_of(args.paths))} files, {time.perf_counter() - start:.0f} s; pages in {out_dir})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
