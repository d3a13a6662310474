<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared templates: choosing divisions by language.
  sel:lang-matches($want, $tag): true when the language tag $tag matches $want ('all', a tag, or a
  prefix of a tag at a subtag boundary: 'zh' matches 'zh-Hans'), case-insensitively ('ZH' = 'zh',
  as BCP 47 tags are). The one place this is decided (EXSLT func:function, run by libxslt).
  lang-wanted: 'true' or 'false', sel:lang-matches of $want and the context element's xml:lang.
  No parameters of its own.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:func="http://exslt.org/functions"
    xmlns:sel="urn:teikit:select"
    extension-element-prefixes="func"
    exclude-result-prefixes="tei sel">
  <xsl:template name="lang-wanted">
    <xsl:param name="want" select="'all'"/>
    <xsl:param name="tag" select="string(ancestor-or-self::*[@xml:lang][1]/@xml:lang)"/>
    <xsl:value-of select="sel:lang-matches($want, $tag)"/>
  </xsl:template>

  <func:function name="sel:lang-matches">
    <xsl:param name="want"/>
    <xsl:param name="tag"/>
    <xsl:variable name="w" select="translate($want, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:variable name="t" select="translate($tag, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <func:result select="$w = 'all' or $w = $t or starts-with($t, concat($w, '-'))"/>
  </func:function>
</xsl:stylesheet>
