<?xml version="1.0" encoding="UTF-8"?>
<!--
  printed.xsl - plan XML to plan XML as a plan printed by plan.xsl says it:
  the one place that lists the changes the layout makes by rule, so that
  reading the printed document back (soan extract of the DOCX or the PDF
  soan wrote) gives exactly this.  The round-trip tests (t0340 for DOCX,
  t0520 for PDF) compare against it; README.md repeats the list.

  1. The issuer is printed in full in the header: its @abbr is not on the
     page, and an issuer the recognizer had to infer (@inferred="yes") is
     now printed, so neither comes back; the same for an inferred place
     when there is a date to print it with.
  2. A number below 10 gets its leading zero: 5/KH-UBND is printed
     05/KH-UBND (Nghị định 30, Phụ lục I, II.3.c).
  3. The date is printed from its attributes in the decree's form: days
     below 10 and the months 1 and 2 with a leading zero (ngày 05 tháng 01
     năm 2020, PL1 II.4.b); what the date lacks is left blank to fill by
     hand (ngày    tháng 01 năm 2026, read back as ngày tháng 01 năm 2026).
  4. Headings numbered with Roman numerals or as Phần, Chương, Mục, and
     appendix titles, are printed in capitals (PL1 V).
  5. An appendix without its own "Kèm theo" line gets one built from the
     header: Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 01 năm 2020 của
     <issuer>, with blanks where the number or date is blank.
  6. A task's field (Đơn vị chủ trì: …) is printed as a sentence ending
     with "."; its own final "." or ";" is not kept.
  The parentheses around the Kèm theo line, the "." or ")" after section
  and item numbers, and the merging of equal neighbouring table cells
  are layout too, but plan XML never held them, so they change nothing.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="@* | node()">
    <xsl:copy><xsl:apply-templates select="@* | node()"/></xsl:copy>
  </xsl:template>

  <!-- A blank to fill by hand reads back as a space. -->
  <xsl:template name="soan-gap">
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- 1 -->
  <xsl:template match="issuer/@abbr | issuer/@inferred | place[../date]/@inferred"/>

  <!-- 2 -->
  <xsl:template match="meta/number/text()">
    <xsl:variable name="n" select="substring-before(., '/')"/>
    <xsl:if test="string-length($n) = 1 and translate($n, '0123456789', '') = ''">0</xsl:if>
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- 3 -->
  <xsl:template match="meta/date">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:variable name="phrase">
        <xsl:call-template name="soan-date-phrase"><xsl:with-param name="date" select="."/></xsl:call-template>
      </xsl:variable>
      <xsl:value-of select="normalize-space($phrase)"/>
    </xsl:copy>
  </xsl:template>

  <!-- 4 -->
  <xsl:template match="section/@heading[(translate(../@number, 'IVXLC', '') = '' and ../@number != '') or
                       starts-with(../@number, 'Phần ') or starts-with(../@number, 'Chương ') or
                       starts-with(../@number, 'Mục ') or starts-with(../@number, 'Tiểu mục ')]">
    <xsl:attribute name="heading">
      <xsl:call-template name="soan-upper"><xsl:with-param name="text" select="."/></xsl:call-template>
    </xsl:attribute>
  </xsl:template>
  <xsl:template match="appendix/@title">
    <xsl:attribute name="title">
      <xsl:call-template name="soan-upper"><xsl:with-param name="text" select="."/></xsl:call-template>
    </xsl:attribute>
  </xsl:template>

  <!-- 5 -->
  <xsl:template match="appendix[not(normalize-space(@attachment))]">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:attribute name="attachment">
        <xsl:variable name="line"><xsl:call-template name="soan-attachment-text"/></xsl:variable>
        <xsl:variable name="t" select="normalize-space($line)"/>
        <xsl:value-of select="substring($t, 2, string-length($t) - 2)"/>
      </xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- 6 -->
  <xsl:template match="task/*[not(self::text)]/text()[last()]">
    <xsl:variable name="t" select="."/>
    <xsl:variable name="end" select="substring($t, string-length($t))"/>
    <xsl:choose>
      <xsl:when test="$end = '.' or $end = ';'"><xsl:value-of select="substring($t, 1, string-length($t) - 1)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
