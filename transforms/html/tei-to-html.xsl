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
  <xsl:include href="edition-marks.xsl"/><!-- notes, apparatus, transcription, breaks -->
  <xsl:include href="header.xsl"/>
  <xsl:include href="entity-kinds.xsl"/><!-- generated from src/teikit/entities/kinds.py -->
  <xsl:include href="bidi.xsl"/>
  <xsl:include href="msdesc.xsl"/>
  <xsl:include href="page-assets.xsl"/><!-- the css and js templates -->
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
    <html><xsl:attribute name="lang"><xsl:call-template name="html-lang"><xsl:with-param name="tag" select="string($doc-lang)"/></xsl:call-template></xsl:attribute><xsl:if test="/*/@xml:lang or $first/tei:text/@xml:lang"><xsl:call-template name="dir-attr"><xsl:with-param name="tag" select="$doc-lang"/></xsl:call-template></xsl:if>
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
    <xsl:if test="@xml:lang"><xsl:attribute name="lang"><xsl:choose><xsl:when test="string-length(substring-before(concat(@xml:lang, '-'), '-')) = 3"><xsl:call-template name="html-lang"/></xsl:when><xsl:otherwise><xsl:value-of select="@xml:lang"/></xsl:otherwise></xsl:choose></xsl:attribute><xsl:call-template name="dir-attr"/></xsl:if>
  </xsl:template>
</xsl:stylesheet>
