<?xml version="1.0" encoding="UTF-8"?>
<!--
  page.xsl - page masters for every soan form (Nghị định 30/2020/NĐ-CP,
  Phụ lục I, I.1-3 and I.7): A4 portrait, margins as parameters within
  the decree's ranges, the page number centred in the top margin from
  page 2, and a landscape sequence for wide appendices (20/15/30/15 mm,
  as in the decree's own Word file).

  Parameters (soan generate, option param NAME=VALUE), all in millimetres:
    margin-top     20..25  (default 20)
    margin-bottom  20..25  (default 20)
    margin-left    30..35  (default 30)
    margin-right   15..20  (default 15)
  The running header (page number) starts 10 mm from the top edge, as in
  the decree's file (header distance 567 twips).

  Masters: "portrait" and "landscape" are page-sequence masters whose
  first page has no region-before (no number); "*-first" and "*-rest" are
  the simple page masters behind them.  A sequence starts its own
  numbering with initial-page-number="1" (appendices, PL1 III.1.đ).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format">

  <xsl:param name="margin-top" select="20"/>
  <xsl:param name="margin-bottom" select="20"/>
  <xsl:param name="margin-left" select="30"/>
  <xsl:param name="margin-right" select="15"/>

  <!-- the header distance and the landscape margins are fixed -->
  <xsl:variable name="soan-header-distance" select="10"/>
  <xsl:variable name="soan-landscape-top" select="20"/>
  <xsl:variable name="soan-landscape-bottom" select="15"/>
  <xsl:variable name="soan-landscape-left" select="30"/>
  <xsl:variable name="soan-landscape-right" select="15"/>

  <!-- text widths in mm, for tables and rules -->
  <xsl:variable name="soan-portrait-width" select="210 - $margin-left - $margin-right"/>
  <xsl:variable name="soan-landscape-width" select="297 - $soan-landscape-left - $soan-landscape-right"/>

  <!-- Refuse margins outside the decree's ranges (PL1 I.3). -->
  <xsl:template name="soan-check-margins">
    <xsl:call-template name="soan-check-range">
      <xsl:with-param name="name" select="'margin-top'"/>
      <xsl:with-param name="value" select="$margin-top"/>
      <xsl:with-param name="min" select="20"/>
      <xsl:with-param name="max" select="25"/>
    </xsl:call-template>
    <xsl:call-template name="soan-check-range">
      <xsl:with-param name="name" select="'margin-bottom'"/>
      <xsl:with-param name="value" select="$margin-bottom"/>
      <xsl:with-param name="min" select="20"/>
      <xsl:with-param name="max" select="25"/>
    </xsl:call-template>
    <xsl:call-template name="soan-check-range">
      <xsl:with-param name="name" select="'margin-left'"/>
      <xsl:with-param name="value" select="$margin-left"/>
      <xsl:with-param name="min" select="30"/>
      <xsl:with-param name="max" select="35"/>
    </xsl:call-template>
    <xsl:call-template name="soan-check-range">
      <xsl:with-param name="name" select="'margin-right'"/>
      <xsl:with-param name="value" select="$margin-right"/>
      <xsl:with-param name="min" select="15"/>
      <xsl:with-param name="max" select="20"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="soan-check-range">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:param name="min"/>
    <xsl:param name="max"/>
    <xsl:if test="not(number($value) &gt;= $min and number($value) &lt;= $max)">
      <xsl:message terminate="yes">parameter <xsl:value-of select="$name"/> must be a number of millimetres from <xsl:value-of select="$min"/> to <xsl:value-of select="$max"/>, not '<xsl:value-of select="$value"/>'</xsl:message>
    </xsl:if>
  </xsl:template>

  <xsl:template name="soan-layout-master-set">
    <fo:layout-master-set>
      <xsl:call-template name="soan-page-master">
        <xsl:with-param name="name" select="'portrait-first'"/>
        <xsl:with-param name="width" select="210"/>
        <xsl:with-param name="height" select="297"/>
        <xsl:with-param name="top" select="$margin-top"/>
        <xsl:with-param name="bottom" select="$margin-bottom"/>
        <xsl:with-param name="left" select="$margin-left"/>
        <xsl:with-param name="right" select="$margin-right"/>
        <xsl:with-param name="numbered" select="false()"/>
      </xsl:call-template>
      <xsl:call-template name="soan-page-master">
        <xsl:with-param name="name" select="'portrait-rest'"/>
        <xsl:with-param name="width" select="210"/>
        <xsl:with-param name="height" select="297"/>
        <xsl:with-param name="top" select="$margin-top"/>
        <xsl:with-param name="bottom" select="$margin-bottom"/>
        <xsl:with-param name="left" select="$margin-left"/>
        <xsl:with-param name="right" select="$margin-right"/>
        <xsl:with-param name="numbered" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="soan-page-master">
        <xsl:with-param name="name" select="'landscape-first'"/>
        <xsl:with-param name="width" select="297"/>
        <xsl:with-param name="height" select="210"/>
        <xsl:with-param name="top" select="$soan-landscape-top"/>
        <xsl:with-param name="bottom" select="$soan-landscape-bottom"/>
        <xsl:with-param name="left" select="$soan-landscape-left"/>
        <xsl:with-param name="right" select="$soan-landscape-right"/>
        <xsl:with-param name="numbered" select="false()"/>
      </xsl:call-template>
      <xsl:call-template name="soan-page-master">
        <xsl:with-param name="name" select="'landscape-rest'"/>
        <xsl:with-param name="width" select="297"/>
        <xsl:with-param name="height" select="210"/>
        <xsl:with-param name="top" select="$soan-landscape-top"/>
        <xsl:with-param name="bottom" select="$soan-landscape-bottom"/>
        <xsl:with-param name="left" select="$soan-landscape-left"/>
        <xsl:with-param name="right" select="$soan-landscape-right"/>
        <xsl:with-param name="numbered" select="true()"/>
      </xsl:call-template>
      <fo:page-sequence-master master-name="portrait">
        <fo:repeatable-page-master-alternatives>
          <fo:conditional-page-master-reference master-reference="portrait-first" page-position="first"/>
          <fo:conditional-page-master-reference master-reference="portrait-rest" page-position="rest"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
      <fo:page-sequence-master master-name="landscape">
        <fo:repeatable-page-master-alternatives>
          <fo:conditional-page-master-reference master-reference="landscape-first" page-position="first"/>
          <fo:conditional-page-master-reference master-reference="landscape-rest" page-position="rest"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
    </fo:layout-master-set>
  </xsl:template>

  <!-- One simple page master.  The page's own margin-top is the header
       distance; the region-body adds the rest of the top margin. -->
  <xsl:template name="soan-page-master">
    <xsl:param name="name"/>
    <xsl:param name="width"/>
    <xsl:param name="height"/>
    <xsl:param name="top"/>
    <xsl:param name="bottom"/>
    <xsl:param name="left"/>
    <xsl:param name="right"/>
    <xsl:param name="numbered"/>
    <fo:simple-page-master master-name="{$name}" page-width="{$width}mm" page-height="{$height}mm"
                           margin-top="{$soan-header-distance}mm" margin-bottom="{$bottom}mm"
                           margin-left="{$left}mm" margin-right="{$right}mm">
      <fo:region-body margin-top="{$top - $soan-header-distance}mm"/>
      <xsl:if test="$numbered">
        <fo:region-before extent="{$top - $soan-header-distance}mm"/>
      </xsl:if>
    </fo:simple-page-master>
  </xsl:template>

  <!-- The page number, centred in the top margin, upright, at the body
       size (PL1 I.7: 13-14 pt).  Call inside fo:page-sequence. -->
  <xsl:template name="soan-page-number">
    <xsl:param name="size" select="14"/>
    <fo:static-content flow-name="xsl-region-before">
      <fo:block text-align="center" font-size="{$size}pt" font-weight="normal" font-style="normal"
                text-indent="0" line-height="1">
        <fo:page-number/>
      </fo:block>
    </fo:static-content>
  </xsl:template>

  <!-- PDF metadata: title and author (the issuer). -->
  <xsl:template name="soan-declarations">
    <xsl:param name="title"/>
    <xsl:param name="author"/>
    <fo:declarations>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:title><xsl:value-of select="normalize-space($title)"/></dc:title>
            <dc:creator><xsl:value-of select="normalize-space($author)"/></dc:creator>
            <dc:language>vi</dc:language>
          </rdf:Description>
        </rdf:RDF>
      </x:xmpmeta>
    </fo:declarations>
  </xsl:template>
</xsl:stylesheet>
