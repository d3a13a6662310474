<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared templates: the one citation model (CSL), built from the TEI header.

  csl-model   returns, as a result tree fragment, the CSL items of the document:
                <items>
                  <item>                      one per cited thing
                    <v name="id">…</v>        string variables (CSL names: title, URL, …)
                    <names name="editor">     name variables
                      <name family="Zhang" given="Shuguang"/>   a personal name, given name first
                      <name literal="Mao Zedong" order="family-first"/>  family name first (Chinese)
                      <name literal="Zhonggong …" corporate="yes"/>     an organisation
                    </names>
                    <date name="issued" y="1950" m="1" d="2"/>
                  </item>
                </items>
              Items: the record itself (from the archive biblStruct and the header; no author, as the
              archive cites it; its translators from titleStmt/respStmt; the first original that is an
              archival signature (idno[@type='archival'], the repository as title[@type='repository'],
              no book title) as its archive and archive_location), then each other
              biblStruct[@type='original'] ('{id}-original-{n}', or '{id}-reprint-{n}' for
              @subtype='reprint'), then the biblStruct[@type='translation'] ('{id}-translation').
              On TEI without those biblStructs: one item from titleStmt and publicationStmt.
  Serialised by csl-json, bibtex and ris. No parameters.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">
  <xsl:import href="plain.xsl"/>

  <xsl:template name="csl-model">
    <xsl:param name="header" select="(/tei:teiCorpus/tei:teiHeader | (//tei:TEI)[1]/tei:teiHeader)[1]"/>
    <xsl:variable name="fd" select="$header/tei:fileDesc"/>
    <xsl:variable name="archive" select="$fd/tei:sourceDesc/tei:biblStruct[@type='archive'][1]"/>
    <xsl:variable name="id"><xsl:call-template name="record-id"><xsl:with-param name="fd" select="$fd"/></xsl:call-template></xsl:variable>
    <!-- the original held in an archive (an archival signature) is the record's own original -->
    <xsl:variable name="held" select="$fd/tei:sourceDesc/tei:biblStruct[@type='original'][tei:monogr/tei:idno[@type='archival']][not(tei:monogr/tei:title[not(@type)])][1]"/>
    <items>
      <item>
        <v name="id"><xsl:value-of select="$id"/></v>
        <v name="type">document</v>
        <xsl:call-template name="var">
          <xsl:with-param name="name" select="'title'"/>
          <xsl:with-param name="node" select="($fd/tei:titleStmt/tei:title[@type='main'] | $archive/tei:analytic/tei:title | $fd/tei:titleStmt/tei:title)[1]"/>
        </xsl:call-template>
        <xsl:call-template name="var">
          <xsl:with-param name="name" select="'container-title'"/>
          <xsl:with-param name="node" select="($archive/tei:monogr/tei:title | $fd/tei:publicationStmt/tei:distributor)[1]"/>
        </xsl:call-template>
        <xsl:call-template name="var">
          <xsl:with-param name="name" select="'publisher'"/>
          <xsl:with-param name="node" select="($archive/tei:monogr/tei:imprint/tei:publisher | $fd/tei:publicationStmt/tei:publisher)[1]"/>
        </xsl:call-template>
        <xsl:call-template name="var">
          <xsl:with-param name="name" select="'genre'"/>
          <xsl:with-param name="node" select="$header/tei:profileDesc/tei:textClass/tei:keywords/tei:term[@type='documentType'][1]"/>
        </xsl:call-template>
        <xsl:call-template name="var">
          <xsl:with-param name="name" select="'URL'"/>
          <xsl:with-param name="node" select="($fd/tei:publicationStmt/tei:idno[@type='URL'] | $archive//tei:idno[@type='URL'])[1]"/>
        </xsl:call-template>
        <xsl:call-template name="var">
          <xsl:with-param name="name" select="'archive'"/>
          <xsl:with-param name="node" select="($held/tei:monogr/tei:title[@type='repository'] | $held/tei:monogr/tei:title)[1]"/>
        </xsl:call-template>
        <xsl:call-template name="var">
          <xsl:with-param name="name" select="'archive_location'"/>
          <xsl:with-param name="node" select="$held/tei:monogr/tei:idno[@type='archival'][1]"/>
        </xsl:call-template>
        <xsl:call-template name="names">
          <xsl:with-param name="name" select="'translator'"/>
          <xsl:with-param name="nodes" select="$fd/tei:titleStmt/tei:respStmt[contains(translate(tei:resp, 'T', 't'), 'translat')]/*[self::tei:persName or self::tei:name or self::tei:orgName]"/>
        </xsl:call-template>
        <xsl:call-template name="var">
          <xsl:with-param name="name" select="'number'"/>
          <xsl:with-param name="node" select="$fd/tei:publicationStmt/tei:idno[@type='wilson'][1]"/>
        </xsl:call-template>
        <xsl:call-template name="var">
          <xsl:with-param name="name" select="'abstract'"/>
          <xsl:with-param name="node" select="$header/tei:profileDesc/tei:abstract[1]"/>
        </xsl:call-template>
        <xsl:if test="/*/@xml:lang"><v name="language"><xsl:value-of select="/*/@xml:lang"/></v></xsl:if>
        <xsl:call-template name="date">
          <xsl:with-param name="name" select="'issued'"/>
          <xsl:with-param name="node" select="($archive/tei:monogr/tei:imprint/tei:date[@when] | $header/tei:profileDesc/tei:creation/tei:date[@when] | $fd/tei:publicationStmt/tei:date[@when])[1]"/>
        </xsl:call-template>
      </item>
      <xsl:for-each select="$fd/tei:sourceDesc/tei:biblStruct[@type='original'][not(generate-id() = generate-id($held))]">
        <xsl:call-template name="source-item">
          <xsl:with-param name="id">
            <xsl:value-of select="$id"/>
            <xsl:choose>
              <xsl:when test="@subtype = 'reprint'">-reprint-</xsl:when>
              <xsl:otherwise>-original-</xsl:otherwise>
            </xsl:choose>
            <xsl:value-of select="position()"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$fd/tei:sourceDesc/tei:biblStruct[@type='translation']">
        <xsl:call-template name="source-item">
          <xsl:with-param name="id">
            <xsl:value-of select="concat($id, '-translation')"/>
            <xsl:if test="position() &gt; 1"><xsl:value-of select="concat('-', position())"/></xsl:if>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </items>
  </xsl:template>

  <xsl:template name="record-id">
    <xsl:param name="fd"/>
    <xsl:variable name="wilson" select="normalize-space($fd/tei:publicationStmt/tei:idno[@type='wilson'][1])"/>
    <xsl:choose>
      <xsl:when test="$wilson"><xsl:value-of select="concat('wilson-', $wilson)"/></xsl:when>
      <xsl:when test="/*/@xml:id"><xsl:value-of select="/*/@xml:id"/></xsl:when>
      <xsl:otherwise>tei-document</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a published source: a book, or an archival file when it has an archival signature -->
  <xsl:template name="source-item">
    <xsl:param name="id"/>
    <xsl:variable name="m" select="tei:monogr[1]"/>
    <xsl:variable name="imp" select="$m/tei:imprint"/>
    <xsl:variable name="main-title" select="$m/tei:title[not(@type='translated')][1]"/>
    <item>
      <v name="id"><xsl:value-of select="$id"/></v>
      <xsl:choose>
        <xsl:when test="$m/tei:idno[@type='archival']">
          <v name="type">manuscript</v>
          <xsl:call-template name="var"><xsl:with-param name="name" select="'archive'"/><xsl:with-param name="node" select="$main-title"/></xsl:call-template>
          <xsl:call-template name="var"><xsl:with-param name="name" select="'archive_location'"/><xsl:with-param name="node" select="$m/tei:idno[@type='archival'][1]"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <v name="type">book</v>
          <xsl:if test="normalize-space($main-title)">
            <v name="title">
              <xsl:value-of select="normalize-space($main-title)"/>
              <xsl:for-each select="$m/tei:title[@type='translated'][1]">
                <xsl:value-of select="concat(' (', normalize-space(.), ')')"/>
              </xsl:for-each>
            </v>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="names"><xsl:with-param name="name" select="'author'"/><xsl:with-param name="nodes" select="$m/tei:author | tei:analytic/tei:author"/></xsl:call-template>
      <xsl:call-template name="names"><xsl:with-param name="name" select="'editor'"/><xsl:with-param name="nodes" select="$m/tei:editor"/></xsl:call-template>
      <xsl:call-template name="names">
        <xsl:with-param name="name" select="'translator'"/>
        <xsl:with-param name="nodes" select="(tei:respStmt | $m/tei:respStmt)[contains(translate(tei:resp, 'T', 't'), 'translat')]/*[self::tei:persName or self::tei:name or self::tei:orgName]"/>
      </xsl:call-template>
      <xsl:call-template name="var"><xsl:with-param name="name" select="'publisher-place'"/><xsl:with-param name="node" select="$imp/tei:pubPlace[1]"/></xsl:call-template>
      <xsl:call-template name="var"><xsl:with-param name="name" select="'publisher'"/><xsl:with-param name="node" select="$imp/tei:publisher[1]"/></xsl:call-template>
      <xsl:call-template name="var"><xsl:with-param name="name" select="'volume'"/><xsl:with-param name="node" select="($imp | $m)/tei:biblScope[@unit='volume'][1]"/></xsl:call-template>
      <xsl:for-each select="($imp | $m)/tei:biblScope[@unit='page'][1]">
        <v name="page">
          <xsl:choose>
            <xsl:when test="@from and @to and @from != @to"><xsl:value-of select="concat(@from, '-', @to)"/></xsl:when>
            <xsl:when test="@from"><xsl:value-of select="@from"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
          </xsl:choose>
        </v>
      </xsl:for-each>
      <xsl:for-each select="$main-title[@xml:lang and not(starts-with(@xml:lang, 'en'))]">
        <v name="language"><xsl:value-of select="@xml:lang"/></v>
      </xsl:for-each>
      <xsl:call-template name="var"><xsl:with-param name="name" select="'URL'"/><xsl:with-param name="node" select="(tei:idno[@type='URL'] | $m/tei:idno[@type='URL'])[1]"/></xsl:call-template>
      <xsl:call-template name="date"><xsl:with-param name="name" select="'issued'"/><xsl:with-param name="node" select="$imp/tei:date[1]"/></xsl:call-template>
    </item>
  </xsl:template>

  <!-- a variable: the node's text as read (editorial insertions in brackets), normalised -->
  <xsl:template name="var">
    <xsl:param name="name"/>
    <xsl:param name="node"/>
    <xsl:if test="normalize-space($node)">
      <v name="{$name}"><xsl:call-template name="plain-text"><xsl:with-param name="node" select="$node[1]"/></xsl:call-template></v>
    </xsl:if>
  </xsl:template>

  <xsl:template name="names">
    <xsl:param name="name"/>
    <xsl:param name="nodes"/>
    <xsl:if test="$nodes[normalize-space()]">
      <names name="{$name}">
        <xsl:for-each select="$nodes[normalize-space()]">
          <xsl:call-template name="one-name"/>
        </xsl:for-each>
      </names>
    </xsl:if>
  </xsl:template>

  <!-- editor/author: a persName with parts, a persName or name as printed, or an organisation -->
  <xsl:template name="one-name">
    <xsl:variable name="p" select="(self::tei:persName | tei:persName)[1]"/>
    <xsl:variable name="sur" select="$p/tei:surname[1]"/>
    <xsl:variable name="fore" select="$p/tei:forename"/>
    <xsl:choose>
      <xsl:when test="self::tei:orgName or tei:orgName">
        <name literal="{normalize-space(.)}" corporate="yes"/>
      </xsl:when>
      <xsl:when test="$sur and $fore and $fore[1]/preceding-sibling::tei:surname">
        <name literal="{normalize-space($p)}" family="{normalize-space($sur)}" given="{normalize-space($fore[1])}" order="family-first"/>
      </xsl:when>
      <xsl:when test="$sur and $fore">
        <name family="{normalize-space($sur)}" given="{normalize-space($fore[1])}"/>
      </xsl:when>
      <xsl:otherwise>
        <name literal="{normalize-space(.)}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="date">
    <xsl:param name="name"/>
    <xsl:param name="node"/>
    <xsl:variable name="w" select="normalize-space(($node/@when | $node/@notBefore)[1])"/>
    <xsl:variable name="iso">
      <xsl:choose>
        <xsl:when test="$w"><xsl:value-of select="$w"/></xsl:when>
        <xsl:when test="string-length(normalize-space($node)) = 4 and translate(normalize-space($node), '0123456789', '') = ''"><xsl:value-of select="normalize-space($node)"/></xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="string-length($iso) &gt;= 4 and translate(substring($iso, 1, 4), '0123456789', '') = ''">
      <date name="{$name}" y="{number(substring($iso, 1, 4))}">
        <xsl:if test="substring($iso, 5, 1) = '-' and string(number(substring($iso, 6, 2))) != 'NaN'">
          <xsl:attribute name="m"><xsl:value-of select="number(substring($iso, 6, 2))"/></xsl:attribute>
          <xsl:if test="substring($iso, 8, 1) = '-' and string(number(substring($iso, 9, 2))) != 'NaN'">
            <xsl:attribute name="d"><xsl:value-of select="number(substring($iso, 9, 2))"/></xsl:attribute>
          </xsl:if>
        </xsl:if>
      </date>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
