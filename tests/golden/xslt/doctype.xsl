<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xsl:stylesheet [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<!-- a user's template that declares an external entity -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/"><out>&secret;</out></xsl:template>
</xsl:stylesheet>
