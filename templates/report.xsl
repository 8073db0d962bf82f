<?xml version="1.0" encoding="UTF-8"?>
<!--
  report.xsl - a report form (generate/transform/report.h: plan XML with doctype BC
  and <fill> places) laid out as a Báo cáo (Mẫu 1.4): the header with the
  blank number, BÁO CÁO and the title, "Kính gửi:" under it (ô 9a), the
  opening sentence, sections I to IV, Nơi nhận | signature, and the task
  table on its own landscape pages (Mẫu 2.1).

  Every <fill hint lines/> becomes a soan:field: a Word content control
  showing the hint in DOCX (click and type), dotted lines to write on in
  PDF.  One stylesheet serves the whole plan's form and each agency's:
  what differs (issuer, Kính gửi, which tasks) is in the report XML.

  Parameters: those of plan.xsl (common.xsl, page.xsl).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:soan="urn:soan:layout"
                exclude-result-prefixes="soan">

  <xsl:import href="plan.xsl"/>

  <!-- ================= places to write ================= -->

  <!-- A place in running text or a cell: a field whose fallback (PDF)
       is one dotted line per line of room. -->
  <xsl:template match="fill" mode="soan-inline">
    <xsl:param name="first" select="30"/>
    <xsl:param name="rest" select="$soan-portrait-width - 8"/>
    <xsl:variable name="lines">
      <xsl:choose>
        <xsl:when test="number(@lines) &gt; 1"><xsl:value-of select="number(@lines)"/></xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <soan:field name="f{count(preceding::fill) + 1}" hint="{normalize-space(@hint)}">
      <xsl:if test="$lines &gt; 1"><xsl:attribute name="multiline">yes</xsl:attribute></xsl:if>
      <xsl:choose>
        <xsl:when test="parent::cell">
          <!-- a cell is narrow: short lines, one under the other -->
          <xsl:call-template name="soan-dotted-lines">
            <xsl:with-param name="n" select="$lines"/>
            <xsl:with-param name="length" select="15"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <fo:leader leader-pattern="dots" leader-length="{$first}mm"/>
          <xsl:call-template name="soan-dotted-lines">
            <xsl:with-param name="n" select="$lines - 1"/>
            <xsl:with-param name="length" select="$rest"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </soan:field>
  </xsl:template>

  <xsl:template name="soan-dotted-lines">
    <xsl:param name="n"/>
    <xsl:param name="length"/>
    <xsl:if test="$n &gt; 0">
      <!-- a space between two lines: where a line may break -->
      <xsl:text> </xsl:text>
      <fo:leader leader-pattern="dots" leader-length="{$length}mm"/>
      <xsl:call-template name="soan-dotted-lines">
        <xsl:with-param name="n" select="$n - 1"/>
        <xsl:with-param name="length" select="$length"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A paragraph that is a place to write ("Kết quả: ……"): the dotted
       lines fill the text width, the first after the words before it. -->
  <xsl:template match="p[fill]" mode="soan-body">
    <fo:block text-align="start" text-indent="{$soan-indent}" space-before="6pt">
      <xsl:for-each select="node()">
        <xsl:choose>
          <xsl:when test="self::fill">
            <xsl:apply-templates select="." mode="soan-inline">
              <xsl:with-param name="first">
                <xsl:choose>
                  <xsl:when test="normalize-space(preceding-sibling::node()) != ''">
                    <xsl:value-of select="$soan-portrait-width - 55"/>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="$soan-portrait-width - 30"/></xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
            </xsl:apply-templates>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates select="." mode="soan-inline"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- The task table has eight columns: STT needs room for its three
       letters, the result columns for writing. -->
  <xsl:template name="soan-role-weight">
    <xsl:param name="role"/>
    <xsl:choose>
      <xsl:when test="$role = 'no'">1.5</xsl:when>
      <xsl:when test="$role = 'task'">6</xsl:when>
      <xsl:when test="$role = 'lead'">3</xsl:when>
      <xsl:when test="$role = 'partners'">3</xsl:when>
      <xsl:when test="$role = 'timeline'">2.2</xsl:when>
      <xsl:when test="$role = 'note'">2</xsl:when>
      <xsl:otherwise>3.2</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================= Kính gửi ================= -->

  <!-- Under the title (ô 9a): one addressee on the line of "Kính gửi:",
       several one a line, "-" under the colon, ";" at the ends, "." at the
       last (PL1 II.9). -->
  <xsl:template name="soan-addressees">
    <xsl:variable name="a" select="/plan/meta/addressee"/>
    <xsl:if test="$a">
      <xsl:variable name="indent" select="round($soan-portrait-width * 0.22)"/>
      <xsl:choose>
        <xsl:when test="count($a) = 1">
          <fo:block text-align="start" text-indent="0" start-indent="{$indent}mm" space-before="6pt" space-after="6pt">
            <xsl:text>Kính gửi: </xsl:text>
            <xsl:apply-templates select="$a/node()" mode="soan-inline"/>
          </fo:block>
        </xsl:when>
        <xsl:otherwise>
          <fo:block text-align="start" text-indent="0" start-indent="{$indent}mm" space-before="6pt">Kính gửi:</fo:block>
          <xsl:for-each select="$a">
            <fo:block text-align="start" text-indent="0" start-indent="{$indent + 22}mm">
              <xsl:if test="position() = last()"><xsl:attribute name="space-after">6pt</xsl:attribute></xsl:if>
              <xsl:text>- </xsl:text>
              <xsl:apply-templates select="node()" mode="soan-inline"/>
              <xsl:choose>
                <xsl:when test="position() = last()">.</xsl:when>
                <xsl:otherwise>;</xsl:otherwise>
              </xsl:choose>
            </fo:block>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- Kính gửi comes before the opening sentence. -->
  <xsl:template match="preamble">
    <xsl:call-template name="soan-addressees"/>
    <xsl:apply-templates select="p" mode="soan-body"/>
  </xsl:template>
</xsl:stylesheet>
