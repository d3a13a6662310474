<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared templates: TEI content as plain reading text.

  mode="plain"   inline content of a block as text: editorial brackets for supplied, ex and
                 gap, note anchors as [n], a note as its marker [n] (template plain-notes lists
                 them), one reading of a choice, del and add as ⟦deleted⟧ and `added´, an app's lemma and marker [a], words broken at
                 lb/pb/cb break="no" joined, unknown elements as their text.
  mode="blocks"  a division as blocks separated by blank lines. Known blocks (p, head, l, item,
                 salute, dateline, signed, ...) become one normalised paragraph each; known
                 containers (div, opener, closer, list, lg, ...) are walked unless they hold text of
                 their own (then they are one block); an unknown element is a container when it
                 holds a known block or container, otherwise a block.
  Whitespace inside a block is normalised; lb and a spurious paragraph break
  (milestone[@type='spuriousBreak']) survive as line and paragraph breaks.
  No parameters.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:str="http://exslt.org/strings"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="tei str exsl">

  <xsl:variable name="PARA-MARK" select="'&#xE000;'"/>
  <xsl:variable name="LINE-MARK" select="'&#xE001;'"/>
  <xsl:variable name="NL" select="'&#10;'"/>

  <!-- ========== inline: mode plain ========== -->
  <!-- text, comments, processing instructions and unknown elements take XSLT's built-in rules
       (copy text, drop comments and PIs, walk an element's children in the same mode): the same
       output as explicit templates, and libxslt applies the built-ins without instantiating a
       template (a fifth of the plain-text export's time) -->

  <xsl:template match="tei:supplied" mode="plain">[<xsl:apply-templates mode="plain"/>]</xsl:template>
  <!-- ex: (Leiden) parentheses, but brackets in teikit's own records, as they always were -->
  <xsl:template match="tei:ex" mode="plain">
    <xsl:variable name="b" select="substring('()[]', 1 + 2 * boolean(ancestor::tei:TEI[1]/tei:teiHeader/tei:encodingDesc/tei:appInfo/tei:application[@ident = 'teikit']), 2)"/>
    <xsl:value-of select="substring($b, 1, 1)"/><xsl:apply-templates mode="plain"/><xsl:value-of select="substring($b, 2, 1)"/>
  </xsl:template>
  <xsl:template match="tei:gap" mode="plain">
    <xsl:choose>
      <xsl:when test="normalize-space()">[<xsl:apply-templates mode="plain"/>]</xsl:when>
      <xsl:otherwise>[...]</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:ref[@type='noteAnchor']" mode="plain">[<xsl:apply-templates mode="plain"/>]</xsl:template>
  <xsl:template match="tei:lb" mode="plain"><xsl:value-of select="$LINE-MARK"/></xsl:template>
  <xsl:template match="tei:milestone[@type='spuriousBreak']" mode="plain">
    <xsl:value-of select="$PARA-MARK"/>
  </xsl:template>
  <!-- choice: one reading, the edited one (corr, reg, expan) when there is one -->
  <xsl:template match="tei:choice" mode="plain">
    <xsl:variable name="ed" select="(tei:corr | tei:reg | tei:expan | tei:choice[tei:corr | tei:reg | tei:expan])[1]"/>
    <xsl:apply-templates select="$ed | *[1][not($ed)]" mode="plain"/>
  </xsl:template>
  <!-- app: its lemma (or first reading); the readings are listed with the notes -->
  <xsl:template match="tei:app" mode="plain">
    <xsl:apply-templates select="(tei:lem | tei:rdg | tei:rdgGrp/tei:rdg)[1]" mode="plain"/>
    <xsl:if test="not(parent::tei:listApp)">[<xsl:call-template name="app-mark"/>]</xsl:if>
  </xsl:template>
  <xsl:template match="tei:index | tei:fw" mode="plain"/>
  <!-- a word broken at a break="no" (or a line break between two letters) reads whole -->
  <xsl:template match="tei:lb[@break = 'no'] | tei:pb | tei:cb" mode="plain"/>
  <xsl:template match="text()[following-sibling::node()[1][self::tei:lb or self::tei:pb or self::tei:cb][@break = 'no']]" mode="plain" priority="2">
    <xsl:call-template name="trim-at-break">
      <xsl:with-param name="lead" select="boolean(preceding-sibling::node()[1][self::tei:lb or self::tei:pb or self::tei:cb][@break = 'no'])"/>
      <xsl:with-param name="trail" select="true()"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="text()[preceding-sibling::node()[1][self::tei:lb or self::tei:pb or self::tei:cb][@break = 'no']]" mode="plain" priority="1">
    <xsl:call-template name="trim-at-break"><xsl:with-param name="lead" select="true()"/></xsl:call-template>
  </xsl:template>
  <!-- the text with white space collapsed, without its leading ($lead) or trailing ($trail) space -->
  <xsl:template name="trim-at-break">
    <xsl:param name="lead" select="false()"/>
    <xsl:param name="trail" select="false()"/>
    <xsl:variable name="x" select="normalize-space(concat('x', ., 'x'))"/>
    <xsl:variable name="t" select="substring($x, 2, string-length($x) - 2)"/>
    <xsl:variable name="a" select="1 + ($lead and starts-with($t, ' '))"/>
    <xsl:variable name="b" select="string-length($t) - ($trail and substring($t, string-length($t)) = ' ')"/>
    <xsl:value-of select="substring($t, $a, $b - $a + 1)"/>
  </xsl:template>
  <!-- deletions and additions in the Leiden brackets: ⟦deleted⟧ `added´ -->
  <xsl:template match="tei:del" mode="plain">⟦<xsl:apply-templates mode="plain"/>⟧</xsl:template>
  <xsl:template match="tei:add" mode="plain">`<xsl:apply-templates mode="plain"/>´</xsl:template>
  <xsl:template match="tei:space" mode="plain"><xsl:text> </xsl:text></xsl:template>

  <!-- footnotes of third-party TEI: a note no ref/ptr points to is a marker [n] where it stands
       (n its @n, else its number in the document) and "[n] text" after the document -->
  <xsl:key name="plain-pointed" match="tei:ref | tei:ptr" use="str:tokenize(@target, ' ')"/>
  <xsl:template match="tei:note" mode="plain">
    <xsl:choose>
      <xsl:when test="@xml:id and key('plain-pointed', concat('#', @xml:id))"> [<xsl:apply-templates mode="plain"/>]</xsl:when>
      <xsl:otherwise>[<xsl:call-template name="note-mark"/>]</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="note-mark">
    <xsl:choose>
      <xsl:when test="normalize-space(@n) and string-length(normalize-space(@n)) &lt; 6"><xsl:value-of select="normalize-space(@n)"/></xsl:when>
      <xsl:otherwise><xsl:variable name="gid" select="generate-id()"/><xsl:for-each select="$plain-index"><xsl:value-of select="key('plain-pos', $gid)/@pos"/></xsl:for-each></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="app-mark">
    <xsl:variable name="gid" select="generate-id()"/>
    <xsl:for-each select="$plain-index"><xsl:number value="key('plain-pos', $gid)/@pos" format="a"/></xsl:for-each>
  </xsl:template>
  <!-- notes and apps numbered once, in document order (a key on this list: no quadratic counting) -->
  <xsl:key name="plain-pos" match="n" use="@id"/>
  <xsl:variable name="plain-list">
    <xsl:for-each select="/descendant::tei:note[not(ancestor::tei:teiHeader)]"><n id="{generate-id()}" pos="{position()}"/></xsl:for-each>
    <xsl:for-each select="/descendant::tei:app[not(parent::tei:listApp)]"><n id="{generate-id()}" pos="{position()}"/></xsl:for-each>
  </xsl:variable>
  <xsl:variable name="plain-index" select="exsl:node-set($plain-list)"/>
  <!-- the notes and apparatus of a document (or fragment) $scope, after its text -->
  <xsl:template name="plain-notes">
    <xsl:param name="scope" select="."/>
    <xsl:param name="open" select="'['"/>
    <xsl:param name="close" select="'] '"/>
    <xsl:param name="app-open" select="$open"/>
    <xsl:for-each select="$scope//tei:note[not(ancestor::tei:teiHeader or ancestor::tei:standOff or ancestor::tei:note)][not(@xml:id and key('plain-pointed', concat('#', @xml:id)))]">
      <xsl:value-of select="$open"/><xsl:call-template name="note-mark"/><xsl:value-of select="$close"/>
      <xsl:call-template name="plain-text"/>
      <xsl:value-of select="concat($NL, $NL)"/>
    </xsl:for-each>
    <xsl:for-each select="$scope//tei:app[not(parent::tei:listApp or ancestor::tei:teiHeader)]">
      <xsl:value-of select="$app-open"/><xsl:call-template name="app-mark"/><xsl:value-of select="$close"/>
      <xsl:call-template name="plain-text"><xsl:with-param name="node" select="(tei:lem | tei:rdg)[1]"/></xsl:call-template>
      <xsl:text>]</xsl:text>
      <xsl:for-each select="tei:rdg[count(. | (current()/tei:lem | current()/tei:rdg)[1]) != 1] | tei:rdgGrp/tei:rdg">
        <xsl:text> </xsl:text><xsl:call-template name="plain-text"/>
        <xsl:if test="@wit"><xsl:value-of select="concat(' ', normalize-space(translate(@wit, '#', '')))"/></xsl:if>
        <xsl:if test="position() != last()">;</xsl:if>
      </xsl:for-each>
      <xsl:value-of select="concat($NL, $NL)"/>
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
    <xsl:value-of select="namespace-uri($el) = 'http://www.tei-c.org/ns/1.0' and contains(' p head l item salute dateline signed ab trailer byline docAuthor docDate docEdition titlePart speaker note bibl biblStruct cell epigraph label argument stage imprimatur meeting castItem desc caption quote u addrLine line ', $n)"/>
  </xsl:template>

  <xsl:variable name="CONTAINERS" select="' TEI teiCorpus text group body front back div div1 div2 div3 div4 div5 div6 div7 opener closer list lg table row listBibl sp figure floatingText titlePage docImprint castList castGroup listPerson listPlace listOrg listEvent postscript spGrp lg1 address surface zone surfaceGrp sourceDoc listApp '"/>

  <xsl:template match="text()" mode="blocks">
    <xsl:if test="normalize-space(.)">
      <xsl:value-of select="normalize-space(.)"/><xsl:value-of select="concat($NL, $NL)"/>
    </xsl:if>
  </xsl:template>
  <xsl:template match="comment()|processing-instruction()|tei:teiHeader|tei:index|tei:fw" mode="blocks"/>
  <xsl:template match="tei:note[not(@xml:id and key('plain-pointed', concat('#', @xml:id)))]" mode="blocks">
    <xsl:apply-templates select="." mode="plain"/><xsl:value-of select="concat($NL, $NL)"/>
  </xsl:template>

  <xsl:template match="*" mode="blocks">
    <xsl:variable name="block"><xsl:call-template name="is-block-name"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$block = 'true'"><xsl:call-template name="emit-block"/></xsl:when>
      <xsl:when test="namespace-uri() = 'http://www.tei-c.org/ns/1.0' and contains($CONTAINERS, concat(' ', local-name(), ' ')) and not(text()[normalize-space()])">
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
