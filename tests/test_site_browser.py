"""The built site in a real browser: headless Chromium (the system's, driven by playwright with
executable_path, so no browser is downloaded) over the site served on 127.0.0.1.

The site is built from the sample record and the Wilson PDF-text records of ../shared. The
test searches an English and a Chinese word, filters the records by a facet, and follows a
register entry to its sentence, with no console error and no request leaving the site.
Skips when playwright, chromium or ../shared is missing.
"""
from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import PDF_TEXTS, SAMPLE

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api")
    pytest.importorskip("pagefind")
    if not Path(CHROMIUM).exists():
        pytest.skip("no chromium installed")
    if not PDF_TEXTS.is_dir():
        pytest.skip("../shared/corpus/wilson-pdf-text not found")
    from teikit.site import SiteOptions, build_site
    from teikit.site.serve import make_server

    src = tmp_path_factory.mktemp("records")
    for path in [SAMPLE, *sorted(PDF_TEXTS.glob("*.txt"))]:
        shutil.copy(path, src / path.name)
    site = tmp_path_factory.mktemp("site")
    import teikit.site.pages as pages
    import teikit.site.search as search

    per_page, pages.PER_PAGE = pages.PER_PAGE, 2  # four records: the list in two pages
    part_bytes, search.PART_BYTES = search.PART_BYTES, 40_000  # and the search index in parts
    try:
        result = build_site(src, site, SiteOptions(title="Test edition", jobs=2))
    finally:
        pages.PER_PAGE, search.PART_BYTES = per_page, part_bytes
    assert not result.failed and result.records == 4, result
    assert result.search.startswith("search index built"), result.search
    assert len(json.loads((site / "pagefind" / "parts.json").read_text())["parts"]) > 1  # merged in the browser
    server = make_server(site, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser, base
        browser.close()
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(served):
    """A page that records console errors and every request outside the site."""
    browser, base = served
    context = browser.new_context()
    page = context.new_page()
    page.errors, page.outside, page.base = [], [], base
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))

    def route(r):
        if r.request.url.startswith(base) or urlparse(r.request.url).scheme == "data":
            r.continue_()
        else:
            page.outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    yield page
    assert page.errors == []
    assert page.outside == []
    context.close()


def _search(page, word: str) -> list[str]:
    page.goto(page.base + "search.html")
    page.fill("#q", word)
    page.click("form#search-form button")
    page.wait_for_function("document.querySelectorAll('#search-results li').length > 0", timeout=10000)
    return page.eval_on_selector_all("#search-results li a", "as => as.map(a => a.getAttribute('href'))")


@pytest.mark.parametrize("word", ["breakthrough", "周恩来"])
def test_search_finds_the_sentence(page, word):
    hrefs = _search(page, word)
    assert hrefs and all(h.startswith("records/") for h in hrefs)
    page.click("#search-results li a")
    page.wait_for_load_state()
    target = urlparse(page.url).fragment
    assert target, page.url  # the result links to a sentence
    assert word in page.inner_text(f"[id='{target}']")


def test_facet_filters_the_list_across_pages(page):
    page.goto(page.base + "index-2.html")
    button = page.locator("section.facet[data-facet='year'] button").first
    button.wait_for()
    assert page.locator(".paged li[data-i]").count() == 2  # this page's records
    expected = int(page.locator("section.facet[data-facet='year'] .count").first.inner_text())
    button.focus()  # by keyboard
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "true"
    page.wait_for_function("document.querySelectorAll('.found li[data-i]').length > 0", timeout=10000)
    shown = page.eval_on_selector_all(".found li[data-i]", "ls => ls.map(l => +l.dataset.i)")
    assert len(shown) == expected and min(shown) < 2  # records of page 1 are found from page 2
    assert page.locator(".paged").is_hidden()
    button.click()
    assert page.locator(".paged li[data-i]:visible").count() == 2 and page.locator(".found").is_hidden()


def test_year_link_leads_to_the_page_where_the_year_begins(page):
    last = page.base + "index-2.html"
    page.goto(page.base + "index.html")
    href = page.eval_on_selector("nav.years a[id]", "a => a.getAttribute('href')")
    year = href.split("#y-")[1]
    page.goto(page.base + f"index.html#y-{year}")
    page.wait_for_url(f"{last}#y-{year}")
    assert page.locator(f"section[id='y-{year}'] h3").inner_text() == year


def test_pages_without_javascript_keep_plain_facet_lists(served):
    browser, base = served
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "index.html")
    link = page.locator("section.facet[data-facet='year'] a").first
    year = link.inner_text()
    link.click()
    target = urlparse(page.url).fragment
    assert year in page.inner_text(f"[id='{target}'] h2")
    assert page.locator(f"[id='{target}'] li a").count() >= 1  # the year's records, as a plain list
    context.close()


def test_register_entry_leads_to_its_sentence(page):
    page.goto(page.base + "registers/persons.html")
    page.click("ul.register li a >> nth=0")
    page.wait_for_load_state()
    mention = page.locator("a.mention").first
    marked = mention.locator("mark").inner_text()
    mention.click()
    page.wait_for_load_state()
    target = urlparse(page.url).fragment
    assert target and marked in page.inner_text(f"[id='{target}']")


def test_search_filter_narrows_results(page):
    _search(page, "Mao")
    before = page.locator("#search-results li").count()
    page.locator("#search-filters input[data-filter='year']").first.check()
    page.wait_for_function(f"document.querySelectorAll('#search-results li').length < {before}", timeout=10000)
