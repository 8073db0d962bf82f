<?xml version="1.0" encoding="UTF-8"?>
<!-- 1,000 nested calls with 17 parameters each: more variables in scope
     than nested calls -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:template match="/">
    <fo:root>
      <fo:layout-master-set>
        <fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm">
          <fo:region-body/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="p">
        <fo:flow flow-name="xsl-region-body">
          <fo:block>
            <xsl:call-template name="v"><xsl:with-param name="n" select="1000"/></xsl:call-template>
          </fo:block>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
  <xsl:template name="v">
    <xsl:param name="n"/>
    <xsl:param name="p0" select="0"/>
    <xsl:param name="p1" select="1"/>
    <xsl:param name="p2" select="2"/>
    <xsl:param name="p3" select="3"/>
    <xsl:param name="p4" select="4"/>
    <xsl:param name="p5" select="5"/>
    <xsl:param name="p6" select="6"/>
    <xsl:param name="p7" select="7"/>
    <xsl:param name="p8" select="8"/>
    <xsl:param name="p9" select="9"/>
    <xsl:param name="p10" select="10"/>
    <xsl:param name="p11" select="11"/>
    <xsl:param name="p12" select="12"/>
    <xsl:param name="p13" select="13"/>
    <xsl:param name="p14" select="14"/>
    <xsl:param name="p15" select="15"/>
    <xsl:if test="$n &gt; 0">
      <xsl:call-template name="v">
        <xsl:with-param name="n" select="$n - 1"/>
        <xsl:with-param name="p0" select="$p0"/>
        <xsl:with-param name="p1" select="$p1"/>
        <xsl:with-param name="p2" select="$p2"/>
        <xsl:with-param name="p3" select="$p3"/>
        <xsl:with-param name="p4" select="$p4"/>
        <xsl:with-param name="p5" select="$p5"/>
        <xsl:with-param name="p6" select="$p6"/>
        <xsl:with-param name="p7" select="$p7"/>
        <xsl:with-param name="p8" select="$p8"/>
        <xsl:with-param name="p9" select="$p9"/>
        <xsl:with-param name="p10" select="$p10"/>
        <xsl:with-param name="p11" select="$p11"/>
        <xsl:with-param name="p12" select="$p12"/>
        <xsl:with-param name="p13" select="$p13"/>
        <xsl:with-param name="p14" select="$p14"/>
        <xsl:with-param name="p15" select="$p15"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
