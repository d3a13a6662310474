<?xml version="1.0" encoding="UTF-8"?>
<!--
  Included by csl.xsl: the citation model of a manuscript description (msDesc): the author of
  its text (ms-author), its archive (ms-archive) and when it was made (ms-date, from origDate
  and the like, with their calendars; centuries read in English, German, Latin and French).
  No parameters.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:str="http://exslt.org/strings"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="tei str exsl">

  <!-- ========== a manuscript description (msDesc): author, date ========== -->

  <!-- the author of the manuscript's text: the one author of all its items (msItem; each item
       names him, itself or in its parts), else the authors of its only item; one name of each (the
       standard form of a name given in several); "Anonymous" and "Unknown" are no author -->
  <xsl:template name="ms-author">
    <xsl:param name="ms"/>
    <xsl:variable name="contents" select="$ms/tei:msContents | $ms/tei:msPart/tei:msContents"/>
    <xsl:variable name="all" select="$contents//tei:msItem/tei:author[normalize-space()]"/>
    <xsl:variable name="first" select="$all[1]"/>
    <xsl:variable name="first-text" select="normalize-space(($first/tei:persName | $first/tei:name)[1] | $first[not(tei:persName or tei:name)])"/>
    <xsl:variable name="other" select="$all[not((@key and @key = $first/@key) or normalize-space((tei:persName | tei:name)[1] | self::*[not(tei:persName or tei:name)]) = $first-text)]"/>
    <xsl:variable name="shared" select="$first[not($other or $contents/tei:msItem[not(descendant-or-self::tei:msItem/tei:author[normalize-space()])])]"/>
    <xsl:variable name="authors" select="$shared | $contents[not($shared)][count($contents/tei:msItem) = 1]/tei:msItem/tei:author[normalize-space()]"/>
    <xsl:call-template name="names">
      <xsl:with-param name="name" select="'author'"/>
      <xsl:with-param name="nodes" select="($authors[not(tei:persName)] | $authors/tei:persName[@type='standard' or @type='display' or @type='main' or @type='reg'][1] | $authors[not(tei:persName[@type='standard' or @type='display' or @type='main' or @type='reg'])]/tei:persName[normalize-space()][1])[not(starts-with(translate(normalize-space(), $UPPER, $LOWER), 'anonym') or starts-with(translate(normalize-space(), $UPPER, $LOWER), 'unknown') or starts-with(translate(normalize-space(), $UPPER, $LOWER), 'anon.'))]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- the archive: the institution and its repository ("Lithuanian National Library, Rare Book
       Department"), one of them when the other is empty or contains it -->
  <xsl:template name="ms-archive">
    <xsl:param name="ms"/>
    <xsl:variable name="inst" select="normalize-space($ms/tei:institution[normalize-space()][1])"/>
    <xsl:variable name="repo" select="normalize-space($ms/tei:repository[normalize-space()][1])"/>
    <xsl:variable name="archive">
      <xsl:choose>
        <xsl:when test="not($inst) or contains($repo, $inst)"><xsl:value-of select="$repo"/></xsl:when>
        <xsl:when test="not($repo) or contains($inst, $repo)"><xsl:value-of select="$inst"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat($inst, ', ', $repo)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="string($archive)"><v name="archive"><xsl:value-of select="$archive"/></v></xsl:if>
  </xsl:template>

  <!-- when the manuscript was made, as "start" or "start/end" (ISO): its origin's dates (else those
       in its heading, else the span of its parts' dates). TEI's dating attributes are Gregorian
       whatever the calendar; a date's text is read only in the Gregorian or Julian calendar (or
       none named, without an era such as AH). The best kind found wins: attributes of a Gregorian
       date, then of another calendar's (unless they copy its own year), then Gregorian text. -->
  <xsl:template name="ms-date">
    <xsl:param name="ms"/>
    <xsl:variable name="own" select="$ms/tei:history/tei:origin//*[self::tei:origDate or self::tei:date]"/>
    <xsl:variable name="head" select="$ms/tei:head//tei:origDate"/>
    <xsl:variable name="parts" select="$ms/tei:msPart//tei:history/tei:origin//*[self::tei:origDate or self::tei:date]"/>
    <xsl:variable name="found">
      <xsl:for-each select="$own"><xsl:call-template name="ms-date-range"><xsl:with-param name="level" select="1"/></xsl:call-template></xsl:for-each>
      <xsl:for-each select="$head"><xsl:call-template name="ms-date-range"><xsl:with-param name="level" select="2"/></xsl:call-template></xsl:for-each>
      <xsl:for-each select="$parts"><xsl:call-template name="ms-date-range"><xsl:with-param name="level" select="3"/></xsl:call-template></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="all" select="exsl:node-set($found)/r"/>
    <xsl:variable name="ranges" select="$all[@level = 1] | $all[@level = 2][not($all[@level = 1])] | $all[@level = 3][not($all[@level &lt; 3])]"/>
    <xsl:variable name="best" select="$ranges[@rank = 1] | $ranges[@rank = 2][not($ranges[@rank = 1])] | $ranges[@rank = 3][not($ranges[@rank &lt; 3])]"/>
    <xsl:variable name="start">
      <xsl:for-each select="$best"><xsl:sort select="@s"/><xsl:if test="position() = 1"><xsl:value-of select="@s"/></xsl:if></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="end">
      <xsl:for-each select="$best"><xsl:sort select="@e" order="descending"/><xsl:if test="position() = 1"><xsl:value-of select="@e"/></xsl:if></xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="$start"/>
    <xsl:if test="$end != $start and substring($end, 1, 4) &gt;= substring($start, 1, 4)"><xsl:value-of select="concat('/', $end)"/></xsl:if>
  </xsl:template>

  <!-- one dated element as <r rank s e/> (see ms-date), nothing when it cannot be read -->
  <xsl:template name="ms-date-range">
    <xsl:param name="level"/>
    <xsl:variable name="cal" select="translate(normalize-space(translate(ancestor-or-self::*[@calendar][1]/@calendar, '#_', '  ')), $UPPER, $LOWER)"/>
    <xsl:variable name="gregorian" select="not($cal) or contains($cal, 'greg') or contains($cal, 'julian') or (starts-with($cal, 'gre') and substring($cal, string-length($cal) - 2) = 'ian')"/>
    <xsl:variable name="start" select="normalize-space(@when | @from[not(../@when)] | @notBefore[not(../@when or ../@from)] | @notAfter[not(../@when or ../@from or ../@notBefore)] | @to[not(../@when or ../@from or ../@notBefore or ../@notAfter)])"/>
    <xsl:variable name="end" select="normalize-space(@when | @to[not(../@when)] | @notAfter[not(../@when or ../@to)] | @notBefore[not(../@when or ../@to or ../@notAfter)] | @from[not(../@when or ../@to or ../@notAfter or ../@notBefore)])"/>
    <xsl:variable name="method" select="translate(ancestor-or-self::*[@datingMethod][1]/@datingMethod, $UPPER, $LOWER)"/>
    <xsl:variable name="custom" select="(@when-custom | @notBefore-custom | @from-custom | @notAfter-custom | @to-custom)[contains($method, 'julian') or contains($method, 'greg')]"/>
    <xsl:variable name="c-start" select="normalize-space(@when-custom | @from-custom[not(../@when-custom)] | @notBefore-custom[not(../@when-custom or ../@from-custom)] | @notAfter-custom[not(../@when-custom or ../@from-custom or ../@notBefore-custom)])"/>
    <xsl:variable name="c-end" select="normalize-space(@when-custom | @to-custom[not(../@when-custom)] | @notAfter-custom[not(../@when-custom or ../@to-custom)] | @notBefore-custom[not(../@when-custom or ../@to-custom or ../@notAfter-custom)])"/>
    <xsl:variable name="text" select="normalize-space(.)"/>
    <xsl:variable name="numbers" select="str:tokenize(translate($text, '.,;:()[]/–-?~', '             '), ' ')[translate(., '0123456789', '') = '' and string-length(.) &gt;= 3]"/>
    <xsl:variable name="years" select="$numbers[string-length(.) = 4]"/>
    <xsl:choose>
      <!-- a non-Gregorian date's attributes that copy the year of its text ("1266 AH") are not read -->
      <xsl:when test="string-length($start) &gt;= 4 and translate(substring($start, 1, 4), '0123456789', '') = '' and ($gregorian or string($numbers[1]) != substring($start, 1, 4))">
        <r level="{$level}" rank="{1 + not($gregorian)}" s="{$start}" e="{$end}"/>
      </xsl:when>
      <!-- the dating attributes of a Julian or Gregorian dating method (EpiDoc's notBefore-custom) -->
      <xsl:when test="$custom and string-length($c-start) &gt;= 4 and translate(substring($c-start, 1, 4), '0123456789', '') = ''">
        <r level="{$level}" rank="1" s="{$c-start}" e="{$c-end}"/>
      </xsl:when>
      <xsl:when test="$gregorian and $text and not(contains(concat(' ', translate($text, concat($UPPER, '.()[],;'), concat($LOWER, '        ')), ' '), ' ah ') or contains(translate($text, $UPPER, $LOWER), 'hij'))">
        <xsl:variable name="iso"><xsl:call-template name="prose-date"><xsl:with-param name="text" select="$text"/></xsl:call-template></xsl:variable>
        <xsl:variable name="centuries"><xsl:if test="not(string($iso))"><xsl:call-template name="centuries"><xsl:with-param name="text" select="$text"/></xsl:call-template></xsl:if></xsl:variable>
        <!-- "1320 - 1340", "1591 to 1744": a range of two years -->
        <xsl:variable name="to" select="$years[2][count($years) = 2 and . &gt; $years[1] and $years[1] &gt;= 1000 and . &lt; 2200 and (contains($text, '-') or contains($text, '–') or contains($text, ' to '))]"/>
        <xsl:if test="string($iso)"><r level="{$level}" rank="3" s="{$iso}" e="{concat(substring($iso, 1, string-length($iso) * not($to)), $to)}"/></xsl:if>
        <xsl:if test="string($centuries)"><r level="{$level}" rank="3" s="{substring-before($centuries, '/')}" e="{substring-after($centuries, '/')}"/></xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- "16th century" as "1500/1599", "18th-19th century" as "1700/1899" (English, German "15.
       Jh.", French "XVe siècle", Latin "s. XIV-XV"; the numbers at most three words before the
       century word); empty when the text names no century or is before Christ -->
  <xsl:template name="centuries">
    <xsl:param name="text"/>
    <xsl:variable name="ordinals" select="' first1 second2 third3 fourth4 fifth5 sixth6 seventh7 eighth8 ninth9 tenth10 eleventh11 twelfth12 thirteenth13 fourteenth14 fifteenth15 sixteenth16 seventeenth17 eighteenth18 nineteenth19 twentieth20 '"/>
    <xsl:variable name="tokens" select="str:tokenize(translate(translate($text, $UPPER, $LOWER), '.,;:()[]/–~?', '            '), ' -')"/>
    <xsl:variable name="found">
      <xsl:for-each select="$tokens[following-sibling::*[position() &lt;= 3][starts-with(., 'cent') or starts-with(., 'jh') or starts-with(., 'jahrh') or starts-with(., 'si') and contains(., 'cle') or . = 'secolo' or . = 'siglo'] or preceding-sibling::*[position() &lt;= 2][. = 's' or . = 'ss' or . = 'saec' or . = 'sec']]">
        <xsl:variable name="suffix" select="translate(., '0123456789', '')"/>
        <xsl:variable name="word" select="substring-before(substring-after($ordinals, concat(' ', ., '')), ' ')"/>
        <xsl:variable name="roman" select="substring-before(substring-after(' i1 ii2 iii3 iv4 v5 vi6 vii7 viii8 ix9 x10 xi11 xii12 xiii13 xiv14 xv15 xvi16 xvii17 xviii18 xix19 xx20 xxi21 ', concat(' ', substring(., 1, string-length(.) - (substring(., string-length(.)) = 'e')))), ' ')"/>
        <xsl:choose>
          <!-- a Roman number after "s." / "saec." or right before the century word ("XVe siècle") -->
          <xsl:when test="translate(., 'ivxe', '') = '' and string(number($roman)) != 'NaN' and (preceding-sibling::*[position() &lt;= 2][. = 's' or . = 'ss' or . = 'saec' or . = 'sec'] or following-sibling::*[1][starts-with(., 'cent') or starts-with(., 'si') or starts-with(., 'jh') or . = 'secolo' or . = 'siglo'])"><n><xsl:value-of select="$roman"/></n></xsl:when>
          <!-- a bare number ("1. Hälfte 15. Jh.") only before the century or another number ("15.-16. Jh.") -->
          <xsl:when test="string-length(.) - string-length($suffix) &lt;= 2 and string-length(.) &gt; string-length($suffix) and ($suffix = 'st' or $suffix = 'nd' or $suffix = 'rd' or $suffix = 'th' or $suffix = '' and (starts-with(following-sibling::*[1], 'cent') or starts-with(following-sibling::*[1], 'jh') or starts-with(following-sibling::*[1], 'jahrh') or translate(following-sibling::*[1], '0123456789', '') = ''))"><n><xsl:value-of select="translate(., 'stndrh', '')"/></n></xsl:when>
          <xsl:when test="string(number($word)) != 'NaN'"><n><xsl:value-of select="$word"/></n></xsl:when>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="numbers" select="exsl:node-set($found)/n[. &gt;= 1 and . &lt;= 21]"/>
    <xsl:if test="$numbers and not($tokens[. = 'bc' or . = 'bce' or . = 'chr']) and $numbers[last()] &gt;= $numbers[1]">
      <xsl:value-of select="concat(format-number(100 * ($numbers[1] - 1) + number($numbers[1] = 1), '0000'), '/', format-number(100 * $numbers[last()] - 1, '0000'))"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
