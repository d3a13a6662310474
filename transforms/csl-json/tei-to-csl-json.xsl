<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI header -> CSL-JSON (an array of items; see common/csl.xsl for which items and fields).
  Names: {"family","given"} for a personal name written given-name first; for one written
  family-name first (Chinese order, surname before forename in the TEI) {"family","given",
  "literal","static-ordering": true}; organisations and unstructured names as {"literal"}.
  Dates: {"date-parts": [[y, m, d]]} at the precision of the TEI; a range (a manuscript dated
  1300-1400) as {"date-parts": [[1300], [1400]]}.
  Parameter helpers: 'no' (default) leaves out the model's helpers (shelfmark, language-name,
  part-label); 'yes' keeps them, for the styled citations.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="exsl">
  <xsl:import href="../common/csl.xsl"/>
  <xsl:import href="../common/json.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="helpers" select="'no'"/>

  <xsl:template match="/">
    <xsl:variable name="model"><xsl:call-template name="csl-model"/></xsl:variable>
    <xsl:text>[</xsl:text>
    <xsl:for-each select="exsl:node-set($model)/items/item">
      <xsl:if test="position() &gt; 1">,</xsl:if>
      <xsl:text>&#10;  {</xsl:text>
      <xsl:for-each select="*[not(@internal) or $helpers = 'yes']">
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

  <xsl:template match="v" mode="json">
    <xsl:call-template name="json-string"><xsl:with-param name="s" select="."/></xsl:call-template>
  </xsl:template>

  <xsl:template match="names" mode="json">
    <xsl:text>[</xsl:text>
    <xsl:for-each select="name">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:text>{</xsl:text>
      <xsl:for-each select="@family | @given | @literal">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:call-template name="json-string"><xsl:with-param name="s" select="name()"/></xsl:call-template>
        <xsl:text>: </xsl:text>
        <xsl:call-template name="json-string"><xsl:with-param name="s" select="."/></xsl:call-template>
      </xsl:for-each>
      <xsl:if test="@order = 'family-first'">, "static-ordering": true</xsl:if>
      <xsl:text>}</xsl:text>
    </xsl:for-each>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="date" mode="json">
    <xsl:text>{"date-parts": [[</xsl:text>
    <xsl:value-of select="@y"/>
    <xsl:if test="@m">, <xsl:value-of select="@m"/></xsl:if>
    <xsl:if test="@d">, <xsl:value-of select="@d"/></xsl:if>
    <xsl:for-each select="end">
      <xsl:text>], [</xsl:text>
      <xsl:value-of select="@y"/>
      <xsl:if test="@m">, <xsl:value-of select="@m"/></xsl:if>
      <xsl:if test="@d">, <xsl:value-of select="@d"/></xsl:if>
    </xsl:for-each>
    <xsl:text>]]}</xsl:text>
  </xsl:template>
</xsl:stylesheet>
