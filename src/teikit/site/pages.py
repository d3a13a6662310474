"""The pages that depend on the whole corpus: the browse list with its facets (and a JSON index
per facet), the registers, the timeline, the map and the search page."""
from __future__ import annotations

import copy
import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from ..io import atomic_write
from ..resources import transforms_dir
from .extract import primary_name
from .render import E, FACETS, KIND_PAGES, Frame, add, file_key, page, render
from .store import Store

ASSETS = ("site.css", "site.js", "search.js")
MENTIONS_PER_PAGE = 1000  # mentions on one register page (a record's mentions stay together when they can)
SIDEBAR_VALUES = 40  # values of a facet shown beside the list (all of them are on its page)
PER_PAGE = 200  # records on one page of the browse list


def write_corpus_pages(store: Store, out: Path, frame: Frame, keys: set[str], full: bool) -> None:
    _copy_assets(out)
    docs = list(store.docs())
    entities = {key: merge_entity(store.entity_records(key)) for key in store.entity_keys()}
    counts = store.counts()
    facets = facet_index(docs, store, entities)
    pages = browse_pages(docs, facets, frame)
    for number, description in enumerate(pages, 1):
        _write(out / list_file(number), render(description, frame, 0))
    for stale in out.glob("index-*.html"):
        if not stale.stem[6:].isdigit() or int(stale.stem[6:]) > len(pages):
            stale.unlink()
    _write(out / "facets" / "records.json", records_json(docs))
    for name, values in facets.items():
        atomic_write(out / "facets" / f"{name}.json", facet_json(name, values))
        _write(out / "facets" / f"{name}.html", render(facet_page(name, values, docs), frame, 1))
    for kind, (file, label) in KIND_PAGES.items():
        chosen = {k: e for k, e in entities.items() if e["kind"] == kind}
        _write(out / "registers" / f"{file}.html", render(register_page(kind, chosen, counts), frame, 1))
    titles = {slug: info for slug, info in docs}
    for key in (entities if full else keys & set(entities)):
        write_entity_pages(out, frame, key, entities[key], store.entity_mentions(key), titles)
    for key in keys - set(entities):
        _remove_entity_pages(out, key, 0)
    _write(out / "timeline.html", render(timeline_page(docs), frame, 0))
    if frame.has_map:
        _write(out / "map.html", render(map_page(entities), frame, 0))
    else:
        (out / "map.html").unlink(missing_ok=True)
    _write(out / "search.html", render(search_page(), frame, 0))


def _write(path: Path, data: bytes) -> None:
    """Write a page unless it already has exactly these bytes (its time then says when it last changed)."""
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    atomic_write(path, data)


def _copy_assets(out: Path) -> None:
    folder = out / "assets"
    folder.mkdir(parents=True, exist_ok=True)
    for name in ASSETS:
        _write(folder / name, (transforms_dir() / "site" / name).read_bytes())


def merge_entity(records: list[dict]) -> dict:
    """One entity from the records the documents carry: every name (once), every identifier,
    the first coordinates; the kind most records give."""
    names, idnos = {}, {}
    for rec in records:
        for lang, typ, value in rec.get("names", []):
            names.setdefault((lang, value), [lang, typ, value])
        for kind, value in rec.get("idnos", []):
            idnos.setdefault((kind, value), [kind, value])
    kind = Counter(r["kind"] for r in records).most_common(1)[0][0] if records else "person"
    geo = next((r["geo"] for r in records if r.get("geo")), "")
    main = sorted(names.values(), key=lambda n: n[1] == "mention")  # names from the records first
    return {"kind": kind, "names": main, "idnos": list(idnos.values()), "geo": geo}


# --- browse and facets ------------------------------------------------------------------------

