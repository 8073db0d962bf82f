<?xml version="1.0" encoding="UTF-8"?>
<!-- a user's template that is not well-formed XML -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <fo:block>
  </xsl:template>
</xsl:stylesheet>
