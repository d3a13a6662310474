// teikit site: filter the records by the facets, across every page of the list (each facet's
// values and the positions of their records come from facets/<facet>.json, the records from
// facets/records.json). Without JavaScript the facet values are links to plain lists.
(function () {
  "use strict";
  var years = document.querySelector("nav.years");
  function follow() {  // index.html#y-1950 when 1950 begins on another page
    var to = years && location.hash && years.querySelector("a[id='" + location.hash.slice(1).replace(/'/g, "") + "']");
    if (to) location.replace(to.href);
    return !!to;
  }
  if (follow()) return;
  window.addEventListener("hashchange", follow);
  var boxes = document.querySelectorAll("section.facet[data-facet]");
  var paged = document.querySelector(".records .paged"), found = document.querySelector(".records .found");
  if (!paged || !found || !boxes.length || !window.fetch || !window.Set) return;
  var chosen = {}, index = {}, records = null, status = document.getElementById("filter-status");
  function load() {
    if (!records) records = fetch("facets/records.json").then(function (r) { return r.json(); });
    return records;
  }
  function item(i, rec) {
    var li = document.createElement("li"), a = document.createElement("a");
    li.setAttribute("data-i", String(i));
    a.href = "records/" + rec[0] + ".html"; a.textContent = rec[1];
    li.append(a);
    if (rec[2]) {
      var when = document.createElement("span"), t = document.createElement("time");
      when.className = "when"; t.dateTime = rec[2]; t.textContent = rec[3];
      when.append(" · ", t); li.append(when);
    }
    if (rec[4]) {
      var who = document.createElement("span");
      who.className = "who"; who.textContent = " · " + rec[4]; li.append(who);
    }
    return li;
  }
  function apply() {
    var sets = [];
    Object.keys(chosen).forEach(function (f) {
      var values = Object.keys(chosen[f]);
      if (!values.length) return;
      var s = new Set();
      values.forEach(function (v) { (index[f][v] || []).forEach(function (i) { s.add(i); }); });
      sets.push(s);
    });
    if (!sets.length) {
      paged.hidden = false; found.hidden = true; found.replaceChildren(); status.textContent = "";
      return;
    }
    load().then(function (all) {
      var list = document.createElement("ol"), shown = 0;
      list.className = "record-list";
      all.forEach(function (rec, i) {
        if (sets.every(function (s) { return s.has(i); })) { list.append(item(i, rec)); shown++; }
      });
      found.replaceChildren(list);
      paged.hidden = true; found.hidden = false;
      status.textContent = shown + " of " + all.length + " records match.";
    });
  }
  boxes.forEach(function (box) {
    var facet = box.getAttribute("data-facet");
    fetch("facets/" + facet + ".json").then(function (r) { return r.json(); }).then(function (data) {
      index[facet] = {}; chosen[facet] = {};
      data.values.forEach(function (v) { index[facet][v.value] = v.records; });
      box.querySelectorAll("a[data-value]").forEach(function (a) {
        var b = document.createElement("button");
        b.type = "button"; b.textContent = a.textContent;
        b.setAttribute("aria-pressed", "false");
        b.setAttribute("data-value", a.getAttribute("data-value"));
        b.addEventListener("click", function () {
          var v = b.getAttribute("data-value"), on = b.getAttribute("aria-pressed") !== "true";
          b.setAttribute("aria-pressed", on ? "true" : "false");
          if (on) chosen[facet][v] = true; else delete chosen[facet][v];
          apply();
        });
        a.replaceWith(b);
      });
    });
  });
})();
