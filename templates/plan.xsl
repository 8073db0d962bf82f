<?xml version="1.0" encoding="UTF-8"?>
<!--
  plan.xsl - plan XML (extract/plan/plan.rng) to the layout of a Kế hoạch, as
  Nghị định 30/2020/NĐ-CP lays it out (Mẫu 1.4; appendices per Mẫu 2.1):

    page 1   header table, KẾ HOẠCH and the title, basis or preamble,
             the sections, the closing paragraphs, Nơi nhận | signature
    appendix each on its own pages, numbered from 1, landscape when its
             table is wide (parameter landscape-appendix)

  Parameters: see common.xsl and page.xsl.  Everything shared with other
  forms lives in common.xsl; this file only puts the parts in order.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format">

  <xsl:import href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="plan meta basis preamble body section agency closing recipients appendix table group row task"/>

  <xsl:template match="/">
    <xsl:if test="not(plan)">
      <xsl:message terminate="yes">input is not plan XML: the root element is not plan</xsl:message>
    </xsl:if>
    <xsl:call-template name="soan-check-params"/>
    <fo:root language="vi">
      <xsl:call-template name="soan-layout-master-set"/>
      <xsl:call-template name="soan-declarations">
        <xsl:with-param name="title" select="concat(/plan/meta/doctype, ' ', /plan/meta/title)"/>
        <xsl:with-param name="author" select="/plan/meta/issuer"/>
      </xsl:call-template>
      <xsl:if test="/plan/body/section | /plan/appendix">
        <fo:bookmark-tree>
          <xsl:apply-templates select="/plan/body/section | /plan/appendix" mode="bookmark"/>
        </fo:bookmark-tree>
      </xsl:if>
      <fo:page-sequence master-reference="portrait" font-family="{$soan-family}"
                        font-size="{$soan-size}pt" line-height="{$soan-line-height}">
        <xsl:call-template name="soan-page-number">
          <xsl:with-param name="size" select="$soan-size"/>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="soan-header-table"/>
          <xsl:call-template name="soan-title-block"/>
          <xsl:apply-templates select="/plan/preamble | /plan/basis[not(/plan/preamble)]"/>
          <xsl:apply-templates select="/plan/body/*" mode="soan-body"/>
          <xsl:apply-templates select="/plan/closing/p" mode="soan-body"/>
          <xsl:call-template name="soan-closing-table"/>
        </fo:flow>
      </fo:page-sequence>
      <xsl:apply-templates select="/plan/appendix"/>
    </fo:root>
  </xsl:template>

  <xsl:template match="preamble">
    <xsl:apply-templates select="p" mode="soan-body"/>
  </xsl:template>

  <!-- A basis without a preamble: one "Căn cứ …" line per reference, the
       last ending with ".", the others with ";". -->
  <xsl:template match="basis">
    <xsl:for-each select="ref">
      <fo:block xsl:use-attribute-sets="soan-body">
        <xsl:text>Căn cứ </xsl:text>
        <xsl:value-of select="normalize-space(.)"/>
        <xsl:choose>
          <xsl:when test="position() = last()">.</xsl:when>
          <xsl:otherwise>;</xsl:otherwise>
        </xsl:choose>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- Each appendix on its own pages, numbered from 1 (PL1 III.1.đ). -->
  <xsl:template match="appendix">
    <xsl:variable name="land"><xsl:call-template name="soan-appendix-landscape"/></xsl:variable>
    <fo:page-sequence initial-page-number="1" font-family="{$soan-family}"
                      font-size="{$soan-size}pt" line-height="{$soan-line-height}">
      <xsl:attribute name="master-reference">
        <xsl:choose>
          <xsl:when test="$land = 'yes'">landscape</xsl:when>
          <xsl:otherwise>portrait</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="soan-page-number">
        <xsl:with-param name="size" select="$soan-size"/>
      </xsl:call-template>
      <fo:flow flow-name="xsl-region-body">
        <xsl:call-template name="soan-appendix-heading">
          <xsl:with-param name="id" select="concat('a', count(preceding-sibling::appendix) + 1)"/>
        </xsl:call-template>
        <xsl:apply-templates select="*" mode="soan-body"/>
        <xsl:if test="not(*)"><fo:block/></xsl:if>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <!-- ================= the PDF outline ================= -->

  <xsl:template match="section" mode="bookmark">
    <fo:bookmark>
      <xsl:attribute name="internal-destination"><xsl:call-template name="soan-section-id"/></xsl:attribute>
      <fo:bookmark-title>
        <xsl:call-template name="soan-label"><xsl:with-param name="number" select="normalize-space(@number)"/></xsl:call-template>
        <xsl:value-of select="normalize-space(@heading)"/>
      </fo:bookmark-title>
      <xsl:if test="count(ancestor::section) = 0">
        <xsl:apply-templates select="section" mode="bookmark"/>
      </xsl:if>
    </fo:bookmark>
  </xsl:template>

  <xsl:template match="appendix" mode="bookmark">
    <fo:bookmark internal-destination="a{count(preceding-sibling::appendix) + 1}">
      <fo:bookmark-title>
        <xsl:text>Phụ lục</xsl:text>
        <xsl:if test="normalize-space(@number) != ''">
          <xsl:text> </xsl:text>
          <xsl:value-of select="normalize-space(@number)"/>
        </xsl:if>
        <xsl:if test="normalize-space(@title) != ''">
          <xsl:text>. </xsl:text>
          <xsl:value-of select="normalize-space(@title)"/>
        </xsl:if>
      </fo:bookmark-title>
      <xsl:apply-templates select="section" mode="bookmark"/>
    </fo:bookmark>
  </xsl:template>
</xsl:stylesheet>
