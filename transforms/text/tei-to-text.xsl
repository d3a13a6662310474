<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI -> plain reading text, per language.

  Parameters:
    lang  'all' (default): every language division in document order;
          a language tag or its prefix ('en', 'zh', 'zh-Hans'): only the divisions of the body whose
          xml:lang starts with it, and the notes of that language.
          A document without language divisions (third-party TEI) is output whole whatever lang says.

  Output: one block (paragraph, heading, salutation, date line ...) per paragraph, blank lines
  between; editorial insertions in [brackets], note anchors as [n]; the notes of each division
  ("[n] text") after it, except notes whose text is not in the source. Third-party TEI: one
  reading per choice (corr, reg, expan), an app's lemma with a marker [a], words broken at
  break="no" joined, each note a marker [n] and "[n] text" (and "[a] lemma] readings") after
  the document. A fragment (root surface, div ...) is output as its text.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">
  <xsl:import href="../common/plain.xsl"/>
  <xsl:import href="../common/select.xsl"/>
  <xsl:import href="../common/notes.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="lang" select="'all'"/>

  <xsl:template match="/">
    <xsl:apply-templates select="//tei:TEI" mode="document"/>
    <xsl:if test="not(//tei:TEI)">
      <xsl:apply-templates select="/*" mode="blocks"/>
      <xsl:call-template name="plain-notes"><xsl:with-param name="scope" select="/*"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="document">
    <xsl:variable name="divs" select="tei:text/tei:body/tei:div[@xml:lang]"/>
    <xsl:choose>
      <xsl:when test="$divs">
        <xsl:for-each select="$divs">
          <xsl:variable name="wanted"><xsl:call-template name="lang-wanted"><xsl:with-param name="want" select="$lang"/></xsl:call-template></xsl:variable>
          <xsl:if test="$wanted = 'true'">
            <xsl:apply-templates select="." mode="blocks"/>
            <xsl:apply-templates select="ancestor::tei:text/tei:back/tei:div[@type='notes'][@xml:lang = current()/@xml:lang]" mode="notes"/>
          </xsl:if>
        </xsl:for-each>
        <!-- body content outside the language divisions, and front/back other than notes -->
        <xsl:apply-templates select="tei:text/tei:front | tei:text/tei:body/node()[not(self::tei:div[@xml:lang])] | tei:text/tei:back/node()[not(self::tei:div[@type='notes'][@xml:lang])]" mode="blocks"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="tei:text" mode="blocks"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="plain-notes"><xsl:with-param name="scope" select="tei:text"/></xsl:call-template>
  </xsl:template>

  <!-- teikit notes: "[n] text"; a note whose text is not in the source is left out -->
  <xsl:template match="tei:div" mode="notes">
    <xsl:for-each select="tei:note[not(key('note-text-missing', generate-id()))]">
      <xsl:text>[</xsl:text><xsl:value-of select="@n"/><xsl:text>] </xsl:text>
      <xsl:call-template name="plain-text"/>
      <xsl:value-of select="concat($NL, $NL)"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
