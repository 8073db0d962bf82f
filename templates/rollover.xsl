<?xml version="1.0" encoding="UTF-8"?>
<!--
  rollover.xsl - a rollover draft (generate/transform/rollover.h) laid out as the
  plan it is (plan.xsl), with its changes shown: each change mark
  <change old rule>new</change> and each printed attribute a rollover
  changed (old-heading, old-title, old-attachment) becomes a soan:change,
  a Word tracked change in DOCX with track-changes (accept or reject it
  in Word) and the new text elsewhere; each @review note becomes a
  tracked insertion "[Cần xem lại: ...]" after the text it is about, for
  the clerk to act on and then reject.

  Parameters: those of plan.xsl (common.xsl, page.xsl).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:soan="urn:soan:layout"
                exclude-result-prefixes="soan">

  <xsl:import href="plan.xsl"/>

  <!-- ================= text changes ================= -->

  <xsl:template match="change" mode="soan-inline">
    <soan:change old="{@old}"><xsl:value-of select="."/></soan:change>
  </xsl:template>

  <!-- A note for the user, as an insertion to reject once handled. -->
  <xsl:template name="soan-review-note">
    <xsl:param name="review" select="@review"/>
    <xsl:if test="normalize-space($review) != ''">
      <xsl:text> </xsl:text>
      <soan:change old="">
        <fo:inline font-style="italic">
          <xsl:text>[Cần xem lại: </xsl:text>
          <xsl:value-of select="normalize-space($review)"/>
          <xsl:text>]</xsl:text>
        </fo:inline>
      </soan:change>
    </xsl:if>
  </xsl:template>

  <!-- Inline content (paragraphs, cells, task fields): always through
       the marks, then the element's review note. -->
  <xsl:template name="soan-inline">
    <xsl:apply-templates select="node()" mode="soan-inline"/>
    <xsl:call-template name="soan-review-note"/>
  </xsl:template>

  <!-- An item: as plan.xsl prints it, with its marks and its note. -->
  <xsl:template match="item" mode="soan-body">
    <fo:block text-align="justify" text-indent="{$soan-indent}" space-before="6pt">
      <xsl:value-of select="@label"/>
      <xsl:text> </xsl:text>
      <xsl:apply-templates select="node()[not(self::item or self::p or self::task or self::table)]" mode="soan-inline"/>
      <xsl:call-template name="soan-review-note"/>
    </fo:block>
    <xsl:apply-templates select="note" mode="soan-footnote"/>
    <xsl:apply-templates select="item | p | task | table" mode="soan-body"/>
  </xsl:template>

  <!-- A heading whose text changed, or that has a note: the number, then
       the old heading deleted and the new one inserted. -->
  <xsl:template name="soan-changed-heading">
    <xsl:variable name="depth" select="count(ancestor::section | ancestor::agency) + 1"/>
    <xsl:variable name="number" select="normalize-space(@number)"/>
    <xsl:variable name="roman" select="$number != '' and translate($number, 'IVXLC', '') = ''"/>
    <fo:block text-align="justify" text-indent="{$soan-indent}" space-before="6pt" keep-with-next="always">
      <!-- the id plan.xsl's outline points at -->
      <xsl:if test="self::section and count(ancestor::section) &lt; 2 and not(ancestor::agency)">
        <xsl:attribute name="id"><xsl:call-template name="soan-section-id"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="number($depth) &lt;= 2">
        <xsl:attribute name="font-weight">bold</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="soan-label"><xsl:with-param name="number" select="$number"/></xsl:call-template>
      <xsl:variable name="new">
        <xsl:choose>
          <xsl:when test="$roman">
            <xsl:call-template name="soan-upper"><xsl:with-param name="text" select="normalize-space(@heading)"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(@heading)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="@old-heading">
          <xsl:variable name="old">
            <xsl:choose>
              <xsl:when test="$roman">
                <xsl:call-template name="soan-upper"><xsl:with-param name="text" select="normalize-space(@old-heading)"/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="normalize-space(@old-heading)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <soan:change old="{$old}"><xsl:value-of select="$new"/></soan:change>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$new"/></xsl:otherwise>
      </xsl:choose>
      <fo:inline font-weight="normal"><xsl:call-template name="soan-review-note"/></fo:inline>
    </fo:block>
  </xsl:template>

  <xsl:template match="section[@old-heading or @review]" mode="soan-body">
    <xsl:variable name="number" select="normalize-space(@number)"/>
    <xsl:choose>
      <!-- "Phần I", "Chương II": plan.xsl's centred heading, new text, then the note -->
      <xsl:when test="starts-with($number, 'Phần ') or starts-with($number, 'Chương ') or
                      starts-with($number, 'Mục ') or starts-with($number, 'Tiểu mục ')">
        <xsl:call-template name="soan-heading">
          <xsl:with-param name="number" select="$number"/>
          <xsl:with-param name="text" select="@heading"/>
          <xsl:with-param name="id">
            <xsl:if test="count(ancestor::section) &lt; 2 and not(ancestor::agency)">
              <xsl:call-template name="soan-section-id"/>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:if test="@review">
          <fo:block xsl:use-attribute-sets="soan-centred"><xsl:call-template name="soan-review-note"/></fo:block>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="soan-changed-heading"/></xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="*" mode="soan-body"/>
  </xsl:template>

  <xsl:template match="agency[@heading][@old-heading or @review]" mode="soan-body">
    <xsl:call-template name="soan-changed-heading"/>
    <xsl:apply-templates select="*" mode="soan-body"/>
  </xsl:template>

  <!-- An agency that opens a sentence, with a note: the note first. -->
  <xsl:template match="agency[not(@heading)][@review]" mode="soan-body">
    <fo:block text-align="justify" text-indent="{$soan-indent}" space-before="6pt">
      <xsl:call-template name="soan-review-note"/>
    </fo:block>
    <xsl:apply-imports/>
  </xsl:template>

  <!-- Task fields: their marks and notes. -->
  <xsl:template match="task" mode="soan-body">
    <xsl:if test="text">
      <fo:block text-align="justify" text-indent="{$soan-indent}" space-before="6pt">
        <xsl:call-template name="soan-label"><xsl:with-param name="number" select="normalize-space(@number)"/></xsl:call-template>
        <xsl:for-each select="text">
          <xsl:call-template name="soan-inline"/>
        </xsl:for-each>
      </fo:block>
    </xsl:if>
    <xsl:for-each select="*[not(self::text)]">
      <fo:block text-align="justify" text-indent="{$soan-indent}" space-before="6pt">
        <xsl:if test="normalize-space(@label) != ''">
          <xsl:value-of select="normalize-space(@label)"/>
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:if test="normalize-space(@caption) != ''">
          <xsl:value-of select="normalize-space(@caption)"/>
          <xsl:text>: </xsl:text>
        </xsl:if>
        <xsl:call-template name="soan-inline"/>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- A table with a note: the note above it. -->
  <xsl:template match="table[@review]" mode="soan-body">
    <fo:block text-align="justify" text-indent="0" space-before="6pt">
      <xsl:call-template name="soan-review-note"/>
    </fo:block>
    <xsl:call-template name="soan-table"/>
  </xsl:template>

  <!-- ================= header, title, recipients ================= -->

  <xsl:template name="soan-title-block">
    <fo:block xsl:use-attribute-sets="soan-centred" font-size="{$soan-size}pt" font-weight="bold"
              space-before="18pt" keep-with-next="always">
      <xsl:call-template name="soan-upper"><xsl:with-param name="text" select="normalize-space(/plan/meta/doctype)"/></xsl:call-template>
    </fo:block>
    <xsl:for-each select="/plan/meta/title">
      <fo:block xsl:use-attribute-sets="soan-centred" font-size="{$soan-size}pt" font-weight="bold"
                keep-with-next="always">
        <xsl:apply-templates select="node()" mode="soan-inline"/>
        <fo:inline font-weight="normal"><xsl:call-template name="soan-review-note"/></fo:inline>
      </fo:block>
    </xsl:for-each>
    <xsl:call-template name="soan-short-rule">
      <xsl:with-param name="length" select="35"/>
      <xsl:with-param name="space-before" select="'1pt'"/>
      <xsl:with-param name="space-after" select="'12pt'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="soan-recipients">
    <xsl:param name="recipients" select="/plan/closing/recipients/recipient"/>
    <fo:block text-align="start" text-indent="0" font-size="12pt" font-weight="bold" font-style="italic">Nơi nhận:</fo:block>
    <xsl:for-each select="$recipients">
      <fo:block text-align="start" text-indent="0" font-size="11pt">
        <xsl:text>- </xsl:text>
        <xsl:apply-templates select="node()" mode="soan-inline"/>
        <xsl:call-template name="soan-review-note"/>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- The preamble's paragraphs and the basis: with their notes. -->
  <xsl:template match="basis">
    <xsl:for-each select="ref">
      <fo:block xsl:use-attribute-sets="soan-body">
        <xsl:text>Căn cứ </xsl:text>
        <xsl:value-of select="normalize-space(.)"/>
        <xsl:choose>
          <xsl:when test="position() = last()">.</xsl:when>
          <xsl:otherwise>;</xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="soan-review-note"/>
      </fo:block>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
