<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI header -> RIS, one record per CSL item of common/csl.xsl, tagged as Zotero's RIS
  translator reads them (zotero/translators RIS.js: fieldMap, exportTypeMap).

  TY: MANSCPT (manuscript: an archive's record), CHAP (the record as printed in a book),
  BOOK, PCOMM (letter), GEN otherwise. Tags: ID, TI, AU (authors), A2 (a chapter's editors; a
  letter's recipients), A3 (the editors of a book, or of a letter's edition: Zotero's A2 of a
  letter is its recipient), A4 (translators), T2 (the book of a chapter, the
  series of a book), PB, CY, VL, SP/EP (a chapter's pages; a book's cited pages go to N1, since
  Zotero reads a book's SP as its number of pages), PY (year), DA (YYYY/MM/DD; a range's start:
  RIS has no range, Zotero drops DA's fourth part), M3 (type of
  manuscript or letter), DB (archive), AN (archive location), DP (the catalogue:
  libraryCatalog), LA (the language's name when the header gives one), UR, AB, N1 (a book or
  part of a volume: "Book 2"), ER. Every name as printed: "Family, Given" for a personal name
  written given-name first, otherwise the name as written.
  Line breaks inside values are folded to spaces. No parameters.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="exsl">
  <xsl:import href="../common/csl.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="model"><xsl:call-template name="csl-model"/></xsl:variable>
    <xsl:apply-templates select="exsl:node-set($model)/items/item" mode="ris"/>
  </xsl:template>

  <xsl:template match="item" mode="ris">
    <xsl:variable name="type" select="string(v[@name='type'])"/>
    <xsl:call-template name="tag">
      <xsl:with-param name="tag" select="'TY'"/>
      <xsl:with-param name="value">
        <xsl:choose>
          <xsl:when test="$type = 'manuscript'">MANSCPT</xsl:when>
          <xsl:when test="$type = 'chapter'">CHAP</xsl:when>
          <xsl:when test="$type = 'book'">BOOK</xsl:when>
          <xsl:when test="$type = 'letter'">PCOMM</xsl:when>
          <xsl:otherwise>GEN</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="tag"><xsl:with-param name="tag" select="'ID'"/><xsl:with-param name="value" select="v[@name='id']"/></xsl:call-template>
    <xsl:call-template name="tag"><xsl:with-param name="tag" select="'TI'"/><xsl:with-param name="value" select="v[@name='title']"/></xsl:call-template>
    <xsl:for-each select="names[@name='author']/name"><xsl:call-template name="name-tag"><xsl:with-param name="tag" select="'AU'"/></xsl:call-template></xsl:for-each>
    <xsl:for-each select="names[@name='recipient']/name"><xsl:call-template name="name-tag"><xsl:with-param name="tag" select="'A2'"/></xsl:call-template></xsl:for-each>
    <xsl:for-each select="names[@name='editor']/name">
      <xsl:call-template name="name-tag">
        <xsl:with-param name="tag">
          <xsl:choose>
            <xsl:when test="$type = 'book' or $type = 'letter'">A3</xsl:when>
            <xsl:otherwise>A2</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="names[@name='translator']/name"><xsl:call-template name="name-tag"><xsl:with-param name="tag" select="'A4'"/></xsl:call-template></xsl:for-each>
    <xsl:call-template name="tag"><xsl:with-param name="tag" select="'T2'"/><xsl:with-param name="value" select="(v[@name='container-title'] | v[@name='collection-title'])[1]"/></xsl:call-template>
    <xsl:call-template name="tag"><xsl:with-param name="tag" select="'PB'"/><xsl:with-param name="value" select="v[@name='publisher']"/></xsl:call-template>
    <xsl:call-template name="tag"><xsl:with-param name="tag" select="'CY'"/><xsl:with-param name="value" select="(v[@name='publisher-place'] | v[@name='archive-place'])[1]"/></xsl:call-template>
    <xsl:call-template name="tag"><xsl:with-param name="tag" select="'VL'"/><xsl:with-param name="value" select="v[@name='volume']"/></xsl:call-template>
    <xsl:for-each select="v[@name='page']">
      <xsl:choose>
        <xsl:when test="$type = 'book'">
          <xsl:call-template name="tag"><xsl:with-param name="tag" select="'N1'"/><xsl:with-param name="value" select="concat('Pages: ', .)"/></xsl:call-template>
        </xsl:when>
        <xsl:when test="contains(., '-')">
          <xsl:call-template name="tag"><xsl:with-param name="tag" select="'SP'"/><xsl:with-param name="value" select="substring-before(., '-')"/></xsl:call-template>
          <xsl:call-template name="tag"><xsl:with-param name="tag" select="'EP'"/><xsl:with-param name="value" select="substring-after(., '-')"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="tag"><xsl:with-param name="tag" select="'SP'"/><xsl:with-param name="value" select="."/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:for-each select="date[@name='issued']">
      <xsl:call-template name="tag"><xsl:with-param name="tag" select="'PY'"/><xsl:with-param name="value" select="format-number(@y, '0000')"/></xsl:call-template>
      <xsl:call-template name="tag">
        <xsl:with-param name="tag" select="'DA'"/>
        <xsl:with-param name="value">
          <xsl:value-of select="format-number(@y, '0000')"/>/<xsl:if test="@m"><xsl:value-of select="format-number(@m, '00')"/></xsl:if>/<xsl:if test="@d"><xsl:value-of select="format-number(@d, '00')"/></xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="tag"><xsl:with-param name="tag" select="'M3'"/><xsl:with-param name="value" select="v[@name='genre']"/></xsl:call-template>
    <xsl:call-template name="tag"><xsl:with-param name="tag" select="'DB'"/><xsl:with-param name="value" select="v[@name='archive']"/></xsl:call-template>
    <xsl:call-template name="tag"><xsl:with-param name="tag" select="'AN'"/><xsl:with-param name="value" select="v[@name='archive_location']"/></xsl:call-template>
    <xsl:call-template name="tag"><xsl:with-param name="tag" select="'DP'"/><xsl:with-param name="value" select="v[@name='source']"/></xsl:call-template>
    <xsl:call-template name="tag"><xsl:with-param name="tag" select="'LA'"/><xsl:with-param name="value" select="(v[@name='language-name'] | v[@name='language'][not(../v[@name='language-name'])])[1]"/></xsl:call-template>
    <xsl:call-template name="tag"><xsl:with-param name="tag" select="'UR'"/><xsl:with-param name="value" select="v[@name='URL']"/></xsl:call-template>
    <xsl:call-template name="tag"><xsl:with-param name="tag" select="'AB'"/><xsl:with-param name="value" select="v[@name='abstract']"/></xsl:call-template>
    <xsl:for-each select="v[@name='part-number']">
      <xsl:call-template name="tag">
        <xsl:with-param name="tag" select="'N1'"/>
        <xsl:with-param name="value">
          <xsl:choose>
            <xsl:when test="../v[@name='part-label'] = 'book'">Book </xsl:when>
            <xsl:otherwise>Part </xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="."/>
          <xsl:for-each select="../v[@name='volume']"> of volume <xsl:value-of select="."/></xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:text>ER  - &#10;</xsl:text>
  </xsl:template>

  <xsl:template name="name-tag">
    <xsl:param name="tag"/>
    <xsl:call-template name="tag">
      <xsl:with-param name="tag" select="$tag"/>
      <xsl:with-param name="value">
        <xsl:choose>
          <xsl:when test="@literal"><xsl:value-of select="@literal"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat(@family, ', ', @given)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="tag">
    <xsl:param name="tag"/>
    <xsl:param name="value"/>
    <xsl:if test="normalize-space($value)">
      <xsl:value-of select="concat($tag, '  - ', normalize-space($value), '&#10;')"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
