<?xml version="1.0" encoding="UTF-8"?>
<!-- a user's template that stops with its own message -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <xsl:message terminate="yes">this template needs an appendix</xsl:message>
  </xsl:template>
</xsl:stylesheet>
