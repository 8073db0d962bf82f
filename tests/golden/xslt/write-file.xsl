<?xml version="1.0" encoding="UTF-8"?>
<!-- a user's template that tries to write a file (xsl:document, which
     libxslt allows in a version 1.1 stylesheet) -->
<xsl:stylesheet version="1.1" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="soan:plan.xsl"/>
  <xsl:template match="/">
    <xsl:document href="soan-wrote-this.txt" method="text">owned</xsl:document>
    <xsl:apply-imports/>
  </xsl:template>
</xsl:stylesheet>
