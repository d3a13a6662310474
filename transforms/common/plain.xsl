<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared templates: TEI content as plain reading text.

  mode="plain"   inline content of a block as text: editorial brackets for supplied, ex and
                 gap, note anchors as [n], inline notes in brackets, unknown elements as their text.
  mode="blocks"  a division as blocks separated by blank lines. Known blocks (p, head, l, item,
                 salute, dateline, signed, ...) become one normalised paragraph each; known
                 containers (div, opener, closer, list, lg, ...) are walked; an unknown element is a
                 container when it holds a known block or container, otherwise a block.
  Whitespace inside a block is normalised; lb and a spurious paragraph break
  (milestone[@type='spuriousBreak']) survive as line and paragraph breaks.
  No parameters.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="tei str">

  <xsl:variable name="PARA-MARK" select="'&#xE000;'"/>
  <xsl:variable name="LINE-MARK" select="'&#xE001;'"/>
  <xsl:variable name="NL" select="'&#10;'"/>

  <!-- ========== inline: mode plain ========== -->
  <!-- text, comments, processing instructions and unknown elements take XSLT's built-in rules
       (copy text, drop comments and PIs, walk an element's children in the same mode): the same
       output as explicit templates, and libxslt applies the built-ins without instantiating a
       template (a fifth of the plain-text export's time) -->

  <xsl:template match="tei:supplied|tei:ex" mode="plain">[<xsl:apply-templates mode="plain"/>]</xsl:template>
  <xsl:template match="tei:gap" mode="plain">
    <xsl:choose>
      <xsl:when test="normalize-space()">[<xsl:apply-templates mode="plain"/>]</xsl:when>
      <xsl:otherwise>[...]</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:ref[@type='noteAnchor']" mode="plain">[<xsl:apply-templates mode="plain"/>]</xsl:template>
  <xsl:template match="tei:note" mode="plain"> [<xsl:apply-templates mode="plain"/>]</xsl:template>
  <xsl:template match="tei:lb" mode="plain"><xsl:value-of select="$LINE-MARK"/></xsl:template>
  <xsl:template match="tei:milestone[@type='spuriousBreak']" mode="plain">
    <xsl:value-of select="$PARA-MARK"/>
  </xsl:template>
  <!-- choice: the first reading, the others in brackets (sic [corr], abbr [expan]) -->
  <xsl:template match="tei:choice" mode="plain">
    <xsl:apply-templates select="*[1]" mode="plain"/>
    <xsl:for-each select="*[position() &gt; 1]">
      <xsl:text> [</xsl:text><xsl:apply-templates select="." mode="plain"/><xsl:text>]</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <!-- normalised text of the current element, breaks restored -->
  <xsl:template name="plain-text">
    <xsl:param name="node" select="."/>
    <xsl:variable name="raw"><xsl:apply-templates select="$node/node()" mode="plain"/></xsl:variable>
    <xsl:call-template name="restore-breaks">
      <xsl:with-param name="s" select="normalize-space($raw)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="restore-breaks">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, $PARA-MARK) or contains($s, $LINE-MARK)">
        <xsl:call-template name="replace-break-marks"><xsl:with-param name="s" select="$s"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="replace-break-marks">
    <xsl:param name="s"/>
    <xsl:variable name="p1" select="str:replace(str:replace($s, concat(' ', $PARA-MARK), $PARA-MARK), concat($PARA-MARK, ' '), $PARA-MARK)"/>
    <xsl:variable name="l1" select="str:replace(str:replace($p1, concat(' ', $LINE-MARK), $LINE-MARK), concat($LINE-MARK, ' '), $LINE-MARK)"/>
    <xsl:value-of select="str:replace(str:replace($l1, $PARA-MARK, concat($NL, $NL)), $LINE-MARK, $NL)"/>
  </xsl:template>

  <!-- ========== blocks ========== -->
  <xsl:template name="is-block-name">
    <xsl:param name="el" select="."/>
    <xsl:variable name="n" select="concat(' ', local-name($el), ' ')"/>
    <xsl:value-of select="namespace-uri($el) = 'http://www.tei-c.org/ns/1.0' and contains(' p head l item salute dateline signed ab trailer byline docAuthor docDate docEdition titlePart speaker note bibl biblStruct cell epigraph label argument stage imprimatur meeting castItem desc caption quote u ', $n)"/>
  </xsl:template>

  <xsl:variable name="CONTAINERS" select="' TEI teiCorpus text group body front back div div1 div2 div3 div4 div5 div6 div7 opener closer list lg table row listBibl sp figure floatingText titlePage docImprint castList castGroup listPerson listPlace listOrg listEvent postscript spGrp lg1 '"/>

  <xsl:template match="text()" mode="blocks">
    <xsl:if test="normalize-space(.)">
      <xsl:value-of select="normalize-space(.)"/><xsl:value-of select="concat($NL, $NL)"/>
    </xsl:if>
  </xsl:template>
  <xsl:template match="comment()|processing-instruction()|tei:teiHeader" mode="blocks"/>

  <xsl:template match="*" mode="blocks">
    <xsl:variable name="block"><xsl:call-template name="is-block-name"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$block = 'true'"><xsl:call-template name="emit-block"/></xsl:when>
      <xsl:when test="namespace-uri() = 'http://www.tei-c.org/ns/1.0' and contains($CONTAINERS, concat(' ', local-name(), ' '))">
        <xsl:apply-templates select="node()" mode="blocks"/>
      </xsl:when>
      <xsl:when test="not(text()[normalize-space()]) and *[namespace-uri() = 'http://www.tei-c.org/ns/1.0' and (contains($CONTAINERS, concat(' ', local-name(), ' ')) or contains(' p head l item ab note list table lg div ', concat(' ', local-name(), ' ')))]">
        <xsl:apply-templates select="node()" mode="blocks"/>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="emit-block"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="emit-block">
    <xsl:variable name="t"><xsl:call-template name="plain-text"/></xsl:variable>
    <xsl:if test="string($t)">
      <xsl:value-of select="$t"/><xsl:value-of select="concat($NL, $NL)"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
