<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI -> Markdown reading text: the plain-text export (text/tei-to-text.xsl) with a title,
  a heading per language division, division heads as level-3 headings, note anchors as
  footnote references ([^en-n2]) and the notes as footnote definitions; third-party notes as
  footnotes [^n] and the apparatus as [^app-a] after the document. Characters with a
  meaning in Markdown (\ ` * _ [ ] < > #) are backslash-escaped in the document's text.

  Parameters:
    lang  as in the text export: 'all' (default), 'en', 'zh' or another language tag prefix.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="tei str">
  <xsl:import href="../text/tei-to-text.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:for-each select="//tei:TEI">
      <xsl:variable name="ts" select="tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
      <xsl:if test="$ts/tei:title">
        <xsl:text># </xsl:text>
        <xsl:call-template name="plain-text"><xsl:with-param name="node" select="($ts/tei:title[@type='main'] | $ts/tei:title)[1]"/></xsl:call-template>
        <xsl:value-of select="concat($NL, $NL)"/>
      </xsl:if>
      <xsl:apply-templates select="." mode="document"/>
    </xsl:for-each>
    <xsl:if test="not(//tei:TEI)">
      <xsl:apply-templates select="/*" mode="blocks"/>
      <xsl:call-template name="md-notes"><xsl:with-param name="scope" select="/*"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
  <xsl:template name="plain-notes">
    <xsl:param name="scope" select="."/>
    <xsl:call-template name="md-notes"><xsl:with-param name="scope" select="$scope"/></xsl:call-template>
  </xsl:template>
  <!-- third-party notes as footnotes [^n], the apparatus as [^app-a] -->
  <xsl:template name="md-notes">
    <xsl:param name="scope"/>
    <xsl:for-each select="$scope//tei:note[not(ancestor::tei:teiHeader or ancestor::tei:standOff or ancestor::tei:note)][not(@xml:id and key('plain-pointed', concat('#', @xml:id)))]">
      <xsl:text>[^</xsl:text><xsl:call-template name="note-mark"/><xsl:text>]: </xsl:text>
      <xsl:call-template name="plain-text"/>
      <xsl:value-of select="concat($NL, $NL)"/>
    </xsl:for-each>
    <xsl:for-each select="$scope//tei:app[not(parent::tei:listApp or ancestor::tei:teiHeader)]">
      <xsl:text>[^app-</xsl:text><xsl:call-template name="app-mark"/><xsl:text>]: </xsl:text>
      <xsl:call-template name="plain-text"><xsl:with-param name="node" select="(tei:lem | tei:rdg)[1]"/></xsl:call-template>
      <xsl:text>\]</xsl:text>
      <xsl:for-each select="tei:rdg[count(. | (current()/tei:lem | current()/tei:rdg)[1]) != 1] | tei:rdgGrp/tei:rdg">
        <xsl:text> </xsl:text><xsl:call-template name="plain-text"/>
        <xsl:if test="@wit"><xsl:value-of select="concat(' ', normalize-space(translate(@wit, '#', '')))"/></xsl:if>
        <xsl:if test="position() != last()">;</xsl:if>
      </xsl:for-each>
      <xsl:value-of select="concat($NL, $NL)"/>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="tei:note" mode="plain">
    <xsl:choose>
      <xsl:when test="@xml:id and key('plain-pointed', concat('#', @xml:id))"> \[<xsl:apply-templates mode="plain"/>\]</xsl:when>
      <xsl:otherwise>[^<xsl:call-template name="note-mark"/>]</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:add" mode="plain">\`<xsl:apply-templates mode="plain"/>´</xsl:template>
  <xsl:template match="tei:app" mode="plain">
    <xsl:apply-templates select="(tei:lem | tei:rdg | tei:rdgGrp/tei:rdg)[1]" mode="plain"/>
    <xsl:if test="not(parent::tei:listApp)">[^app-<xsl:call-template name="app-mark"/>]</xsl:if>
  </xsl:template>

  <xsl:template match="tei:body/tei:div[@xml:lang]" mode="blocks">
    <xsl:variable name="l" select="string(@xml:lang)"/>
    <xsl:variable name="name" select="normalize-space(ancestor::tei:TEI/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[@ident = $l][1])"/>
    <xsl:text>## </xsl:text>
    <xsl:value-of select="$name"/>
    <xsl:if test="not($name)"><xsl:value-of select="$l"/></xsl:if>
    <xsl:if test="@type"><xsl:value-of select="concat(' (', @type, ')')"/></xsl:if>
    <xsl:value-of select="concat($NL, $NL)"/>
    <xsl:apply-templates select="node()" mode="blocks"/>
  </xsl:template>

  <xsl:template match="tei:head" mode="blocks">
    <xsl:text>### </xsl:text><xsl:call-template name="emit-block"/>
  </xsl:template>

  <xsl:template match="text()" mode="plain">
    <xsl:variable name="lead" select="boolean(preceding-sibling::node()[1][self::tei:lb or self::tei:pb or self::tei:cb][@break = 'no'])"/>
    <xsl:variable name="trail" select="boolean(following-sibling::node()[1][self::tei:lb or self::tei:pb or self::tei:cb][@break = 'no'])"/>
    <xsl:choose>
      <xsl:when test="$lead or $trail">
        <xsl:variable name="t"><xsl:call-template name="trim-at-break"><xsl:with-param name="lead" select="$lead"/><xsl:with-param name="trail" select="$trail"/></xsl:call-template></xsl:variable>
        <xsl:call-template name="md-escape"><xsl:with-param name="s" select="$t"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="md-escape"><xsl:with-param name="s" select="."/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- editorial brackets escaped, so that "[Zhou](…" never becomes a link -->
  <xsl:template match="tei:supplied" mode="plain">\[<xsl:apply-templates mode="plain"/>\]</xsl:template>
  <xsl:template match="tei:ex" mode="plain">
    <xsl:choose>
      <xsl:when test="ancestor::tei:TEI[1]/tei:teiHeader/tei:encodingDesc/tei:appInfo/tei:application[@ident = 'teikit']">\[<xsl:apply-templates mode="plain"/>\]</xsl:when>
      <xsl:otherwise>(<xsl:apply-templates mode="plain"/>)</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:gap" mode="plain">
    <xsl:choose>
      <xsl:when test="normalize-space()">\[<xsl:apply-templates mode="plain"/>\]</xsl:when>
      <xsl:otherwise>\[...\]</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:ref[@type='noteAnchor']" mode="plain">
    <xsl:value-of select="concat('[^', substring-after(normalize-space(@target), '#'), ']')"/>
  </xsl:template>

  <xsl:template match="tei:div" mode="notes">
    <xsl:for-each select="tei:note[@xml:id]">
      <xsl:value-of select="concat('[^', @xml:id, ']: ')"/>
      <xsl:choose>
        <xsl:when test="key('note-text-missing', generate-id())">*The text of this note is not in the source.*</xsl:when>
        <xsl:otherwise><xsl:call-template name="plain-text"/></xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="concat($NL, $NL)"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="md-escape">
    <xsl:param name="s"/>
    <xsl:variable name="a" select="str:replace(string($s), '\', '\\')"/>
    <xsl:variable name="b" select="str:replace(str:replace(str:replace($a, '`', '\`'), '*', '\*'), '_', '\_')"/>
    <xsl:variable name="c" select="str:replace(str:replace(str:replace($b, '[', '\['), ']', '\]'), '#', '\#')"/>
    <xsl:value-of select="str:replace(str:replace($c, '&lt;', '\&lt;'), '&gt;', '\&gt;')"/>
  </xsl:template>
</xsl:stylesheet>
