<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI alignment -> TMX 1.4 translation memory: one translation unit per bead of
  standOff/linkGrp[@type='translation'] that has sentences in two languages (1:0 and 0:1 beads,
  link[@type='unaligned'], are left out). A bead's sentences in one language form one segment,
  as plain text (editorial insertions in brackets, note anchors left out).

  Parameters:
    srclang   source language of the memory (default: the xml:lang of the division with
              type="original", else of the first language division)
    version   creationtoolversion in the header (default '0')
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="tei str">
  <xsl:import href="../common/plain.xsl"/>
  <xsl:import href="../common/csl.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="srclang" select="''"/>
  <xsl:param name="version" select="'0'"/>

  <xsl:key name="by-id" match="tei:s[@xml:id]" use="@xml:id"/>

  <!-- note anchors are not part of a translation unit; a spurious break is no break -->
  <xsl:template match="tei:ref[@type='noteAnchor'] | tei:milestone[@type='spuriousBreak']" mode="plain"/>

  <xsl:variable name="divs" select="(//tei:TEI)[1]/tei:text/tei:body/tei:div[@xml:lang]"/>
  <xsl:variable name="source-lang">
    <xsl:choose>
      <xsl:when test="$srclang != ''"><xsl:value-of select="$srclang"/></xsl:when>
      <xsl:when test="$divs[@type='original']"><xsl:value-of select="$divs[@type='original'][1]/@xml:lang"/></xsl:when>
      <xsl:when test="$divs"><xsl:value-of select="$divs[1]/@xml:lang"/></xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="doc-id">
    <xsl:call-template name="record-id"><xsl:with-param name="fd" select="(//tei:TEI)[1]/tei:teiHeader/tei:fileDesc"/></xsl:call-template>
  </xsl:variable>

  <xsl:template match="/">
    <tmx version="1.4">
      <header creationtool="teikit" creationtoolversion="{$version}" segtype="sentence"
              o-tmf="TEI P5" adminlang="en" srclang="{$source-lang}" datatype="plaintext"/>
      <body>
        <xsl:for-each select="(//tei:TEI)[1]/tei:standOff/tei:linkGrp[@type='translation']/tei:link">
          <xsl:variable name="sentences" select="key('by-id', str:tokenize(translate(@target, '#', ' '), ' '))"/>
          <xsl:if test="not(@type = 'unaligned') and count($divs[@xml:lang = $sentences/ancestor::tei:div[@xml:lang][1]/@xml:lang]) &gt; 1">
            <tu tuid="{$doc-id}-b{position()}">
              <xsl:for-each select="$divs[@xml:lang = $source-lang]">
                <xsl:call-template name="tuv"><xsl:with-param name="sentences" select="$sentences"/></xsl:call-template>
              </xsl:for-each>
              <xsl:for-each select="$divs[not(@xml:lang = $source-lang)]">
                <xsl:call-template name="tuv"><xsl:with-param name="sentences" select="$sentences"/></xsl:call-template>
              </xsl:for-each>
            </tu>
          </xsl:if>
        </xsl:for-each>
      </body>
    </tmx>
  </xsl:template>

  <!-- context: a language division; the bead's sentences that lie in it -->
  <xsl:template name="tuv">
    <xsl:param name="sentences"/>
    <xsl:variable name="div" select="."/>
    <xsl:variable name="mine" select="$sentences[generate-id(ancestor::tei:div[@xml:lang][1]) = generate-id($div)]"/>
    <xsl:if test="$mine">
      <xsl:variable name="sep">
        <xsl:if test="not(starts-with(@xml:lang, 'zh') or starts-with(@xml:lang, 'ja'))"><xsl:text> </xsl:text></xsl:if>
      </xsl:variable>
      <tuv xml:lang="{@xml:lang}">
        <seg>
          <xsl:for-each select="$mine">
            <xsl:if test="position() &gt; 1"><xsl:value-of select="$sep"/></xsl:if>
            <xsl:call-template name="plain-text"/>
          </xsl:for-each>
        </seg>
      </tuv>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
