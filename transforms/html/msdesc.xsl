<?xml version="1.0" encoding="UTF-8"?>
<!--
  Included by tei-to-html.xsl: the manuscript description (msDesc) of a header, laid out as a
  catalogue entry (mode msdesc, called by header.xsl's header-more).
  - msIdentifier as a heading line (place, institution, repository, collection, shelfmark),
    the other identifiers under it;
  - msContents: summary, languages, then each msItem (nested, numbered by @n or position, its
    locus first) as a list of labelled fields in the catalogue's order: Author, Title (with its
    @type), Rubric, Incipit, Explicit, Final rubric, Colophon, Filiation, Note, Bibliography,
    Language ...;
  - physDesc, history and additional as labelled fields: form, material, extent (dimensions as
    "H × W unit" per @type), foliation, collation, condition, layout (columns, written lines),
    hands (script, scribe), decoration, additions, binding, seals, accompanying material;
    origin (each origDate with its calendar and its @when/@notBefore/@notAfter), provenance,
    acquisition; record history, availability, surrogates, bibliography;
  - msPart and msFrag recursively, a heading level deeper.
  Missing fields are absent; a locus with @facs links to its image; names go through the
  page's name template (@ref linked). A field without xml:lang gets dir="auto", so a quoted
  Arabic incipit in an English catalogue reads right to left. Runs only for documents that
  have an msDesc (no keys, no global variables). No parameters.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- ================= msDesc, msPart, msFrag ================= -->
  <xsl:template match="tei:msDesc | tei:msPart | tei:msFrag" mode="msdesc">
    <!-- h3 for its sections, a level deeper per part (h6 at most) -->
    <xsl:variable name="depth" select="count(ancestor::tei:msPart | ancestor::tei:msFrag)"/>
    <xsl:variable name="level" select="3 + $depth - ($depth &gt; 2) * ($depth - 2)"/>
    <section class="msdesc" aria-label="Manuscript description">
      <xsl:if test="not(self::tei:msDesc)"><xsl:attribute name="class">ms-part</xsl:attribute><xsl:attribute name="aria-label"><xsl:call-template name="ms-part-name"/></xsl:attribute></xsl:if>
      <xsl:call-template name="id-attr"/><xsl:call-template name="lang-attr"/>
      <xsl:choose>
        <xsl:when test="self::tei:msDesc">
          <h2>Manuscript</h2>
          <xsl:apply-templates select="tei:msIdentifier" mode="msdesc"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:element name="h{$level}"><xsl:call-template name="ms-part-name"/><xsl:apply-templates select="tei:msIdentifier" mode="ms-part-id"/></xsl:element>
          <xsl:apply-templates select="tei:msIdentifier" mode="ms-alt-ids"><xsl:with-param name="main" select="(tei:msIdentifier//tei:idno)[normalize-space()][1]"/></xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="tei:head[normalize-space()]"><p class="ms-head"><xsl:call-template name="inline-children"/></p></xsl:for-each>
      <xsl:apply-templates select="tei:p | tei:ab" mode="body"/>
      <xsl:apply-templates select="tei:msContents | tei:physDesc | tei:history | tei:additional" mode="msdesc">
        <xsl:with-param name="level" select="$level + number(not(self::tei:msDesc))"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="tei:msPart | tei:msFrag" mode="msdesc"/>
    </section>
  </xsl:template>
  <!-- a description in the text (a catalogue whose body is its msDescs) reads the same -->
  <xsl:template match="tei:msDesc" mode="body" priority="1"><xsl:apply-templates select="." mode="msdesc"/></xsl:template>
  <xsl:template name="ms-part-name">
    <xsl:value-of select="substring('PartFragment', 1 + 4 * boolean(self::tei:msFrag), 4 + 4 * boolean(self::tei:msFrag))"/>
    <xsl:if test="normalize-space(@n)"><xsl:text> </xsl:text><xsl:value-of select="normalize-space(@n)"/></xsl:if>
  </xsl:template>

  <!-- the heading line: where, whose, which; the other identifiers under it -->
  <xsl:template match="tei:msIdentifier" mode="msdesc">
    <xsl:variable name="main" select="(tei:idno[@type = 'shelfmark' or not(@type)] | tei:idno)[1]"/>
    <xsl:variable name="where" select="(tei:settlement | tei:institution | tei:repository | tei:collection)[normalize-space()]"/>
    <p class="ms-id">
      <xsl:for-each select="$where | (tei:region | tei:country)[not($where)][normalize-space()] | $main">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:choose>
          <xsl:when test="self::tei:idno"><span class="ms-shelfmark"><xsl:value-of select="normalize-space(.)"/></span></xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:for-each select="tei:msName[normalize-space()]"><xsl:text> </xsl:text><cite class="ms-name"><xsl:call-template name="lang-attr"/><xsl:value-of select="normalize-space(.)"/></cite></xsl:for-each>
    </p>
    <xsl:apply-templates select="." mode="ms-alt-ids"><xsl:with-param name="main" select="$main"/></xsl:apply-templates>
  </xsl:template>
  <xsl:template match="tei:msIdentifier" mode="ms-alt-ids">
    <xsl:param name="main" select="/.."/>
    <xsl:variable name="other" select="tei:idno[normalize-space()][count(. | $main) != 1] | tei:altIdentifier[normalize-space()][not(tei:idno[count(. | $main) = 1])]"/>
    <xsl:if test="$other">
      <p class="ms-altid"><span class="label">Other identifiers: </span>
        <xsl:for-each select="$other">
          <xsl:if test="position() &gt; 1">; </xsl:if>
          <xsl:variable name="type" select="normalize-space((@type | tei:idno/@type)[1])"/>
          <xsl:if test="$type"><xsl:value-of select="$type"/><xsl:text> </xsl:text></xsl:if>
          <xsl:value-of select="normalize-space(.)"/>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>
  <!-- a part's identifier in its heading: its idnos (an altIdentifier's too) -->
  <xsl:template match="tei:msIdentifier" mode="ms-part-id">
    <xsl:for-each select="(.//tei:idno | tei:msName)[normalize-space()][1]">
      <xsl:text>: </xsl:text><xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- ================= contents ================= -->
  <xsl:template match="tei:msContents" mode="msdesc">
    <xsl:param name="level" select="3"/>
    <xsl:if test="normalize-space() or .//tei:locus[@from or @facs]">
      <section class="ms-contents">
        <xsl:call-template name="lang-attr"/>
        <xsl:element name="h{$level}">Contents</xsl:element>
        <xsl:for-each select="tei:summary[normalize-space()]">
          <div class="ms-summary"><xsl:call-template name="lang-attr"/><xsl:call-template name="mixed"/></div>
        </xsl:for-each>
        <xsl:for-each select="tei:textLang[normalize-space() or @mainLang]">
          <p class="ms-lang"><span class="label">Language: </span><xsl:apply-templates select="." mode="ms-value"/></p>
        </xsl:for-each>
        <xsl:apply-templates select="tei:p | tei:ab | tei:list | tei:listBibl" mode="body"/>
        <xsl:if test="tei:msItem | tei:msItemStruct">
          <ol class="ms-items"><xsl:apply-templates select="tei:msItem | tei:msItemStruct" mode="msdesc"/></ol>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- one item: its number and locus, its fields, its sub-items -->
  <xsl:template match="tei:msItem | tei:msItemStruct" mode="msdesc">
    <!-- its number when it has no @n: its place among the items, after its parent's number
         (position(), not xsl:number, which counts the preceding siblings of every item) -->
    <xsl:param name="up" select="''"/>
    <xsl:variable name="number">
      <xsl:choose>
        <xsl:when test="normalize-space(@n)"><xsl:value-of select="normalize-space(@n)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$up"/><xsl:if test="$up">.</xsl:if><xsl:value-of select="position()"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="fields" select="*[not(self::tei:msItem or self::tei:msItemStruct or self::tei:locus or self::tei:locusGrp)]"/>
    <li class="ms-item">
      <xsl:call-template name="id-attr"/><xsl:call-template name="lang-attr"/>
      <p class="ms-item-head">
        <span class="ms-n"><xsl:value-of select="$number"/>.</span>
        <xsl:for-each select="tei:locus | tei:locusGrp">
          <xsl:text> </xsl:text><xsl:apply-templates select="." mode="inline"/>
        </xsl:for-each>
      </p>
      <xsl:if test="$fields">
        <dl class="ms-fields"><xsl:apply-templates select="$fields" mode="ms-rows"/></dl>
      </xsl:if>
      <xsl:if test="tei:msItem | tei:msItemStruct">
        <ol class="ms-items"><xsl:apply-templates select="tei:msItem | tei:msItemStruct" mode="msdesc"><xsl:with-param name="up" select="$number"/></xsl:apply-templates></ol>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- ================= physical description, history, additional ================= -->
  <xsl:template match="tei:physDesc | tei:history | tei:additional" mode="msdesc">
    <xsl:param name="level" select="3"/>
    <xsl:if test="normalize-space() or .//@quantity or .//@form or .//@material or .//@writtenLines or .//@columns or .//@when or .//@notBefore or .//@notAfter">
      <section class="ms-{local-name()}">
        <xsl:call-template name="lang-attr"/>
        <xsl:element name="h{$level}"><xsl:apply-templates select="." mode="ms-label"/></xsl:element>
        <dl class="ms-fields"><xsl:apply-templates select="*" mode="ms-rows"/></dl>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ================= rows: dt label, dd value ================= -->
  <!-- containers: their attributes as rows (form, material, number of hands), then their
       children, each its own row -->
  <xsl:template match="tei:objectDesc | tei:supportDesc | tei:layoutDesc | tei:handDesc | tei:scriptDesc | tei:typeDesc | tei:decoDesc | tei:bindingDesc | tei:sealDesc | tei:adminInfo | tei:recordHist | tei:custodialHist | tei:physDesc | tei:history | tei:additional" mode="ms-rows">
    <xsl:if test="normalize-space(@form)"><dt>Form</dt><dd><xsl:value-of select="@form"/></dd></xsl:if>
    <xsl:if test="normalize-space(@material) and not(tei:support[normalize-space()])"><dt>Material</dt><dd><xsl:call-template name="ms-material"/></dd></xsl:if>
    <xsl:if test="normalize-space(@hands)"><dt>Hands</dt><dd><xsl:value-of select="@hands"/></dd></xsl:if>
    <xsl:apply-templates select="*" mode="ms-rows"/>
  </xsl:template>
  <!-- origin: date and place as rows when it is no more than those; else one row of prose -->
  <xsl:template match="tei:origin" mode="ms-rows">
    <xsl:choose>
      <xsl:when test="not(text()[normalize-space()])"><xsl:apply-templates select="*" mode="ms-rows"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="ms-row"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:head | tei:msItem | tei:msItemStruct | tei:locus | tei:locusGrp" mode="ms-rows"/>
  <xsl:template match="*" mode="ms-rows"><xsl:call-template name="ms-row"/></xsl:template>

  <xsl:template name="ms-row">
    <xsl:if test="translate(normalize-space(), ',;:. ', '') or normalize-space(concat(@when, @notBefore, @notAfter, @writtenLines, @columns, @ruledLines, @mainLang)) or tei:measure[@quantity] or self::tei:handNote[normalize-space(concat(@script, @scribe))]">
      <dt><xsl:apply-templates select="." mode="ms-label"/></dt>
      <dd><xsl:call-template name="ms-dir"/><xsl:apply-templates select="." mode="ms-value"/></dd>
    </xsl:if>
  </xsl:template>
  <!-- lang and dir from xml:lang; without one, a title or a text quoted from the manuscript gets
       dir="auto" (its first strong letter decides); the cataloguer's prose keeps the page's -->
  <xsl:template name="ms-dir">
    <xsl:choose>
      <xsl:when test="@xml:lang"><xsl:call-template name="lang-attr"/></xsl:when>
      <xsl:when test="self::tei:title or self::tei:incipit or self::tei:explicit or self::tei:rubric or self::tei:finalRubric or self::tei:colophon or self::tei:quote or self::tei:author"><xsl:attribute name="dir">auto</xsl:attribute></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ================= values ================= -->
  <xsl:template match="*" mode="ms-value">
    <xsl:call-template name="mixed"/>
    <xsl:if test="normalize-space(concat(@when, @notBefore, @notAfter, @from, @to))"><xsl:call-template name="ms-when"/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:origDate" mode="ms-value"><xsl:apply-templates select="." mode="inline"/></xsl:template>
  <!-- several names (one per language or form) with no text between: one per line -->
  <xsl:template match="tei:author | tei:editor" mode="ms-value">
    <xsl:choose>
      <xsl:when test="*[normalize-space()][2] and not(text()[normalize-space()])">
        <xsl:for-each select="*[normalize-space()]"><xsl:if test="position() &gt; 1"><br/></xsl:if><xsl:apply-templates select="." mode="inline"/></xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="mixed"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- a place of names alone (placeName, settlement, country): joined with commas -->
  <xsl:template match="tei:origPlace" mode="ms-value">
    <xsl:choose>
      <xsl:when test="not(text()[normalize-space()]) and *[normalize-space()][2]">
        <xsl:for-each select="*[normalize-space()][not(self::tei:geo)]"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:apply-templates select="." mode="inline"/></xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="mixed"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:textLang" mode="ms-value">
    <xsl:choose>
      <xsl:when test="normalize-space()"><xsl:call-template name="mixed"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(concat(@mainLang, ' ', @otherLangs))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- layout: columns and lines from the attributes, then the text unless it only repeats them -->
  <xsl:template match="tei:layout" mode="ms-value">
    <xsl:variable name="t" select="normalize-space()"/>
    <xsl:if test="@columns"><xsl:value-of select="@columns"/><xsl:value-of select="substring(' columns', 1, 7 + (normalize-space(@columns) != '1'))"/></xsl:if>
    <xsl:if test="@writtenLines"><xsl:if test="@columns">, </xsl:if><xsl:value-of select="translate(normalize-space(@writtenLines), ' ', '–')"/> written lines</xsl:if>
    <xsl:if test="@ruledLines"><xsl:if test="@columns or @writtenLines">, </xsl:if><xsl:value-of select="translate(normalize-space(@ruledLines), ' ', '–')"/> ruled lines</xsl:if>
    <xsl:if test="$t and not($t = normalize-space(@columns) or $t = normalize-space(@writtenLines) or $t = normalize-space(@ruledLines))">
      <xsl:if test="@columns or @writtenLines or @ruledLines">. </xsl:if>
      <xsl:call-template name="mixed"/>
    </xsl:if>
  </xsl:template>
  <!-- a hand: its script and scribe (when the text does not already say so), then the text -->
  <xsl:template match="tei:handNote" mode="ms-value">
    <xsl:variable name="t" select="string(.)"/>
    <xsl:variable name="script" select="normalize-space(@script)"/>
    <xsl:variable name="scribe" select="normalize-space(translate(@scribe, '#_', ' '))"/>
    <xsl:if test="($script and not(contains($t, $script))) or ($scribe and not(contains($t, $scribe)))">
      <p class="ms-hand">
        <xsl:if test="$script and not(contains($t, $script))"><span class="label">Script: </span><xsl:value-of select="$script"/></xsl:if>
        <xsl:if test="$scribe and not(contains($t, $scribe))"><xsl:if test="$script and not(contains($t, $script))">; </xsl:if><span class="label">Scribe: </span><xsl:value-of select="$scribe"/></xsl:if>
      </p>
    </xsl:if>
    <xsl:call-template name="mixed"/>
  </xsl:template>

  <!-- the coded material of supportDesc -->
  <xsl:template name="ms-material">
    <xsl:choose>
      <xsl:when test="@material = 'perg'">parchment</xsl:when>
      <xsl:when test="@material = 'chart'">paper</xsl:when>
      <xsl:when test="@material = 'mixed'">mixed (parchment and paper)</xsl:when>
      <xsl:otherwise><xsl:value-of select="@material"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a date's attributes after its text, when they add to it: calendar, @when, a range -->
  <xsl:template name="ms-when">
    <xsl:variable name="t" select="normalize-space()"/>
    <xsl:variable name="from" select="normalize-space((@notBefore | @from)[1])"/>
    <xsl:variable name="to" select="normalize-space((@notAfter | @to)[1])"/>
    <xsl:variable name="iso">
      <xsl:choose>
        <xsl:when test="normalize-space(@when)"><xsl:if test="not(contains($t, normalize-space(@when)))"><xsl:value-of select="normalize-space(@when)"/></xsl:if></xsl:when>
        <xsl:when test="$from and $to"><xsl:if test="not(contains($t, $from) and contains($t, $to))"><xsl:value-of select="$from"/>–<xsl:value-of select="$to"/></xsl:if></xsl:when>
        <xsl:when test="$from"><xsl:if test="not(contains($t, $from))">not before <xsl:value-of select="$from"/></xsl:if></xsl:when>
        <xsl:when test="$to"><xsl:if test="not(contains($t, $to))">not after <xsl:value-of select="$to"/></xsl:if></xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="cal" select="normalize-space(translate(@calendar, '#_', ' '))"/>
    <!-- the calendar is said unless it is the Gregorian one and no sibling date has another -->
    <xsl:variable name="say-cal" select="$cal and not(translate($cal, 'GREGORIAN', 'gregorian') = 'gregorian' and not(../*[local-name() = local-name(current())][@calendar != current()/@calendar]))"/>
    <xsl:choose>
      <xsl:when test="not($t)"><xsl:value-of select="$iso"/><xsl:if test="$say-cal"> (<xsl:value-of select="$cal"/>)</xsl:if></xsl:when>
      <xsl:when test="string($iso) or $say-cal">
        <span class="ms-when"> (<xsl:if test="$say-cal"><xsl:value-of select="$cal"/><xsl:if test="string($iso)">: </xsl:if></xsl:if><xsl:value-of select="$iso"/>)</span>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ================= phrases inside a description (mode inline) ================= -->
  <xsl:template match="tei:origDate" mode="inline">
    <span class="tei-origDate"><xsl:call-template name="inline-children"/><xsl:call-template name="ms-when"/></span>
  </xsl:template>
  <!-- dimensions: "[type:] H × W [× D] unit", each dim with its type -->
  <xsl:template match="tei:dimensions[normalize-space() or @quantity or */@quantity or */@atLeast or */@atMost or */@min or */@max]" mode="inline">
    <span class="dimensions">
      <xsl:if test="normalize-space(@type)"><xsl:value-of select="@type"/>: </xsl:if>
      <xsl:variable name="parts" select="tei:height | tei:width | tei:depth | tei:dim"/>
      <xsl:choose>
        <xsl:when test="$parts">
          <xsl:apply-templates select="tei:height" mode="ms-dim"/>
          <xsl:apply-templates select="tei:width" mode="ms-dim"><xsl:with-param name="sep" select="boolean(tei:height)"/></xsl:apply-templates>
          <xsl:apply-templates select="tei:depth" mode="ms-dim"><xsl:with-param name="sep" select="boolean(tei:height | tei:width)"/></xsl:apply-templates>
          <xsl:for-each select="tei:dim">
            <xsl:apply-templates select="." mode="ms-dim"><xsl:with-param name="sep" select="position() &gt; 1 or boolean(../tei:height | ../tei:width | ../tei:depth)"/></xsl:apply-templates>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="inline-children"/><xsl:if test="not(normalize-space())"><xsl:value-of select="@quantity"/></xsl:if></xsl:otherwise>
      </xsl:choose>
      <!-- the unit, unless the values already carry one ("45.5 cm", "280mm", "up to 6 inches") -->
      <xsl:if test="normalize-space(@unit) and translate(normalize-space(), '0123456789.,;:/()[]?~+-–− ', '') = ''"><xsl:text> </xsl:text><xsl:value-of select="normalize-space(@unit)"/></xsl:if>
    </span>
  </xsl:template>
  <xsl:template match="tei:dimensions" mode="inline"/>
  <xsl:template match="tei:dimensions[ancestor::tei:msDesc]" mode="body"><xsl:apply-templates select="." mode="inline"/></xsl:template>
  <xsl:template match="*" mode="ms-dim">
    <xsl:param name="sep" select="false()"/>
    <xsl:if test="$sep"> × </xsl:if>
    <xsl:if test="self::tei:dim and normalize-space(@type)"><xsl:value-of select="@type"/><xsl:text> </xsl:text></xsl:if>
    <xsl:choose>
      <xsl:when test="normalize-space()"><xsl:value-of select="normalize-space()"/></xsl:when>
      <xsl:when test="@quantity"><xsl:value-of select="@quantity"/></xsl:when>
      <xsl:when test="@atLeast or @min or @atMost or @max"><xsl:value-of select="(@atLeast | @min)[1]"/>–<xsl:value-of select="(@atMost | @max)[1]"/></xsl:when>
    </xsl:choose>
  </xsl:template>
  <!-- a name in a description whose @ref is one URL (VIAF, an authority file): a link to it
       (elsewhere such a name has no record on the page and stays text) -->
  <xsl:template match="tei:persName[contains(@ref, '://')][ancestor::tei:msDesc] | tei:placeName[contains(@ref, '://')][ancestor::tei:msDesc] | tei:orgName[contains(@ref, '://')][ancestor::tei:msDesc] | tei:name[contains(@ref, '://')][ancestor::tei:msDesc]" mode="inline">
    <xsl:variable name="href"><xsl:if test="not(contains(normalize-space(@ref), ' '))"><xsl:call-template name="resolve-uri"><xsl:with-param name="url" select="@ref"/></xsl:call-template></xsl:if></xsl:variable>
    <xsl:variable name="kind" select="substring('person place  org    name   ', 1 + 7 * (boolean(self::tei:placeName) + 2 * boolean(self::tei:orgName) + 3 * boolean(self::tei:name)), 7)"/>
    <xsl:choose>
      <xsl:when test="string($href)"><a class="name {normalize-space($kind)}" href="{$href}"><xsl:call-template name="lang-attr"/><xsl:call-template name="inline-children"/></a></xsl:when>
      <xsl:otherwise><span class="name {normalize-space($kind)}"><xsl:call-template name="lang-attr"/><xsl:call-template name="inline-children"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- an empty measure: its quantity and unit ("1 leaf" from quantity="1" unit="leaf") -->
  <xsl:template match="tei:measure[not(normalize-space())][@quantity]" mode="inline">
    <xsl:if test="preceding-sibling::tei:measure[@quantity][not(normalize-space())]">, </xsl:if>
    <span class="measure"><xsl:value-of select="normalize-space(concat(@quantity, ' ', @unit))"/></span>
  </xsl:template>
  <!-- locus: its text, else "fol. from–to"; linked to its image when it has @facs -->
  <xsl:template match="tei:locus" mode="inline">
    <xsl:variable name="facs"><xsl:if test="@facs"><xsl:call-template name="facs-url"/></xsl:if></xsl:variable>
    <xsl:choose>
      <xsl:when test="string($facs)"><a class="locus" href="{$facs}" title="image"><xsl:call-template name="ms-locus-text"/></a></xsl:when>
      <xsl:otherwise><span class="locus"><xsl:call-template name="ms-locus-text"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="ms-locus-text">
    <xsl:choose>
      <xsl:when test="normalize-space()"><xsl:call-template name="inline-children"/></xsl:when>
      <xsl:when test="normalize-space(@from) and normalize-space(@to) and normalize-space(@from) != normalize-space(@to)">fols. <xsl:value-of select="normalize-space(@from)"/>–<xsl:value-of select="normalize-space(@to)"/></xsl:when>
      <xsl:when test="normalize-space(@from)">fol. <xsl:value-of select="normalize-space(@from)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(@target)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- a label ("Folios:") is followed by a space when the text after it has none -->
  <xsl:template match="tei:label[ancestor::tei:msDesc]" mode="inline">
    <span class="label"><xsl:call-template name="inline-children"/></span>
    <xsl:variable name="next" select="following-sibling::node()[1]"/>
    <xsl:if test="$next and not(starts-with(translate(substring($next, 1, 1), '&#9;&#10;&#13;', '   '), ' '))"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- ================= labels ================= -->
  <!-- one template per element (libxslt finds them by name; a choose over names costs a string
       comparison per branch), then the kind where catalogues give one: "Title (uniform)" -->
  <xsl:template match="tei:author" mode="ms-label">Author<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:title" mode="ms-label">Title<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:rubric" mode="ms-label">Rubric<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:incipit" mode="ms-label">Incipit<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:explicit" mode="ms-label">Explicit<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:finalRubric" mode="ms-label">Final rubric<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:colophon" mode="ms-label">Colophon<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:filiation" mode="ms-label">Filiation<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:note | tei:noteGrp" mode="ms-label">Note<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:textLang" mode="ms-label">Language<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:quote" mode="ms-label">Quotation<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:decoNote | tei:decoDesc" mode="ms-label">Decoration<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:physDesc" mode="ms-label">Physical description<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:history" mode="ms-label">History<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:additional" mode="ms-label">Additional information<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:objectDesc" mode="ms-label">Object<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:supportDesc | tei:support" mode="ms-label">Support<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:extent" mode="ms-label">Extent<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:foliation" mode="ms-label">Foliation<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:collation" mode="ms-label">Collation<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:condition" mode="ms-label">Condition<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:signatures" mode="ms-label">Signatures<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:catchwords" mode="ms-label">Catchwords<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:secFol" mode="ms-label">Second folio<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:watermark" mode="ms-label">Watermark<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:layoutDesc | tei:layout" mode="ms-label">Layout<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:handDesc" mode="ms-label">Hand<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:scriptDesc | tei:scriptNote" mode="ms-label">Script<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:typeDesc | tei:typeNote" mode="ms-label">Type<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:musicNotation" mode="ms-label">Music notation<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:additions" mode="ms-label">Additions<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:bindingDesc" mode="ms-label">Binding<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:sealDesc | tei:seal" mode="ms-label">Seal<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:accMat" mode="ms-label">Accompanying material<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:origin" mode="ms-label">Origin<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:origDate" mode="ms-label">Date<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:origPlace" mode="ms-label">Place<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:provenance" mode="ms-label">Provenance<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:acquisition" mode="ms-label">Acquisition<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:adminInfo" mode="ms-label">Administration<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:recordHist | tei:source" mode="ms-label">Source of description<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:availability" mode="ms-label">Availability<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:custodialHist | tei:custEvent" mode="ms-label">Custodial history<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:surrogates" mode="ms-label">Surrogates<xsl:call-template name="ms-type"/></xsl:template>
  <xsl:template match="tei:bibl[@type = 'commentedOn']" mode="ms-label">Commentary on</xsl:template>
  <xsl:template match="tei:bibl[@type = 'translated' or @type = 'translationOf']" mode="ms-label">Translation of</xsl:template>
  <xsl:template match="tei:bibl | tei:listBibl | tei:biblStruct" mode="ms-label">Bibliography</xsl:template>
  <xsl:template match="tei:p | tei:ab | tei:summary" mode="ms-label">
    <xsl:choose>
      <xsl:when test="parent::tei:physDesc or parent::tei:msItem or parent::tei:msItemStruct or parent::tei:history or parent::tei:additional">Description</xsl:when>
      <xsl:otherwise><xsl:apply-templates select=".." mode="ms-label"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:editor" mode="ms-label">
    <xsl:variable name="r" select="normalize-space(@role)"/>
    <xsl:choose>
      <xsl:when test="contains(' trl scr edt ill com ann ctb ', concat(' ', $r, ' '))"><xsl:value-of select="substring-before(substring-after(' trl:Translator scr:Scribe edt:Editor ill:Illustrator com:Compiler ann:Annotator ctb:Contributor ', concat(' ', $r, ':')), ' ')"/></xsl:when>
      <xsl:when test="$r"><xsl:value-of select="translate(substring($r, 1, 1), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/><xsl:value-of select="substring($r, 2)"/></xsl:when>
      <xsl:otherwise>Editor</xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="ms-type"/>
  </xsl:template>
  <xsl:template match="tei:respStmt[normalize-space(tei:resp)]" mode="ms-label"><xsl:value-of select="normalize-space(tei:resp)"/></xsl:template>
  <xsl:template match="tei:binding" mode="ms-label">Binding<xsl:call-template name="ms-type"/><xsl:if test="@contemporary = 'true'"><span class="ms-type"> (contemporary)</span></xsl:if></xsl:template>
  <xsl:template match="tei:handNote" mode="ms-label">Hand<xsl:call-template name="ms-type"/><xsl:if test="normalize-space(@scope)"><span class="ms-type"> (<xsl:value-of select="normalize-space(@scope)"/>)</span></xsl:if></xsl:template>
  <xsl:template match="tei:dimensions" mode="ms-label">Dimensions</xsl:template>
  <!-- any other element: its name, capitalised -->
  <xsl:template match="*" mode="ms-label">
    <xsl:value-of select="translate(substring(local-name(), 1, 1), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/><xsl:value-of select="substring(local-name(), 2)"/>
    <xsl:call-template name="ms-type"/>
  </xsl:template>
  <xsl:template name="ms-type">
    <xsl:if test="normalize-space(@type)"><span class="ms-type"> (<xsl:value-of select="normalize-space(@type)"/>)</span></xsl:if>
  </xsl:template>

  <!-- ================= style (only on a page that shows an msDesc) ================= -->
  <xsl:template name="msdesc-css">
    <xsl:if test="$records[not(tei:teiHeader/tei:encodingDesc/tei:appInfo/tei:application[@ident = 'teikit'])]/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:msDesc | $records/tei:text/tei:body/tei:msDesc | $records/tei:text/tei:body/tei:div/tei:msDesc">
