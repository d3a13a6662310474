<?xml version="1.0" encoding="UTF-8"?>
<!--
  Included by tei-to-html.xsl: the page's own CSS (template `css`, with the per-view rules of
  teikit's parallel records) and script (template `js`: sentence highlighting across columns,
  footnote and apparatus popups). Kept apart so that the page's structure reads in one file.
  No parameters of its own.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="tei str">

  <xsl:template name="css">
:root{--ink:#1d1d1f;--muted:#5f6368;--hl:#ffe28a;--pers:#1a5fb4;--place:#26773c;--org:#813d9c;--rule:#d0d0d0}
*{box-sizing:border-box}
body{margin:0 auto;max-width:78rem;padding:1rem 1.5rem 3rem;font:17px/1.6 var(--latin);color:var(--ink);background:#fffefb;overflow-wrap:break-word}
:root{--latin:"Noto Serif","Gentium Plus",Gentium,"DejaVu Serif",Georgia,"Times New Roman",serif;--greek:"GFS Didot","Gentium Plus","Noto Serif","New Athena Unicode","DejaVu Serif","Times New Roman",serif;--cyrillic:"PT Serif","Noto Serif","DejaVu Serif","Times New Roman",serif}
:lang(el),:lang(grc),:lang(gr){font-family:var(--greek)}
:lang(ru),:lang(uk),:lang(be),:lang(bg),:lang(sr),:lang(mk),:lang(cu),:lang(orv),:lang(tt),:lang(kk){font-family:var(--cyrillic)}
:lang(zh){font-family:"Noto Serif CJK SC","Source Han Serif SC","Songti SC","SimSun",serif;line-height:1.9}
:lang(zh-Hant),:lang(zh-TW),:lang(zh-HK){font-family:"Noto Serif CJK TC","Source Han Serif TC","Songti TC","PMingLiU",serif}
:lang(ja){font-family:"Noto Serif CJK JP","Source Han Serif JP","Hiragino Mincho ProN","Yu Mincho",serif;line-height:1.9}
:lang(ko){font-family:"Noto Serif CJK KR","Source Han Serif KR","Batang",serif;line-height:1.9}
:lang(ar),:lang(fa),:lang(ur){font-family:"Noto Naskh Arabic","Amiri",serif}
:lang(he),:lang(yi){font-family:"Noto Serif Hebrew","SBL Hebrew",serif}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.3rem}
h1{font-size:1.6rem;line-height:1.3;margin:.5rem 0}
h2{font-size:1.15rem;margin:1.2rem 0 .4rem}
.original-title{font-size:1.25rem;margin:0 0 .8rem}
dl{display:grid;grid-template-columns:minmax(4rem,max-content) minmax(0,1fr);gap:.15rem 1rem;font-size:.92rem;margin:.5rem 0}
dd,a{overflow-wrap:anywhere}
dt{color:var(--muted)}dd{margin:0}
.citation p,.abstract p{font-size:.95rem}
.views{margin:1.2rem 0 .6rem;display:flex;gap:.4rem;flex-wrap:wrap;align-items:center}
.views-legend{margin-right:.5rem;color:var(--muted)}
.view-radio{position:absolute;opacity:0;pointer-events:none}
.views label{border:1px solid var(--rule);border-radius:1rem;padding:.1rem .8rem;cursor:pointer}
.parallel{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:2.5rem;border-top:1px solid var(--rule)}
.col-title{color:var(--muted);font-size:.95rem;font-weight:normal;text-transform:uppercase;letter-spacing:.05em}
.s{border-radius:3px;transition:background .15s}
.s[data-bead]{cursor:pointer}
.s:hover,.s:focus,.s.hl{background:var(--hl);outline:none}
.s:target{background:var(--hl)}
.s.unaligned{text-decoration:underline dotted var(--rule)}
.name{text-decoration:none;border-bottom:1px dotted}
.name.person{color:var(--pers)}.name.place{color:var(--place)}.name.org{color:var(--org)}
.supplied,.ex{color:var(--muted)}
.gap{color:var(--muted);cursor:help}
.label{font-weight:bold}
.break{color:var(--rule)}
time[title],.date[title]{border-bottom:1px dashed var(--rule);cursor:help}
.noteref a{text-decoration:none;padding:0 .1em}
.tei-opener,.tei-closer{margin:1rem 0}
.tei-closer{text-align:right}
.notes{border-top:1px solid var(--rule);margin-top:1.5rem;font-size:.9rem}
.notes ol{list-style:none;padding-left:0}
.notes li:target{background:var(--hl)}
.note.missing em{color:var(--muted)}
.backref{text-decoration:none;margin-right:.3em}
.authority{border-top:1px solid var(--rule);margin-top:2rem;font-size:.92rem}
.authority ul{columns:2 18rem}
.inline-note{color:var(--muted)}
.pairs{display:none;border-collapse:collapse;width:100%;margin-top:1rem}
.pairs th{text-align:left;color:var(--muted);font-weight:normal;font-size:.9rem;border-bottom:1px solid var(--rule)}
.pairs td{vertical-align:top;padding:.35rem .6rem;border-bottom:1px solid #eee}
.pairs tr:hover td{background:var(--hl)}
.pairs .bead-n{color:var(--muted);font-size:.8rem;text-align:right;width:2rem}
.pairs td[lang]{width:48%}
.pairs tr.unaligned td{color:var(--muted)}
.smallcaps{font-variant:small-caps}
footer{margin-top:3rem;color:var(--muted);font-size:.8rem}
/* the edition view */
.single,.fragment .text{max-width:46rem}
.toc{font-size:.92rem;margin:1rem 0;border:1px solid var(--rule);border-radius:4px;padding:.3rem .8rem}
.toc summary{cursor:pointer;color:var(--muted)}.toc ol{margin:.2rem 0;padding-left:1.2rem}
.subtitle{font-size:1.1rem;margin:0 0 .4rem}
.msdesc,.corresp,.profile,.encoding{font-size:.92rem;border-top:1px solid var(--rule);margin-top:.8rem}
.msdesc h3,.profile h3,.encoding h3{font-size:.95rem;margin:.6rem 0 .2rem}
.encoding summary{cursor:pointer;color:var(--muted);margin:.5rem 0}
.ms-id{font-weight:bold}
section.tei-div{margin:1rem 0}
.p{margin:1em 0}
.fnref,.appref{text-decoration:none;padding:0 .1em}
.fnref::after,.appref::after{content:attr(data-n);vertical-align:super;font-size:.75em;line-height:0}
.noteref sup{font-size:.75em;line-height:0}
.appref{color:var(--org)}
.listApp{list-style:none;padding-left:0;font-size:.92rem}.app-loc{font-weight:bold}
.footnotes,.apparatus{border-top:1px solid var(--rule);margin-top:2rem;font-size:.9rem}
.footnotes ol,.apparatus ol{list-style:none;padding-left:0}
.footnotes li,.apparatus li{margin:.3rem 0;display:flex;gap:.4rem}
.footnotes li:target,.apparatus li:target,.endnote:target{background:var(--hl)}
.fn-body{flex:1;min-width:0}.fn-body p{margin:0 0 .4rem}
.endnote{font-size:.9rem;margin:.4rem 0;color:var(--ink)}
span.endnote{color:var(--muted)}span.endnote::before{content:" ["}span.endnote::after{content:"]"}
.fn-pop{position:absolute;z-index:10;max-width:min(28rem,92vw);background:#fff;border:1px solid var(--rule);border-radius:4px;box-shadow:0 2px 10px rgba(0,0,0,.18);padding:.5rem .8rem;font-size:.9rem}
.fn-pop p{margin:0 0 .3rem}
.reading-toggle{position:absolute;opacity:0;pointer-events:none}
.reading-switch{display:inline-block;font-size:.85rem;border:1px solid var(--rule);border-radius:1rem;padding:.1rem .8rem;cursor:pointer;margin:.4rem 0}
.reading-toggle:checked+.reading-switch{background:var(--ink);color:#fff}
.reading-toggle:focus-visible+.reading-switch{outline:3px solid #4a90e2}
.choice{border-bottom:1px dotted var(--muted);cursor:help}
.choice>.orig{display:none}
.reading-toggle:checked~article .choice>.ed,.reading-toggle:checked~main .choice>.ed{display:none}
.reading-toggle:checked~article .choice>.orig,.reading-toggle:checked~main .choice>.orig{display:inline}
del{text-decoration:line-through;color:var(--muted)}
ins.add{text-decoration:none;color:var(--pers)}
ins.add::before{content:"`";color:var(--muted)}ins.add::after{content:"\B4";color:var(--muted)}
.unclear{text-decoration:underline dotted var(--muted);cursor:help}
.surplus{color:var(--muted)}
.space{padding-right:.5em}
.pb{font:normal .75rem/1 system-ui,sans-serif;color:var(--muted);border:1px solid var(--rule);border-radius:3px;padding:0 .25em;margin:0 .2em;text-decoration:none;vertical-align:.15em}
.pb-inword{border:0;padding:0;margin:0}.pb-inword::before{content:"|" attr(data-n) "|"}
.pb-block{text-align:right;margin:.5rem 0}
.fw{color:var(--muted);font-size:.8em}
.sp{margin:.8rem 0}
.speaker{font-weight:bold;font-variant:small-caps;letter-spacing:.03em}
.stage{font-style:italic;color:var(--muted)}
div.stage{margin:.5rem 0 .5rem 2rem}
.sp>.stage{margin-left:1rem}
.sp p{margin:.2rem 0 .2rem 1rem}
.castList ul{list-style:none;padding-left:1rem}.role{font-weight:bold}
.lg{margin:1rem 0}
.l{position:relative;padding-left:2.5rem;text-indent:-1rem;margin-left:1rem}
.lnum::before{content:attr(data-n);position:absolute;left:-.5rem;width:2rem;text-align:right;text-indent:0;font:normal .75rem/1.9 system-ui,sans-serif;color:var(--muted)}
.tei-line{white-space:normal}
blockquote{margin:1rem 0 1rem 1.5rem;padding-left:.8rem;border-left:3px solid var(--rule)}
q.tei-quote{quotes:"\201C" "\201D" "\2018" "\2019"}
.table-wrap{overflow-x:auto;margin:1rem 0}
.tei-table{border-collapse:collapse}
.tei-table td,.tei-table th{border:1px solid var(--rule);padding:.2rem .5rem;vertical-align:top;text-align:left}
figure{margin:1rem 0}
img.graphic{max-width:100%;height:auto}
figcaption{font-size:.9rem;color:var(--muted)}
.facsimile{border-top:1px solid var(--rule);margin-top:2rem}
.surface img.graphic{max-height:80vh}
.list-head{font-weight:bold}
.tei-label{font-weight:bold}
.tei-dateline,.tei-salute{margin:.5rem 0}
.tei-signed{text-align:right}
.tei-addrLine{margin:0}
/* @rend values as styles */
.r-italic,.r-i,.r-it,.r-ital,.r-italics,.r-slanted,.r-oblique,.r-font-style-italic{font-style:italic}
.r-bold,.r-b,.r-bol,.r-bf,.r-strong,.r-font-weight-bold,.r-fett{font-weight:bold}
.r-sup,.r-superscript,.r-super,.r-sup-,.r-vertical-align-super,.r-raised,.r-above{vertical-align:super;font-size:.75em;line-height:0}
.r-sub,.r-subscript,.r-vertical-align-sub,.r-lowered,.r-below{vertical-align:sub;font-size:.75em;line-height:0}
.r-smallcaps,.r-small-caps,.r-sc,.r-smcap,.r-smcaps,.r-font-variant-small-caps,.r-kapitaelchen{font-variant:small-caps}
.r-underline,.r-u,.r-ul,.r-underlined,.r-text-decoration-underline{text-decoration:underline}
.r-double-underline,.r-underline-double,.r-uu{text-decoration:underline double}
.r-strikethrough,.r-strike,.r-line-through,.r-overstrike,.r-struck,.r-text-decoration-line-through,.r-s{text-decoration:line-through}
.r-overline{text-decoration:overline}
.r-spaced,.r-letterspace,.r-letterspaced,.r-letter-spacing,.r-gesperrt,.r-expanded,.r-spaced-out{letter-spacing:.18em}
.r-caps,.r-uppercase,.r-allcaps,.r-upper{text-transform:uppercase}
.r-lowercase{text-transform:lowercase}
.r-center,.r-centre,.r-centered,.r-centred,.r-text-align-center,.r-align-center{text-align:center}
.r-right,.r-align-right,.r-text-align-right,.r-right-aligned,.r-flush-right{text-align:right}
.r-large,.r-larger,.r-big,.r-font-size-large,.r-x-large{font-size:1.25em}
.r-small,.r-smaller,.r-font-size-small,.r-x-small{font-size:.85em}
.r-roman,.r-normal,.r-upright,.r-font-style-normal{font-style:normal}
.r-mono,.r-monospace,.r-tt,.r-typewriter,.r-code,.r-courier{font-family:ui-monospace,monospace}
.r-red{color:#b3261e}.r-blue{color:#1a5fb4}.r-green{color:#26773c}
.r-indent,.r-indent1{padding-left:2em}.r-indent2{padding-left:4em}.r-indent3{padding-left:6em}
.r-block{display:block}.r-inline{display:inline}
.r-quoted::before{content:"\201C"}.r-quoted::after{content:"\201D"}
.r-hidden{display:none}
@media (max-width:40rem){body{padding:.6rem .8rem 2rem;font-size:16px}dl{grid-template-columns:1fr}dt{margin-top:.3rem}.parallel{gap:1.2rem}.l{padding-left:2rem}blockquote{margin-left:.5rem}.authority ul{columns:1}pre{white-space:pre-wrap}}
@media print{.views,.reading-switch,.skip,.fn-pop,.toc{display:none}.parallel{display:block}body{max-width:none;font-size:11pt;background:#fff}a{color:inherit;text-decoration:none}.footnotes,.apparatus{break-before:auto}figure,.tei-table{break-inside:avoid}h1,h2,h3{break-after:avoid}}
<xsl:for-each select="$records">
  <xsl:variable name="pos" select="position()"/>
  <xsl:variable name="divs" select="tei:text/tei:body/tei:div[@xml:lang]"/>
  <xsl:for-each select="$divs">
#view-<xsl:value-of select="$pos"/>-<xsl:value-of select="position()"/>:checked~.parallel>.col:not(.col-<xsl:value-of select="position()"/>){display:none}</xsl:for-each>
  <xsl:if test="count($divs) &gt; 1 and tei:standOff/tei:linkGrp[@type='translation']/tei:link">
#view-<xsl:value-of select="$pos"/>-pairs:checked~.parallel{display:none}
#view-<xsl:value-of select="$pos"/>-pairs:checked~.pairs{display:table}
#view-<xsl:value-of select="$pos"/>-pairs:checked~.views label[for="view-<xsl:value-of select="$pos"/>-pairs"]{background:var(--ink);color:#fff}
#view-<xsl:value-of select="$pos"/>-pairs:focus-visible~.views label[for="view-<xsl:value-of select="$pos"/>-pairs"]{outline:3px solid #4a90e2}</xsl:if>
  <xsl:if test="count($divs) &gt; 1">
    <xsl:for-each select="$divs"><!-- views 0 .. n-1; view n below -->
      <xsl:variable name="v" select="concat('view-', $pos, '-', position() - 1)"/>
#<xsl:value-of select="$v"/>:checked~.views label[for="<xsl:value-of select="$v"/>"]{background:var(--ink);color:#fff}
#<xsl:value-of select="$v"/>:focus-visible~.views label[for="<xsl:value-of select="$v"/>"]{outline:3px solid #4a90e2}</xsl:for-each>
    <xsl:variable name="last" select="concat('view-', $pos, '-', count($divs))"/>
#<xsl:value-of select="$last"/>:checked~.views label[for="<xsl:value-of select="$last"/>"]{background:var(--ink);color:#fff}
#<xsl:value-of select="$last"/>:focus-visible~.views label[for="<xsl:value-of select="$last"/>"]{outline:3px solid #4a90e2}</xsl:if>
</xsl:for-each>
  </xsl:template>

  <xsl:template name="js">
(function () {
  "use strict";
  function beadOf(el) {
    var s = el &amp;&amp; el.closest ? el.closest(".s[data-bead]") : null;
    return s ? s.getAttribute("data-bead") : null;
  }
  function mark(bead, on) {
    if (!bead) return;
    var all = document.querySelectorAll('.s[data-bead="' + bead + '"]');
    for (var i = 0; i &lt; all.length; i++) all[i].classList.toggle("hl", on);
  }
  function on(e) { mark(beadOf(e.target), true); }
  function off(e) { mark(beadOf(e.target), false); }
  document.addEventListener("mouseover", on);
  document.addEventListener("mouseout", off);
  document.addEventListener("focusin", on);
  document.addEventListener("focusout", off);
  document.addEventListener("click", function (e) {
    var bead = beadOf(e.target);
    if (!bead) return;
    var mine = e.target.closest(".col");
    var all = document.querySelectorAll('.s[data-bead="' + bead + '"]');
    for (var i = 0; i &lt; all.length; i++) {
      if (all[i].closest(".col") !== mine &amp;&amp; all[i].scrollIntoView) {
        all[i].scrollIntoView({block: "nearest", behavior: "smooth"});
        break;
      }
    }
  });
  /* footnote and apparatus popups: hovering or focusing a note link shows the note beside it;
     the link itself still jumps to the note (and the note links back) */
  var pop = null;
  function hidePop() { if (pop) { pop.remove(); pop = null; } }
  function noteLink(el) { return el &amp;&amp; el.closest ? el.closest("a.fnref, a.appref, a.noteref") : null; }
  function showPop(e) {
    var a = noteLink(e.target);
    if (!a) return;
    var id = decodeURIComponent((a.getAttribute("href") || "").slice(1));
    var note = id ? document.getElementById(id) : null;
    if (!note) return;
    hidePop();
    pop = document.createElement("div");
    pop.className = "fn-pop";
    pop.setAttribute("role", "tooltip");
    var body = note.querySelector(".fn-body") || note;
    pop.appendChild(body.cloneNode(true));
    var back = pop.querySelectorAll(".backref, [id]");
    for (var i = 0; i &lt; back.length; i++) {
      if (back[i].classList.contains("backref")) back[i].remove(); else back[i].removeAttribute("id");
    }
    document.body.appendChild(pop);
    var r = a.getBoundingClientRect();
    var left = Math.max(4, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 4));
    pop.style.left = left + "px";
    pop.style.top = (window.scrollY + r.bottom + 4) + "px";
  }
  document.addEventListener("mouseover", showPop);
  document.addEventListener("focusin", showPop);
  document.addEventListener("mouseout", function (e) { if (noteLink(e.target)) hidePop(); });
  document.addEventListener("focusout", function (e) { if (noteLink(e.target)) hidePop(); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hidePop(); });
})();
  </xsl:template>
</xsl:stylesheet>
