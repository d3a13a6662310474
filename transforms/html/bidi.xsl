<?xml version="1.0" encoding="UTF-8"?>
<!--
  Included by tei-to-html.xsl: the writing direction of a language tag, for HTML's dir.
  dir-attr (called wherever an xml:lang becomes lang) adds dir="rtl" for a right-to-left tag
  and dir="ltr" for a left-to-right one whose nearest xml:lang ancestor is right-to-left, and
  nothing otherwise (a page without right-to-left text is unchanged). A script subtag decides
  when there is one (ar-Latn-x-lc is left-to-right, ms-Arab right-to-left), else the language.
  No parameters.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">


  <!-- 'rtl' or 'ltr' for a BCP 47 tag ('' for an empty tag). Right to left: the scripts (ISO
       15924) Arabic, Hebrew, Syriac, Thaana, N'Ko, Samaritan, Mandaic, Adlam, Hanifi Rohingya
       and the ancient Semitic and Iranian ones; the languages (ISO 639-1/2/3) written in them
       by default: Arabic and its varieties, Persian, Urdu, Pashto, Sindhi, Kashmiri, Sorani,
       Uyghur, Ottoman Turkish, Hebrew, Yiddish, Judeo-Arabic and -Persian, Syriac, Aramaic,
       Mandaic, Samaritan, Dhivehi, N'Ko. Literal lists, not global variables (libxslt evaluates
       every global before the first template) -->
  <xsl:template name="lang-dir">
    <xsl:param name="tag" select="string(@xml:lang)"/>
    <xsl:variable name="t" select="translate($tag, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-')"/>
    <xsl:variable name="second" select="substring-before(concat(substring-after($t, '-'), '-'), '-')"/>
    <xsl:choose>
      <xsl:when test="not($t)"/>
      <xsl:when test="string-length($second) = 4 and not(starts-with($t, 'x-') or starts-with($t, 'i-'))">
        <xsl:value-of select="substring('ltrrtl', 1 + 3 * contains(' arab aran hebr syrc syre syrj syrn thaa nkoo samr mand adlm rohg yezi phnx armi avst mani nbat palm phli phlp prti sarb narb sogd sogo chrs elym hatr mend merc mero khar lydi cprt ougr ', concat(' ', $second, ' ')), 3)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="substring('ltrrtl', 1 + 3 * contains(' ar ara arb arq ary arz aeb acm acq afb apc apd ajp ars ayl abv shu xaa fa fas per pes prs glk mzn lrc luz bal bqi sdh ckb ps pus pbu pst pbt sd snd ks kas ur urd ug uig ota khw he heb hbo iw yi yid ji ydd yih jrb jpr syr syc aii cld arc oar sam smp mid myz dv div nqo phn xpu pal ', concat(' ', substring-before(concat($t, '-'), '-'), ' ')), 3)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- dir on the HTML element being written for the context element's xml:lang ($tag), when
       its direction differs from what it inherits (the nearest xml:lang ancestor's) -->
  <xsl:template name="dir-attr">
    <xsl:param name="tag" select="string(@xml:lang)"/>
    <xsl:variable name="d"><xsl:call-template name="lang-dir"><xsl:with-param name="tag" select="$tag"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="$d = 'rtl'"><xsl:attribute name="dir">rtl</xsl:attribute></xsl:when>
      <xsl:when test="$d = 'ltr'">
        <xsl:variable name="up" select="string(ancestor::*[@xml:lang][1]/@xml:lang)"/>
        <xsl:if test="$up and $up != $tag">
          <xsl:variable name="ud"><xsl:call-template name="lang-dir"><xsl:with-param name="tag" select="$up"/></xsl:call-template></xsl:variable>
          <xsl:if test="$ud = 'rtl'"><xsl:attribute name="dir">ltr</xsl:attribute></xsl:if>
        </xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
