<?xml version="1.0" encoding="UTF-8"?>
<!--
  Included by edition.xsl: what an edition adds to the text. Notes (footnotes with numbered
  links both ways; a note a pointer targets stays where it is), the apparatus (app as lemma and
  a marked entry, listApp) and one reading of a choice; transcription marks (del, add, unclear,
  gap, supplied, surplus, ex in Leiden-style brackets); page, line and column breaks and spaces
  (a word broken at break="no" reads whole). The keys it uses are declared in edition.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:str="http://exslt.org/strings"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="tei str exsl">

  <!-- ================= notes ================= -->
  <xsl:template match="tei:note" mode="body">
    <!-- a footnote: a note of the text that no ref/ptr points to (as $fn-notes selects) -->
    <xsl:choose>
      <xsl:when test="not(ancestor::tei:teiHeader or ancestor::tei:standOff) and not(@xml:id and key('plain-pointed', concat('#', @xml:id)))"><div class="fn-anchor"><xsl:apply-templates select="." mode="inline"/></div></xsl:when>
      <xsl:otherwise><xsl:call-template name="endnote"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:note" mode="inline">
    <!-- a footnote: a note of the text that no ref/ptr points to (as $fn-notes selects) -->
    <xsl:choose>
      <xsl:when test="not(ancestor::tei:teiHeader or ancestor::tei:standOff) and not(@xml:id and key('plain-pointed', concat('#', @xml:id)))">
        <xsl:variable name="id"><xsl:call-template name="fn-id"/></xsl:variable>
        <xsl:variable name="label"><xsl:call-template name="fn-label"/></xsl:variable>
        <a class="fnref" id="fnref-{$id}" href="#{$id}" role="doc-noteref" aria-label="note {$label}" data-n="{$label}"></a>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="endnote"><xsl:with-param name="tag" select="'span'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- a note a ref/ptr points to: where it stands, with a link back to the first pointer -->
  <xsl:template name="endnote">
    <xsl:param name="tag" select="'aside'"/>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class">tei-note endnote</xsl:attribute>
      <xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'tei-note endnote'"/></xsl:call-template></xsl:if>
      <xsl:if test="@xml:id">
        <a class="backref" href="#ref-{@xml:id}-1" aria-label="back to the text">
          <xsl:choose><xsl:when test="@n"><xsl:value-of select="@n"/></xsl:when><xsl:otherwise>↩</xsl:otherwise></xsl:choose>
        </a><xsl:text> </xsl:text>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$tag = 'span'"><xsl:call-template name="inline-children"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="mixed"/></xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>
  <xsl:template name="fn-id">
    <xsl:choose>
      <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
      <xsl:otherwise>fn-<xsl:value-of select="generate-id()"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="fn-label">
    <xsl:variable name="gid" select="generate-id()"/>
    <xsl:choose>
      <xsl:when test="normalize-space(@n) and string-length(normalize-space(@n)) &lt; 6"><xsl:value-of select="normalize-space(@n)"/></xsl:when>
      <xsl:otherwise><xsl:for-each select="$fn-index"><xsl:value-of select="key('fn-pos', $gid)/@pos"/></xsl:for-each></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- the footnotes of $scope, after its text -->
  <xsl:template name="footnotes">
    <xsl:param name="scope" select="."/>
    <!-- one document: every footnote; in a corpus, those of $scope's TEI -->
    <xsl:variable name="one" select="not($records[2])"/>
    <xsl:variable name="notes" select="$fn-notes[$one or count(ancestor::tei:TEI[1] | $scope) = 1]"/>
    <xsl:if test="$notes">
      <section class="footnotes" role="doc-endnotes" aria-label="Notes">
        <h2>Notes</h2>
        <ol>
          <xsl:for-each select="$notes">
            <xsl:variable name="id"><xsl:call-template name="fn-id"/></xsl:variable>
            <li id="{$id}" class="footnote"><xsl:call-template name="lang-attr"/>
              <a class="backref" href="#fnref-{$id}" aria-label="back to the text"><xsl:call-template name="fn-label"/></a>
              <xsl:text> </xsl:text>
              <div class="fn-body"><xsl:call-template name="mixed"/></div>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
    <xsl:variable name="apps" select="$fn-apps[$one or count(ancestor::tei:TEI[1] | $scope) = 1]"/>
    <xsl:if test="$apps">
      <section class="apparatus" aria-label="Apparatus">
        <h2>Apparatus</h2>
        <ol>
          <xsl:for-each select="$apps">
            <xsl:variable name="id" select="concat('app-', generate-id())"/>
            <li id="{$id}">
              <a class="backref" href="#ref-{$id}" aria-label="back to the text"><xsl:call-template name="app-label"/></a>
              <xsl:text> </xsl:text>
              <xsl:apply-templates select="(tei:lem | tei:rdg)[1]" mode="inline"/>
              <xsl:text>] </xsl:text>
              <xsl:for-each select="tei:rdg[not(count(. | (current()/tei:lem | current()/tei:rdg)[1]) = 1)] | tei:rdgGrp/tei:rdg | tei:note | tei:witDetail">
                <xsl:if test="position() &gt; 1">; </xsl:if>
                <span class="rdg">
                  <xsl:choose>
                    <xsl:when test="self::tei:rdg and not(node())"><em>om.</em></xsl:when>
                    <xsl:otherwise><xsl:call-template name="inline-children"/></xsl:otherwise>
                  </xsl:choose>
                </span>
                <xsl:if test="@wit | @source"><xsl:text> </xsl:text><span class="wit"><xsl:value-of select="normalize-space(translate(concat(@wit, ' ', @source), '#', ''))"/></span></xsl:if>
              </xsl:for-each>
              <xsl:if test="tei:lem/@wit"><xsl:text> (lemma: </xsl:text><xsl:value-of select="normalize-space(translate(tei:lem/@wit, '#', ''))"/>)</xsl:if>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>
  <xsl:template name="app-label">
    <xsl:variable name="gid" select="generate-id()"/>
    <xsl:for-each select="$fn-index"><xsl:number value="key('fn-pos', $gid)/@pos" format="a"/></xsl:for-each>
  </xsl:template>

  <!-- ================= apparatus and readings ================= -->
  <xsl:template match="tei:app" mode="inline">
    <span class="app"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'app'"/></xsl:call-template></xsl:if>
      <xsl:apply-templates select="(tei:lem | tei:rdg | tei:rdgGrp/tei:rdg)[1]" mode="inline"/>
      <xsl:variable name="label"><xsl:call-template name="app-label"/></xsl:variable>
      <a class="appref" id="ref-app-{generate-id()}" href="#app-{generate-id()}" role="doc-noteref" aria-label="apparatus {$label}" data-n="{$label}"></a>
    </span>
  </xsl:template>
  <xsl:template match="tei:app" mode="body"><div class="app-block"><xsl:apply-templates select="." mode="inline"/></div></xsl:template>
  <!-- an apparatus list of its own (EpiDoc's listApp): one entry per app, "loc: lemma] readings" -->
  <xsl:template match="tei:listApp" mode="body">
    <ul class="listApp"><xsl:call-template name="id-attr"/>
      <xsl:for-each select="tei:app">
        <li><xsl:call-template name="id-attr"/>
          <xsl:if test="@loc"><span class="app-loc"><xsl:value-of select="@loc"/></span><xsl:text> </xsl:text></xsl:if>
          <xsl:if test="tei:lem"><xsl:apply-templates select="tei:lem" mode="inline"/>] </xsl:if>
          <xsl:for-each select="tei:rdg | tei:rdgGrp/tei:rdg">
            <xsl:if test="position() &gt; 1">; </xsl:if>
            <span class="rdg"><xsl:call-template name="inline-children"/></span>
            <xsl:if test="@wit | @source"><xsl:text> </xsl:text><span class="wit"><xsl:value-of select="normalize-space(translate(concat(@wit, ' ', @source), '#', ''))"/></span></xsl:if>
          </xsl:for-each>
          <xsl:apply-templates select="*[not(self::tei:lem or self::tei:rdg or self::tei:rdgGrp)]" mode="inline"/>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>
  <xsl:template match="tei:lem | tei:rdg" mode="inline"><span class="{local-name()}"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="local-name()"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></span></xsl:template>

  <!-- choice: the edited reading (corr, reg, expan) shown, the other in a tooltip and shown
       instead by the page's "original readings" switch (or reading='original') -->
  <xsl:template match="tei:choice" mode="inline">
    <xsl:variable name="ed" select="(tei:corr | tei:reg | tei:expan | tei:choice[tei:corr | tei:reg | tei:expan])[1]"/>
    <xsl:variable name="shown" select="$ed | *[1][not($ed)]"/>
    <xsl:variable name="others" select="*[count(. | $shown) != 1]"/>
    <span class="choice" title="{local-name($others[1])}: {normalize-space($others[1])}">
      <span class="ed"><xsl:apply-templates select="$shown" mode="inline"/></span>
      <xsl:if test="$others"><span class="orig"><xsl:apply-templates select="$others[1]" mode="inline"/></span></xsl:if>
    </span>
  </xsl:template>
  <xsl:template match="tei:choice" mode="body"><div class="choice-block"><xsl:apply-templates select="." mode="inline"/></div></xsl:template>
  <xsl:template match="tei:sic | tei:corr | tei:reg | tei:orig | tei:abbr | tei:expan | tei:seg | tei:w | tei:pc | tei:c | tei:g | tei:am | tei:num | tei:measure | tei:unit | tei:phr | tei:cl" mode="inline">
    <span class="tei-{local-name()}"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('tei-', local-name())"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></span>
  </xsl:template>

  <!-- ================= transcription ================= -->
  <xsl:template match="tei:del" mode="inline">
    <del><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"/></xsl:if><xsl:call-template name="reason-title"><xsl:with-param name="what" select="'deleted'"/></xsl:call-template><xsl:call-template name="inline-children"/></del>
  </xsl:template>
  <xsl:template match="tei:add" mode="inline">
    <ins class="add"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'add'"/></xsl:call-template></xsl:if>
      <xsl:attribute name="title">added<xsl:if test="@place"> (<xsl:value-of select="@place"/>)</xsl:if><xsl:if test="@hand"> by <xsl:value-of select="translate(@hand, '#', '')"/></xsl:if></xsl:attribute>
      <xsl:call-template name="inline-children"/>
    </ins>
  </xsl:template>
  <xsl:template match="tei:subst | tei:mod | tei:restore | tei:retrace | tei:redo | tei:undo | tei:metamark | tei:handShift | tei:damage | tei:secl | tei:space[normalize-space()]" mode="inline">
    <span class="tei-{local-name()}"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('tei-', local-name())"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></span>
  </xsl:template>
  <xsl:template match="tei:unclear" mode="inline">
    <span class="unclear"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'unclear'"/></xsl:call-template></xsl:if><xsl:call-template name="reason-title"><xsl:with-param name="what" select="'unclear'"/></xsl:call-template>
      <xsl:call-template name="inline-children"/>
      <xsl:if test="not(normalize-space())">[?]</xsl:if>
    </span>
  </xsl:template>
  <xsl:template match="tei:supplied" mode="inline">
    <xsl:variable name="brackets">
      <xsl:choose>
        <xsl:when test="@reason = 'omitted'">⟨⟩</xsl:when>
        <xsl:when test="@reason = 'subaudible'">()</xsl:when>
        <xsl:otherwise>[]</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <span class="supplied"><xsl:call-template name="reason-title"><xsl:with-param name="what" select="'supplied by the editor'"/></xsl:call-template><xsl:value-of select="substring($brackets, 1, 1)"/><xsl:call-template name="inline-children"/><xsl:value-of select="substring($brackets, 2, 1)"/></span>
  </xsl:template>
  <xsl:template match="tei:surplus" mode="inline"><span class="surplus" title="surplus">{<xsl:call-template name="inline-children"/>}</span></xsl:template>
  <xsl:template match="tei:gap" mode="inline">
    <span class="gap">
      <xsl:attribute name="title">omitted<xsl:if test="@reason">: <xsl:value-of select="@reason"/></xsl:if><xsl:if test="@quantity or @extent"> (<xsl:value-of select="normalize-space(concat(@quantity, ' ', @extent, ' ', @unit))"/>)</xsl:if></xsl:attribute>
      <xsl:choose>
        <xsl:when test="normalize-space()">[<xsl:call-template name="inline-children"/>]</xsl:when>
        <xsl:when test="(@unit = 'character' or @unit = 'chars' or @unit = 'char') and @quantity &gt; 0 and @quantity &lt; 16">[<xsl:value-of select="substring('. . . . . . . . . . . . . . . .', 1, 2 * @quantity - 1)"/>]</xsl:when>
        <xsl:otherwise>[…]</xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>
  <!-- ex: in parentheses (Leiden), in brackets in teikit's own records (as they always were) -->
  <xsl:template match="tei:ex" mode="inline">
    <xsl:variable name="b" select="substring('()[]', 1 + 2 * boolean(ancestor::tei:TEI[1]/tei:teiHeader/tei:encodingDesc/tei:appInfo/tei:application[@ident = 'teikit']), 2)"/>
    <span class="ex" title="expanded abbreviation"><xsl:value-of select="substring($b, 1, 1)"/><xsl:call-template name="inline-children"/><xsl:value-of select="substring($b, 2, 1)"/></span>
  </xsl:template>
  <xsl:template name="reason-title">
    <xsl:param name="what"/>
    <xsl:attribute name="title"><xsl:value-of select="$what"/><xsl:if test="@reason">: <xsl:value-of select="@reason"/></xsl:if><xsl:if test="@rend"> (<xsl:value-of select="@rend"/>)</xsl:if></xsl:attribute>
  </xsl:template>

  <!-- ================= breaks and spaces ================= -->
  <!-- the children of an element in mode inline. Only an element with a break="no" among its
       children needs the text() patterns below (each predicate is an XPath evaluation per text
       node: a third of the time on a long novel), so only its children go through mode
       inline-join; elsewhere text is copied by the built-in rule -->
  <xsl:template name="inline-children">
    <xsl:choose>
      <xsl:when test="tei:lb[@break = 'no'] or tei:pb[@break = 'no'] or tei:cb[@break = 'no']"><xsl:apply-templates mode="inline-join"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="*" mode="inline-join"><xsl:apply-templates select="." mode="inline"/></xsl:template>
  <!-- a word broken at a break="no": the white space at the break (text before it, after it)
       is dropped, so the two halves join -->
  <xsl:template match="text()[following-sibling::node()[1]/self::*[@break = 'no'][self::tei:lb or self::tei:pb or self::tei:cb]]" mode="inline-join" priority="2">
    <xsl:call-template name="trim-at-break">
      <xsl:with-param name="lead" select="boolean(preceding-sibling::node()[1]/self::*[@break = 'no'][self::tei:lb or self::tei:pb or self::tei:cb])"/>
      <xsl:with-param name="trail" select="true()"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="text()[preceding-sibling::node()[1]/self::*[@break = 'no'][self::tei:lb or self::tei:pb or self::tei:cb]]" mode="inline-join" priority="1">
    <xsl:call-template name="trim-at-break"><xsl:with-param name="lead" select="true()"/></xsl:call-template>
  </xsl:template>
  <!-- a line break inside a word (break="no", or a hidden/in-word break between letters) joins -->
  <xsl:template match="tei:lb" mode="inline">
    <xsl:if test="not(@break = 'no' or contains(@type, 'nWord') or contains(@type, 'hyphen') or @rend = 'hidden' and not(contains(' &#9;&#10;&#13;', substring(preceding-sibling::node()[1]/self::text(), string-length(preceding-sibling::node()[1])))))"><br/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:cb" mode="inline"><xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if></xsl:template>
  <xsl:template match="tei:lb | tei:cb | tei:milestone | tei:anchor | tei:fw | tei:index | tei:link | tei:linkGrp | tei:join | tei:span | tei:spanGrp | tei:interpGrp | tei:interp | tei:alt | tei:altGrp" mode="body"><xsl:apply-templates select="." mode="inline"/></xsl:template>
  <xsl:template match="tei:anchor" mode="inline"><span class="anchor"><xsl:call-template name="id-attr"/></span></xsl:template>
  <xsl:template match="tei:milestone" mode="inline"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="tei:index | tei:link | tei:linkGrp | tei:join | tei:span | tei:spanGrp | tei:interpGrp | tei:interp | tei:alt | tei:altGrp" mode="inline"/>
  <xsl:template match="tei:fw" mode="inline"><span class="fw"><xsl:if test="@* and (@xml:id or @xml:lang or @rend or @rendition or @style)"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'fw'"/></xsl:call-template></xsl:if><xsl:call-template name="inline-children"/></span></xsl:template>
  <xsl:template match="tei:space" mode="inline">
    <xsl:choose>
      <xsl:when test="@dim = 'vertical'"><br/></xsl:when>
      <xsl:otherwise><span class="space" title="space"><xsl:text> </xsl:text></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- pb: the page number, linked to its facsimile; inside a broken word the number is CSS
       content, so the word reads whole -->
  <xsl:template match="tei:pb" mode="body">
    <div class="pb-block"><xsl:apply-templates select="." mode="inline"/></div>
  </xsl:template>
  <xsl:template match="tei:pb" mode="inline">
    <xsl:choose>
      <!-- the usual page break, a number alone: written in place (pb-content's result) -->
      <xsl:when test="not(@facs or @break or @xml:id)"><span class="pb" title="{normalize-space(concat('page ', normalize-space(@n)))}"><xsl:value-of select="normalize-space(@n)"/><xsl:if test="not(normalize-space(@n))">¶</xsl:if></span></xsl:when>
      <xsl:when test="@facs">
        <xsl:variable name="facs"><xsl:call-template name="facs-url"/></xsl:variable>
        <xsl:choose>
          <xsl:when test="string($facs)"><a href="{$facs}"><xsl:call-template name="pb-content"><xsl:with-param name="facs" select="' (facsimile)'"/></xsl:call-template></a></xsl:when>
          <xsl:otherwise><span><xsl:call-template name="pb-content"/></span></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><span><xsl:call-template name="pb-content"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="pb-content">
    <xsl:param name="facs" select="''"/>
    <xsl:variable name="n" select="normalize-space(@n)"/>
    <xsl:attribute name="class">pb<xsl:if test="@break = 'no'"> pb-inword</xsl:if></xsl:attribute>
    <xsl:if test="@xml:id"><xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute></xsl:if>
    <xsl:attribute name="title"><xsl:value-of select="normalize-space(concat('page ', $n))"/><xsl:value-of select="$facs"/></xsl:attribute>
    <xsl:choose>
      <xsl:when test="@break = 'no'"><xsl:attribute name="data-n"><xsl:value-of select="$n"/></xsl:attribute></xsl:when>
      <xsl:when test="$n"><xsl:value-of select="$n"/></xsl:when>
      <xsl:otherwise>¶</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="facs-url">
    <xsl:variable name="f" select="normalize-space(substring-before(concat(normalize-space(@facs), ' '), ' '))"/>
    <xsl:choose>
      <xsl:when test="not($f)"/>
      <xsl:when test="starts-with($f, '#')">
        <xsl:variable name="t" select="key('id', substring($f, 2))[1]"/>
        <xsl:variable name="g" select="($t/self::tei:graphic | $t/tei:graphic | $t/tei:surface/tei:graphic)[1]"/>
        <xsl:choose>
          <xsl:when test="$g"><xsl:call-template name="image-src"><xsl:with-param name="url" select="$g/@url"/></xsl:call-template></xsl:when>
          <xsl:when test="$t"><xsl:value-of select="$f"/></xsl:when>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="image-src"><xsl:with-param name="url" select="$f"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
