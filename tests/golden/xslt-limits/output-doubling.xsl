<?xml version="1.0" encoding="UTF-8"?>
<!-- output that doubles at each of 40 levels (2^40 inlines): once 65 s and
     3 GB, then an abort -->
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
            <xsl:call-template name="twice"><xsl:with-param name="n" select="40"/></xsl:call-template>
          </fo:block>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
  <xsl:template name="twice">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n = 0"><fo:inline>x</fo:inline></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="half">
          <xsl:call-template name="twice"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
        </xsl:variable>
        <xsl:copy-of select="$half"/>
        <xsl:copy-of select="$half"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
