<?xml version="1.0" encoding="UTF-8"?>
<!-- a user's template that imports a stylesheet from the network -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="http://example.com/evil.xsl"/>
</xsl:stylesheet>
