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


  <!-- Right to left: the scripts (ISO 15924) Arabic, Hebrew, Syriac, Thaana, N'Ko, Samaritan,
       Mandaic, Adlam, Hanifi Rohingya and the ancient Semitic and Iranian ones; the languages
       (ISO 639-1/2/3) written in them by default: Arabic and its varieties, Persian, Urdu,
       Pashto, Sindhi, Kashmiri, Sorani, Uyghur, Ottoman Turkish, Hebrew, Yiddish, Judeo-Arabic
       and -Persian, Syriac, Aramaic, Mandaic, Samaritan, Dhivehi, N'Ko. A tag without a subtag is
       looked up as it is; with one, the second subtag decides when it is a script (four
       letters), else the language. The same test is written out twice (the tag, the nearest
       xml:lang ancestor's): two XPath evaluations per call, no variable, no global (libxslt
       pays per evaluation, ~1-2 us each, and evaluates every global before the first
       template). -->
  <xsl:template name="dir-attr">
    <xsl:param name="tag" select="string(@xml:lang)"/>
    <xsl:choose>
      <xsl:when test="not(contains($tag, '-')) and contains(' ar ara arb arq ary arz aeb acm acq afb apc apd ajp ars ayl abv shu xaa fa fas per pes prs glk mzn lrc luz bal bqi sdh ckb ps pus pbu pst pbt sd snd ks kas ur urd ug uig ota khw he heb hbo iw yi yid ji ydd yih jrb jpr syr syc aii cld arc oar sam smp mid myz dv div nqo phn xpu pal ', concat(' ', translate($tag, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-'), ' ')) or contains($tag, '-') and (string-length(substring-before(concat(substring-after($tag, '-'), '-'), '-')) = 4 and not(starts-with($tag, 'x-') or starts-with($tag, 'i-') or starts-with($tag, 'X-') or starts-with($tag, 'I-')) and contains(' arab aran hebr syrc syre syrj syrn thaa nkoo samr mand adlm rohg yezi phnx armi avst mani nbat palm phli phlp prti sarb narb sogd sogo chrs elym hatr mend merc mero khar lydi cprt ougr ', concat(' ', translate(substring-before(concat(substring-after($tag, '-'), '-'), '-'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-'), ' ')) or string-length(substring-before(concat(substring-after($tag, '-'), '-'), '-')) != 4 and contains(' ar ara arb arq ary arz aeb acm acq afb apc apd ajp ars ayl abv shu xaa fa fas per pes prs glk mzn lrc luz bal bqi sdh ckb ps pus pbu pst pbt sd snd ks kas ur urd ug uig ota khw he heb hbo iw yi yid ji ydd yih jrb jpr syr syc aii cld arc oar sam smp mid myz dv div nqo phn xpu pal ', concat(' ', translate(substring-before($tag, '-'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-'), ' ')))"><xsl:attribute name="dir">rtl</xsl:attribute></xsl:when>
      <xsl:when test="ancestor::*[@xml:lang][1][@xml:lang != $tag][not(contains(@xml:lang, '-')) and contains(' ar ara arb arq ary arz aeb acm acq afb apc apd ajp ars ayl abv shu xaa fa fas per pes prs glk mzn lrc luz bal bqi sdh ckb ps pus pbu pst pbt sd snd ks kas ur urd ug uig ota khw he heb hbo iw yi yid ji ydd yih jrb jpr syr syc aii cld arc oar sam smp mid myz dv div nqo phn xpu pal ', concat(' ', translate(@xml:lang, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-'), ' ')) or contains(@xml:lang, '-') and (string-length(substring-before(concat(substring-after(@xml:lang, '-'), '-'), '-')) = 4 and not(starts-with(@xml:lang, 'x-') or starts-with(@xml:lang, 'i-') or starts-with(@xml:lang, 'X-') or starts-with(@xml:lang, 'I-')) and contains(' arab aran hebr syrc syre syrj syrn thaa nkoo samr mand adlm rohg yezi phnx armi avst mani nbat palm phli phlp prti sarb narb sogd sogo chrs elym hatr mend merc mero khar lydi cprt ougr ', concat(' ', translate(substring-before(concat(substring-after(@xml:lang, '-'), '-'), '-'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-'), ' ')) or string-length(substring-before(concat(substring-after(@xml:lang, '-'), '-'), '-')) != 4 and contains(' ar ara arb arq ary arz aeb acm acq afb apc apd ajp ars ayl abv shu xaa fa fas per pes prs glk mzn lrc luz bal bqi sdh ckb ps pus pbu pst pbt sd snd ks kas ur urd ug uig ota khw he heb hbo iw yi yid ji ydd yih jrb jpr syr syc aii cld arc oar sam smp mid myz dv div nqo phn xpu pal ', concat(' ', translate(substring-before(@xml:lang, '-'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-'), ' ')))]"><xsl:attribute name="dir">ltr</xsl:attribute></xsl:when>
    </xsl:choose>
  </xsl:template>
  <!-- HTML's lang for a TEI language tag: BCP 47 wants a language's shortest code, so a
       three-letter ISO 639-2/3 code with a two-letter one ("eng", "fre", "ara") becomes it;
       other tags are kept as written. Called only for a tag whose first subtag has 3 letters. -->
  <xsl:template name="html-lang">
    <xsl:param name="tag" select="string(@xml:lang)"/>
    <xsl:variable name="first" select="substring-before(concat($tag, '-'), '-')"/>
    <xsl:variable name="two" select="substring-before(substring-after(' eng:en fre:fr fra:fr ger:de deu:de ita:it spa:es por:pt lat:la ara:ar heb:he per:fa fas:fa urd:ur chi:zh zho:zh jpn:ja kor:ko rus:ru ukr:uk pol:pl cze:cs ces:cs slo:sk slk:sk hun:hu rum:ro ron:ro bul:bg scr:hr hrv:hr srp:sr slv:sl gre:el ell:el tur:tr dut:nl nld:nl dan:da swe:sv nor:no nob:nb nno:nn fin:fi est:et lav:lv lit:lt ice:is isl:is gle:ga wel:cy cym:cy bre:br baq:eu eus:eu cat:ca glg:gl hin:hi san:sa ben:bn tam:ta tel:te mar:mr guj:gu pan:pa mal:ml kan:kn sin:si nep:ne tib:bo bod:bo mon:mn vie:vi tha:th ind:id may:ms msa:ms jav:jv arm:hy hye:hy geo:ka kat:ka amh:am som:so swa:sw yid:yi pus:ps kur:ku uig:ug ', concat(' ', translate($first, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), ':')), ' ')"/>
    <xsl:choose>
      <xsl:when test="$two"><xsl:value-of select="concat($two, substring($tag, 4))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$tag"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
