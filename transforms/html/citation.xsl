<?xml version="1.0" encoding="UTF-8"?>
<!--
  The citation of an HTML page, for machines and for readers; included by tei-to-html.xsl.

  citation-meta  in <head>: Highwire Press tags (citation_title, citation_author,
                 citation_date, citation_publisher, citation_language, citation_public_url,
                 citation_abstract) and Dublin Core (DC.title, DC.creator, DC.contributor,
                 DC.date, DC.publisher, DC.language, DC.identifier, DC.type as Zotero's item type,
                 DC.source: the archive and its location, DC.description), so the Zotero
                 Connector and Google Scholar find the item. No citation_journal_title or
                 citation_inbook_title: the item is not an article or a chapter.
  citation-box   a "Cite this" section: the archive's own citation (sourceDesc/bibl[@type=
                 'citation']) and the Chicago, MLA and APA citations (given as parameters,
                 rendered by citeproc-py), each with a copy button; the RIS, BibTeX
                 and CSL-JSON of the document (readable without JavaScript, in <details>), each
                 with copy and download buttons (a Blob made on the page: no link, nothing
                 fetched); a link to the TEI file when its name is given.
  citation-js    the buttons' script, to be called inside the page's one script element.
  All take the CSL model of the page's first document (common/csl.xsl).

  Parameters:
    cite-chicago, cite-mla, cite-apa   the styled citations as plain text ('' leaves one out)
    tei-href                           the TEI file's name, relative to the page ('' for no link)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="tei exsl str">
  <xsl:import href="../ris/tei-to-ris.xsl"/>
  <xsl:import href="../bibtex/tei-to-bibtex.xsl"/>
  <xsl:import href="../csl-json/tei-to-csl-json.xsl"/>

  <xsl:param name="cite-chicago" select="''"/>
  <xsl:param name="cite-mla" select="''"/>
  <xsl:param name="cite-apa" select="''"/>
  <xsl:param name="tei-href" select="''"/>

  <xsl:variable name="citation-model-rtf"><xsl:call-template name="csl-model"/></xsl:variable>
  <xsl:variable name="citation-items" select="exsl:node-set($citation-model-rtf)/items/item"/>
  <xsl:variable name="citation-record" select="$citation-items[1]"/>

  <!-- ================= meta tags ================= -->
  <xsl:template name="citation-meta">
    <xsl:variable name="r" select="$citation-record"/>
    <!-- a pair of tags with one value: written in place (a call-template with parameters
         costs more than the tag) -->
    <xsl:for-each select="$r/v[@name='title'][1][normalize-space()]"><meta name="citation_title" content="{normalize-space(.)}"/><meta name="DC.title" content="{normalize-space(.)}"/></xsl:for-each>
    <xsl:for-each select="$r/names[@name='author']/name">
      <xsl:variable name="n"><xsl:call-template name="inverted-name"/></xsl:variable>
      <xsl:call-template name="meta"><xsl:with-param name="name" select="'citation_author'"/><xsl:with-param name="value" select="$n"/></xsl:call-template>
      <xsl:call-template name="meta"><xsl:with-param name="name" select="'DC.creator'"/><xsl:with-param name="value" select="$n"/></xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$r/names[@name='translator' or @name='editor']/name">
      <xsl:variable name="n"><xsl:call-template name="inverted-name"/></xsl:variable>
      <xsl:call-template name="meta"><xsl:with-param name="name" select="'DC.contributor'"/><xsl:with-param name="value" select="$n"/></xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$r/date[@name='issued']">
      <xsl:call-template name="meta">
        <xsl:with-param name="name" select="'citation_date'"/>
        <xsl:with-param name="value">
          <xsl:value-of select="format-number(@y, '0000')"/>
          <xsl:if test="@m">/<xsl:value-of select="format-number(@m, '00')"/></xsl:if>
          <xsl:if test="@d">/<xsl:value-of select="format-number(@d, '00')"/></xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="meta">
        <xsl:with-param name="name" select="'DC.date'"/>
        <xsl:with-param name="value">
          <xsl:value-of select="format-number(@y, '0000')"/>
          <xsl:if test="@m">-<xsl:value-of select="format-number(@m, '00')"/></xsl:if>
          <xsl:if test="@d">-<xsl:value-of select="format-number(@d, '00')"/></xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="($r/v[@name='source'] | $r/v[@name='publisher'])[1][normalize-space()]"><meta name="citation_publisher" content="{normalize-space(.)}"/><meta name="DC.publisher" content="{normalize-space(.)}"/></xsl:for-each>
    <xsl:for-each select="$r/v[@name='language'][1][normalize-space()]"><meta name="citation_language" content="{normalize-space(.)}"/><meta name="DC.language" content="{normalize-space(.)}"/></xsl:for-each>
    <xsl:for-each select="$r/v[@name='URL'][1][normalize-space()]"><meta name="citation_public_url" content="{normalize-space(.)}"/><meta name="DC.identifier" content="{normalize-space(.)}"/></xsl:for-each>
    <xsl:call-template name="meta">
      <xsl:with-param name="name" select="'DC.type'"/>
      <xsl:with-param name="value">
        <xsl:choose>
          <xsl:when test="$r/v[@name='type'] = 'chapter'">bookSection</xsl:when>
          <xsl:otherwise><xsl:value-of select="$r/v[@name='type']"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="meta">
      <xsl:with-param name="name" select="'DC.source'"/>
      <xsl:with-param name="value">
        <xsl:for-each select="$r/v[@name='archive'] | $r/v[@name='archive_location']">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="$r/v[@name='abstract'][1][normalize-space()]"><meta name="citation_abstract" content="{normalize-space(.)}"/><meta name="DC.description" content="{normalize-space(.)}"/></xsl:for-each>
  </xsl:template>

  <xsl:template name="meta">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:if test="normalize-space($value)">
      <meta name="{$name}" content="{normalize-space($value)}"/>
    </xsl:if>
  </xsl:template>

  <!-- "Family, Given", or the name as written -->
  <xsl:template name="inverted-name">
    <xsl:choose>
      <xsl:when test="@literal"><xsl:value-of select="@literal"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat(@family, ', ', @given)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================= the box ================= -->
  <!-- The box's rules, added to the page's one style element in the head (a style element in
       body is not valid HTML5). -->
  <xsl:template name="citation-css">
    <xsl:text>.cite{border-top:1px solid #ccc;margin:2em 0;padding-top:1em}.cite .style{margin:.6em 0}.cite .style p{margin:.2em 0}.cite button{font:inherit;font-size:.85em;margin-right:.4em;cursor:pointer}.cite pre{white-space:pre-wrap;background:#f6f6f6;padding:.6em;font-size:.85em}.cite details{margin:.4em 0}</xsl:text>
  </xsl:template>

  <xsl:template name="citation-box">
    <xsl:variable name="id" select="translate($citation-record/v[@name='id'], ' /\:', '____')"/>
    <section class="cite" aria-labelledby="cite-heading">
      <h2 id="cite-heading">Cite this</h2>
      <xsl:variable name="own" select="(/tei:TEI/tei:teiHeader | /*[not(self::tei:TEI/tei:teiHeader)]//tei:teiHeader)[1]/tei:fileDesc/tei:sourceDesc/tei:bibl[@type='citation'][1]"/>
      <xsl:call-template name="styled"><xsl:with-param name="label" select="'As the archive cites it'"/><xsl:with-param name="key" select="'archive'"/><xsl:with-param name="text" select="normalize-space($own)"/></xsl:call-template>
      <xsl:call-template name="styled"><xsl:with-param name="label" select="'Chicago'"/><xsl:with-param name="key" select="'chicago'"/><xsl:with-param name="text" select="$cite-chicago"/></xsl:call-template>
      <xsl:call-template name="styled"><xsl:with-param name="label" select="'MLA'"/><xsl:with-param name="key" select="'mla'"/><xsl:with-param name="text" select="$cite-mla"/></xsl:call-template>
      <xsl:call-template name="styled"><xsl:with-param name="label" select="'APA'"/><xsl:with-param name="key" select="'apa'"/><xsl:with-param name="text" select="$cite-apa"/></xsl:call-template>
      <xsl:call-template name="export-block">
        <xsl:with-param name="label" select="'RIS'"/><xsl:with-param name="key" select="'ris'"/>
        <xsl:with-param name="file" select="concat($id, '.ris')"/><xsl:with-param name="mime" select="'application/x-research-info-systems'"/>
        <xsl:with-param name="text"><xsl:apply-templates select="$citation-items" mode="ris"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="export-block">
        <xsl:with-param name="label" select="'BibTeX'"/><xsl:with-param name="key" select="'bibtex'"/>
        <xsl:with-param name="file" select="concat($id, '.bib')"/><xsl:with-param name="mime" select="'application/x-bibtex'"/>
        <xsl:with-param name="text">
          <xsl:for-each select="$citation-items">
            <xsl:if test="position() &gt; 1"><xsl:text>&#10;</xsl:text></xsl:if>
            <xsl:apply-templates select="." mode="bibtex"/>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="export-block">
        <xsl:with-param name="label" select="'CSL-JSON'"/><xsl:with-param name="key" select="'csl-json'"/>
        <xsl:with-param name="file" select="concat($id, '.json')"/><xsl:with-param name="mime" select="'application/vnd.citationstyles.csl+json'"/>
        <xsl:with-param name="text"><xsl:call-template name="csl-json-text"/></xsl:with-param>
      </xsl:call-template>
      <xsl:if test="normalize-space($tei-href) and not(contains($tei-href, ':')) and not(starts-with($tei-href, '/'))">
        <p class="cite-tei"><a href="{$tei-href}" download="">Download the TEI (<xsl:value-of select="$tei-href"/>)</a></p>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- the copy and download buttons: called inside the page's one script -->
  <xsl:template name="citation-js">
    <xsl:text>
        document.querySelectorAll('.cite [data-copy]').forEach(function (b) {
          b.addEventListener('click', function () {
            var e = document.getElementById(b.getAttribute('data-copy')), t = e.innerText || e.textContent;
            if (navigator.clipboard) { navigator.clipboard.writeText(t).then(function () { b.textContent = 'Copied'; }); }
          });
        });
        document.querySelectorAll('.cite [data-download]').forEach(function (b) {
          b.addEventListener('click', function () {
            var t = document.getElementById(b.getAttribute('data-download')).textContent;
            var a = document.createElement('a');
            a.href = URL.createObjectURL(new Blob([t], {type: b.getAttribute('data-type')}));
            a.download = b.getAttribute('data-file'); document.body.appendChild(a); a.click();
            setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
          });
        });
</xsl:text>
  </xsl:template>

  <xsl:template name="styled">
    <xsl:param name="label"/>
    <xsl:param name="key"/>
    <xsl:param name="text"/>
    <xsl:if test="normalize-space($text)">
      <div class="style {$key}">
        <h3><xsl:value-of select="$label"/></h3>
        <div id="cite-{$key}">
          <xsl:for-each select="str:tokenize($text, '&#10;')"><p><xsl:value-of select="."/></p></xsl:for-each>
        </div>
        <button type="button" data-copy="cite-{$key}">Copy</button>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template name="export-block">
    <xsl:param name="label"/>
    <xsl:param name="key"/>
    <xsl:param name="file"/>
    <xsl:param name="mime"/>
    <xsl:param name="text"/>
    <details class="export {$key}">
      <summary><xsl:value-of select="$label"/></summary>
      <pre id="cite-{$key}"><xsl:value-of select="$text"/></pre>
      <button type="button" data-copy="cite-{$key}">Copy</button>
      <button type="button" data-download="cite-{$key}" data-file="{$file}" data-type="{$mime}">Download <xsl:value-of select="$file"/></button>
    </details>
  </xsl:template>

  <!-- the CSL-JSON array, as tei-to-csl-json.xsl writes it -->
  <xsl:template name="csl-json-text">
    <xsl:text>[</xsl:text>
    <xsl:for-each select="$citation-items">
      <xsl:if test="position() &gt; 1">,</xsl:if>
      <xsl:text>&#10;  {</xsl:text>
      <xsl:for-each select="*[not(@internal)]">
        <xsl:if test="position() &gt; 1">,</xsl:if>
        <xsl:text>&#10;    </xsl:text>
        <xsl:call-template name="json-string"><xsl:with-param name="s" select="@name"/></xsl:call-template>
        <xsl:text>: </xsl:text>
        <xsl:apply-templates select="." mode="json"/>
      </xsl:for-each>
      <xsl:text>&#10;  }</xsl:text>
    </xsl:for-each>
    <xsl:text>&#10;]&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
