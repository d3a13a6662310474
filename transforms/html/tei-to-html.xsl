<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI -> one self-contained HTML5 reading page (inline CSS and JS, nothing fetched).

  The record's metadata and citation on top; the language divisions side by side, each sentence
  linked to its counterpart through the alignment (hover or focus highlights the bead), or the
  alignment as a table of sentence pairs; a view switch that works without JavaScript (radio
  buttons and CSS); names styled by type,
  linked to Wikidata where known, the other-language names in a tooltip; note anchors linked to
  the notes and back; dates with their ISO value on hover; the authority records at the end.
  Every text of the document is output as text (escaped); links are only http(s), mailto or
  same-page.

  Parameters:
    lang        'all' (default) shows every language division; 'en', 'zh' (a tag or prefix)
                starts the page with that language alone (the switch still shows the others).
    css         'inline' (default) embeds the stylesheet; 'none' leaves it out (for embedding
                the page's body in another site).
    generator   text of the meta generator element (default 'teikit').
    reading     'edited' (default) shows the corr/reg/expan of each choice, the other reading
                in its tooltip; 'original' starts with sic/orig/abbr (the page's switch
                toggles either way).

  Any other TEI is an edition (transforms/html/edition.xsl): a table of contents, footnotes and
  apparatus, one reading per choice, transcription marks, pages, images, drama, verse; the header
  view (transforms/html/header.xsl) adds the manuscript, correspondence, profile and encoding
  descriptions. A TEI fragment (root surface, div, text ...) is rendered as its body.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="tei str">
  <xsl:import href="../common/entities.xsl"/>
  <xsl:import href="../common/select.xsl"/>
  <xsl:import href="../common/plain.xsl"/>
  <xsl:import href="../common/notes.xsl"/>
  <xsl:include href="citation.xsl"/>
  <xsl:include href="edition.xsl"/>
  <xsl:include href="header.xsl"/>
  <xsl:include href="entity-kinds.xsl"/><!-- generated from src/teikit/entities/kinds.py -->
  <xsl:include href="bidi.xsl"/>
  <xsl:include href="msdesc.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="lang" select="'all'"/>
  <xsl:param name="css" select="'inline'"/>
  <xsl:param name="generator" select="'teikit'"/>
  <xsl:param name="reading" select="'edited'"/>

  <!-- every key is built, one walk of the document each, on the first key() call: sentences are
       found through edition.xsl's key id. Key patterns end in a name test, so that libxslt tests
       predicates on the named elements only (a pattern ending in * tests every element) -->
  <!-- key main-name: in entity-kinds.xsl -->
  <xsl:key name="anchor" match="tei:ref[@type='noteAnchor']" use="@target"/>

  <!-- the documents, found once; a TEI root is the one document (//tei:TEI walks the tree) -->
  <xsl:variable name="records" select="/tei:TEI | /*[not(self::tei:TEI)]//tei:TEI"/>
  <xsl:variable name="first" select="$records[1]"/>
  <xsl:variable name="doc-lang">
    <xsl:choose>
      <xsl:when test="/*/@xml:lang"><xsl:value-of select="/*/@xml:lang"/></xsl:when>
      <xsl:when test="$first/tei:text/@xml:lang"><xsl:value-of select="$first/tei:text/@xml:lang"/></xsl:when>
      <xsl:when test="$first/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[1]/@ident"><xsl:value-of select="$first/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[1]/@ident"/></xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- ================= page ================= -->
  <xsl:template match="/">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="{$doc-lang}"><xsl:if test="/*/@xml:lang or $first/tei:text/@xml:lang"><xsl:call-template name="dir-attr"><xsl:with-param name="tag" select="$doc-lang"/></xsl:call-template></xsl:if>
      <head>
        <!-- no meta charset: libxslt's HTML output writes the http-equiv one, and a page may
             not have both -->
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="{$generator}"/>
        <title>
          <xsl:call-template name="main-title"><xsl:with-param name="tei" select="$first"/></xsl:call-template>
          <xsl:if test="not($first)">TEI fragment (<xsl:value-of select="local-name(/*)"/>)</xsl:if>
        </title>
        <xsl:call-template name="citation-meta"/>
        <xsl:if test="$css = 'inline'"><style><xsl:call-template name="css"/><xsl:call-template name="citation-css"/><xsl:call-template name="rendition-css"/><xsl:call-template name="msdesc-css"/></style></xsl:if>
      </head>
      <body>
        <a class="skip" href="#doc-1">Skip to the text</a>
        <xsl:if test="//tei:choice">
          <input type="checkbox" id="show-orig" class="reading-toggle">
            <xsl:if test="$reading = 'original'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
          </input>
          <label class="reading-switch" for="show-orig">Original readings (sic, orig, abbr)</label>
        </xsl:if>
        <!-- one main for the page (HTML allows one, and not inside an article) -->
        <main>
          <xsl:for-each select="$records">
            <xsl:apply-templates select="." mode="document"><xsl:with-param name="pos" select="position()"/></xsl:apply-templates>
          </xsl:for-each>
          <xsl:if test="not($records)">
            <article class="record fragment">
              <div class="text" id="doc-1">
                <div class="single"><xsl:apply-templates select="/*" mode="body"/></div>
                <xsl:call-template name="footnotes"><xsl:with-param name="scope" select="/*"/></xsl:call-template>
              </div>
            </article>
          </xsl:if>
        </main>
        <xsl:call-template name="citation-box"/>
        <footer><p>Generated by <xsl:value-of select="$generator"/> from TEI P5.</p></footer>
        <script><xsl:call-template name="js"/><xsl:call-template name="citation-js"/></script>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="document">
    <xsl:param name="pos"/>
    <article class="record">
      <xsl:apply-templates select="tei:teiHeader" mode="header"/>
      <div class="text" id="doc-{$pos}">
        <xsl:variable name="divs" select="tei:text/tei:body/tei:div[@xml:lang]"/>
        <xsl:choose>
          <xsl:when test="count($divs) &gt; 1">
            <xsl:call-template name="parallel"><xsl:with-param name="divs" select="$divs"/><xsl:with-param name="pos" select="$pos"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="toc"><xsl:with-param name="text" select="tei:text"/></xsl:call-template>
            <div class="single">
              <xsl:apply-templates select="tei:text/* | tei:sourceDoc" mode="body"/>
            </div>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="count($divs) &gt; 1">
          <xsl:apply-templates select="tei:text/tei:front | tei:text/tei:body/*[not(self::tei:div[@xml:lang])] | tei:text/tei:back/*[not(self::tei:div[@type='notes'][@xml:lang])]" mode="body"/>
        </xsl:if>
        <xsl:call-template name="footnotes"/>
        <xsl:apply-templates select="tei:facsimile" mode="facsimile"/>
      </div>
      <xsl:apply-templates select="tei:standOff[tei:listPerson|tei:listPlace|tei:listOrg]" mode="authority"/>
    </article>
  </xsl:template>

  <!-- ================= header ================= -->
  <xsl:template name="main-title">
    <xsl:param name="tei"/>
    <xsl:variable name="ts" select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <xsl:choose>
      <xsl:when test="$ts/tei:title[@type='main']"><xsl:call-template name="plain-text"><xsl:with-param name="node" select="$ts/tei:title[@type='main'][1]"/></xsl:call-template></xsl:when>
      <xsl:when test="$ts/tei:title"><xsl:call-template name="plain-text"><xsl:with-param name="node" select="$ts/tei:title[1]"/></xsl:call-template></xsl:when>
      <xsl:otherwise>TEI document</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:teiHeader" mode="header">
    <xsl:variable name="ts" select="tei:fileDesc/tei:titleStmt"/>
    <xsl:variable name="pub" select="tei:fileDesc/tei:publicationStmt"/>
    <xsl:variable name="src" select="tei:fileDesc/tei:sourceDesc"/>
    <xsl:variable name="prof" select="tei:profileDesc"/>
    <header class="meta">
      <h1><xsl:call-template name="main-title"><xsl:with-param name="tei" select=".."/></xsl:call-template></h1>
      <xsl:for-each select="$ts/tei:title[@type='original']">
        <p class="original-title"><xsl:call-template name="lang-attr"/><xsl:value-of select="normalize-space(.)"/></p>
      </xsl:for-each>
      <dl>
        <xsl:variable name="date" select="($prof/tei:creation/tei:date | $src/tei:biblStruct[@type='archive']//tei:imprint/tei:date | $prof/tei:correspDesc/tei:correspAction[@type='sent']/tei:date)[1]"/>
        <xsl:if test="$date">
          <dt>Date</dt><dd><xsl:apply-templates select="$date" mode="inline"/></dd>
        </xsl:if>
        <xsl:for-each select="$prof/tei:textClass/tei:keywords/tei:term[@type='documentType'][1]">
          <dt>Type</dt><dd><xsl:value-of select="normalize-space(.)"/></dd>
        </xsl:for-each>
        <xsl:for-each select="$prof/tei:correspDesc/tei:correspAction[@type='sent']">
          <dt>From</dt><dd><xsl:call-template name="correspondent"/></dd>
        </xsl:for-each>
        <xsl:for-each select="$prof/tei:correspDesc/tei:correspAction[@type='received']">
          <dt>To</dt><dd><xsl:call-template name="correspondent"/></dd>
        </xsl:for-each>
        <xsl:if test="$prof/tei:langUsage/tei:language">
          <dt>Languages</dt>
          <dd>
            <xsl:for-each select="$prof/tei:langUsage/tei:language">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:value-of select="normalize-space(.)"/>
              <xsl:if test="not(normalize-space(.))"><xsl:value-of select="@ident"/></xsl:if>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <xsl:for-each select="$src/tei:biblStruct[@type='original']">
          <dt>Original source</dt><dd><xsl:apply-templates select="." mode="bibl"/></dd>
        </xsl:for-each>
        <xsl:for-each select="$src/tei:biblStruct[@type='translation']">
          <dt>Translation</dt><dd><xsl:apply-templates select="." mode="bibl"/></dd>
        </xsl:for-each>
        <xsl:if test="$pub/tei:publisher or $pub/tei:distributor">
          <dt>Archive</dt>
          <dd>
            <xsl:value-of select="normalize-space($pub/tei:distributor[1])"/>
            <xsl:if test="$pub/tei:distributor and $pub/tei:publisher">, </xsl:if>
            <xsl:value-of select="normalize-space($pub/tei:publisher[1])"/>
          </dd>
        </xsl:if>
        <xsl:for-each select="$pub/tei:idno[@type='URL'][1]">
          <dt>Record</dt><dd><xsl:call-template name="link-or-text"><xsl:with-param name="url" select="."/></xsl:call-template></dd>
        </xsl:for-each>
        <xsl:for-each select="$pub/tei:availability[normalize-space()]">
          <dt>Rights</dt><dd><xsl:value-of select="normalize-space(.)"/></dd>
        </xsl:for-each>
      </dl>
      <xsl:call-template name="header-more"/>
      <xsl:for-each select="$prof/tei:abstract">
        <section class="abstract"><h2>Summary</h2><xsl:apply-templates select="*" mode="body"/></section>
      </xsl:for-each>
      <xsl:for-each select="$src/tei:bibl[@type='citation'][1]">
        <section class="citation">
          <h2>Citation</h2>
          <p><xsl:value-of select="normalize-space(.)"/>
            <xsl:for-each select="$pub/tei:idno[@type='URL'][1]">
              <xsl:text> </xsl:text><xsl:call-template name="link-or-text"><xsl:with-param name="url" select="."/></xsl:call-template>
            </xsl:for-each>
          </p>
        </section>
      </xsl:for-each>
    </header>
  </xsl:template>

  <xsl:template name="correspondent">
    <xsl:for-each select="tei:persName | tei:orgName | tei:name">
      <xsl:if test="position() &gt; 1">; </xsl:if>
      <xsl:apply-templates select="." mode="inline"/>
    </xsl:for-each>
    <xsl:for-each select="tei:placeName"><xsl:text> (</xsl:text><xsl:apply-templates select="." mode="inline"/>)</xsl:for-each>
  </xsl:template>

  <xsl:template name="link-or-text">
    <xsl:param name="url"/>
    <xsl:variable name="href"><xsl:call-template name="safe-href"><xsl:with-param name="url" select="$url"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="string($href)"><a href="{$href}"><xsl:value-of select="normalize-space($url)"/></a></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($url)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a biblStruct as a readable line: editors, title [gloss], place: publisher, date, vol., pp. -->
  <xsl:template match="tei:biblStruct" mode="bibl">
    <xsl:variable name="m" select="tei:monogr[1]"/>
    <xsl:for-each select="$m/tei:editor | $m/tei:author">
      <xsl:if test="position() &gt; 1"> and </xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
      <xsl:if test="position() = last() and self::tei:editor"><xsl:text>, ed</xsl:text><xsl:if test="last() &gt; 1">s</xsl:if>.</xsl:if>
    </xsl:for-each>
    <xsl:if test="$m/tei:editor | $m/tei:author"><xsl:text> </xsl:text></xsl:if>
    <xsl:for-each select="$m/tei:title[not(@type='translated')][1]">
      <cite><xsl:call-template name="lang-attr"/><xsl:value-of select="normalize-space(.)"/></cite>
    </xsl:for-each>
    <xsl:for-each select="$m/tei:title[@type='translated'][1]">
      <xsl:text> [</xsl:text><xsl:value-of select="normalize-space(.)"/>]</xsl:for-each>
    <xsl:for-each select="$m/tei:idno[@type='archival']">, <xsl:value-of select="normalize-space(.)"/></xsl:for-each>
    <xsl:variable name="imp" select="$m/tei:imprint"/>
    <xsl:if test="$imp/tei:pubPlace or $imp/tei:publisher or $imp/tei:date">
      <xsl:text> (</xsl:text>
      <xsl:value-of select="normalize-space($imp/tei:pubPlace[1])"/>
      <xsl:if test="$imp/tei:pubPlace and $imp/tei:publisher">: </xsl:if>
      <xsl:value-of select="normalize-space($imp/tei:publisher[1])"/>
      <xsl:if test="($imp/tei:pubPlace or $imp/tei:publisher) and $imp/tei:date">, </xsl:if>
      <xsl:value-of select="normalize-space($imp/tei:date[1])"/>
      <xsl:text>)</xsl:text>
    </xsl:if>
    <xsl:for-each select="($imp | $m)/tei:biblScope[@unit='volume'][1]">, vol. <xsl:value-of select="normalize-space(.)"/></xsl:for-each>
    <xsl:for-each select="($imp | $m)/tei:biblScope[@unit='page'][1]">, <xsl:value-of select="normalize-space(.)"/></xsl:for-each>
    <xsl:for-each select="tei:respStmt | $m/tei:respStmt">
      <xsl:text>; </xsl:text><xsl:value-of select="normalize-space(tei:resp)"/><xsl:text> by </xsl:text>
      <xsl:value-of select="normalize-space(tei:persName | tei:name | tei:orgName)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- ================= parallel text ================= -->
  <xsl:template name="parallel">
    <xsl:param name="divs"/>
    <xsl:param name="pos"/>
    <xsl:variable name="matches">
      <xsl:if test="translate($lang, 'AL', 'al') != 'all'">
        <xsl:for-each select="$divs">
          <xsl:variable name="w"><xsl:call-template name="lang-wanted"><xsl:with-param name="want" select="$lang"/></xsl:call-template></xsl:variable>
          <xsl:if test="$w = 'true'"><xsl:value-of select="position()"/>,</xsl:if>
        </xsl:for-each>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="start-view" select="substring-before($matches, ',')"/>
    <!-- the radios are siblings of .views and .parallel so that CSS alone can switch views -->
    <input type="radio" class="view-radio" name="view-{$pos}" id="view-{$pos}-0" value="all">
      <xsl:if test="not(string($start-view))"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
    </input>
    <xsl:for-each select="$divs">
      <input type="radio" class="view-radio" name="view-{$pos}" id="view-{$pos}-{position()}" value="{@xml:lang}">
        <xsl:if test="string(position()) = $start-view"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
      </input>
    </xsl:for-each>
    <xsl:variable name="links" select="ancestor-or-self::tei:TEI/tei:standOff/tei:linkGrp[@type='translation']/tei:link"/>
    <xsl:if test="$links">
      <input type="radio" class="view-radio" name="view-{$pos}" id="view-{$pos}-pairs" value="pairs"/>
    </xsl:if>
    <div class="views" role="group" aria-label="Show">
      <span class="views-legend">Show</span>
      <label for="view-{$pos}-0">Side by side</label>
      <xsl:if test="$links"><label for="view-{$pos}-pairs">Sentence pairs</label></xsl:if>
      <xsl:for-each select="$divs">
        <label for="view-{$pos}-{position()}"><xsl:call-template name="division-name"/></label>
      </xsl:for-each>
    </div>
    <div class="parallel cols-{count($divs)}">
      <xsl:for-each select="$divs">
        <section class="col col-{position()}" lang="{@xml:lang}" aria-label="{normalize-space(concat(@type, ' ', @xml:lang))}"><xsl:call-template name="dir-attr"/>
          <h2 class="col-title"><xsl:call-template name="division-name"/></h2>
          <xsl:apply-templates select="*" mode="body"/>
          <xsl:apply-templates select="ancestor::tei:text/tei:back/tei:div[@type='notes'][@xml:lang = current()/@xml:lang]" mode="notes"/>
        </section>
      </xsl:for-each>
    </div>
    <xsl:if test="$links">
      <xsl:call-template name="pairs"><xsl:with-param name="divs" select="$divs"/><xsl:with-param name="links" select="$links"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- the alignment as a table: one row per bead, its sentences as plain text per language -->
  <xsl:template name="pairs">
    <xsl:param name="divs"/>
    <xsl:param name="links"/>
    <table class="pairs">
      <thead><tr><th>#</th><xsl:for-each select="$divs"><th lang="{@xml:lang}"><xsl:call-template name="dir-attr"/><xsl:call-template name="division-name"/></th></xsl:for-each></tr></thead>
      <tbody>
        <xsl:for-each select="$links">
          <xsl:variable name="sentences" select="key('id', str:tokenize(translate(@target, '#', ' '), ' '))[self::tei:s]"/>
          <tr>
            <xsl:if test="@type = 'unaligned'"><xsl:attribute name="class">unaligned</xsl:attribute></xsl:if>
            <td class="bead-n"><xsl:value-of select="position()"/></td>
            <xsl:for-each select="$divs">
              <xsl:variable name="div" select="."/>
              <td lang="{@xml:lang}">
                <!-- the sentences whose nearest language division is $div (count(. | $div) = 1: the same
                     node; cheaper than comparing generate-id, which grows with the document) -->
                <xsl:for-each select="$sentences[ancestor::tei:div[@xml:lang][1][count(. | $div) = 1]]">
                  <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
                  <xsl:call-template name="plain-text"/>
                </xsl:for-each>
              </td>
            </xsl:for-each>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template name="division-name">
    <xsl:variable name="l" select="string(@xml:lang)"/>
    <xsl:variable name="name" select="ancestor::tei:TEI/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[@ident = $l][1]"/>
    <xsl:choose>
      <xsl:when test="normalize-space($name)"><xsl:value-of select="normalize-space($name)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$l"/></xsl:otherwise>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="@type = 'translation'"> · translation</xsl:when>
      <xsl:when test="@type = 'original'"> · original</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ================= notes ================= -->
  <xsl:template match="tei:div" mode="notes">
    <section class="notes" aria-label="Notes">
      <h3>Notes</h3>
      <ol>
        <xsl:for-each select="tei:note">
          <xsl:variable name="missing" select="boolean(key('note-text-missing', generate-id()))"/>
          <li class="note">
            <xsl:if test="$missing"><xsl:attribute name="class">note missing</xsl:attribute></xsl:if>
            <xsl:call-template name="id-attr"/>
            <xsl:if test="@xml:id">
              <a class="backref" href="#ref-{@xml:id}-1" aria-label="back to the text"><xsl:value-of select="@n"/></a>
              <xsl:text> </xsl:text>
            </xsl:if>
            <xsl:choose>
              <xsl:when test="$missing"><em>The text of this note is not in the source.</em></xsl:when>
              <xsl:otherwise><xsl:call-template name="mixed"/></xsl:otherwise>
            </xsl:choose>
          </li>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:template>

  <!-- ================= inline ================= -->
  <xsl:template match="tei:s" mode="inline">
    <!-- a bead's identity: its link's targets without '#' ("en-s2 zh-s3"), unique and stable; the
         link is looked up once, through the key (counting preceding links would be quadratic) -->
    <xsl:variable name="link" select="key('bead', concat('#', @xml:id))[1]"/>
    <xsl:variable name="bead" select="normalize-space(translate($link/@target, '#', ''))"/>
    <span class="s"><xsl:call-template name="id-attr"/>
      <xsl:if test="string($bead)">
        <xsl:attribute name="data-bead"><xsl:value-of select="$bead"/></xsl:attribute>
        <xsl:attribute name="tabindex">0</xsl:attribute>
        <xsl:if test="$link/@type = 'unaligned'">
          <xsl:attribute name="class">s unaligned</xsl:attribute>
          <xsl:attribute name="title">no counterpart in the other language</xsl:attribute>
        </xsl:if>
      </xsl:if>
      <xsl:call-template name="inline-children"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs" mode="inline">
    <xsl:variable name="ids" select="normalize-space(translate(@ref, '#', ' '))"/>
    <xsl:choose>
      <!-- no ref, or one URL (a ':' is never in an xml:id): no record, and no key() call (the
           first one builds every key of the stylesheet, a walk of the document each); the kind
           from the entity-kind registry (entity-kinds.xsl, generated) -->
      <xsl:when test="not($ids) or contains($ids, ':') and not(contains($ids, ' '))">
        <xsl:variable name="kind"><xsl:call-template name="entity-kind"/></xsl:variable>
        <span class="name {$kind}"><xsl:call-template name="lang-attr"/><xsl:call-template name="inline-children"/></span>
      </xsl:when>
      <xsl:otherwise>
      <!-- the record of the first ref, else the first record (in document order) of any ref; the
           refs are split only when the first has no record: substring(s, 1 div false()) is '' -->
      <xsl:variable name="first-ref" select="key('entity', substring-before(concat($ids, ' '), ' '))[1]"/>
      <xsl:variable name="entity" select="$first-ref | key('entity', str:tokenize(substring($ids, 1 div not($first-ref)), ' '))[1]"/>
      <xsl:variable name="kind"><xsl:call-template name="entity-kind"><xsl:with-param name="entity" select="$entity"/></xsl:call-template></xsl:variable>
      <xsl:choose>
        <xsl:when test="$entity">
          <xsl:variable name="wikidata"><xsl:if test="$entity/tei:idno[@type='wikidata']"><xsl:call-template name="entity-url"><xsl:with-param name="entity" select="$entity"/></xsl:call-template></xsl:if></xsl:variable>
          <xsl:variable name="other"><!-- one ref, the usual case, without the recursion; the
               language here looked up only for a main name that has one -->
            <xsl:choose>
              <xsl:when test="contains($ids, ' ')">
                <xsl:call-template name="other-names"><xsl:with-param name="ids" select="$ids"/><xsl:with-param name="here" select="string(ancestor-or-self::*[@xml:lang][1]/@xml:lang)"/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:apply-templates select="key('main-name', $ids)[not(@xml:lang) or not(@xml:lang = string(current()/ancestor-or-self::*[@xml:lang][1]/@xml:lang))]" mode="other-name"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <a class="name {$kind}" data-ref="{$ids}">
            <xsl:attribute name="href">
              <xsl:choose>
                <xsl:when test="string($wikidata)"><xsl:value-of select="$wikidata"/></xsl:when>
                <xsl:when test="$entity/ancestor::tei:standOff">#ent-<xsl:value-of select="$entity/@xml:id"/></xsl:when>
                <xsl:otherwise>#<xsl:value-of select="$entity/@xml:id"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:if test="string($other)"><xsl:attribute name="title"><xsl:value-of select="$other"/></xsl:attribute></xsl:if>
            <xsl:call-template name="lang-attr"/>
            <xsl:call-template name="inline-children"/>
          </a>
        </xsl:when>
        <xsl:otherwise>
          <span class="name {$kind}"><xsl:call-template name="lang-attr"/><xsl:call-template name="inline-children"/></span>
        </xsl:otherwise>
      </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a name's tooltip: the main names of the records of $ids (in that order) in the other
       languages, "a / b" within a record, "; " before each record but the first ref's -->
  <xsl:template name="other-names">
    <xsl:param name="ids"/>
    <xsl:param name="here"/>
    <xsl:param name="sep" select="''"/>
    <xsl:variable name="id" select="substring-before(concat($ids, ' '), ' ')"/>
    <xsl:if test="$sep and key('entity', $id)"><xsl:value-of select="$sep"/></xsl:if>
    <xsl:apply-templates select="key('main-name', $id)[not(@xml:lang = $here)]" mode="other-name"/>
    <xsl:if test="contains($ids, ' ')">
      <xsl:call-template name="other-names">
        <xsl:with-param name="ids" select="substring-after($ids, ' ')"/>
        <xsl:with-param name="here" select="$here"/>
        <xsl:with-param name="sep" select="'; '"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
  <xsl:template match="*" mode="other-name">
    <xsl:if test="position() &gt; 1"> / </xsl:if><xsl:value-of select="normalize-space(.)"/>
  </xsl:template>

  <xsl:template match="tei:date | tei:time" mode="inline">
    <xsl:variable name="iso" select="normalize-space(@when | @when-iso)"/>
    <!-- HTML's time element only with a datetime it accepts (a year, month, day, clock time or
         day and time); any other date (a range, BCE, a prose date) is a span with its tooltip -->
    <xsl:variable name="shape" select="translate($iso, '0123456789', '##########')"/>
    <xsl:variable name="element">
      <xsl:choose>
        <xsl:when test="contains(' #### ####-## ####-##-## ##:## ##:##:## ####-##-##T##:## ####-##-##T##:##:## --##-## ', concat(' ', $shape, ' ')) and $iso != '0000'">time</xsl:when>
        <xsl:otherwise>span</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$element}">
      <xsl:if test="$element = 'span'"><xsl:attribute name="class">date</xsl:attribute></xsl:if>
      <xsl:choose>
        <xsl:when test="$iso">
          <xsl:if test="$element = 'time'"><xsl:attribute name="datetime"><xsl:value-of select="$iso"/></xsl:attribute></xsl:if>
          <xsl:attribute name="title"><xsl:value-of select="$iso"/></xsl:attribute>
        </xsl:when>
        <xsl:when test="@notBefore or @notAfter">
          <xsl:attribute name="title">
            <xsl:if test="@notBefore">not before <xsl:value-of select="@notBefore"/></xsl:if>
            <xsl:if test="@notBefore and @notAfter">, </xsl:if>
            <xsl:if test="@notAfter">not after <xsl:value-of select="@notAfter"/></xsl:if>
          </xsl:attribute>
        </xsl:when>
      </xsl:choose>
      <xsl:call-template name="inline-children"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:ref[@type='noteAnchor']" mode="inline">
    <xsl:variable name="t" select="substring-after(normalize-space(@target), '#')"/>
    <!-- the how-many-th anchor of this note (ids ref-{note}-1, -2 …), found through a key, not
         by counting all preceding anchors (quadratic on long documents) -->
    <xsl:variable name="me" select="generate-id()"/>
    <xsl:variable name="nth">
      <xsl:for-each select="key('anchor', @target)">
        <xsl:if test="generate-id() = $me"><xsl:value-of select="position()"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <sup class="noteref"><a id="ref-{$t}-{$nth}" href="#{$t}" role="doc-noteref"><xsl:call-template name="inline-children"/></a></sup>
  </xsl:template>

  <xsl:template match="tei:milestone[@type='spuriousBreak']" mode="inline">
    <span class="break" title="the source breaks the paragraph here">¦</span>
  </xsl:template>

  <!-- ================= authority records ================= -->
  <xsl:template match="tei:standOff" mode="authority">
    <section class="authority" aria-label="People, places and organisations">
      <h2>People, places and organisations</h2>
      <ul>
        <xsl:for-each select="(tei:listPerson | tei:listPlace | tei:listOrg)/*[@xml:id]">
          <xsl:variable name="url"><xsl:call-template name="entity-url"/></xsl:variable>
          <li id="ent-{@xml:id}" class="entity {local-name()}">
            <xsl:for-each select="(tei:persName | tei:placeName | tei:orgName)[not(@type)]">
              <xsl:if test="position() &gt; 1"> · </xsl:if>
              <span><xsl:call-template name="lang-attr"/><xsl:value-of select="normalize-space(.)"/></span>
            </xsl:for-each>
            <xsl:if test="string($url)">
              <xsl:text> </xsl:text><a class="wikidata" href="{$url}">Wikidata <xsl:value-of select="normalize-space(tei:idno[@type='wikidata'])"/></a>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

  <!-- ================= helpers ================= -->
  <xsl:template name="id-attr">
    <xsl:if test="@xml:id"><xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute></xsl:if>
  </xsl:template>
  <xsl:template name="lang-attr">
    <xsl:if test="@xml:lang"><xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute><xsl:call-template name="dir-attr"/></xsl:if>
  </xsl:template>

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
