"""Building a site: records encoded through the batch machinery, each document's page written
once (in worker processes), then the pages that depend on the whole corpus (browse, facets,
registers, timeline, map, search) from the on-disk index.

Incremental: the manifest keeps each input's hash; a rebuild redoes the documents whose input
changed (or every document, when the stylesheets or the site's frame changed), rewrites the
previous/next links of the pages whose neighbours changed, and the register pages of the
entities the changed documents mention or mentioned.
"""
from __future__ import annotations

import hashlib
import os
import re
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import __version__
from ..io import atomic_write
from . import pages, render
from .extract import document_info, mentions, primary_name
from .render import Frame
from .store import Store

STATE_DIR = ".teikit-site"
DOWNLOADS = (("ris", ".ris", "RIS"), ("bibtex", ".bib", "BibTeX"), ("csl-json", ".csl.json", "CSL-JSON"))
# At most this many records to encode: no worker processes (they would cost more to start).
FEW_STALE = 4


@dataclass(frozen=True)
class SiteOptions:
    """title: the edition's name (default: the source folder's name); jobs: worker processes
    (0: the machine's cores); force: rebuild everything; search: build the Pagefind index;
    validate: validate the records encoded on the way (as batch does)."""

    title: str = ""
    jobs: int = 0
    force: bool = False
    search: bool = True
    validate: bool = False


@dataclass
class SiteResult:
    records: int = 0  # documents on the site
    rendered: int = 0  # document pages (re)written this time
    removed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, one-line error)
    invalid: list[tuple[str, str]] = field(default_factory=list)  # with --validate: (source, first error)
    search: str = ""  # what the search index step did
    seconds: float = 0.0


@dataclass(frozen=True)
class DocTask:
    slug: str
    source: str  # the TEI file
    label: str  # the input named in errors (the record, or the TEI file)
    site: str
    frame: Frame


def build_site(src: Path, out: Path, options: SiteOptions = SiteOptions(), run_records=None) -> SiteResult:
    """Build (or update) the site of every TEI file and record under src into out.
    run_records(src, tei_dir, batch_options) runs the batch (default: batch.run_batch)."""
    started = time.perf_counter()
    result = SiteResult()
    out.mkdir(parents=True, exist_ok=True)
    state = out / STATE_DIR
    tasks = _inputs(src, out, state, options, run_records, result)
    store = Store(state / "site.db")
    try:
        frame = Frame(title=options.title or src.resolve().name or "Digital edition",
                      has_map=store.get_meta("has_map") == "1")
        signature = _signature(frame)
        full = options.force or store.get_meta("signature") != signature
        changed = _update_documents(store, out, tasks, frame, full, options, result)
        has_map = store.has_coordinates()
        if has_map != frame.has_map:  # the map link is in every page's navigation
            store.set_meta("has_map", "1" if has_map else "0")
            frame = Frame(title=frame.title, has_map=has_map)
            _set_map_links(out, has_map)
        _update_pagers(store, out, changed)
        pages.write_corpus_pages(store, out, frame, changed["keys"], full)
        store.set_meta("signature", _signature(frame))
        store.db.commit()
        result.records = sum(1 for _ in store.hashes())
    finally:
        store.close()
    if options.search:
        result.search = _search_index(out, bool(changed["docs"] or changed["removed"]), result)
    result.seconds = round(time.perf_counter() - started, 3)
    return result


# --- inputs ---------------------------------------------------------------------------------

