<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI header -> BibTeX (biblatex-compatible), one entry per CSL item of common/csl.xsl, typed
  as Zotero's BibTeX translator reads them (zotero/translators BibTeX.js: bibtex2zoteroTypeMap).

  Types: manuscript -> @unpublished (Zotero: manuscript), chapter -> @incollection (book
  section), book -> @book, letter -> @letter, otherwise @misc.
  Fields: title, booktitle, author, editor, translator, publisher, address, volume, part (a
  book or part of the volume), pages (a range with two hyphens; a book's cited pages go to note, since
  Zotero reads a book's pages as its number of pages), year, month, date (ISO; a range as
  biblatex writes it, 1300/1400, which Zotero keeps as the item's date), type (kind of
  manuscript), library (the archive), note (the archive and its location: what @unpublished
  prints), language, url, abstract.
  Names: "Family, Given" for personal names written given-name first; a name written family-name
  first (Chinese), an organisation or an unstructured name in braces ("{Mao Zedong}") so that
  BibTeX neither inverts nor abbreviates it.
  Special characters \ { } % &amp; $ # _ ~ ^ are escaped; other text is UTF-8.
  No parameters.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="exsl str">
  <xsl:import href="../common/csl.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="model"><xsl:call-template name="csl-model"/></xsl:variable>
    <xsl:for-each select="exsl:node-set($model)/items/item">
      <xsl:if test="position() &gt; 1"><xsl:text>&#10;</xsl:text></xsl:if>
      <xsl:apply-templates select="." mode="bibtex"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="item" mode="bibtex">
    <xsl:variable name="type" select="string(v[@name='type'])"/>
    <xsl:text>@</xsl:text>
    <xsl:choose>
      <xsl:when test="$type = 'manuscript'">unpublished</xsl:when>
      <xsl:when test="$type = 'chapter'">incollection</xsl:when>
      <xsl:when test="$type = 'book' or $type = 'letter'"><xsl:value-of select="$type"/></xsl:when>
      <xsl:otherwise>misc</xsl:otherwise>
    </xsl:choose>
    <xsl:text>{</xsl:text><xsl:value-of select="translate(v[@name='id'], ' ,{}', '____')"/>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'title'"/><xsl:with-param name="value" select="v[@name='title']"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'booktitle'"/><xsl:with-param name="value" select="v[@name='container-title'][$type = 'chapter']"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'series'"/><xsl:with-param name="value" select="v[@name='collection-title']"/></xsl:call-template>
    <xsl:apply-templates select="names[@name != 'recipient']" mode="bibtex"/>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'publisher'"/><xsl:with-param name="value" select="v[@name='publisher']"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'address'"/><xsl:with-param name="value" select="(v[@name='publisher-place'] | v[@name='archive-place'])[1]"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'volume'"/><xsl:with-param name="value" select="v[@name='volume']"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'part'"/><xsl:with-param name="value" select="v[@name='part-number']"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'pages'"/><xsl:with-param name="value" select="str:replace(string(v[@name='page'][$type != 'book']), '-', '--')"/></xsl:call-template>
    <xsl:for-each select="date[@name='issued']">
      <xsl:call-template name="field"><xsl:with-param name="key" select="'year'"/><xsl:with-param name="value" select="@y"/></xsl:call-template>
      <xsl:call-template name="field"><xsl:with-param name="key" select="'month'"/><xsl:with-param name="value" select="@m"/></xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="key" select="'date'"/>
        <xsl:with-param name="value">
          <xsl:value-of select="format-number(@y, '0000')"/>
          <xsl:if test="@m">-<xsl:value-of select="format-number(@m, '00')"/></xsl:if>
          <xsl:if test="@d">-<xsl:value-of select="format-number(@d, '00')"/></xsl:if>
          <xsl:for-each select="end">
            <xsl:value-of select="concat('/', format-number(@y, '0000'))"/>
            <xsl:if test="@m">-<xsl:value-of select="format-number(@m, '00')"/></xsl:if>
            <xsl:if test="@d">-<xsl:value-of select="format-number(@d, '00')"/></xsl:if>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'type'"/><xsl:with-param name="value" select="v[@name='genre']"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'library'"/><xsl:with-param name="value" select="v[@name='archive']"/></xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="'note'"/>
      <xsl:with-param name="value">
        <xsl:for-each select="v[@name='archive'] | v[@name='archive_location'] | v[@name='page'][$type = 'book']">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:if test="@name = 'page'">pages </xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'language'"/><xsl:with-param name="value" select="(v[@name='language-name'] | v[@name='language'][not(../v[@name='language-name'])])[1]"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'url'"/><xsl:with-param name="value" select="v[@name='URL']"/><xsl:with-param name="raw" select="true()"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'abstract'"/><xsl:with-param name="value" select="v[@name='abstract']"/></xsl:call-template>
    <xsl:text>&#10;}&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="names" mode="bibtex">
    <xsl:call-template name="field">
      <xsl:with-param name="key" select="@name"/>
      <xsl:with-param name="value">
        <xsl:for-each select="name">
          <xsl:if test="position() &gt; 1"> and </xsl:if>
          <xsl:choose>
            <xsl:when test="@literal">{<xsl:call-template name="escape"><xsl:with-param name="s" select="@literal"/></xsl:call-template>}</xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="escape"><xsl:with-param name="s" select="@family"/></xsl:call-template>
              <xsl:text>, </xsl:text>
              <xsl:call-template name="escape"><xsl:with-param name="s" select="@given"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:with-param>
      <xsl:with-param name="raw" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="field">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <xsl:param name="raw" select="false()"/>
    <xsl:if test="string($value) != ''">
      <xsl:text>,&#10;  </xsl:text><xsl:value-of select="$key"/><xsl:text> = {</xsl:text>
      <xsl:choose>
        <xsl:when test="$raw"><xsl:value-of select="$value"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="escape"><xsl:with-param name="s" select="$value"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
      <xsl:text>}</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="escape">
    <xsl:param name="s"/>
    <xsl:choose>
      <!-- nothing to escape, the usual case: no twelve replacements -->
      <xsl:when test="translate($s, '\{}%&amp;$#_~^', '') = string($s)"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="escape-all"><xsl:with-param name="s" select="$s"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="escape-all">
    <xsl:param name="s"/>
    <xsl:variable name="a" select="str:replace(string($s), '\', '&#xE000;')"/>
    <xsl:variable name="b" select="str:replace(str:replace($a, '{', '\{'), '}', '\}')"/>
    <xsl:variable name="c" select="str:replace(str:replace(str:replace($b, '%', '\%'), '&amp;', '\&amp;'), '$', '\$')"/>
    <xsl:variable name="d" select="str:replace(str:replace($c, '#', '\#'), '_', '\_')"/>
    <xsl:variable name="e" select="str:replace(str:replace($d, '~', '\textasciitilde{}'), '^', '\textasciicircum{}')"/>
    <xsl:value-of select="str:replace($e, '&#xE000;', '\textbackslash{}')"/>
  </xsl:template>
</xsl:stylesheet>
