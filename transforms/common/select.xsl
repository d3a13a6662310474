<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared templates: choosing divisions by language.
  lang-wanted: 'true' when the context element's xml:lang matches $want ('all', a tag, or a
  prefix of a tag at a subtag boundary: 'zh' matches 'zh-Hans'). No parameters of its own.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">
  <xsl:template name="lang-wanted">
    <xsl:param name="want" select="'all'"/>
    <xsl:param name="tag" select="string(ancestor-or-self::*[@xml:lang][1]/@xml:lang)"/>
    <xsl:variable name="w" select="translate($want, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:variable name="t" select="translate($tag, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:value-of select="$w = 'all' or $w = $t or starts-with($t, concat($w, '-'))"/>
  </xsl:template>
</xsl:stylesheet>