def facet_index(docs: list, store: Store, entities: dict) -> dict[str, list]:
    """facet -> [(value, label, [doc positions])], values by count (years by year)."""
    position = {slug: i for i, (slug, _) in enumerate(docs)}
    table: dict[str, dict[str, list[int]]] = {name: defaultdict(list) for name in FACETS}
    labels: dict[tuple[str, str], str] = {}
    for i, (_, info) in enumerate(docs):
        for name in ("year", "author", "recipient", "language", "archive", "type"):
            for value in info["facets"].get(name, []):
                table[name][value].append(i)
    for slug, key in store.doc_keys():
        kind = entities.get(key, {}).get("kind")
        if kind in ("person", "place") and slug in position:
            table[kind][key].append(position[slug])
            labels[(kind, key)] = primary_name(entities[key], key)
    result = {}
    for name, values in table.items():
        rows = [(v, labels.get((name, v), v), sorted(set(ix))) for v, ix in values.items()]
        rows.sort(key=(lambda r: r[0]) if name == "year" else (lambda r: (-len(r[2]), r[1].casefold())))
        result[name] = rows
    return result


def facet_json(name: str, values: list) -> bytes:
    data = {"facet": name, "label": FACETS[name],
            "values": [{"value": v, "label": label, "records": ix} for v, label, ix in values]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def value_id(value: str) -> str:
    return "v-" + re.sub(r"[^\w-]+", "-", value, flags=re.UNICODE).strip("-")[:80] + f"-{_crc(value)}"


def _crc(text: str) -> str:
    import zlib

    return format(zlib.crc32(text.encode("utf-8")), "x")


def list_file(number: int) -> str:
    """The file of page `number` (from 1) of the browse list."""
    return "index.html" if number == 1 else f"index-{number}.html"


def year_pages(docs: list) -> dict[str, int]:
    """year -> the page of the browse list where its records begin."""
    first: dict[str, int] = {}
    for i, (_, info) in enumerate(docs):
        first.setdefault(info.get("year") or "Undated", i // max(1, PER_PAGE) + 1)
    return first


def browse_pages(docs: list, facets: dict, frame: Frame) -> list:
    """The browse list as pages of PER_PAGE records, each with the facets of the whole corpus."""
    count = max(1, -(-len(docs) // max(1, PER_PAGE)))
    aside = facet_sidebar(facets)
    starts = year_pages(docs)
    return [browse_page(docs, aside, frame, number, count, starts) for number in range(1, count + 1)]


def facet_sidebar(facets: dict):
    aside = E("aside", {"class": "facets", "aria-labelledby": "facets-h"}, E("h2", {"id": "facets-h"}, "Filter"),
              E("p", {"class": "filter-status", "aria-live": "polite", "id": "filter-status"}))
    for name, values in facets.items():
        if not values:
            continue
        shown = values if name == "year" else values[:SIDEBAR_VALUES]
        items = [E("li", None, E("a", {"href": f"facets/{name}.html#{value_id(v)}", "data-value": v}, label),
                   " ", E("span", {"class": "count"}, str(len(ix)))) for v, label, ix in shown]
        more = None if len(shown) == len(values) else E("p", None, E("a", {"href": f"facets/{name}.html"}, f"All {len(values)} values"))
        add(aside, E("section", {"class": "facet", "data-facet": name},
                     E("h3", None, FACETS[name]), E("ul", {"class": "facet-values"}, items), more))
    return aside


def browse_page(docs: list, aside, frame: Frame, number: int, count: int, starts: dict[str, int]):
    """Page `number` of `count` of the records list; the facets filter the whole corpus (site.js
    reads facets/records.json), each year's heading is on the page where its records begin."""
    years = [info["year"] for _, info in docs if info.get("year")]
    span = f", {years[0]}–{years[-1]}" if years else ""
    intro = E("p", {"class": "lead"}, f"{len(docs)} records{span}. Filter by the facets, or browse by ",
              E("a", {"href": "timeline.html"}, "date"), ", ", E("a", {"href": "registers/persons.html"}, "people"),
              ", ", E("a", {"href": "registers/places.html"}, "places"), " and ",
              E("a", {"href": "registers/organisations.html"}, "organisations"), ".")
    first, last = (number - 1) * PER_PAGE, min(len(docs), number * PER_PAGE)
    listing = E("section", {"class": "records", "aria-labelledby": "records-h"}, E("h2", {"id": "records-h"}, "Records"))
    by_year: dict[str, list] = defaultdict(list)
    for i in range(first, last):
        slug, info = docs[i]
        by_year[info.get("year") or "Undated"].append((i, slug, info))
    paged = E("div", {"class": "paged"})
    if count > 1:
        add(paged, [E("p", {"class": "range"}, f"Records {first + 1}–{last} of {len(docs)}."),
                    _year_nav(starts, number), _pages_list(number, count, "List pages")])
    for year, rows in by_year.items():
        add(paged, E("section", {"class": "year", "id": f"y-{year}" if starts[year] == number else None},
                     E("h3", None, year if starts[year] == number else f"{year} (continued)"),
                     E("ol", {"class": "record-list"}, [record_item(i, slug, info, "records/") for i, slug, info in rows])))
    if count > 1:
        add(paged, _pages_list(number, count, "List pages, end"))
    add(listing, [paged, E("div", {"class": "found", "hidden": "hidden"})])
    content = [E("h1", None, frame.title), intro, E("div", {"class": "browse"}, copy.deepcopy(aside), listing)]
    title = "Records" if number == 1 else f"Records, page {number}"
    crumbs = [("index.html", "Records")] + ([(list_file(number), f"Page {number}")] if number > 1 else [])
    return page("browse", title, crumbs if number > 1 else [], content, scripts=[("assets/site.js", "classic")])


def _year_nav(starts: dict[str, int], number: int):
    """Links to every year's first page; a year that begins on another page has its anchor here
    (so index.html#y-1950 leads on to the right page, by a click or by site.js)."""
    items = [E("li", None, E("a", {"href": f"{list_file(n)}#y-{year}" if n != number else f"#y-{year}",
                                   "id": None if n == number else f"y-{year}", "class": "year-link"}, year))
             for year, n in starts.items()]
    return E("nav", {"class": "years", "aria-label": "Years"}, E("ul", None, items))


def _pages_list(number: int, count: int, label: str):
    """Links to the pages of the list: the first, the last and those near this one."""
    shown = sorted({1, count, *range(max(1, number - 3), min(count, number + 3) + 1)})
    items, previous = [], 0
    for n in shown:
        if n > previous + 1:
            items.append(E("li", {"aria-hidden": "true"}, "…"))
        items.append(E("li", None, E("a", {"href": list_file(n), "aria-current": "page" if n == number else None},
                                     str(n))))
        previous = n
    return E("nav", {"class": "pages", "aria-label": label}, E("ul", None, items))


def records_json(docs: list) -> bytes:
    """Every record of the list, in its order (position = the numbers in the facets' JSON):
    [slug, title, ISO date, date as written, people]; site.js lists the records a filter keeps."""
    rows = [[slug, info.get("title") or slug, info.get("date") or "", info.get("date_label") or info.get("date") or "",
             _people(info)] for slug, info in docs]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _people(info: dict) -> str:
    return " → ".join(filter(None, [", ".join(info["facets"].get("author", [])),
                                    ", ".join(info["facets"].get("recipient", []))]))


def record_item(i: int | None, slug: str, info: dict, prefix: str):
    """One record in a list: its title, date and correspondents."""
    people = _people(info)
    date = E("time", {"datetime": info["date"]}, info.get("date_label") or info["date"]) if info.get("date") else None
    return E("li", {"data-i": None if i is None else str(i)},
             E("a", {"href": f"{prefix}{slug}.html"}, info.get("title") or slug),
             E("span", {"class": "when"}, " · ", date) if date is not None else None,
             E("span", {"class": "who"}, " · " + people) if people else None)


def facet_page(name: str, values: list, docs: list):
    """A facet's values, each with its records (or a link to its register page): the browse
    filters without JavaScript."""
    body = [E("h1", None, FACETS[name])]
    for value, label, ix in values:
        section = E("section", {"id": value_id(value)}, E("h2", None, f"{label} ({len(ix)})"))
        if name in ("person", "place"):
            add(section, E("p", None, E("a", {"href": f"../registers/{file_key(value)}.html"}, f"{label} in the register")))
        else:
            add(section, E("ul", None, [record_item(None, docs[i][0], docs[i][1], "../records/") for i in ix]))
        body.append(section)
    return page("facet", FACETS[name], [("index.html", "Records"), (f"facets/{name}.html", FACETS[name])], body)


# --- registers ----------------------------------------------------------------------------------

def sort_key(name: str) -> str:
    """Alphabetical order ignoring accents and case."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold() or name


def letter_of(name: str) -> str:
    key = sort_key(name).lstrip("\"'“‘([")
    first = key[:1].upper() if key else name[:1]
    return first if first.isalpha() else "#"


def register_page(kind: str, entities: dict, counts: dict):
    file, label = KIND_PAGES[kind]
    rows = sorted(((primary_name(e, k), k, e) for k, e in entities.items()), key=lambda r: (sort_key(r[0]), r[0]))
    letters: dict[str, list] = defaultdict(list)
    for row in rows:
        letters[letter_of(row[0])].append(row)
    nav = E("nav", {"class": "letters", "aria-label": "Letters"},
            E("ul", None, [E("li", None, E("a", {"href": f"#l-{_crc(L)}"}, L)) for L in letters]))
    body = [E("h1", None, f"{label} ({len(rows)})"), nav]
    for L, items in letters.items():
        lis = []
        for name, key, entity in items:
            mentions, records = counts.get(key, (0, 0))
            others = [n[2] for n in entity["names"] if not n[1] and n[2] != name][:3]
            lis.append(E("li", None, E("a", {"href": f"{file_key(key)}.html"}, name),
                         [[" · ", E("span", {"lang": _lang(entity, o)}, o)] for o in others],
                         " ", E("span", {"class": "count"}, f"{mentions} mention{'s' * (mentions != 1)} in "
                                                             f"{records} record{'s' * (records != 1)}")))
        body.append(E("section", {"id": f"l-{_crc(L)}"}, E("h2", None, L), E("ul", {"class": "register"}, lis)))
    return page(f"register-{kind}", label, [(f"registers/{file}.html", label)], body)


def _lang(entity: dict, value: str) -> str | None:
    return next((n[0] for n in entity["names"] if n[2] == value and n[0]), None)


def entity_file(key: str, number: int = 1) -> str:
    """The file of an entity's page: <key>.html, then <key>.2.html ... (keys have no dots)."""
    return f"{file_key(key)}.html" if number == 1 else f"{file_key(key)}.{number}.html"


def write_entity_pages(out: Path, frame: Frame, key: str, entity: dict, rows: list, docs: dict) -> None:
    """An entity's page, split every MENTIONS_PER_PAGE mentions (at a record's end when possible)."""
    chunks = _chunks(rows)
    records = len({r[0] for r in rows})
    for number, chunk in enumerate(chunks, 1):
        description = entity_page(key, entity, chunk, docs, (number, len(chunks), len(rows), records))
        _write(out / "registers" / entity_file(key, number), render(description, frame, 1))
    _remove_entity_pages(out, key, len(chunks))


def _chunks(rows: list) -> list[list]:
    chunks: list[list] = [[]]
    for row in rows:
        last = chunks[-1]
        if len(last) >= MENTIONS_PER_PAGE and (row[0] != last[-1][0] or len(last) >= 2 * MENTIONS_PER_PAGE):
            chunks.append([])
        chunks[-1].append(row)
    return chunks


def _remove_entity_pages(out: Path, key: str, keep: int) -> None:
    for path in (out / "registers").glob(f"{file_key(key)}.*html"):
        parts = path.name.split(".")
        number = 1 if len(parts) == 2 else int(parts[1]) if parts[1].isdigit() else None
        if number is not None and number > keep:
            path.unlink(missing_ok=True)


def entity_page(key: str, entity: dict, rows: list, docs: dict, numbers=None):
    """An entity's names, identifiers and its mentions (one page of them), each with its
    sentence and a link to it. numbers: (this page, pages, all mentions, all records)."""
    file, label = KIND_PAGES[entity["kind"]]
    name = primary_name(entity, key)
    number, count, total, records = numbers or (1, 1, len(rows), len({r[0] for r in rows}))
    names = E("ul", {"class": "names"}, [E("li", None, E("span", {"lang": n[0] or None}, n[2]),
                                           f" ({n[0] or 'no language'}{', ' + n[1] if n[1] else ''})")
                                         for n in entity["names"]])
    links = [link for link in (_idno_link(k, v) for k, v in entity["idnos"]) if link is not None]
    facts = E("dl", {"class": "facts"}, E("dt", None, "Type"), E("dd", None, entity["kind"]),
              E("dt", None, "Names"), E("dd", None, names))
    if links:
        add(facts, [E("dt", None, "Identifiers"), E("dd", None, E("ul", None, [E("li", None, a) for a in links]))])
    if entity.get("geo"):
        add(facts, [E("dt", None, "Coordinates"), E("dd", None, entity["geo"])])
    heading = f"{total} mention{'s' * (total != 1)} in {records} record{'s' * (records != 1)}"
    body = [E("h1", None, name), facts, E("h2", {"id": "mentions"}, heading)]
    if count > 1:
        body.append(_pages_nav(key, number, count, "top"))
    by_doc: dict[str, list] = defaultdict(list)
    for slug, sid, lang, written, context in rows:
        by_doc[slug].append((sid, lang, written, context))
    for slug, items in by_doc.items():
        info = docs.get(slug, {})
        when = f" ({info.get('date_label')})" if info.get("date_label") else ""
        add(body, E("section", {"class": "mentions"},
                    E("h3", None, E("a", {"href": f"../records/{slug}.html"}, info.get("title") or slug), when),
                    E("ul", None, [E("li", {"lang": lang or None},
                                     E("a", {"href": f"../records/{slug}.html" + (f"#{sid}" if sid else ""), "class": "mention"},
                                       _marked(context, written))) for sid, lang, written, context in items])))
    if count > 1:
        body.append(_pages_nav(key, number, count, "bottom"))
    title = name if number == 1 else f"{name} ({number}/{count})"
    return page(f"register-{entity['kind']}", title, [(f"registers/{file}.html", label),
                                                       (f"registers/{entity_file(key, number)}", title)], body)


def _pages_nav(key: str, number: int, count: int, where: str):
    return E("nav", {"class": "pages", "aria-label": f"Pages of mentions ({where})"},
             E("ul", None, [E("li", None, E("a", {"href": entity_file(key, n), "aria-current": "page" if n == number else None},
                                            f"{n}")) for n in range(1, count + 1)]))


def _marked(context: str, name: str) -> list:
    """The sentence with the name in a mark element."""
    at = context.find(name) if name else -1
    if at < 0:
        return [context]
    return [context[:at], E("mark", None, name), context[at + len(name):]]


def _idno_link(kind: str, value: str):
    if kind == "wikidata" and re.fullmatch(r"Q\d+", value):
        return E("a", {"href": f"https://www.wikidata.org/wiki/{value}"}, f"Wikidata {value}")
    if kind == "viaf" and value.isdigit():
        return E("a", {"href": f"https://viaf.org/viaf/{value}"}, f"VIAF {value}")
    if value.startswith(("http://", "https://")):
        return E("a", {"href": value}, value)
    return E("span", None, f"{kind}: {value}") if kind else None


# --- timeline, map, search ------------------------------------------------------------------------

def timeline_page(docs: list):
    counts = Counter(info.get("year") or "Undated" for _, info in docs)
    most = max(counts.values(), default=1)
    starts = year_pages(docs)
    rows = [E("li", None, E("a", {"href": f"{list_file(starts[year])}#y-{year}"}, year),
              E("span", {"class": "bar", "style": f"width:{max(2, round(60 * n / most))}%"}),
              E("span", {"class": "count"}, f"{n} record{'s' * (n != 1)}")) for year, n in counts.items()]
    months: dict[str, list] = defaultdict(list)
    for slug, info in docs:
        months[(info.get("date") or "")[:7] or "Undated"].append((slug, info))
    detail = [E("section", {"class": "month"}, E("h3", None, month),
                E("ol", None, [record_item(None, slug, info, "records/") for slug, info in items]))
              for month, items in months.items()]
    body = [E("h1", None, "Timeline"), E("h2", None, "Records per year"), E("ol", {"class": "timeline"}, rows),
            E("h2", None, "Records per month"), detail]
    return page("timeline", "Timeline", [("timeline.html", "Timeline")], body)


def parse_geo(geo: str) -> tuple[float, float] | None:
    """(latitude, longitude) of a TEI geo ('lat long' or 'lat,long'), None if not that."""
    parts = re.split(r"[\s,]+", geo.strip())
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except (ValueError, IndexError):
        return None
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else None


def map_page(entities: dict):
    """The places with coordinates on a plain equirectangular grid (an inline SVG: no tiles)."""
    places = [(k, e, parse_geo(e.get("geo", ""))) for k, e in entities.items() if e["kind"] == "place"]
    places = sorted(((k, e, g) for k, e, g in places if g), key=lambda r: primary_name(r[1], r[0]))
    svg = E("svg", {"viewBox": "-180 -90 360 180", "class": "map", "role": "img", "aria-labelledby": "map-title"},
            E("title", {"id": "map-title"}, f"{len(places)} places by latitude and longitude"),
            E("rect", {"x": "-180", "y": "-90", "width": "360", "height": "180", "class": "sea"}),
            [E("line", {"x1": str(x), "y1": "-90", "x2": str(x), "y2": "90", "class": "grid"}) for x in range(-150, 180, 30)],
            [E("line", {"x1": "-180", "y1": str(y), "x2": "180", "y2": str(y), "class": "grid"}) for y in range(-60, 90, 30)])
    for key, entity, (lat, lon) in places:
        add(svg, E("a", {"href": f"registers/{file_key(key)}.html"},
                   E("circle", {"cx": f"{lon:.3f}", "cy": f"{-lat:.3f}", "r": "1.6"},
                     E("title", None, primary_name(entity, key)))))
    listing = E("ul", None, [E("li", None, E("a", {"href": f"registers/{file_key(k)}.html"}, primary_name(e, k)),
                                f" ({g[0]:.2f}, {g[1]:.2f})") for k, e, g in places])
    return page("map", "Map", [("map.html", "Map")], [E("h1", None, "Map of places"), svg, listing])


def search_page():
    form = E("form", {"class": "search", "role": "search", "action": "search.html", "id": "search-form"},
             E("label", {"for": "q"}, "Search the records (any language)"),
             E("input", {"type": "search", "id": "q", "name": "q", "autocomplete": "off"}),
             E("button", {"type": "submit"}, "Search"))
    body = [E("h1", None, "Search"), form,
            E("noscript", None, E("p", None, "Search runs in the browser and needs JavaScript; the ",
                                  E("a", {"href": "index.html"}, "records list"), " and registers work without it.")),
            E("div", {"class": "search-layout"},
              E("aside", {"class": "search-filters-ui", "aria-label": "Filter the results", "id": "search-filters"}),
              E("section", {"aria-labelledby": "results-h"}, E("h2", {"id": "results-h"}, "Results"),
                E("p", {"id": "search-status", "aria-live": "polite"}), E("ol", {"id": "search-results", "class": "results"})))]
    return page("search", "Search", [("search.html", "Search")], body, scripts=[("assets/search.js", "module")])
