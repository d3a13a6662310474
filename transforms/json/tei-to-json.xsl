<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI -> JSON: the document's segments, alignment beads, entities and notes.

    {"id", "title", "languages": [tags of the language divisions],
     "segments": [{"id", "lang", "block" (id of the enclosing p/head/…, or null), "text"}],
     "beads":    [{"n", "type" ("aligned"|"unaligned"), "segments": [ids, English first]}],
     "entities": [{"id", "type" (person|place|org), "names": {lang: main name}, "wikidata" (or null),
                   "mentions": [ids of the segments that name it]}],
     "notes":    [{"id", "n", "lang", "text" (null when the note's text is not in the source)}]}

  Segments are the sentences (s); TEI without sentences gets one segment per paragraph-like
  block (p, head, ab, l, item, note). Text is plain (editorial insertions in brackets).
  "beads" and "entities" are empty lists when the document has no alignment or authority records.

  Parameters:
    lang  'all' (default) or a language tag/prefix: only the segments of matching divisions.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:str="http://exslt.org/strings"
    xmlns:sel="urn:teikit:select"
    exclude-result-prefixes="tei str sel">
  <xsl:import href="../common/plain.xsl"/>
  <xsl:import href="../common/json.xsl"/>
  <xsl:import href="../common/select.xsl"/>
  <xsl:import href="../common/notes.xsl"/>
  <xsl:import href="../common/entities.xsl"/>
  <xsl:import href="../common/csl.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="lang" select="'all'"/>

  <xsl:key name="mention" match="tei:text//*[@ref]" use="str:tokenize(translate(@ref, '#', ' '), ' ')"/>

  <xsl:key name="sentence" match="tei:s[@xml:id]" use="@xml:id"/>

  <xsl:variable name="tei" select="(//tei:TEI)[1]"/>
  <xsl:variable name="sentences" select="//tei:text//tei:s"/>
  <xsl:variable name="blocks" select="//tei:text//*[self::tei:p or self::tei:head or self::tei:ab or self::tei:l or self::tei:item or self::tei:note][not(ancestor::tei:p or ancestor::tei:head or ancestor::tei:ab or ancestor::tei:l or ancestor::tei:item or ancestor::tei:note)]"/>

  <xsl:template match="/">
    <xsl:text>{&#10;  "id": </xsl:text>
    <xsl:variable name="id"><xsl:call-template name="record-id"><xsl:with-param name="fd" select="$tei/tei:teiHeader/tei:fileDesc"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="json-string"><xsl:with-param name="s" select="$id"/></xsl:call-template>
    <xsl:text>,&#10;  "title": </xsl:text>
    <xsl:variable name="ts" select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <xsl:variable name="title"><xsl:call-template name="plain-text"><xsl:with-param name="node" select="($ts/tei:title[@type='main'] | $ts/tei:title)[1]"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="json-string"><xsl:with-param name="s" select="$title"/></xsl:call-template>
    <xsl:text>,&#10;  "languages": [</xsl:text>
    <xsl:for-each select="$tei/tei:text/tei:body/tei:div[@xml:lang]">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:call-template name="json-string"><xsl:with-param name="s" select="@xml:lang"/></xsl:call-template>
    </xsl:for-each>
    <xsl:text>],&#10;  "segments": [</xsl:text>
    <xsl:choose>
      <xsl:when test="$sentences"><xsl:call-template name="segments"><xsl:with-param name="nodes" select="$sentences"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="segments"><xsl:with-param name="nodes" select="$blocks"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;  ],&#10;  "beads": [</xsl:text>
    <xsl:for-each select="$tei/tei:standOff/tei:linkGrp[@type='translation']/tei:link">
      <xsl:if test="position() &gt; 1">,</xsl:if>
      <xsl:text>&#10;    {"n": </xsl:text><xsl:value-of select="position()"/>
      <xsl:text>, "type": </xsl:text>
      <xsl:choose><xsl:when test="@type = 'unaligned'">"unaligned"</xsl:when><xsl:otherwise>"aligned"</xsl:otherwise></xsl:choose>
      <xsl:text>, "segments": [</xsl:text>
      <xsl:for-each select="key('sentence', str:tokenize(translate(@target, '#', ' '), ' '))">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:call-template name="json-string"><xsl:with-param name="s" select="@xml:id"/></xsl:call-template>
      </xsl:for-each>
      <xsl:text>]}</xsl:text>
    </xsl:for-each>
    <xsl:text>&#10;  ],&#10;  "entities": [</xsl:text>
    <xsl:for-each select="$tei/tei:standOff/*[self::tei:listPerson or self::tei:listPlace or self::tei:listOrg]/*[@xml:id]">
      <xsl:if test="position() &gt; 1">,</xsl:if>
      <xsl:call-template name="entity"/>
    </xsl:for-each>
    <xsl:text>&#10;  ],&#10;  "notes": [</xsl:text>
    <xsl:for-each select="$tei/tei:text/tei:back//tei:note[@xml:id]">
      <xsl:if test="position() &gt; 1">,</xsl:if>
      <xsl:text>&#10;    {"id": </xsl:text><xsl:call-template name="json-string"><xsl:with-param name="s" select="@xml:id"/></xsl:call-template>
      <xsl:text>, "n": </xsl:text><xsl:call-template name="json-string"><xsl:with-param name="s" select="@n"/></xsl:call-template>
      <xsl:text>, "lang": </xsl:text><xsl:call-template name="json-string"><xsl:with-param name="s" select="ancestor-or-self::*[@xml:lang][1]/@xml:lang"/></xsl:call-template>
      <xsl:text>, "text": </xsl:text>
      <xsl:choose>
        <xsl:when test="key('note-text-missing', generate-id())">null</xsl:when>
        <xsl:otherwise>
          <xsl:variable name="t"><xsl:call-template name="plain-text"/></xsl:variable>
          <xsl:call-template name="json-string"><xsl:with-param name="s" select="$t"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text>}</xsl:text>
    </xsl:for-each>
    <xsl:text>&#10;  ]&#10;}&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="segments">
    <xsl:param name="nodes"/>
    <xsl:variable name="wanted-nodes" select="$nodes[sel:lang-matches($lang, string(ancestor-or-self::*[@xml:lang][1]/@xml:lang))]"/>
    <xsl:for-each select="$wanted-nodes">
      <xsl:if test="position() &gt; 1">,</xsl:if>
      <xsl:variable name="block" select="ancestor::*[self::tei:p or self::tei:head or self::tei:ab or self::tei:l or self::tei:item or self::tei:salute or self::tei:dateline or self::tei:signed][@xml:id][1]"/>
      <xsl:variable name="t"><xsl:call-template name="plain-text"/></xsl:variable>
      <xsl:text>&#10;    {"id": </xsl:text>
      <xsl:choose>
        <xsl:when test="@xml:id"><xsl:call-template name="json-string"><xsl:with-param name="s" select="@xml:id"/></xsl:call-template></xsl:when>
        <xsl:otherwise>null</xsl:otherwise>
      </xsl:choose>
      <xsl:text>, "lang": </xsl:text>
      <xsl:variable name="l" select="ancestor-or-self::*[@xml:lang][1]/@xml:lang"/>
      <xsl:choose>
        <xsl:when test="$l"><xsl:call-template name="json-string"><xsl:with-param name="s" select="$l"/></xsl:call-template></xsl:when>
        <xsl:otherwise>null</xsl:otherwise>
      </xsl:choose>
      <xsl:text>, "block": </xsl:text>
      <xsl:choose>
        <xsl:when test="$block"><xsl:call-template name="json-string"><xsl:with-param name="s" select="$block/@xml:id"/></xsl:call-template></xsl:when>
        <xsl:otherwise>null</xsl:otherwise>
      </xsl:choose>
      <xsl:text>, "text": </xsl:text>
      <xsl:call-template name="json-string"><xsl:with-param name="s" select="$t"/></xsl:call-template>
      <xsl:text>}</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="entity">
    <xsl:variable name="url"><xsl:call-template name="entity-url"/></xsl:variable>
    <xsl:text>&#10;    {"id": </xsl:text><xsl:call-template name="json-string"><xsl:with-param name="s" select="@xml:id"/></xsl:call-template>
    <xsl:text>, "type": </xsl:text><xsl:call-template name="json-string"><xsl:with-param name="s" select="local-name()"/></xsl:call-template>
    <xsl:text>, "names": {</xsl:text>
    <xsl:for-each select="*[self::tei:persName or self::tei:placeName or self::tei:orgName][not(@type)][not(@xml:lang = preceding-sibling::*[not(@type)]/@xml:lang)]">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:call-template name="json-string"><xsl:with-param name="s" select="string(@xml:lang)"/></xsl:call-template>
      <xsl:text>: </xsl:text>
      <xsl:call-template name="json-string"><xsl:with-param name="s" select="normalize-space(.)"/></xsl:call-template>
    </xsl:for-each>
    <xsl:text>}, "wikidata": </xsl:text>
    <xsl:choose>
      <xsl:when test="string($url)"><xsl:call-template name="json-string"><xsl:with-param name="s" select="normalize-space(tei:idno[@type='wikidata'])"/></xsl:call-template></xsl:when>
      <xsl:otherwise>null</xsl:otherwise>
    </xsl:choose>
    <xsl:text>, "mentions": [</xsl:text>
    <xsl:for-each select="key('mention', @xml:id)/ancestor::tei:s[@xml:id][1]">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:call-template name="json-string"><xsl:with-param name="s" select="@xml:id"/></xsl:call-template>
    </xsl:for-each>
    <xsl:text>]}</xsl:text>
  </xsl:template>
</xsl:stylesheet>
