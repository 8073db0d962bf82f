<?xml version="1.0" encoding="UTF-8"?>
<!-- a 1 MB string, built without concat(), printed in 70 blocks: 70 MB of
     layout in a few thousand nodes -->
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
          <xsl:variable name="mb">
            <xsl:call-template name="t">
              <xsl:with-param name="s" select="'0123456789abcdef'"/>
              <xsl:with-param name="n" select="16"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:for-each select="(//node())[position() &lt;= 70]">
            <fo:block><xsl:value-of select="$mb"/></fo:block>
          </xsl:for-each>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
  <xsl:template name="t">
    <xsl:param name="s"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n = 0"><xsl:value-of select="$s"/></xsl:when>
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
