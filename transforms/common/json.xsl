<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared templates: JSON output from XSLT 1.0.
  json-string   $s as a JSON string literal (quotes, backslash, newline, carriage return, tab escaped).
  No parameters.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="str">
  <xsl:template name="json-string">
    <xsl:param name="s"/>
    <xsl:choose>
      <!-- nothing to escape, the usual case: no five replacements -->
      <xsl:when test="translate($s, '\&quot;&#10;&#13;&#9;', '') = string($s)">"<xsl:value-of select="$s"/>"</xsl:when>
      <xsl:otherwise><xsl:call-template name="json-escaped"><xsl:with-param name="s" select="$s"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="json-escaped">
    <xsl:param name="s"/>
    <xsl:variable name="a" select="str:replace(string($s), '\', '\\')"/>
    <xsl:variable name="b" select="str:replace($a, '&quot;', '\&quot;')"/>
    <xsl:variable name="c" select="str:replace(str:replace(str:replace($b, '&#10;', '\n'), '&#13;', '\r'), '&#9;', '\t')"/>
    <xsl:text>"</xsl:text><xsl:value-of select="$c"/><xsl:text>"</xsl:text>
  </xsl:template>
</xsl:stylesheet>
