<?xml version="1.0" encoding="UTF-8"?>
<!--
  GENERATED from src/teikit/entities/kinds.py by `python -m teikit.entities.kinds`: do not edit.

  Keys:
    main-name  the main (untyped, not romanised) names of each authority record, by the record's
               xml:id: a name's tooltip, looked up instead of filtering the record's children
  Named templates:
    entity-kind  the HTML class of a name (the context node): its own element's kind, else the
                 kind of $entity (its record), else 'name'
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:key name="main-name" use="../@xml:id" match="
      tei:persName[not(@type)][parent::tei:person or parent::tei:place or parent::tei:org][not(contains(@xml:lang, '-Latn'))]
    | tei:placeName[not(@type)][parent::tei:person or parent::tei:place or parent::tei:org][not(contains(@xml:lang, '-Latn'))]
    | tei:orgName[not(@type)][parent::tei:person or parent::tei:place or parent::tei:org][not(contains(@xml:lang, '-Latn'))]"/>

  <xsl:template name="entity-kind">
    <xsl:param name="entity" select="/.."/>
    <xsl:choose>
      <xsl:when test="self::tei:persName or $entity/self::tei:person">person</xsl:when>
      <xsl:when test="self::tei:placeName or $entity/self::tei:place">place</xsl:when>
      <xsl:when test="self::tei:orgName or $entity/self::tei:org">org</xsl:when>
      <xsl:otherwise>name</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
