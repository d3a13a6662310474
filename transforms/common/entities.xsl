<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared templates: authority records (standOff listPerson/listPlace/listOrg), alignment beads,
  and safe links.

  Keys:
    entity  person/place/org (anywhere in the document) by xml:id
    bead    link of a linkGrp[@type='translation'] by each '#id' in its @target
  Named templates:
    entity-url     Wikidata URL of an entity (idno[@type='wikidata'] as Q123 or a wikidata.org URL), or ''
    safe-href      $url when it is http(s), mailto or a same-document '#fragment'; otherwise ''
  No parameters.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="tei str">

  <!-- no [@xml:id] in the pattern: a record without one has no key value anyway, and a pattern
       without predicates lets libxml2 walk straight to the named elements (a third cheaper) -->
  <xsl:key name="entity" match="tei:person | tei:place | tei:org" use="@xml:id"/>
  <xsl:key name="bead" match="tei:linkGrp[@type='translation']/tei:link" use="str:tokenize(@target, ' ')"/>

  <xsl:template name="entity-url">
    <xsl:param name="entity" select="."/>
    <xsl:variable name="q" select="normalize-space($entity/tei:idno[@type='wikidata'][1])"/>
    <xsl:choose>
      <xsl:when test="$q = ''"/>
      <xsl:when test="starts-with($q, 'Q') and translate(substring($q, 2), '0123456789', '') = '' and string-length($q) &gt; 1">
        <xsl:value-of select="concat('https://www.wikidata.org/wiki/', $q)"/>
      </xsl:when>
      <xsl:when test="starts-with($q, 'https://www.wikidata.org/') or starts-with($q, 'http://www.wikidata.org/')">
        <xsl:value-of select="$q"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="safe-href">
    <xsl:param name="url"/>
    <xsl:variable name="u" select="normalize-space($url)"/>
    <xsl:variable name="lower" select="translate(substring($u, 1, 8), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:if test="not(contains($u, ' ')) and (starts-with($lower, 'http://') or starts-with($lower, 'https://') or starts-with($lower, 'mailto:') or (starts-with($u, '#') and string-length($u) &gt; 1))">
      <xsl:value-of select="$u"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
