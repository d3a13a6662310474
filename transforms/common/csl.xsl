<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared templates: the one citation model (CSL), built from the TEI header.

  csl-model   returns, as a result tree fragment, the CSL items of the document:
                <items>
                  <item>                      one per cited thing
                    <v name="id">…</v>        string variables (CSL names: title, URL, …)
                    <v name="shelfmark" internal="yes">…</v>   helpers for the writers, not CSL
                    <names name="editor">     name variables
                      <name family="Zhang" given="Shuguang"/>   a personal name, given name first
                      <name literal="Mao Zedong" order="family-first"/>  family name first (Chinese)
                      <name literal="Zhonggong …" corporate="yes"/>     an organisation
                    </names>
                    <date name="issued" y="1950" m="1" d="2"/>
                  </item>
                </items>
              Items:
              1. the item itself.
                 An archive's record (sourceDesc/biblStruct[@type='archive']) is a manuscript, as
                 Zotero's Wilson Center translator imports it: title, authors (titleStmt/author),
                 translators (titleStmt/respStmt), date, archive (the archive's name), archive_location
                 (the rest of the archive's own citation: shelfmark, reprint, translator credit; or the
                 shelfmarks of sourceDesc/msDesc), source (the catalogue: the archive's publisher),
                 genre, language (the original's), URL, abstract.
                 Any other TEI: the header's own item. Title: titleStmt/title[@type='main'] (with
                 its subtitle), else title[@level='a'], else the first; the series or collection as
                 container; authors (titleStmt/author, else the sender in correspDesc, else the source's),
                 editors, translators (editor, respStmt by its resp), recipient; the date of
                 correspDesc, creation, publicationStmt or sourceDesc, ISO or prose ("1895",
                 "October, 2017", "3. Mai 1890"); publisher, authority or distributor; language.
                 Type: letter (correspDesc), manuscript (msDesc), else book.
                 A manuscript description (msDesc, not a letter), as Zotero's manuscript item and a
                 cataloguer cite it. When sourceDesc itself holds the msDesc (the file describes that
                 manuscript, not a witness of an edition): the date it was made (ms-date), before
                 the file's; author from titleStmt, else the one author of its items (ms-author).
                 From the (first) msIdentifier: archive (institution and repository), archive-place (settlement),
                 archive_location (the shelfmark idno, else the first), archive_collection (the
                 titleStmt's collection title), source (the catalogue: seriesStmt title or
                 publicationStmt/idno[@type='catalogue']). A container, collection, publisher or
                 source that repeats the archive, an earlier one of them or the holding
                 institution is left out (mode "once").
              2. an archive's record: each published source, biblStruct[@type='original'] with a
                 title ('{id}-original-{n}', '{id}-reprint-{n}' for @subtype='reprint') and
                 biblStruct[@type='translation'] ('{id}-translation'): the record as printed there,
                 a chapter of the book (book title as container-title, its editors, volume, book or
                 part, place, publisher, year, pages), or a book when the record has no title.
  Serialised by csl-json, bibtex and ris. No parameters.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:str="http://exslt.org/strings"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="tei str exsl">
  <xsl:import href="plain.xsl"/>
  <xsl:include href="csl-manuscript.xsl"/>

  <xsl:variable name="UPPER" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜÉÈÀÂÛÎ'"/>
  <xsl:variable name="LOWER" select="'abcdefghijklmnopqrstuvwxyzäöüéèàâûî'"/>

  <xsl:template name="csl-model">
    <xsl:param name="header" select="(/tei:teiCorpus/tei:teiHeader | (/tei:TEI | /*[not(self::tei:TEI)]//tei:TEI)[1]/tei:teiHeader)[1]"/>
    <xsl:variable name="fd" select="$header/tei:fileDesc"/>
    <xsl:variable name="archive" select="$fd/tei:sourceDesc/tei:biblStruct[@type='archive'][1]"/>
    <xsl:variable name="id"><xsl:call-template name="record-id"><xsl:with-param name="fd" select="$fd"/></xsl:call-template></xsl:variable>
    <xsl:variable name="title" select="($fd/tei:titleStmt/tei:title[@type='main'] | $archive/tei:analytic/tei:title | $fd/tei:titleStmt/tei:title)[1]"/>
    <items>
      <xsl:choose>
        <xsl:when test="$archive">
          <xsl:call-template name="archive-record">
            <xsl:with-param name="header" select="$header"/>
            <xsl:with-param name="archive" select="$archive"/>
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="title" select="$title"/>
          </xsl:call-template>
          <xsl:variable name="published" select="$fd/tei:sourceDesc/tei:biblStruct[@type='original'][tei:monogr/tei:title[not(@type='repository')]]"/>
          <xsl:for-each select="$published">
            <xsl:call-template name="source-item">
              <xsl:with-param name="id">
                <xsl:value-of select="$id"/>
                <xsl:choose>
                  <xsl:when test="@subtype = 'reprint'">-reprint-</xsl:when>
                  <xsl:otherwise>-original-</xsl:otherwise>
                </xsl:choose>
                <xsl:value-of select="position()"/>
              </xsl:with-param>
              <xsl:with-param name="record-title" select="$title"/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:for-each select="$fd/tei:sourceDesc/tei:biblStruct[@type='translation'][tei:monogr/tei:title]">
            <xsl:call-template name="source-item">
              <xsl:with-param name="id">
                <xsl:value-of select="concat($id, '-translation')"/>
                <xsl:if test="position() &gt; 1"><xsl:value-of select="concat('-', position())"/></xsl:if>
              </xsl:with-param>
              <xsl:with-param name="record-title" select="$title"/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="header-item">
            <xsl:with-param name="header" select="$header"/>
            <xsl:with-param name="id" select="$id"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </items>
  </xsl:template>

  <xsl:template name="record-id">
    <xsl:param name="fd"/>
    <xsl:variable name="wilson" select="normalize-space($fd/tei:publicationStmt/tei:idno[@type='wilson'][1])"/>
    <xsl:choose>
      <xsl:when test="$wilson"><xsl:value-of select="concat('wilson-', $wilson)"/></xsl:when>
      <xsl:when test="$fd/ancestor::tei:TEI[1]/@xml:id"><xsl:value-of select="$fd/ancestor::tei:TEI[1]/@xml:id"/></xsl:when>
      <xsl:when test="/*/@xml:id"><xsl:value-of select="/*/@xml:id"/></xsl:when>
      <xsl:when test="normalize-space($fd/tei:titleStmt/tei:title[1])">
        <!-- no identifier: one from the date and the title, so that a corpus's items differ -->
        <xsl:variable name="date" select="($fd/tei:sourceDesc/tei:biblStruct[@type='archive']//tei:date/@when | $fd/ancestor::tei:teiHeader/tei:profileDesc/tei:creation/tei:date/@when)[1]"/>
        <xsl:variable name="slug" select="translate(normalize-space(translate($fd/tei:titleStmt/tei:title[1], concat($UPPER, ' ,.;:!?()[]/&quot;“”’‘-'), concat($LOWER, '                   '))), ' ', '-')"/>
        <xsl:value-of select="concat('doc-', substring(concat(translate($date, '-', ''), '-'), 1, 9 * boolean($date)), substring($slug, 1, 48))"/>
      </xsl:when>
      <xsl:otherwise>tei-document</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ========== an archive's record: a manuscript ========== -->
  <xsl:template name="archive-record">
    <xsl:param name="header"/>
    <xsl:param name="archive"/>
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:variable name="fd" select="$header/tei:fileDesc"/>
    <xsl:variable name="name" select="normalize-space(($archive/tei:monogr/tei:title | $fd/tei:publicationStmt/tei:distributor)[1])"/>
    <xsl:variable name="shelfmarks">
      <xsl:for-each select="$fd/tei:sourceDesc/tei:msDesc/tei:msIdentifier | $fd/tei:sourceDesc/tei:biblStruct[@type='original']/tei:monogr[tei:idno[@type='archival']][not(tei:title[not(@type='repository')])]">
        <xsl:if test="position() &gt; 1">; </xsl:if>
        <xsl:call-template name="shelfmark"/>
      </xsl:for-each>
    </xsl:variable>
    <item>
      <v name="id"><xsl:value-of select="$id"/></v>
      <v name="type">manuscript</v>
      <xsl:call-template name="var"><xsl:with-param name="name" select="'title'"/><xsl:with-param name="node" select="$title"/></xsl:call-template>
      <xsl:call-template name="names"><xsl:with-param name="name" select="'author'"/><xsl:with-param name="nodes" select="$fd/tei:titleStmt/tei:author"/></xsl:call-template>
      <xsl:call-template name="names"><xsl:with-param name="name" select="'translator'"/><xsl:with-param name="nodes" select="$fd/tei:titleStmt/tei:editor[@role='translator'] | $fd/tei:titleStmt/tei:respStmt[tei:resp[contains(translate(., $UPPER, $LOWER), 'translat')]]/*[self::tei:persName or self::tei:name or self::tei:orgName]"/></xsl:call-template>
      <xsl:call-template name="date">
        <xsl:with-param name="name" select="'issued'"/>
        <xsl:with-param name="node" select="($archive/tei:monogr/tei:imprint/tei:date[@when] | $header/tei:profileDesc/tei:creation/tei:date[@when] | $archive/tei:monogr/tei:imprint/tei:date)[1]"/>
      </xsl:call-template>
      <xsl:if test="$name"><v name="archive"><xsl:value-of select="$name"/></v></xsl:if>
      <xsl:call-template name="archive-location">
        <xsl:with-param name="citation" select="normalize-space($fd/tei:sourceDesc/tei:bibl[@type='citation'][1])"/>
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="shelfmarks" select="string($shelfmarks)"/>
        <xsl:with-param name="source" select="normalize-space($fd/tei:sourceDesc/tei:bibl[@type='source'][1])"/>
      </xsl:call-template>
      <xsl:if test="normalize-space($shelfmarks)"><v name="shelfmark" internal="yes"><xsl:value-of select="normalize-space($shelfmarks)"/></v></xsl:if>
      <xsl:call-template name="var"><xsl:with-param name="name" select="'source'"/><xsl:with-param name="node" select="($archive/tei:monogr/tei:imprint/tei:publisher | $fd/tei:publicationStmt/tei:publisher)[1]"/></xsl:call-template>
      <xsl:call-template name="var"><xsl:with-param name="name" select="'genre'"/><xsl:with-param name="node" select="$header/tei:profileDesc/tei:textClass/tei:keywords/tei:term[@type='documentType'][1]"/></xsl:call-template>
      <xsl:call-template name="original-language"><xsl:with-param name="header" select="$header"/></xsl:call-template>
      <xsl:call-template name="var"><xsl:with-param name="name" select="'URL'"/><xsl:with-param name="node" select="($fd/tei:publicationStmt/tei:idno[@type='URL'] | $archive//tei:idno[@type='URL'])[1]"/></xsl:call-template>
      <xsl:call-template name="var"><xsl:with-param name="name" select="'abstract'"/><xsl:with-param name="node" select="$header/tei:profileDesc/tei:abstract[1]"/></xsl:call-template>
    </item>
  </xsl:template>

  <!-- "APRF, F. 45, Op. 1, D. 331, Ll. 119" from an msIdentifier (or an archival monogr) -->
  <xsl:template name="shelfmark">
    <xsl:variable name="parts" select="tei:institution | tei:repository | tei:collection | tei:idno | tei:title[@type='repository']"/>
    <xsl:for-each select="$parts[normalize-space()]">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- the archive's own citation after the archive's name (Zotero's archiveLocation), else the
       shelfmarks, else the source's citation (bibl[@type='source'], records without an archive citation) -->
  <xsl:template name="archive-location">
    <xsl:param name="citation"/>
    <xsl:param name="name"/>
    <xsl:param name="shelfmarks"/>
    <xsl:param name="source" select="''"/>
    <xsl:variable name="after" select="normalize-space(substring-after($citation, $name))"/>
    <xsl:variable name="rest">
      <xsl:choose>
        <xsl:when test="$name and starts-with($after, ',') or starts-with($after, '.') or starts-with($after, ';')"><xsl:value-of select="normalize-space(substring($after, 2))"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$after"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$name and string-length($rest) &gt; 1"><v name="archive_location"><xsl:value-of select="$rest"/></v></xsl:when>
      <xsl:when test="normalize-space($shelfmarks)"><v name="archive_location"><xsl:value-of select="normalize-space($shelfmarks)"/></v></xsl:when>
      <xsl:when test="$source"><v name="archive_location"><xsl:value-of select="$source"/></v></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- language of the original: its division, else a listed language other than the translation's -->
  <xsl:template name="original-language">
    <xsl:param name="header"/>
    <xsl:variable name="root-lang" select="string($header/ancestor::tei:TEI[1]/@xml:lang)"/>
    <xsl:variable name="usage" select="$header/tei:profileDesc/tei:langUsage/tei:language"/>
    <xsl:variable name="t1" select="($header/following-sibling::tei:text//tei:div[@type='original']/@xml:lang)[1]"/>
    <xsl:variable name="t2" select="$usage[@ident != $root-lang][1]/@ident"/>
    <xsl:variable name="tag" select="$t1 | $t2[not($t1)] | $header/ancestor::tei:TEI[1]/@xml:lang[not($t1 or $t2)]"/>
    <xsl:if test="$tag">
      <v name="language"><xsl:value-of select="$tag"/></v>
      <xsl:variable name="label" select="normalize-space(($usage[@ident = $tag] | $usage[starts-with($tag, concat(@ident, '-'))] | $usage[starts-with(@ident, concat(substring-before(concat($tag, '-'), '-'), '-'))])[1])"/>
      <xsl:if test="$label">
        <v name="language-name" internal="yes"><xsl:value-of select="normalize-space(substring-before(concat($label, ' ('), ' ('))"/></v>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- ========== any other TEI: the header's own item ========== -->
  <xsl:template name="header-item">
    <xsl:param name="header"/>
    <xsl:param name="id"/>
    <xsl:variable name="fd" select="$header/tei:fileDesc"/>
    <xsl:variable name="ts" select="$fd/tei:titleStmt"/>
    <xsl:variable name="ps" select="$fd/tei:publicationStmt"/>
    <xsl:variable name="src" select="$fd/tei:sourceDesc"/>
    <xsl:variable name="corresp" select="$header/tei:profileDesc/tei:correspDesc[1]"/>
    <xsl:variable name="sent" select="$corresp/tei:correspAction[@type='sent'][1]"/>
    <xsl:variable name="t-main" select="$ts/tei:title[@type='main'][1]"/>
    <xsl:variable name="t-a" select="$ts/tei:title[@level='a'][1]"/>
    <xsl:variable name="title" select="$t-main | $t-a[not($t-main)] | $ts/tei:title[not($t-main or $t-a)][1]"/>
    <xsl:variable name="sub" select="$ts/tei:title[@type='sub' or @type='subtitle'][1]"/>
    <xsl:variable name="container" select="($ts/tei:title[@level='s' or @level='m' or @level='j' or @type='series' or @type='collection'][count(. | $title) != 1] | $fd/tei:seriesStmt/tei:title)[1]"/>
    <xsl:variable name="type">
      <xsl:choose>
        <xsl:when test="$sent/*[self::tei:persName or self::tei:name or self::tei:orgName]">letter</xsl:when>
        <xsl:when test="$src//tei:msDesc">manuscript</xsl:when>
        <xsl:otherwise>book</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="msdesc" select="($src//tei:msDesc)[1]"/>
    <xsl:variable name="src-bibl" select="($src/tei:bibl | $src/tei:biblStruct | $src/tei:biblFull/tei:titleStmt | $src/tei:listBibl/tei:bibl)[1]"/>
    <xsl:variable name="resp" select="$ts/tei:respStmt"/>
    <!-- in this order (a union would be in document order) -->
    <xsl:variable name="d1" select="$sent/tei:date[normalize-space() or @when or @notBefore or @from]"/>
    <xsl:variable name="d2" select="$header/tei:profileDesc/tei:creation/tei:date[normalize-space() or @when or @notBefore or @from] | $header/tei:profileDesc/tei:creation[not(tei:date)][normalize-space()]"/>
    <xsl:variable name="d3" select="$ps/tei:date[normalize-space() or @when or @notBefore or @from]"/>
    <xsl:variable name="d4" select="$src-bibl//tei:date[normalize-space() or @when or @notBefore or @from]"/>
    <xsl:variable name="d5" select="$header/following-sibling::tei:standOff//tei:event[@type='print' or @type='written' or @type='premiere'][@when or @notBefore]"/>
    <xsl:variable name="dates" select="$d1[1] | $d2[not($d1)][1] | $d3[not($d1 or $d2)][1] | $d4[not($d1 or $d2 or $d3)][1] | $d5[not($d1 or $d2 or $d3 or $d4)][1]"/>
    <xsl:variable name="item">
    <item>
      <v name="id"><xsl:value-of select="$id"/></v>
      <v name="type"><xsl:value-of select="$type"/></v>
      <xsl:if test="normalize-space($title)">
        <v name="title">
          <xsl:call-template name="plain-text"><xsl:with-param name="node" select="$title"/></xsl:call-template>
          <xsl:if test="normalize-space($sub) and count($sub | $title) != 1">
            <xsl:text>: </xsl:text><xsl:call-template name="plain-text"><xsl:with-param name="node" select="$sub"/></xsl:call-template>
          </xsl:if>
        </v>
      </xsl:if>
      <xsl:call-template name="var">
        <xsl:with-param name="name" select="concat(substring('collection-title', 1, 16 * ($type = 'book')), substring('container-title', 1, 15 * ($type = 'letter')), substring('archive_collection', 1, 18 * ($type = 'manuscript')))"/>
        <xsl:with-param name="node" select="$container[not($type = 'manuscript' and parent::tei:seriesStmt)]"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$ts/tei:author[normalize-space()]">
          <xsl:call-template name="names"><xsl:with-param name="name" select="'author'"/><xsl:with-param name="nodes" select="$ts/tei:author"/></xsl:call-template>
        </xsl:when>
        <xsl:when test="$type = 'letter'">
          <xsl:call-template name="names"><xsl:with-param name="name" select="'author'"/><xsl:with-param name="nodes" select="$sent/*[self::tei:persName or self::tei:name or self::tei:orgName]"/></xsl:call-template>
        </xsl:when>
        <xsl:when test="$type = 'manuscript' and $src/tei:msDesc">
          <xsl:call-template name="ms-author"><xsl:with-param name="ms" select="$src/tei:msDesc[1]"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="names"><xsl:with-param name="name" select="'author'"/><xsl:with-param name="nodes" select="($src-bibl/tei:author | $src-bibl/*/tei:author)"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$type = 'letter'">
        <xsl:call-template name="names"><xsl:with-param name="name" select="'recipient'"/><xsl:with-param name="nodes" select="$corresp/tei:correspAction[@type='received']/*[self::tei:persName or self::tei:name or self::tei:orgName]"/></xsl:call-template>
      </xsl:if>
      <!-- case folded only for the letters of the words sought (translate() costs per character
           and per letter of its table; the result of contains() is the same) -->
      <xsl:call-template name="names">
        <xsl:with-param name="name" select="'editor'"/>
        <xsl:with-param name="nodes" select="$ts/tei:editor[not(@role) or not(contains(translate(@role, $UPPER, $LOWER), 'transl'))] | $resp[tei:resp[contains(translate(., 'EDITHRAUSGÉ', 'edithrausgé'), 'edit') or contains(translate(., 'EDITHRAUSGÉ', 'edithrausgé'), 'herausg') or contains(translate(., 'EDITHRAUSGÉ', 'edithrausgé'), 'édit')]]/*[self::tei:persName or self::tei:name or self::tei:orgName]"/>
      </xsl:call-template>
      <xsl:call-template name="names">
        <xsl:with-param name="name" select="'translator'"/>
        <xsl:with-param name="nodes" select="$ts/tei:editor[contains(translate(@role, $UPPER, $LOWER), 'transl')] | $resp[tei:resp[contains(translate(., 'TRANSLÜBEZDU', 'translübezdu'), 'translat') or contains(translate(., 'TRANSLÜBEZDU', 'translübezdu'), 'übersetz') or contains(translate(., 'TRANSLÜBEZDU', 'translübezdu'), 'tradu')]]/*[self::tei:persName or self::tei:name or self::tei:orgName]"/>
      </xsl:call-template>
      <xsl:variable name="ms-date">
        <xsl:if test="$type = 'manuscript'"><xsl:call-template name="ms-date"><xsl:with-param name="ms" select="$src/tei:msDesc[1]"/></xsl:call-template></xsl:if>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="string($ms-date)">
          <xsl:call-template name="iso-date">
            <xsl:with-param name="name" select="'issued'"/>
            <xsl:with-param name="iso" select="substring-before(concat($ms-date, '/'), '/')"/>
            <xsl:with-param name="end" select="substring-after($ms-date, '/')"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="date">
            <xsl:with-param name="name" select="'issued'"/>
            <xsl:with-param name="node" select="$dates[1]"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="publisher"><xsl:with-param name="node" select="($ps/tei:publisher | $ps/tei:authority | $ps/tei:distributor)[normalize-space()][1]"/></xsl:call-template>
      <xsl:call-template name="var"><xsl:with-param name="name" select="'publisher-place'"/><xsl:with-param name="node" select="$ps/tei:pubPlace[1]"/></xsl:call-template>
      <xsl:if test="$type != 'book'">
        <xsl:variable name="ms" select="$msdesc/tei:msIdentifier"/>
        <xsl:call-template name="ms-archive"><xsl:with-param name="ms" select="$ms"/></xsl:call-template>
        <xsl:call-template name="var"><xsl:with-param name="name" select="'archive-place'"/><xsl:with-param name="node" select="$ms/tei:settlement[1]"/></xsl:call-template>
        <xsl:variable name="shelfmark" select="$ms/tei:idno[@type='shelfmark' or @type='Shelfmark'][normalize-space()][1]"/>
        <xsl:call-template name="var"><xsl:with-param name="name" select="'archive_location'"/><xsl:with-param name="node" select="$shelfmark | ($ms/tei:idno[normalize-space()] | $ms/tei:altIdentifier/tei:idno[normalize-space()])[not($shelfmark)][1]"/></xsl:call-template>
      </xsl:if>
      <xsl:if test="$type = 'manuscript'">
        <!-- the catalogue the TEI file belongs to (Zotero's libraryCatalog) -->
        <xsl:call-template name="var"><xsl:with-param name="name" select="'source'"/><xsl:with-param name="node" select="($fd/tei:seriesStmt/tei:title[normalize-space()] | $ps/tei:idno[@type='catalogue'][normalize-space()])[1]"/></xsl:call-template>
      </xsl:if>
      <xsl:variable name="url" select="($ps/tei:idno[starts-with(normalize-space(), 'http')] | $ps/tei:ptr[starts-with(@target, 'http')]/@target | $ps/tei:ref[starts-with(@target, 'http')]/@target)[1]"/>
      <xsl:if test="$url"><v name="URL"><xsl:value-of select="normalize-space($url)"/></v></xsl:if>
      <xsl:call-template name="var"><xsl:with-param name="name" select="'abstract'"/><xsl:with-param name="node" select="$header/tei:profileDesc/tei:abstract[1]"/></xsl:call-template>
      <xsl:variable name="l1" select="$title/ancestor-or-self::*[@xml:lang][1]/@xml:lang"/>
      <xsl:variable name="l2" select="($header/following-sibling::tei:text/@xml:lang | $header/tei:profileDesc/tei:langUsage/tei:language/@ident)[1]"/>
      <xsl:variable name="lang" select="$l1 | $l2[not($l1)]"/>
      <xsl:if test="$lang"><v name="language"><xsl:value-of select="$lang"/></v></xsl:if>
    </item>
    </xsl:variable>
    <!-- a name said twice (the institution as publisher, collection and archive) is said once -->
    <xsl:apply-templates select="exsl:node-set($item)/item" mode="once">
      <xsl:with-param name="holders" select="$msdesc/tei:msIdentifier/tei:institution | $msdesc/tei:msIdentifier/tei:repository"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- a publisher: its organisations' names joined ("Special Collections, Bodleian Libraries"),
       else its text -->
  <xsl:template name="publisher">
    <xsl:param name="node"/>
    <xsl:choose>
      <xsl:when test="$node/*[self::tei:orgName or self::tei:name][normalize-space()]">
        <v name="publisher">
          <xsl:for-each select="$node/*[self::tei:orgName or self::tei:name][normalize-space()]">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:value-of select="normalize-space()"/>
          </xsl:for-each>
        </v>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="var"><xsl:with-param name="name" select="'publisher'"/><xsl:with-param name="node" select="$node"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- an item with each name said once: a container, publisher or catalogue (source) that repeats
       the archive, a field before it (archive, container, publisher, source) or the holders of
       the manuscript (its institution, repository) is left out -->
  <xsl:template match="item" mode="once">
    <xsl:param name="holders"/>
    <item><xsl:apply-templates select="*" mode="once"><xsl:with-param name="holders" select="$holders"/></xsl:apply-templates></item>
  </xsl:template>
  <xsl:template match="*" mode="once"><xsl:copy-of select="."/></xsl:template>
  <xsl:template match="v[@name='container-title' or @name='collection-title' or @name='archive_collection' or @name='publisher' or @name='source']" mode="once">
    <xsl:param name="holders"/>
    <xsl:variable name="key" select="translate(normalize-space(.), concat($UPPER, '.'), $LOWER)"/>
    <xsl:variable name="before" select="../v[@name='archive'] | ../v[@name='container-title' or @name='collection-title' or @name='archive_collection'][current()/@name = 'publisher' or current()/@name = 'source'] | ../v[@name='publisher'][current()/@name = 'source']"/>
    <xsl:if test="not($before[translate(normalize-space(.), concat($UPPER, '.'), $LOWER) = $key] or $holders[translate(normalize-space(.), concat($UPPER, '.'), $LOWER) = $key])">
      <xsl:copy-of select="."/>
    </xsl:if>
  </xsl:template>

  <!-- a published source: the record as printed in a book (a chapter), or the book itself -->
  <xsl:template name="source-item">
    <xsl:param name="id"/>
    <xsl:param name="record-title"/>
    <xsl:variable name="m" select="tei:monogr[1]"/>
    <xsl:variable name="imp" select="$m/tei:imprint"/>
    <xsl:variable name="main-title" select="$m/tei:title[not(@type='translated' or @type='repository')][1]"/>
    <xsl:variable name="own-title" select="(tei:analytic/tei:title | $record-title)[1]"/>
    <item>
      <v name="id"><xsl:value-of select="$id"/></v>
      <xsl:variable name="book-title">
        <xsl:value-of select="normalize-space($main-title)"/>
        <xsl:for-each select="$m/tei:title[@type='translated'][1]">
          <xsl:value-of select="concat(' (', normalize-space(.), ')')"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="normalize-space($own-title)">
          <v name="type">chapter</v>
          <xsl:call-template name="var"><xsl:with-param name="name" select="'title'"/><xsl:with-param name="node" select="$own-title"/></xsl:call-template>
          <v name="container-title"><xsl:value-of select="$book-title"/></v>
        </xsl:when>
        <xsl:otherwise>
          <v name="type">book</v>
          <v name="title"><xsl:value-of select="$book-title"/></v>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="names"><xsl:with-param name="name" select="'author'"/><xsl:with-param name="nodes" select="tei:analytic/tei:author | $m/tei:author"/></xsl:call-template>
      <xsl:call-template name="names"><xsl:with-param name="name" select="'editor'"/><xsl:with-param name="nodes" select="$m/tei:editor[not(@role = 'translator')]"/></xsl:call-template>
      <xsl:call-template name="names">
        <xsl:with-param name="name" select="'translator'"/>
        <xsl:with-param name="nodes" select="$m/tei:editor[@role = 'translator'] | (tei:respStmt | $m/tei:respStmt)[contains(translate(tei:resp, $UPPER, $LOWER), 'translat')]/*[self::tei:persName or self::tei:name or self::tei:orgName]"/>
      </xsl:call-template>
      <xsl:call-template name="var"><xsl:with-param name="name" select="'publisher-place'"/><xsl:with-param name="node" select="$imp/tei:pubPlace[1]"/></xsl:call-template>
      <xsl:call-template name="var"><xsl:with-param name="name" select="'publisher'"/><xsl:with-param name="node" select="$imp/tei:publisher[1]"/></xsl:call-template>
      <xsl:call-template name="var"><xsl:with-param name="name" select="'volume'"/><xsl:with-param name="node" select="($imp | $m)/tei:biblScope[@unit='volume' or @unit='vol'][1]"/></xsl:call-template>
      <xsl:call-template name="var"><xsl:with-param name="name" select="'part-number'"/><xsl:with-param name="node" select="($imp | $m)/tei:biblScope[@unit='book' or @unit='part'][1]"/></xsl:call-template>
      <xsl:for-each select="($imp | $m)/tei:biblScope[@unit='book' or @unit='part'][1]">
        <v name="part-label" internal="yes"><xsl:value-of select="@unit"/></v>
      </xsl:for-each>
      <xsl:for-each select="($imp | $m)/tei:biblScope[@unit='page' or @unit='pp'][1]">
        <v name="page">
          <xsl:choose>
            <xsl:when test="@from and @to and @from != @to"><xsl:value-of select="concat(@from, '-', @to)"/></xsl:when>
            <xsl:when test="@from"><xsl:value-of select="@from"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="translate(normalize-space(.), '–', '-')"/></xsl:otherwise>
          </xsl:choose>
        </v>
      </xsl:for-each>
      <xsl:for-each select="$main-title[@xml:lang and not(starts-with(@xml:lang, 'en'))]">
        <v name="language"><xsl:value-of select="@xml:lang"/></v>
      </xsl:for-each>
      <xsl:call-template name="var"><xsl:with-param name="name" select="'URL'"/><xsl:with-param name="node" select="(tei:idno[@type='URL'] | $m/tei:idno[@type='URL'])[1]"/></xsl:call-template>
      <xsl:call-template name="date"><xsl:with-param name="name" select="'issued'"/><xsl:with-param name="node" select="$imp/tei:date[not(@type='unknown')][1]"/></xsl:call-template>
    </item>
  </xsl:template>

  <!-- a variable: the node's text as read (editorial insertions in brackets), normalised -->
  <xsl:template name="var">
    <xsl:param name="name"/>
    <xsl:param name="node"/>
    <xsl:if test="normalize-space($node)">
      <xsl:choose>
        <!-- names and places copied from library catalogues keep ISBD's punctuation
             ("Ann Arbor, MI ; Oxford (UK) :", "Text Creation Partnership,"): dropped at the end -->
        <xsl:when test="contains(' title publisher publisher-place collection-title container-title archive archive-place source ', concat(' ', $name, ' '))">
          <xsl:variable name="text"><xsl:call-template name="plain-text"><xsl:with-param name="node" select="$node[1]"/></xsl:call-template></xsl:variable>
          <xsl:variable name="trimmed"><xsl:call-template name="trim-isbd"><xsl:with-param name="s" select="normalize-space($text)"/><xsl:with-param name="full-stop" select="$name != 'title' and $name != 'archive' and $name != 'source'"/></xsl:call-template></xsl:variable>
          <xsl:if test="string($trimmed)"><v name="{$name}"><xsl:value-of select="$trimmed"/></v></xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <v name="{$name}"><xsl:call-template name="plain-text"><xsl:with-param name="node" select="$node[1]"/></xsl:call-template></v>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- $s without trailing ' ,:;/' (and, with $full-stop, a final '.' that ends no abbreviation:
       "Early English books online." but not "Smith & Co.", "A. B.", "Rome etc.") -->
  <xsl:template name="trim-isbd">
    <xsl:param name="s"/>
    <xsl:param name="full-stop" select="false()"/>
    <xsl:variable name="n" select="string-length($s)"/>
    <xsl:variable name="last" select="substring($s, $n)"/>
    <xsl:variable name="word" select="str:tokenize($s, ' ')[last()]"/>
    <xsl:choose>
      <xsl:when test="$n &gt; 1 and contains(' ,:;/', $last)">
        <xsl:call-template name="trim-isbd"><xsl:with-param name="s" select="normalize-space(substring($s, 1, $n - 1))"/><xsl:with-param name="full-stop" select="$full-stop"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$full-stop and $last = '.' and string-length($word) &gt; 4 and not(contains(substring($word, 1, string-length($word) - 1), '.')) and not(contains(' etc. Inc. Ltd. Bros. Corp. Dept. Univ. Assn. ', concat(' ', $word, ' ')))">
        <xsl:value-of select="substring($s, 1, $n - 1)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="names">
    <xsl:param name="name"/>
    <xsl:param name="nodes"/>
    <xsl:if test="$nodes[normalize-space()]">
      <names name="{$name}">
        <xsl:for-each select="$nodes[normalize-space()]">
          <xsl:variable name="i" select="position()"/>
          <xsl:variable name="said" select="normalize-space(.)"/>
          <!-- a person named twice (an editor also in a respStmt as editor) is one name -->
          <xsl:if test="not($nodes[normalize-space()][position() &lt; $i][normalize-space(.) = $said])">
          <xsl:choose>
            <!-- one editor element naming several people -->
            <xsl:when test="count(tei:persName | tei:name | tei:orgName) &gt; 1">
              <xsl:for-each select="(tei:persName | tei:name | tei:orgName)[normalize-space()]"><xsl:call-template name="one-name"/></xsl:for-each>
            </xsl:when>
            <xsl:otherwise><xsl:call-template name="one-name"/></xsl:otherwise>
          </xsl:choose>
          </xsl:if>
        </xsl:for-each>
      </names>
    </xsl:if>
  </xsl:template>

  <!-- a name: persName (or the element itself) with surname and forename parts; an organisation;
       else the text without identifiers (DraCor puts Wikidata ids inside author) -->
  <xsl:template name="one-name">
    <xsl:variable name="p" select="(self::tei:persName | tei:persName | self::*[tei:surname])[1]"/>
    <xsl:variable name="sur" select="$p/tei:surname[1]"/>
    <xsl:variable name="fore" select="$p/tei:forename"/>
    <xsl:variable name="raw"><xsl:apply-templates select="(tei:persName | tei:orgName)[1] | self::*[not(tei:persName or tei:orgName)]" mode="name-text"/></xsl:variable>
    <xsl:variable name="plain0" select="normalize-space(translate($raw, '&#x200e;&#x200f;', ''))"/>
    <xsl:variable name="plain" select="substring($plain0, 1, string-length($plain0) - (substring($plain0, string-length($plain0) - 1) = ').'))"/>
    <!-- a catalogue heading's life dates left out: "Avicenna, d. 980-1037", "… (d. 560 A.H.)" -->
    <xsl:variable name="paren" select="substring-after($plain, ' (')"/>
    <xsl:variable name="undated" select="normalize-space(substring($plain, 1, string-length($plain) - (string-length($paren) + 2) * (substring($plain, string-length($plain)) = ')' and translate($paren, '0123456789', '') != $paren and not(contains($paren, '(')))))"/>
    <xsl:variable name="last" select="str:tokenize($undated, ',')[last()]"/>
    <xsl:variable name="text" select="normalize-space(substring($undated, 1, string-length($undated) - (string-length($last) + 1) * (contains($undated, ',') and translate($last, '0123456789', '') != $last and string-length($last) &lt; 40 and translate(substring(normalize-space($last), 1, 1), concat($UPPER, '&#x2BB;&#x2BF;'), '') != '')))"/>
    <xsl:choose>
      <xsl:when test="self::tei:orgName or (tei:orgName and not(tei:persName))">
        <name literal="{$text}" corporate="yes"/>
      </xsl:when>
      <xsl:when test="$sur and $fore and $fore[1]/preceding-sibling::tei:surname">
        <name literal="{normalize-space(concat($sur, ' ', $fore[1]))}" family="{normalize-space($sur)}" given="{normalize-space($fore[1])}" order="family-first"/>
      </xsl:when>
      <xsl:when test="$sur and $fore">
        <name family="{normalize-space($sur)}" given="{normalize-space(concat($fore[1], ' ', $fore[2]))}"/>
      </xsl:when>
      <!-- "Family, Given": a family name of up to three words ("Alī b. Dā'ūd …, Al-Malik" is no
           surname), a given name not starting in lower case ("Arnaldus, de Villanova" is a forename
           and a byname) -->
      <xsl:when test="string-length(translate(substring-before($text, ', '), ' ', '')) &lt; string-length(substring-before($text, ', ')) - 2 or translate(substring(substring-after($text, ', '), 1, 1), $LOWER, '') = '' and contains($text, ', ')"><name literal="{$text}"/></xsl:when>
      <xsl:when test="contains($text, ', ') and not(contains(substring-after($text, ', '), ',')) and translate($text, '0123456789()', '') = $text">
        <name family="{substring-before($text, ', ')}" given="{substring-after($text, ', ')}"/>
      </xsl:when>
      <!-- a catalogue heading: "Psalmanazar, George, 1679?-1763." -->
      <xsl:when test="contains($text, ', ') and contains(substring-after($text, ', '), ', ') and translate(substring-before(substring-after($text, ', '), ','), '0123456789', '') = substring-before(substring-after($text, ', '), ',') and translate(substring-after(substring-after($text, ', '), ', '), '0123456789', '') != substring-after(substring-after($text, ', '), ', ')">
        <name family="{substring-before($text, ', ')}" given="{substring-before(substring-after($text, ', '), ',')}"/>
      </xsl:when>
      <xsl:otherwise>
        <name literal="{$text}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:idno | tei:ptr | tei:note | tei:email | tei:affiliation | tei:date | tei:birth | tei:death" mode="name-text"/>
  <xsl:template match="tei:supplied" mode="name-text">[<xsl:apply-templates mode="name-text"/>]</xsl:template>
  <xsl:template match="*" mode="name-text"><xsl:text> </xsl:text><xsl:apply-templates mode="name-text"/><xsl:text> </xsl:text></xsl:template>

  <!-- a date: @when, @notBefore or @from; else the text, ISO ("1895", "2017-10") or prose
       ("October, 2017", "June 18, 1949", "3. Mai 1890") -->
  <xsl:template name="date">
    <xsl:param name="name"/>
    <xsl:param name="node"/>
    <xsl:variable name="attr" select="normalize-space(($node/@when | $node/@notBefore | $node/@from | $node/@when-iso)[1])"/>
    <xsl:variable name="text" select="normalize-space($node)"/>
    <xsl:variable name="iso">
      <xsl:choose>
        <xsl:when test="$attr"><xsl:value-of select="$attr"/></xsl:when>
        <xsl:when test="string-length($text) &gt;= 4 and translate(substring($text, 1, 4), '0123456789', '') = '' and (string-length($text) = 4 or not(contains('0123456789', substring($text, 5, 1))))"><xsl:value-of select="$text"/></xsl:when>
        <xsl:when test="$text"><xsl:call-template name="prose-date"><xsl:with-param name="text" select="$text"/></xsl:call-template></xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="iso-date"><xsl:with-param name="name" select="$name"/><xsl:with-param name="iso" select="$iso"/></xsl:call-template>
  </xsl:template>

  <!-- <date name y m d> from an ISO date (YYYY, YYYY-MM, YYYY-MM-DD), with <end y m d/> when a
       range has an end -->
  <xsl:template name="iso-date">
    <xsl:param name="name"/>
    <xsl:param name="iso"/>
    <xsl:param name="end" select="''"/>
    <xsl:param name="element" select="'date'"/>
    <xsl:if test="string-length($iso) &gt;= 4 and translate(substring($iso, 1, 4), '0123456789', '') = ''">
      <xsl:element name="{$element}">
        <xsl:if test="$name"><xsl:attribute name="name"><xsl:value-of select="$name"/></xsl:attribute></xsl:if>
        <xsl:attribute name="y"><xsl:value-of select="number(substring($iso, 1, 4))"/></xsl:attribute>
        <xsl:if test="substring($iso, 5, 1) = '-' and string(number(substring($iso, 6, 2))) != 'NaN' and number(substring($iso, 6, 2)) &gt;= 1 and number(substring($iso, 6, 2)) &lt;= 12">
          <xsl:attribute name="m"><xsl:value-of select="number(substring($iso, 6, 2))"/></xsl:attribute>
          <xsl:if test="substring($iso, 8, 1) = '-' and string(number(substring($iso, 9, 2))) != 'NaN' and number(substring($iso, 9, 2)) &gt;= 1">
            <xsl:attribute name="d"><xsl:value-of select="number(substring($iso, 9, 2))"/></xsl:attribute>
          </xsl:if>
        </xsl:if>
        <xsl:if test="$end">
          <xsl:call-template name="iso-date"><xsl:with-param name="name" select="''"/><xsl:with-param name="iso" select="$end"/><xsl:with-param name="element" select="'end'"/></xsl:call-template>
        </xsl:if>
      </xsl:element>
    </xsl:if>
  </xsl:template>

  <xsl:variable name="MONTHS" select="' jan01 feb02 fev02 fév02 mar03 mär03 apr04 avr04 may05 mai05 jun06 jul07 aug08 aoû08 sep09 oct10 okt10 nov11 dec12 dez12 déc12 '"/>

  <!-- prose date to ISO (YYYY, YYYY-MM or YYYY-MM-DD): the first year, an English, German or
       French month name, a day beside it; empty when no year -->
  <xsl:template name="prose-date">
    <xsl:param name="text"/>
    <xsl:variable name="tokens" select="str:tokenize(translate($text, '.,;:()[]/–?', '           '), ' -')"/>
    <xsl:variable name="year" select="$tokens[string-length(.) = 4 and translate(., '0123456789', '') = '' and . &gt;= 1000 and . &lt; 2200][1]"/>
    <xsl:variable name="month-token" select="$tokens[string-length(.) &gt;= 3 and translate(., '0123456789', '') = . and contains($MONTHS, concat(' ', substring(translate(., $UPPER, $LOWER), 1, 3)))][1]"/>
    <xsl:variable name="month" select="substring(substring-after($MONTHS, concat(' ', substring(translate($month-token, $UPPER, $LOWER), 1, 3))), 1, 2)"/>
    <xsl:variable name="day" select="$tokens[string-length(.) &lt;= 2 and translate(., '0123456789', '') = '' and . &gt;= 1 and . &lt;= 31][1]"/>
    <xsl:if test="$year">
      <xsl:value-of select="$year"/>
      <xsl:if test="$month">
        <xsl:value-of select="concat('-', $month)"/>
        <xsl:if test="$day"><xsl:value-of select="concat('-', format-number($day, '00'))"/></xsl:if>
      </xsl:if>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