def _inputs(src: Path, out: Path, state: Path, options: SiteOptions, run_records, result) -> dict[str, tuple[str, str]]:
    """slug -> (TEI file, name for errors): the TEI files under src and the records encoded."""
    from ..batch import (BatchOptions, Job, Outcome, find_records, is_up_to_date, output_paths, run_batch,
                         write_report)

    found: dict[str, tuple[str, str]] = {}
    out_resolved = out.resolve()
    tei_files = sorted(p for p in src.rglob("*.xml") if p.is_file() and not _hidden(p, src)
                       and out_resolved not in p.resolve().parents)
    for path in tei_files:
        found[_unique_slug(found, path.relative_to(src))] = (str(path), str(path))
    records = [p for p in find_records(src) if out_resolved not in p.resolve().parents]
    if not records:
        return found
    tei_dir = state / "tei"
    batch_options = BatchOptions(formats=(), jobs=options.jobs, force=options.force, validate=options.validate)
    jobs = [Job(str(p), str(p.relative_to(src)), str(tei_dir), batch_options) for p in records]
    stale = len(jobs) if options.force else sum(1 for job in jobs if not is_up_to_date(job))
    if not stale:
        outcomes = [Outcome(job.source, "skipped") for job in jobs]  # no worker start-up for nothing
    else:
        if stale <= FEW_STALE:  # a few changed records: encoded here, without starting workers
            batch_options = replace(batch_options, jobs=1)
        started = time.perf_counter()
        outcomes = (run_records or run_batch)(src, tei_dir, batch_options)
        write_report(tei_dir, outcomes, batch_options, time.perf_counter() - started)
    for outcome in outcomes:
        source = Path(outcome.source)
        if outcome.status == "failed":
            result.failed.append((outcome.source, outcome.error or f"{outcome.source}: failed"))
            continue
        if outcome.status == "invalid":  # on the site all the same, and reported
            result.invalid.append((outcome.source, outcome.messages[0] if outcome.messages else "invalid"))
        if out_resolved in source.resolve().parents:
            continue
        tei = output_paths(Job(outcome.source, str(source.relative_to(src)), str(tei_dir), batch_options))[0]
        if tei.exists():
            found[_unique_slug(found, source.relative_to(src))] = (str(tei), outcome.source)
    return found


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _unique_slug(taken: dict, relative: Path) -> str:
    stem = str(relative.with_suffix(""))
    stem = stem[:-4] if stem.endswith(".tei") else stem
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", stem.replace(os.sep, "_")).strip("-.") or "record"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _signature(frame: Frame) -> str:
    """What every document page depends on besides its input: teikit, the stylesheets, the frame."""
    from ..resources import transforms_dir

    digest = hashlib.sha256(f"{__version__}\t{frame.title}\t{frame.has_map}".encode())
    for folder in ("site", "html", "common"):
        for path in sorted((transforms_dir() / folder).glob("*")):
            if path.is_file():
                digest.update(path.name.encode() + path.read_bytes())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _file_hash(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest() if hasattr(hashlib, "file_digest") \
            else hashlib.sha256(fh.read()).hexdigest()


# --- document pages -------------------------------------------------------------------------

def _update_documents(store: Store, out: Path, inputs: dict, frame: Frame, full: bool, options, result) -> dict:
    """(Re)write the pages of changed documents; drop the removed ones. Returns what changed:
    docs (slugs written), removed (slugs), keys (entity keys whose register pages depend on them)."""
    known = store.hashes()
    hashes = {slug: _file_hash(tei) for slug, (tei, _) in inputs.items()}
    dirty = [slug for slug in inputs if full or known.get(slug) != hashes[slug]
             or not (out / "records" / f"{slug}.html").exists()]
    removed = [slug for slug in known if slug not in inputs]
    keys: set[str] = set()
    for slug in removed:
        keys |= store.keys_of(slug)
        store.remove(slug)
        _remove_files(out, slug)
    tasks = [DocTask(slug, inputs[slug][0], inputs[slug][1], str(out), frame) for slug in dirty]
    written = []
    for done in _run_tasks(tasks, options.jobs):
        keys |= store.keys_of(done["slug"])
        if "error" in done:
            result.failed.append((done["label"], done["error"]))
            store.remove(done["slug"])
            _remove_files(out, done["slug"])  # an earlier version's page is not left behind
            continue
        store.put(done["slug"], done["label"], hashes[done["slug"]], done["info"], done["mentions"], done["entities"])
        keys |= set(done["entities"])
        written.append(done["slug"])
    result.rendered += len(written)
    result.removed += len(removed)
    return {"docs": set(written), "removed": set(removed), "keys": keys}


def _remove_files(out: Path, slug: str) -> None:
    """A document's page and downloads."""
    for path in (out / "records").glob(f"{slug}.*"):
        if path.name.split(".")[0] == slug:
            path.unlink(missing_ok=True)


def _run_tasks(tasks: list[DocTask], jobs: int):
    """Each task's outcome, in worker processes when there are enough of them."""
    workers = jobs or os.cpu_count() or 1
    if workers == 1 or len(tasks) < 8:
        for task in tasks:
            yield render_document(task)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
    size = max(1, min(16, len(tasks) // (workers * 4)))
    chunks = [tasks[i:i + size] for i in range(0, len(tasks), size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for outcomes in pool.map(_render_chunk, chunks):
            yield from outcomes


def _render_chunk(tasks: list[DocTask]) -> list[dict]:
    return [render_document(task) for task in tasks]


def render_document(task: DocTask) -> dict:
    """Write one document's page and downloads; return what the index needs. Never raises
    for a bad document: its one-line error is returned instead."""
    from ..errors import TeikitError

    try:
        return _render(task)
    except TeikitError as exc:
        message = str(exc) if task.label == task.source else f"{task.label}: {exc}"
    except Exception as exc:  # a bug must not stop the site; it is reported
        message = f"{task.label}: internal error: {type(exc).__name__}: {exc}"
    return {"slug": task.slug, "label": task.label, "error": message}


def _render(task: DocTask) -> dict:
    from ..tei import parse_xml_file
    from ..writers import check_is_tei, export
    from ..writers._xslt import transform

    tree = parse_xml_file(task.source)
    check_is_tei(tree)
    root = tree.getroot()
    info = document_info(root)
    found, entities = mentions(root)
    ref_keys = _ref_keys(root, found, entities)
    info["facets"].update(_mentioned(found, entities))
    folder = Path(task.site) / "records"
    downloads = [(f"{task.slug}.tei.xml", "TEI P5 XML")]
    atomic_write(folder / f"{task.slug}.tei.xml", Path(task.source).read_bytes())
    for fmt, ext, label in DOWNLOADS:
        try:
            atomic_write(folder / f"{task.slug}{ext}", export(tree, fmt))
            downloads.append((f"{task.slug}{ext}", label))
        except Exception:  # a citation the document cannot give is simply not offered
            continue
    reader = transform("html", tree, lang="all")
    description = render.record_page(reader, task.slug, info, downloads, ref_keys, info["facets"])
    atomic_write(folder / f"{task.slug}.html", render.render(description, task.frame, 1))
    info["downloads"] = downloads
    return {"slug": task.slug, "label": task.label, "info": info, "mentions": found, "entities": entities}


def _ref_keys(root, found, entities) -> dict[str, str]:
    """Authority id (as the reader's 'ent-' anchors use it) -> register key."""
    from .extract import _records_by_id, entity_key

    keys = {}
    for rid, record in _records_by_id(root).items():
        key = entity_key(record, "#" + rid)
        if key in entities:
            keys[rid] = key
    return keys


def _mentioned(found: list[dict], entities: dict) -> dict[str, list[str]]:
    """The person and place facets of a document: the main names of what it mentions."""
    facets: dict[str, list[str]] = {"person": [], "place": []}
    for key in dict.fromkeys(m["key"] for m in found):
        kind = entities[key]["kind"]
        if kind in facets:
            facets[kind].append(primary_name(entities[key], key))
    return facets


MAP_LINK = re.compile(rb"<!--map-->.*?<!--/map-->", re.S)


def _set_map_links(out: Path, has_map: bool) -> None:
    """Add or remove the map link in the navigation of the pages already written."""
    for folder, root in (("records", "../"), ("registers", "../"), ("facets", "../")):
        for path in (out / folder).glob("*.html"):
            link = f'<li><a href="{root}map.html">Map</a></li>'.encode() if has_map else b""
            data = path.read_bytes()
            new = MAP_LINK.sub(lambda _: b"<!--map-->" + link + b"<!--/map-->", data, count=1)
            if new != data:
                atomic_write(path, new)


def _update_pagers(store: Store, out: Path, changed: dict) -> None:
    """Previous/next links in date order, rewritten where they differ from what a page has."""
    order = [(slug, info.get("title") or slug) for slug, info in store.docs()]
    stored = store.pagers()
    for i, (slug, _) in enumerate(order):
        pager = render.pager_html(order[i - 1] if i else None, order[i + 1] if i + 1 < len(order) else None)
        text = pager.decode("utf-8")
        if stored.get(slug) == text and slug not in changed["docs"]:
            continue
        path = out / "records" / f"{slug}.html"
        atomic_write(path, render.set_pager(path.read_bytes(), pager))
        store.set_pager(slug, text)


# --- search ---------------------------------------------------------------------------------

def _search_index(out: Path, changed: bool, result: SiteResult) -> str:
    from .search import build_index

    if not changed and (out / "pagefind" / "parts.json").exists():
        return "search index up to date"
    return build_index(out, result)
