// teikit site: filter the records list by the facets (each facet's values and the positions of
// their records come from facets/<facet>.json). Without JavaScript the facet values are links
// to plain lists.
(function () {
  "use strict";
  var list = document.querySelectorAll("li[data-i]");
  var boxes = document.querySelectorAll("section.facet[data-facet]");
  if (!list.length || !boxes.length || !window.fetch) return;
  var chosen = {}, index = {}, status = document.getElementById("filter-status");
  function apply() {
    var sets = [];
    Object.keys(chosen).forEach(function (f) {
      var values = Object.keys(chosen[f]);
      if (!values.length) return;
      var s = new Set();
      values.forEach(function (v) { (index[f][v] || []).forEach(function (i) { s.add(i); }); });
      sets.push(s);
    });
    var shown = 0;
    list.forEach(function (li) {
      var i = +li.getAttribute("data-i");
      var ok = sets.every(function (s) { return s.has(i); });
      li.hidden = !ok; if (ok) shown++;
    });
    document.querySelectorAll("section.year").forEach(function (sec) {
      sec.hidden = !sec.querySelector("li[data-i]:not([hidden])");
    });
    status.textContent = sets.length ? shown + " of " + list.length + " records match." : "";
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
