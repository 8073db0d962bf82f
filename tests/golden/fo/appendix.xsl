<?xml version="1.0" encoding="UTF-8"?>
<!-- appendix.xsl - test wrapper: each appendix's heading and its tables
     (soan-appendix-heading, soan-table), on one plain portrait page: the text
     width of a portrait appendix. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:import href="soan:common.xsl"/>
  <xsl:template match="/">
    <fo:root>
      <fo:layout-master-set>
        <fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm"
                               margin-left="30mm" margin-right="15mm">
          <fo:region-body/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="p" font-family="Times New Roman" font-size="14pt">
        <fo:flow flow-name="xsl-region-body">
          <xsl:for-each select="/plan/appendix">
            <xsl:call-template name="soan-appendix-heading"/>
            <xsl:for-each select="table">
              <xsl:call-template name="soan-table"/>
            </xsl:for-each>
          </xsl:for-each>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
</xsl:stylesheet>
