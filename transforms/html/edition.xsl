<?xml version="1.0" encoding="UTF-8"?>
<!--
  Included by tei-to-html.xsl: the edition view of any TEI, in modes body (blocks) and inline
  (phrases). Footnotes and the apparatus (numbered links both ways), one reading of a choice,
  transcription marks (del, add, unclear, gap, supplied, surplus in Leiden-style brackets),
  page and line breaks (break="no" joins the word), graphics and facsimiles as images, tables
  wherever they stand, drama, verse with line numbers, lists, quotations, @rend/@rendition as
  classes and styles, ref/ptr resolved, a table of contents from div/head.

  HTML's p may hold only phrasing content: a TEI p that holds a table, list, verse, figure ...
  (not counting what is inside its notes, which go to the footnotes) becomes a div class="p".
  Parameters (declared in tei-to-html.xsl): reading.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:str="http://exslt.org/strings"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="tei str exsl">

  <!-- every element by xml:id (ref/ptr/facs targets); refs and ptrs by each of their targets
       is plain.xsl's key plain-pointed (every key is built on the first key() call: one key
       fewer is one walk of the document fewer) -->
  <xsl:key name="id" match="*" use="@xml:id"/>
  <!-- footnote and apparatus numbers by the note's or app's generate-id (one key for both) -->
  <xsl:key name="fn-pos" match="fn | app" use="@id"/>

  <!-- footnotes: every note of the text that no ref/ptr points to (those stay where they are,
       as end notes, and the pointer is their link); numbered once, in document order.
       /descendant::x[p], not //x[p]: libxml2 evaluates the latter through a node-set of every
       node of the document (4x slower on a novel) -->
  <xsl:variable name="fn-notes" select="/descendant::tei:note[not(ancestor::tei:teiHeader or ancestor::tei:standOff)][not(@xml:id and key('plain-pointed', concat('#', @xml:id)))]"/>
  <xsl:variable name="fn-apps" select="/descendant::tei:app[not(parent::tei:listApp or ancestor::tei:teiHeader or ancestor::tei:standOff)]"/>
  <xsl:variable name="fn-list">
    <xsl:for-each select="$fn-notes">
      <fn id="{generate-id()}" pos="{position()}"/>
    </xsl:for-each>
    <xsl:for-each select="$fn-apps">
      <app id="{generate-id()}" pos="{position()}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="fn-index" select="exsl:node-set($fn-list)"/>
  <!-- the renditions of tagsDecl with CSS content, as classes rnd-ID -->
  <xsl:variable name="renditions" select="//tei:tagsDecl//tei:rendition[@xml:id][not(@scheme) or @scheme = 'css']"/>


  <!-- ================= blocks: mode body ================= -->
  <xsl:template match="tei:teiHeader | tei:standOff | tei:facsimile" mode="body"/>

  <xsl:template match="tei:text | tei:body | tei:front | tei:back | tei:group | tei:sourceDoc" mode="body">
    <div class="tei-{local-name()}"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('tei-', local-name())"/></xsl:call-template></xsl:if><xsl:apply-templates mode="body"/></div>
  </xsl:template>
  <xsl:template match="tei:zone" mode="body">
    <div class="tei-zone"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'tei-zone'"/></xsl:call-template></xsl:if><xsl:call-template name="mixed"/></div>
  </xsl:template>
  <xsl:template match="tei:line" mode="body">
    <div class="tei-line"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'tei-line'"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></div>
  </xsl:template>
  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7 | tei:floatingText" mode="body">
    <section>
      <xsl:attribute name="id"><xsl:call-template name="div-id"/></xsl:attribute>
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'tei-div'"/></xsl:call-template>
      <xsl:apply-templates mode="body"/>
    </section>
  </xsl:template>
  <xsl:template name="div-id">
    <xsl:choose>
      <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
      <xsl:otherwise>div-<xsl:value-of select="generate-id()"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:head" mode="body">
    <!-- h2 for a division of the text, one level deeper per division; a teikit language
         division counts as a level (its column title is the h2) -->
    <xsl:variable name="depth" select="count(ancestor::tei:div | ancestor::tei:div1 | ancestor::tei:div2 | ancestor::tei:div3 | ancestor::tei:div4 | ancestor::tei:div5 | ancestor::tei:div6 | ancestor::tei:div7) + count(ancestor::tei:div[@xml:lang][parent::tei:body])"/>
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="not(parent::tei:div or parent::tei:div1 or parent::tei:div2 or parent::tei:div3 or parent::tei:div4 or parent::tei:div5 or parent::tei:div6 or parent::tei:div7)">0</xsl:when>
        <xsl:when test="$depth &gt; 5">6</xsl:when>
        <xsl:when test="$depth &lt; 1">2</xsl:when>
        <xsl:otherwise><xsl:value-of select="$depth + 1"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$level = 0"><div class="tei-head"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'tei-head'"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></div></xsl:when>
      <xsl:otherwise>
        <xsl:element name="h{$level}"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"/></xsl:if><xsl:call-template name="inline-children"/></xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:variable name="P-BLOCKS" select="' table list listBibl lg l figure sp castList floatingText p ab div cit spGrp head '"/>
  <!-- a p holding an HTML block (in its children or grandchildren, not counting notes) is a div -->
  <xsl:template match="tei:p | tei:ab" mode="body">
    <xsl:choose>
      <!-- child-axis name tests (a scan of the children each, nothing allocated per child), none
         for a p without child elements: a predicate of self:: tests costs a node-set per test
         and child, ~4 µs a child -->
    <xsl:when test="* and (tei:table or tei:list or tei:listBibl or tei:lg or tei:l or tei:figure or tei:sp or tei:castList or tei:floatingText or tei:p or tei:ab or tei:div or tei:cit or tei:spGrp or tei:head
        or count(*) != count(tei:*) and *[not(self::tei:*)][contains($P-BLOCKS, concat(' ', local-name(), ' '))]
        or */* and (*/tei:table[not(parent::tei:note)] or */tei:list[not(parent::tei:note)] or */tei:listBibl[not(parent::tei:note)] or */tei:lg[not(parent::tei:note)] or */tei:l[not(parent::tei:note)] or */tei:figure[not(parent::tei:note)] or */tei:sp[not(parent::tei:note)] or */tei:castList[not(parent::tei:note)] or */tei:floatingText[not(parent::tei:note)] or */tei:p[not(parent::tei:note)] or */tei:ab[not(parent::tei:note)] or */tei:div[not(parent::tei:note)] or */tei:cit[not(parent::tei:note)] or */tei:spGrp[not(parent::tei:note)] or */tei:head[not(parent::tei:note)]
          or count(*/*) != count(*/tei:*) and *[not(self::tei:note)]/*[not(self::tei:*)][contains($P-BLOCKS, concat(' ', local-name(), ' '))]))">
        <div class="p"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'p'"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></div>
      </xsl:when>
      <xsl:otherwise>
        <p><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"/></xsl:if><xsl:call-template name="inline-children"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer | tei:titlePage | tei:epigraph | tei:argument | tei:postscript | tei:spGrp | tei:cit | tei:docImprint | tei:address | tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent | tei:person | tei:place | tei:org | tei:event | tei:msDesc | tei:performance | tei:set | tei:prologue | tei:epilogue" mode="body">
    <div class="tei-{local-name()}"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('tei-', local-name())"/></xsl:call-template></xsl:if><xsl:call-template name="mixed"/></div>
  </xsl:template>
  <xsl:template match="tei:salute | tei:dateline | tei:signed | tei:trailer | tei:byline | tei:docAuthor | tei:docDate | tei:docTitle | tei:titlePart | tei:bibl | tei:biblStruct | tei:label | tei:docEdition | tei:imprimatur | tei:addrLine | tei:meeting | tei:camera | tei:view | tei:caption" mode="body">
    <div class="tei-{local-name()}"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('tei-', local-name())"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></div>
  </xsl:template>

  <!-- ================= drama ================= -->
  <xsl:template match="tei:sp" mode="body">
    <div class="sp"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'sp'"/></xsl:call-template></xsl:if><xsl:apply-templates mode="body"/></div>
  </xsl:template>
  <xsl:template match="tei:speaker" mode="body">
    <div class="speaker"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'speaker'"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></div>
  </xsl:template>
  <xsl:template match="tei:stage" mode="body">
    <div class="stage"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'stage'"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></div>
  </xsl:template>
  <xsl:template match="tei:stage" mode="inline">
    <span class="stage"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'stage'"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></span>
  </xsl:template>
  <xsl:template match="tei:castList" mode="body">
    <div class="castList"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'castList'"/></xsl:call-template></xsl:if>
      <xsl:apply-templates select="tei:head" mode="body"/>
      <ul><xsl:apply-templates select="*[not(self::tei:head)]" mode="cast"/></ul>
    </div>
  </xsl:template>
  <xsl:template match="tei:castGroup" mode="cast">
    <li class="castGroup"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'castGroup'"/></xsl:call-template></xsl:if>
      <xsl:apply-templates select="tei:head | tei:roleDesc" mode="inline"/>
      <ul><xsl:apply-templates select="*[not(self::tei:head or self::tei:roleDesc)]" mode="cast"/></ul>
    </li>
  </xsl:template>
  <xsl:template match="*" mode="cast">
    <li class="{local-name()}"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="local-name()"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></li>
  </xsl:template>
  <xsl:template match="tei:role" mode="inline"><span class="role"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'role'"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></span></xsl:template>
  <xsl:template match="tei:roleDesc" mode="inline"><xsl:text> </xsl:text><span class="roleDesc"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'roleDesc'"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></span></xsl:template>

  <!-- ================= verse ================= -->
  <xsl:template match="tei:lg" mode="body">
    <div class="lg"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'lg'"/></xsl:call-template></xsl:if><xsl:apply-templates mode="body"/></div>
  </xsl:template>
  <xsl:template match="tei:l" mode="body">
    <!-- the number: @n, else its place in its lg (the stanzas of an lg of lgs counted on) or
         among its sibling lines; shown when a multiple of five. Select expressions only: a
         variable with content would build a tree fragment per line -->
    <div class="l"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'l'"/></xsl:call-template></xsl:if>
      <xsl:choose>
        <xsl:when test="@n"><xsl:if test="@n mod 5 = 0"><span class="lnum" aria-hidden="true" data-n="{@n}"></span></xsl:if></xsl:when>
        <xsl:otherwise>
          <!-- counted only without @n (the preceding lines of a long lg are many) -->
          <xsl:variable name="n" select="count(preceding-sibling::tei:l) + 1 + count(parent::tei:lg[parent::tei:lg]/preceding-sibling::tei:lg/tei:l)"/>
          <xsl:if test="$n mod 5 = 0"><span class="lnum" aria-hidden="true" data-n="{$n}"></span></xsl:if>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="inline-children"/>
    </div>
  </xsl:template>

  <!-- ================= lists and tables ================= -->
  <xsl:template match="tei:list | tei:listBibl" mode="body">
    <xsl:apply-templates select="tei:head" mode="list-head"/>
    <xsl:variable name="tag">
      <xsl:choose>
        <xsl:when test="@type = 'gloss' or tei:label">dl</xsl:when>
        <xsl:when test="contains(concat(@type, ' ', @rend), 'ordered') and not(contains(concat(@type, ' ', @rend), 'unordered')) or contains(@rend, 'numbered') or contains(@rend, 'decimal')">ol</xsl:when>
        <xsl:otherwise>ul</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class">tei-<xsl:value-of select="local-name()"/></xsl:attribute>
      <xsl:call-template name="id-attr"/><xsl:call-template name="lang-attr"/>
      <xsl:choose>
        <xsl:when test="$tag = 'dl'">
          <xsl:for-each select="*[not(self::tei:head)]">
            <xsl:choose>
              <xsl:when test="self::tei:label"><dt><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"/></xsl:if><xsl:call-template name="inline-children"/></dt></xsl:when>
              <xsl:otherwise><dd><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"/></xsl:if><xsl:call-template name="mixed"/></dd></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="node()[not(self::tei:head)]">
            <xsl:choose>
              <xsl:when test="self::tei:note or self::tei:pb or self::tei:lb or self::tei:milestone or self::tei:anchor or self::tei:cb">
                <li class="list-aside"><xsl:apply-templates select="." mode="inline"/></li>
              </xsl:when>
              <xsl:when test="self::*"><li><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"/></xsl:if><xsl:call-template name="mixed"/></li></xsl:when>
              <xsl:when test="self::text()[normalize-space()]"><li><xsl:value-of select="."/></li></xsl:when>
            </xsl:choose>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:head" mode="list-head">
    <div class="list-head"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'list-head'"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></div>
  </xsl:template>

  <xsl:template match="tei:table" mode="body">
    <div class="table-wrap">
      <table class="tei-table"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'tei-table'"/></xsl:call-template></xsl:if>
        <xsl:for-each select="tei:head[1]"><caption><xsl:call-template name="inline-children"/></caption></xsl:for-each>
        <tbody>
          <xsl:for-each select="tei:row">
            <tr><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"/></xsl:if>
              <xsl:for-each select="tei:cell">
                <xsl:element name="{substring('tdth', 1 + 2 * (@role = 'label' or ../@role = 'label'), 2)}">
                  <xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"/></xsl:if>
                  <xsl:if test="@cols &gt; 1"><xsl:attribute name="colspan"><xsl:value-of select="@cols"/></xsl:attribute></xsl:if>
                  <xsl:if test="@rows &gt; 1"><xsl:attribute name="rowspan"><xsl:value-of select="@rows"/></xsl:attribute></xsl:if>
                  <xsl:call-template name="mixed"/>
                </xsl:element>
              </xsl:for-each>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      <xsl:apply-templates select="node()[not(self::tei:row)][not(self::tei:head[1][not(preceding-sibling::tei:head)])]" mode="body"/>
    </div>
  </xsl:template>

  <!-- ================= quotations ================= -->
  <xsl:template match="tei:quote | tei:q | tei:said" mode="body">
    <blockquote class="tei-{local-name()}"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('tei-', local-name())"/></xsl:call-template></xsl:if><xsl:call-template name="mixed"/></blockquote>
  </xsl:template>
  <xsl:template match="tei:quote | tei:q | tei:said" mode="inline">
    <xsl:choose>
      <xsl:when test="tei:p | tei:lg | tei:l | tei:list | tei:table | tei:sp | tei:ab">
        <blockquote class="tei-{local-name()}"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('tei-', local-name())"/></xsl:call-template></xsl:if><xsl:apply-templates mode="body"/></blockquote>
      </xsl:when>
      <xsl:otherwise>
        <q class="tei-{local-name()}"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('tei-', local-name())"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></q>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================= figures and facsimiles ================= -->
  <xsl:template match="tei:figure" mode="body">
    <xsl:variable name="caption" select="tei:head | tei:figDesc"/>
    <xsl:variable name="first" select="boolean(*[1][self::tei:head or self::tei:figDesc])"/>
    <figure><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"/></xsl:if>
      <xsl:if test="$caption and $first"><xsl:call-template name="figcaption"/></xsl:if>
      <xsl:apply-templates select="node()[not(self::tei:head or self::tei:figDesc)]" mode="body"/>
      <xsl:if test="$caption and not($first)"><xsl:call-template name="figcaption"/></xsl:if>
    </figure>
  </xsl:template>
  <xsl:template name="figcaption">
    <figcaption>
      <xsl:for-each select="tei:head | tei:figDesc">
        <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
        <span class="{local-name()}"><xsl:call-template name="inline-children"/></span>
      </xsl:for-each>
    </figcaption>
  </xsl:template>
  <xsl:template match="tei:figDesc" mode="inline"/>
  <xsl:template match="tei:graphic | tei:media" mode="body"><xsl:apply-templates select="." mode="inline"/></xsl:template>
  <xsl:template match="tei:graphic | tei:media" mode="inline">
    <xsl:variable name="src"><xsl:call-template name="image-src"><xsl:with-param name="url" select="@url"/></xsl:call-template></xsl:variable>
    <xsl:if test="string($src)">
      <img src="{$src}" loading="lazy" class="graphic">
        <xsl:call-template name="id-attr"/>
        <xsl:attribute name="alt">
          <xsl:value-of select="normalize-space((tei:desc | ../tei:figDesc | ../tei:head | ../tei:label)[1])"/>
        </xsl:attribute>
      </img>
    </xsl:if>
  </xsl:template>
  <xsl:template match="tei:facsimile" mode="facsimile">
    <section class="facsimile" aria-label="Facsimile">
      <xsl:call-template name="id-attr"/>
      <h2>Facsimile</h2>
      <xsl:apply-templates select="tei:surface | tei:surfaceGrp | tei:graphic" mode="body"/>
    </section>
  </xsl:template>
  <xsl:template match="tei:surfaceGrp" mode="body">
    <div class="surfaceGrp"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'surfaceGrp'"/></xsl:call-template></xsl:if><xsl:apply-templates mode="body"/></div>
  </xsl:template>
  <xsl:template match="tei:surface" mode="body">
    <figure class="surface"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'surface'"/></xsl:call-template></xsl:if>
      <xsl:apply-templates select="tei:graphic | tei:media" mode="inline"/>
      <figcaption>
        <xsl:choose>
          <xsl:when test="tei:label | tei:desc | tei:head"><xsl:apply-templates select="(tei:label | tei:desc | tei:head)[1]" mode="inline"/></xsl:when>
          <xsl:when test="@n">Page <xsl:value-of select="@n"/></xsl:when>
          <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
        </xsl:choose>
      </figcaption>
    </figure>
    <xsl:apply-templates select="*[not(self::tei:graphic or self::tei:media or self::tei:label or self::tei:desc or self::tei:head)]" mode="body"/>
  </xsl:template>

  <!-- ================= phrases ================= -->
  <xsl:template match="tei:emph" mode="inline"><em><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"/></xsl:if><xsl:call-template name="inline-children"/></em></xsl:template>
  <!-- hi: its @rend/@rendition as classes (r-bold, r-sup, rnd-ID ...) styled by the page's CSS;
       without either, italic -->
  <xsl:template match="tei:hi" mode="inline">
    <xsl:choose>
      <xsl:when test="@rend or @rendition or @style"><span class="hi"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'hi'"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></span></xsl:when>
      <xsl:otherwise><em class="hi"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'hi'"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></em></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:title" mode="inline"><cite><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"/></xsl:if><xsl:call-template name="inline-children"/></cite></xsl:template>
  <xsl:template match="tei:foreign | tei:term | tei:mentioned | tei:soCalled | tei:gloss" mode="inline">
    <i class="tei-{local-name()}"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('tei-', local-name())"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></i>
  </xsl:template>
  <xsl:template match="tei:label" mode="inline"><span class="label"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'label'"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></span></xsl:template>
  <xsl:template match="tei:code" mode="inline"><code><xsl:call-template name="inline-children"/></code></xsl:template>
  <xsl:template match="tei:figure | tei:lg | tei:l | tei:sp | tei:speaker | tei:table | tei:list | tei:listBibl | tei:castList | tei:p | tei:ab | tei:floatingText | tei:div | tei:cit | tei:spGrp | tei:head" mode="inline">
    <xsl:apply-templates select="." mode="body"/>
  </xsl:template>

  <!-- ref/ptr: a same-document target when it exists here, a URL, a relative file, or a
       prefixDef'd private URI; anything else as text. A pointer to a note is its note link. -->
  <xsl:template match="tei:ref | tei:ptr" mode="inline">
    <xsl:variable name="t" select="substring-before(concat(normalize-space(@target), ' '), ' ')"/>
    <!-- key() only for a '#' target: the first key() call builds every key of the stylesheet
         (one walk of the document each), which a document of URLs alone never needs -->
    <xsl:choose>
      <xsl:when test="starts-with($t, '#')">
        <xsl:call-template name="ref-body"><xsl:with-param name="t" select="$t"/><xsl:with-param name="local" select="key('id', substring($t, 2))[1]"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="ref-body"><xsl:with-param name="t" select="$t"/><xsl:with-param name="local" select="/.."/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="ref-body">
    <xsl:param name="t"/>
    <xsl:param name="local"/>
    <xsl:variable name="href">
      <xsl:choose>
        <xsl:when test="starts-with($t, '#')"><xsl:if test="$local"><xsl:value-of select="$t"/></xsl:if></xsl:when>
        <xsl:otherwise><xsl:call-template name="resolve-uri"><xsl:with-param name="url" select="$t"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($href)">
        <a href="{$href}">
          <xsl:choose>
            <xsl:when test="$local/self::tei:note">
              <xsl:attribute name="class">noteref</xsl:attribute><xsl:attribute name="role">doc-noteref</xsl:attribute>
              <xsl:if test="count(key('plain-pointed', $t)[1] | .) = 1"><xsl:attribute name="id">ref-<xsl:value-of select="substring($t, 2)"/>-1</xsl:attribute></xsl:if>
            </xsl:when>
            <xsl:otherwise><xsl:call-template name="id-attr"/></xsl:otherwise>
          </xsl:choose>
          <xsl:call-template name="lang-attr"/>
          <xsl:call-template name="inline-children"/>
          <xsl:if test="not(node())">
            <xsl:choose>
              <xsl:when test="$local/self::tei:note"><sup><xsl:value-of select="($local/@n | $t)[1]"/></sup></xsl:when>
              <xsl:when test="$local/@n"><xsl:value-of select="$local/@n"/></xsl:when>
              <xsl:when test="$local/tei:head"><xsl:value-of select="normalize-space($local/tei:head[1])"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
            </xsl:choose>
          </xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise><span class="tei-{local-name()}"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('tei-', local-name())"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/><xsl:if test="not(node())"><xsl:value-of select="@target"/></xsl:if></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- an absolute http(s)/mailto URL, a relative reference (no scheme), or a prefixDef'd
       private URI ('pmb:123' with a replacementPattern holding $1); else '' -->
  <!-- the prefixDefs, found once (most documents have none: then no lookup per pointer) -->
  <xsl:variable name="prefix-defs" select="(/* | /*/tei:TEI)/tei:teiHeader/tei:encodingDesc/tei:listPrefixDef/tei:prefixDef"/>
  <xsl:template name="resolve-uri">
    <xsl:param name="url"/>
    <xsl:variable name="u" select="normalize-space($url)"/>
    <xsl:variable name="def" select="$prefix-defs[@ident = substring-before($u, ':')][1]"/>
    <xsl:choose>
      <xsl:when test="$def and substring-before($u, ':') and contains($def/@replacementPattern, '$1')">
        <xsl:call-template name="safe-href"><xsl:with-param name="url" select="str:replace($def/@replacementPattern, '$1', substring-after($u, ':'))"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="image-src"><xsl:with-param name="url" select="$u"/><xsl:with-param name="iiif" select="false()"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- a URL safe to load or link: http(s), mailto, or relative (kept relative); an IIIF image
       service base gets the full image path -->
  <xsl:template name="image-src">
    <xsl:param name="url"/>
    <xsl:param name="iiif" select="true()"/>
    <xsl:variable name="u" select="normalize-space($url)"/>
    <!-- the usual lower-case scheme tested first; the scheme's case folded only for the letters
         that can match (translate() costs per character and per letter of its second argument) -->
    <xsl:choose>
      <xsl:when test="not($u) or contains($u, ' ') or contains($u, '\')"/>
      <xsl:when test="starts-with($u, 'https://') or starts-with($u, 'http://') or starts-with(translate(substring($u, 1, 8), 'HTPS', 'htps'), 'http://') or starts-with(translate(substring($u, 1, 8), 'HTPS', 'htps'), 'https://')">
        <xsl:value-of select="$u"/>
        <xsl:if test="$iiif and contains($u, '/iiif/') and not(contains($u, '/full/')) and not(contains(str:tokenize($u, '/')[last()], '.'))">/full/!1200,1200/0/default.jpg</xsl:if>
      </xsl:when>
      <xsl:when test="not($iiif) and starts-with(translate(substring($u, 1, 7), 'MAILTO', 'mailto'), 'mailto:')"><xsl:value-of select="$u"/></xsl:when>
      <xsl:when test="not(contains(substring-before(concat(translate($u, '?#', '//'), '/'), '/'), ':')) and not(starts-with($u, '//'))"><xsl:value-of select="$u"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- any other element: blocks or text, by what it holds -->
  <xsl:template match="*" mode="body">
    <div class="tei-{local-name()}"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('tei-', local-name())"/></xsl:call-template></xsl:if><xsl:call-template name="mixed"/></div>
  </xsl:template>
  <xsl:template match="*" mode="inline">
    <span class="tei-{local-name()}"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('tei-', local-name())"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></span>
  </xsl:template>
  <!-- content that may be blocks or a line of text: blocks when there is no text of its own and
       some child is a block-level TEI element -->
  <xsl:template name="mixed">
    <xsl:choose>
      <xsl:when test="text()[normalize-space()] or not(*[contains($BLOCKS, concat(' ', local-name(), ' '))])"><xsl:call-template name="inline-children"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="body"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:variable name="BLOCKS" select="' p ab div div1 div2 div3 div4 div5 div6 div7 list listBibl table lg l sp spGrp head figure graphic surface zone line msItem msItemStruct msContents physDesc history objectDesc supportDesc handDesc decoDesc additions layoutDesc bindingDesc sealDesc accMat origin provenance acquisition summary person place org event listPerson listPlace listOrg listEvent listRelation item bibl biblStruct listWit witness quote cit opener closer salute signed dateline address castList castItem castGroup stage speaker trailer byline docTitle titlePart docAuthor docDate docImprint epigraph argument titlePage floatingText postscript incident entry form sense birth death occupation residence '"/>

  <!-- ================= table of contents ================= -->
  <xsl:template name="toc">
    <xsl:param name="text"/>
    <xsl:if test="($text/descendant::tei:head[parent::tei:div or parent::tei:div1 or parent::tei:div2 or parent::tei:div3])[2]">
      <nav class="toc" aria-label="Contents">
        <details open="open"><summary>Contents</summary>
          <ol><xsl:apply-templates select="$text/*/*[self::tei:div or self::tei:div1]" mode="toc"/></ol>
        </details>
      </nav>
    </xsl:if>
  </xsl:template>
  <xsl:template match="*" mode="toc">
    <xsl:variable name="subs" select="tei:div | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6"/>
    <xsl:choose>
      <xsl:when test="tei:head">
        <li>
          <a><xsl:attribute name="href">#<xsl:call-template name="div-id"/></xsl:attribute><xsl:call-template name="plain-text"><xsl:with-param name="node" select="tei:head[1]"/></xsl:call-template></a>
          <xsl:if test="$subs[tei:head]"><ol><xsl:apply-templates select="$subs" mode="toc"/></ol></xsl:if>
        </li>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="$subs" mode="toc"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================= attributes ================= -->
  <!-- id, lang, and rendering: @rend tokens as classes r-TOKEN, @rendition '#ID' as rnd-ID
       (tagsDecl's CSS), 'simple:' values as r-VALUE, a safe @style kept -->
  <xsl:template name="attrs">
    <xsl:param name="class" select="''"/>
    <xsl:if test="@xml:id"><xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute></xsl:if>
    <xsl:if test="@xml:lang"><xsl:attribute name="lang"><xsl:choose><xsl:when test="string-length(substring-before(concat(@xml:lang, '-'), '-')) = 3"><xsl:call-template name="html-lang"/></xsl:when><xsl:otherwise><xsl:value-of select="@xml:lang"/></xsl:otherwise></xsl:choose></xsl:attribute><xsl:call-template name="dir-attr"/></xsl:if>
    <!-- one branch per case, the cheap tests first (translate() is slow in libxml2); each class
         attribute one concat (an instruction is ~1 µs, a call-template more) -->
    <xsl:choose>
      <xsl:when test="@rendition">
        <xsl:choose>
          <xsl:when test="not(@rend) and starts-with(@rendition, '#') and not(contains(substring(@rendition, 2), '#')) and translate(@rendition, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_#', '') = ''">
            <!-- one pointer to a rendition: its CSS class, and its id as a rend token -->
            <xsl:attribute name="class"><xsl:value-of select="concat($class, substring(' ', 1, string-length($class)), 'r-', translate(substring(@rendition, 2), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), ' rnd-', substring(@rendition, 2))"/></xsl:attribute>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="rend-classes"><xsl:with-param name="class" select="$class"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="@rend">
        <xsl:choose>
          <xsl:when test="translate(@rend, 'abcdefghijklmnopqrstuvwxyz0123456789-', '') = ''">
            <!-- the usual case, one lower-case token: no tokenising -->
            <xsl:attribute name="class"><xsl:value-of select="concat($class, substring(' ', 1, string-length($class)), 'r-', @rend)"/></xsl:attribute>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="rend-classes"><xsl:with-param name="class" select="$class"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$class"><xsl:attribute name="class"><xsl:value-of select="$class"/></xsl:attribute></xsl:when>
    </xsl:choose>
    <xsl:if test="@style and contains(@style, ':') and not(contains(@style, '(') or contains(@style, '\') or contains(@style, '@') or contains(@style, '&lt;'))">
      <xsl:attribute name="style"><xsl:value-of select="@style"/></xsl:attribute>
    </xsl:if>
  </xsl:template>
  <!-- any other @rend/@rendition: each token a class r-TOKEN, each '#ID' also rnd-ID -->
  <xsl:template name="rend-classes">
    <xsl:param name="class"/>
    <xsl:variable name="low" select="translate(concat(@rend, ' ', translate(@rendition, '#', ' ')), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ:;,()', 'abcdefghijklmnopqrstuvwxyz     ')"/>
    <xsl:variable name="clean" select="normalize-space(translate($low, translate($low, 'abcdefghijklmnopqrstuvwxyz0123456789-_ ', ''), ''))"/>
    <xsl:if test="$clean or $class">
      <xsl:attribute name="class">
        <xsl:if test="$class"><xsl:value-of select="$class"/><xsl:text> </xsl:text></xsl:if>
        <xsl:if test="$clean"><xsl:value-of select="concat('r-', str:replace($clean, ' ', ' r-'))"/></xsl:if>
        <xsl:for-each select="str:tokenize(normalize-space(@rendition), ' ')[starts-with(., '#')]"> rnd-<xsl:value-of select="translate(substring(., 2), '.:', '__')"/></xsl:for-each>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>
  <xsl:template name="rendition-css">
    <xsl:for-each select="$renditions[not(contains(., '{') or contains(., '}') or contains(., '&lt;') or contains(., '@') or contains(., '\') or contains(., '('))]">
.rnd-<xsl:value-of select="translate(@xml:id, '.:', '__')"/>{<xsl:value-of select="normalize-space(.)"/>}</xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