.msdesc .ms-items{list-style:none;padding-left:0;padding-right:0;margin:.3rem 0}
.msdesc .ms-items .ms-items{padding-left:1.4rem;border-left:2px solid var(--rule)}
[dir=rtl] .msdesc .ms-items .ms-items,.msdesc [dir=rtl] .ms-items{padding-left:0;border-left:0;padding-right:1.4rem;border-right:2px solid var(--rule)}
.ms-item{margin:.6rem 0}
.msdesc h4,.msdesc h5,.msdesc h6{font-size:.95rem;margin:.6rem 0 .2rem}
.ms-item-head{margin:.2rem 0;font-weight:bold}
.ms-item-head .locus{font-weight:normal}
.msdesc .ms-fields{margin:.2rem 0 .5rem;grid-template-columns:minmax(9rem,max-content) minmax(0,1fr)}
.msdesc .ms-fields dd p{margin:0 0 .2rem}
.ms-altid,.ms-type,.ms-when{color:var(--muted)}
.ms-altid{margin-top:0;font-size:.88rem}
.msdesc .dimensions{display:block}
.ms-part{border-left:3px solid var(--rule);padding-left:.8rem;margin:1rem 0}
[dir=rtl] .ms-part{border-left:0;padding-left:0;border-right:3px solid var(--rule);padding-right:.8rem}
.msdesc [dir=rtl]{text-align:start}
.msdesc [lang*="-Latn"]{font-family:var(--latin)}
@media (max-width:40rem){.msdesc .ms-fields{grid-template-columns:1fr}.msdesc .ms-items .ms-items{padding-left:.6rem}[dir=rtl] .msdesc .ms-items .ms-items{padding-left:0;padding-right:.6rem}}
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
