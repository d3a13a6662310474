<?xml version="1.0" encoding="UTF-8"?>
<!--
  Included by tei-to-html.xsl: the header view of TEI that teikit did not write (a record of
  teikit's, marked by its appInfo application, keeps its own metadata list only).
  Under the title: authors, editors and responsibilities, further titles; then the manuscript
  description (msIdentifier on one line, contents, physical description, history), the
  correspondence (each action: who, where, when), keywords, participants and setting, the
  source, rights, and the encoding description's essentials (project, editorial and sampling
  declarations) in an open details element. No parameters.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template name="header-more">
    <xsl:variable name="fd" select="tei:fileDesc"/>
    <xsl:variable name="ts" select="$fd/tei:titleStmt"/>
    <xsl:if test="not(tei:encodingDesc/tei:appInfo/tei:application[@ident = 'teikit'])">
      <xsl:for-each select="$ts/tei:title[not(@type = 'main' or @type = 'original')][count(. | ($ts/tei:title[@type = 'main'] | $ts/tei:title)[1]) != 1]">
        <p class="subtitle"><xsl:call-template name="lang-attr"/><xsl:call-template name="inline-children"/></p>
      </xsl:for-each>
      <xsl:if test="$ts/tei:author | $ts/tei:editor | $ts/tei:respStmt | $ts/tei:principal">
        <dl class="resp">
          <xsl:if test="$ts/tei:author">
            <dt>Author</dt><dd><xsl:for-each select="$ts/tei:author"><xsl:if test="position() &gt; 1">; </xsl:if><xsl:call-template name="inline-children"/></xsl:for-each></dd>
          </xsl:if>
          <xsl:if test="$ts/tei:editor | $ts/tei:principal">
            <dt>Editor</dt><dd><xsl:for-each select="$ts/tei:editor | $ts/tei:principal"><xsl:if test="position() &gt; 1">; </xsl:if><xsl:value-of select="normalize-space(.)"/></xsl:for-each></dd>
          </xsl:if>
          <xsl:for-each select="$ts/tei:respStmt">
            <dt><xsl:value-of select="normalize-space(tei:resp)"/></dt>
            <dd><xsl:for-each select="*[not(self::tei:resp)]"><xsl:if test="position() &gt; 1">; </xsl:if><xsl:value-of select="normalize-space(.)"/></xsl:for-each></dd>
          </xsl:for-each>
        </dl>
      </xsl:if>
      <xsl:apply-templates select="$fd/tei:sourceDesc//tei:msDesc" mode="msdesc"/>
      <xsl:for-each select="tei:profileDesc/tei:correspDesc[tei:correspAction]">
        <section class="corresp" aria-label="Correspondence">
          <h2>Correspondence</h2>
          <dl>
            <xsl:for-each select="tei:correspAction">
              <dt><xsl:value-of select="@type"/><xsl:if test="not(@type)">action</xsl:if></dt>
              <dd>
                <xsl:for-each select="tei:persName | tei:orgName | tei:name | tei:roleName">
                  <xsl:if test="position() &gt; 1">; </xsl:if><xsl:apply-templates select="." mode="inline"/>
                </xsl:for-each>
                <xsl:for-each select="tei:placeName | tei:settlement"><xsl:text>, </xsl:text><xsl:apply-templates select="." mode="inline"/></xsl:for-each>
                <xsl:for-each select="tei:date"><xsl:text>, </xsl:text><xsl:apply-templates select="." mode="inline"/></xsl:for-each>
              </dd>
            </xsl:for-each>
          </dl>
        </section>
      </xsl:for-each>
      <xsl:variable name="terms" select="tei:profileDesc/tei:textClass//tei:term[not(@type = 'documentType')][normalize-space()] | tei:profileDesc/tei:textClass/tei:classCode[normalize-space()]"/>
      <xsl:variable name="more" select="tei:profileDesc/tei:particDesc | tei:profileDesc/tei:settingDesc | $fd/tei:notesStmt | $fd/tei:sourceDesc/tei:bibl[not(@type = 'citation')] | $fd/tei:sourceDesc/tei:biblFull | $fd/tei:sourceDesc/tei:p | $fd/tei:sourceDesc/tei:recordingStmt"/>
      <xsl:if test="$terms or $more">
        <section class="profile" aria-label="About the text">
          <xsl:if test="$terms">
            <p class="keywords"><span class="label">Keywords: </span>
              <xsl:for-each select="$terms"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="normalize-space(.)"/></xsl:for-each>
            </p>
          </xsl:if>
          <xsl:for-each select="$more">
            <div class="header-part"><h3><xsl:call-template name="ms-label"/></h3><xsl:call-template name="mixed"/></div>
          </xsl:for-each>
        </section>
      </xsl:if>
      <xsl:variable name="enc" select="tei:encodingDesc/tei:projectDesc | tei:encodingDesc/tei:editorialDecl | tei:encodingDesc/tei:samplingDecl"/>
      <xsl:if test="$enc">
        <details class="encoding" open="open">
          <summary>About this edition</summary>
          <xsl:for-each select="$enc"><div class="header-part"><h3><xsl:call-template name="ms-label"/></h3><xsl:call-template name="mixed"/></div></xsl:for-each>
        </details>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="ms-label">
    <xsl:variable name="n" select="local-name()"/>
    <xsl:choose>
      <xsl:when test="tei:head"><xsl:value-of select="normalize-space(tei:head)"/></xsl:when>
      <xsl:when test="$n = 'msContents'">Contents</xsl:when>
      <xsl:when test="$n = 'physDesc'">Physical description</xsl:when>
      <xsl:when test="$n = 'history'">History</xsl:when>
      <xsl:when test="$n = 'additional'">Additional information</xsl:when>
      <xsl:when test="$n = 'msPart'">Part</xsl:when>
      <xsl:when test="$n = 'msFrag'">Fragment</xsl:when>
      <xsl:when test="$n = 'particDesc'">Participants</xsl:when>
      <xsl:when test="$n = 'settingDesc'">Setting</xsl:when>
      <xsl:when test="$n = 'notesStmt'">Notes</xsl:when>
      <xsl:when test="$n = 'projectDesc'">Project</xsl:when>
      <xsl:when test="$n = 'editorialDecl'">Editorial principles</xsl:when>
      <xsl:when test="$n = 'samplingDecl'">Sampling</xsl:when>
      <xsl:when test="$n = 'bibl' or $n = 'biblFull' or $n = 'p'">Source</xsl:when>
      <xsl:otherwise><xsl:value-of select="$n"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
