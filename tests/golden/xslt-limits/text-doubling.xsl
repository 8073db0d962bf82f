<?xml version="1.0" encoding="UTF-8"?>
<!-- a string doubled 40 times through a variable holding text, not concat():
     few nodes, long text -->
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
            <xsl:call-template name="t">
              <xsl:with-param name="s" select="string(/plan/meta/title)"/>
              <xsl:with-param name="n" select="40"/>
            </xsl:call-template>
          </fo:block>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
  <xsl:template name="t">
    <xsl:param name="s"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n = 0"><xsl:value-of select="string-length($s)"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="both"><xsl:value-of select="$s"/><xsl:value-of select="$s"/></xsl:variable>
        <xsl:call-template name="t">
          <xsl:with-param name="s" select="$both"/>
          <xsl:with-param name="n" select="$n - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
