<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared test: is a note's text missing from the source?
  The reader writes such a note as <note><gap reason="notInSource"/></note> (the marker is in the
  source, the note's text is not). key('note-text-missing', generate-id()) is non-empty for such
  a note and empty for any other node, so a stylesheet asks it in a test or a predicate:
    <xsl:if test="key('note-text-missing', generate-id())">…</xsl:if>
    tei:note[not(key('note-text-missing', generate-id()))]
  Used by the html, text, markdown and json exports. No parameters.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">
  <xsl:key name="note-text-missing" use="generate-id()"
           match="tei:note[count(node()[normalize-space() or self::*]) = 1 and tei:gap[@reason='notInSource']]"/>
</xsl:stylesheet>
