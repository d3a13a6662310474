// teikit site: full-text search with Pagefind, built with the site in parts (pagefind/parts.json
// lists them, pagefind/part-NNN/ is one index); the first is loaded and the others merged in.
// Each result links to the sentence nearest before the first match (its id is an anchor that
// Pagefind recorded), and filters come from the index (data-pagefind-filter in the pages).
const form = document.getElementById("search-form");
const input = document.getElementById("q");
const status = document.getElementById("search-status");
const results = document.getElementById("search-results");
const filterBox = document.getElementById("search-filters");
const LABELS = { year: "Year", author: "Author or sender", recipient: "Recipient", language: "Original language",
  archive: "Archive or collection", type: "Record type", person: "People mentioned", place: "Places mentioned" };
let pagefind = null;
const chosen = {};

async function load() {
  if (!pagefind) {
    const base = new URL("../pagefind/", import.meta.url);
    try {
      const parts = (await (await fetch(new URL("parts.json", base))).json()).parts;
      pagefind = await import(new URL(`${parts[0]}/pagefind.js`, base).href);
      await pagefind.options({ excerptLength: 24 });
      // result URLs of every part as the first part gives them: /records/NAME.html
      for (const part of parts.slice(1)) await pagefind.mergeIndex(new URL(`${part}/`, base).href, { baseUrl: "/" });
    } catch (e) {
      pagefind = null;
      status.textContent = "This site was built without its search index.";
      return null;
    }
    renderFilters(await pagefind.filters());
  }
  return pagefind;
}

function renderFilters(filters) {
  Object.keys(filters).forEach((name) => {
    const values = Object.entries(filters[name]).sort((a, b) => b[1] - a[1]).slice(0, 30);
    if (!values.length) return;
    const fs = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = LABELS[name] || name;
    fs.append(legend);
    values.forEach(([value, count], k) => {
      const id = `f-${name}-${k}`;
      const box = document.createElement("input");
      box.type = "checkbox"; box.id = id; box.dataset.filter = name; box.value = value;
      box.addEventListener("change", () => {
        chosen[name] = [...fs.querySelectorAll("input:checked")].map((b) => b.value);
        if (!chosen[name].length) delete chosen[name];
        run();
      });
      const label = document.createElement("label");
      label.htmlFor = id; label.textContent = ` ${value} (${count})`;
      const line = document.createElement("div");
      line.append(box, label);
      fs.append(line);
    });
    filterBox.append(fs);
  });
}

function sentenceAnchor(data, query) {
  // the first match inside a sentence: the last span anchor at or before a match location that
  // contains a word of the query (a match in the metadata above the text, or in a heading
  // between sentences, is passed over); no anchor when none does
  const spans = (data.anchors || []).filter((a) => a.element === "span" && a.id);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean).map((w) => w.slice(0, Math.max(2, w.length - 2)));
  for (const loc of data.locations || []) {
    let best = null;
    for (const a of spans) { if (a.location <= loc) best = a; else break; }
    const text = best ? best.text.toLowerCase() : "";
    if (best && words.some((w) => text.includes(w))) return `#${best.id}`;
  }
  return "";
}

async function run() {
  const q = input.value.trim();
  const pf = await load();
  if (!pf) return;
  const filters = {};
  Object.keys(chosen).forEach((k) => { filters[k] = { any: chosen[k] }; });
  if (!q && !Object.keys(filters).length) { results.replaceChildren(); status.textContent = ""; return; }
  const search = await pf.search(q || null, { filters });
  const data = await Promise.all(search.results.slice(0, 30).map((r) => r.data()));
  results.replaceChildren(...data.map((d) => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = d.url.replace(/^\//, "") + sentenceAnchor(d, q);
    a.textContent = (d.meta && d.meta.title) || d.url;
    const p = document.createElement("p");
    p.className = "excerpt";
    p.innerHTML = d.excerpt; // Pagefind escapes the text and adds only <mark>
    li.append(a, p);
    return li;
  }));
  status.textContent = `${search.results.length} record${search.results.length === 1 ? "" : "s"} found.`;
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const url = new URL(location.href);
  url.searchParams.set("q", input.value);
  history.replaceState(null, "", url);
  run();
});
const initial = new URLSearchParams(location.search).get("q");
if (initial) { input.value = initial; run(); } else { load(); }
