<?xml version="1.0" encoding="UTF-8"?>
<!-- strip-soan.xsl - turn a soan layout into plain XSL-FO for Apache FOP:
     the soan: extension elements (soan:field, soan:change) are removed and
     their content, the fallback text, is kept.  Everything else is copied. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:soan="urn:soan:layout" exclude-result-prefixes="soan">
  <xsl:template match="soan:*">
    <xsl:apply-templates select="node()"/>
  </xsl:template>
  <xsl:template match="*">
    <xsl:element name="{name()}" namespace="{namespace-uri()}">
      <xsl:apply-templates select="@*[namespace-uri() != 'urn:soan:layout'] | node()"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="@* | text() | comment() | processing-instruction()">
    <xsl:copy/>
  </xsl:template>
</xsl:stylesheet>
