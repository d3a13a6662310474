<?xml version="1.0" encoding="UTF-8"?>
<!--
  One page of a teikit site: the site's header, navigation, breadcrumbs and footer around a
  page's content. The input is a small page description built by teikit.site.render:

    <page title="…" kind="record|browse|register-*|timeline|map|search|facet" lang="en"
          root="../" site-title="…" built="…" map="yes|no">
      <meta name="citation_title" content="…"/>…      copied into head
      <head>…</head>                                 nodes copied into head (a reader's style)
      <crumb href="…">label</crumb>…                 breadcrumbs; the last is the page itself
      <pager/>                                       where a record's previous/next links go
      <content>…</content>                           HTML (no namespace), copied as is; wrapped
                                                     in main unless it has its own
      <script src="…" type="module|classic"/>…      scripts, loaded deferred
    </page>

  What every page shares comes as attributes of page (not as stylesheet parameters: the frame is
  part of the page description, built with it):
    root        relative path from the page to the site's root ('', '../')
    site-title  the edition's name
    built       a line for the footer (what was built from what)
    map         'yes' when the site has a map page (coordinates in the data)
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:variable name="root" select="string(/page/@root)"/>
  <xsl:variable name="site-title" select="string(/page/@site-title)"/>
  <xsl:variable name="built" select="string(/page/@built)"/>
  <xsl:variable name="map" select="string(/page/@map)"/>

  <xsl:template match="/page">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="{@lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="teikit"/>
        <title><xsl:value-of select="@title"/> · <xsl:value-of select="$site-title"/></title>
        <link rel="icon" href="data:,"/>
        <link rel="stylesheet" href="{$root}assets/site.css"/>
        <xsl:copy-of select="meta"/>
        <xsl:copy-of select="head/node()"/>
      </head>
      <body class="site site-{@kind}">
        <a class="skip" href="#content">Skip to the content</a>
        <header class="site-header">
          <a class="site-name" href="{$root}index.html"><xsl:value-of select="$site-title"/></a>
          <nav class="site-nav" aria-label="Site">
            <ul>
              <xsl:call-template name="nav-item"><xsl:with-param name="href" select="'index.html'"/><xsl:with-param name="label" select="'Records'"/><xsl:with-param name="kinds" select="' browse facet record '"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href" select="'registers/persons.html'"/><xsl:with-param name="label" select="'People'"/><xsl:with-param name="kinds" select="' register-person '"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href" select="'registers/places.html'"/><xsl:with-param name="label" select="'Places'"/><xsl:with-param name="kinds" select="' register-place '"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href" select="'registers/organisations.html'"/><xsl:with-param name="label" select="'Organisations'"/><xsl:with-param name="kinds" select="' register-organisation '"/></xsl:call-template>
              <xsl:call-template name="nav-item"><xsl:with-param name="href" select="'timeline.html'"/><xsl:with-param name="label" select="'Timeline'"/><xsl:with-param name="kinds" select="' timeline '"/></xsl:call-template>
              <!-- between these comments: the map link, rewritten in place when the map appears or goes -->
              <xsl:comment>map</xsl:comment>
              <xsl:if test="$map = 'yes'">
                <xsl:call-template name="nav-item"><xsl:with-param name="href" select="'map.html'"/><xsl:with-param name="label" select="'Map'"/><xsl:with-param name="kinds" select="' map '"/></xsl:call-template>
              </xsl:if>
              <xsl:comment>/map</xsl:comment>
              <xsl:call-template name="nav-item"><xsl:with-param name="href" select="'search.html'"/><xsl:with-param name="label" select="'Search'"/><xsl:with-param name="kinds" select="' search '"/></xsl:call-template>
            </ul>
          </nav>
        </header>
        <xsl:if test="crumb">
          <nav class="crumbs" aria-label="Breadcrumb">
            <ol>
              <xsl:for-each select="crumb">
                <li>
                  <xsl:choose>
                    <xsl:when test="position() = last()"><span aria-current="page"><xsl:value-of select="."/></span></xsl:when>
                    <xsl:otherwise><a href="{$root}{@href}"><xsl:value-of select="."/></a></xsl:otherwise>
                  </xsl:choose>
                </li>
              </xsl:for-each>
            </ol>
          </nav>
        </xsl:if>
        <xsl:if test="pager">
          <xsl:comment>pager</xsl:comment><xsl:comment>/pager</xsl:comment>
        </xsl:if>
        <div id="content" class="content">
          <xsl:choose>
            <xsl:when test="content//main"><xsl:copy-of select="content/node()"/></xsl:when>
            <xsl:otherwise><main id="main"><xsl:copy-of select="content/node()"/></main></xsl:otherwise>
          </xsl:choose>
        </div>
        <footer class="site-footer">
          <p><xsl:value-of select="$built"/></p>
        </footer>
        <xsl:for-each select="script">
          <script src="{$root}{@src}">
            <xsl:choose>
              <xsl:when test="@type = 'module'"><xsl:attribute name="type">module</xsl:attribute></xsl:when>
              <xsl:otherwise><xsl:attribute name="defer">defer</xsl:attribute></xsl:otherwise>
            </xsl:choose>
          </script>
        </xsl:for-each>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="nav-item">
    <xsl:param name="href"/>
    <xsl:param name="label"/>
    <xsl:param name="kinds"/>
    <li>
      <a href="{$root}{$href}">
        <xsl:if test="contains($kinds, concat(' ', /page/@kind, ' '))">
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="$label"/>
      </a>
    </li>
  </xsl:template>
</xsl:stylesheet>
