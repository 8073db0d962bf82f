<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl - what every soan form shares (Kế hoạch, Báo cáo, report
  forms): the parameters a user sets per run, the header table, the title
  block, the signature and Nơi nhận, the appendix heading, tables, and the
  rendering of plan XML's body elements.  Layout numbers follow Nghị định
  30/2020/NĐ-CP, Phụ lục I, and the decree's own Mẫu 1.4 and 2.1 (see
  DOMAIN.md section 1).  Output is the FO subset in generate/layout/layout.rng.

  A stylesheet for another form imports this file (which imports
  page.xsl) and calls the named templates below; each takes its data as
  parameters whose defaults read /plan/meta and /plan/closing, so a form
  can pass other values (a report's own number and date, for example).

  Parameters (option param NAME=VALUE of soan generate):
    font-size      13 or 14 (pt, body text; default 14)
    indent         first-line indent in cm: 1 or 1.27 (default 1.27)
    line-spacing   1 (single) to 1.5 (default 1)
    merge-cells    yes | no: merge equal neighbouring table cells (default yes)
    landscape-appendix  auto | yes | no (default auto: landscape when an
                   appendix table has more than 4 columns)
    and the margins of page.xsl.

  Named templates:
    soan-check-params      refuse parameters outside the decree's ranges
    soan-upper             Vietnamese upper case (text)
    soan-number-line       "Số: 05/KH-UBND" or "Số:      /KH-UBND" (number, code)
    soan-date-phrase       "ngày 05 tháng 01 năm 2020", blanks for what is missing (date)
    soan-place-date-line   "Hà Tĩnh, ngày … tháng … năm …" (place, date)
    soan-gap               a blank to fill by hand (width in mm)
    soan-short-rule        a centred solid rule (length in mm)
    soan-header-table      issuer | Quốc hiệu, Số | place and date (meta, ...)
    soan-title-block       KẾ HOẠCH / title / rule (doctype, title)
    soan-signature         TM./KT./position / name (signature)
    soan-recipients        Nơi nhận: and its lines (recipients)
    soan-closing-table     Nơi nhận beside the signature (signature, recipients)
    soan-attachment-text   "(Kèm theo Kế hoạch số … ngày … của …)"
    soan-appendix-heading  Phụ lục / title / (Kèm theo …) / rule (appendix)
    soan-appendix-landscape  'yes' when an appendix goes on landscape pages
    soan-table             a plan table as a bordered fo:table (table, width)
  Modes: soan-body (sections, items, p, tasks, agencies, tables, notes),
  soan-inline (text with amount, deadline and note marks).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format">

  <xsl:import href="page.xsl"/>

  <xsl:param name="font-size" select="14"/>
  <xsl:param name="indent" select="1.27"/>
  <xsl:param name="line-spacing" select="1"/>
  <xsl:param name="merge-cells" select="'yes'"/>
  <xsl:param name="landscape-appendix" select="'auto'"/>

  <xsl:variable name="soan-family" select="'Times New Roman'"/>
  <xsl:variable name="soan-size" select="number($font-size)"/>
  <xsl:variable name="soan-table-size" select="$soan-size - 1"/>
  <!-- Word's single line for Times New Roman is 1.15 times the size -->
  <xsl:variable name="soan-line-height" select="format-number(1.15 * $line-spacing, '0.###')"/>
  <xsl:variable name="soan-indent" select="concat($indent, 'cm')"/>

  <xsl:variable name="soan-lower" select="'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵfjwz'"/>
  <xsl:variable name="soan-upper" select="'AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴFJWZ'"/>

  <!-- A paragraph of body text: justified, first-line indent, 6 pt before. -->
  <xsl:attribute-set name="soan-body">
    <xsl:attribute name="text-align">justify</xsl:attribute>
    <xsl:attribute name="text-indent"><xsl:value-of select="$indent"/>cm</xsl:attribute>
    <xsl:attribute name="space-before">6pt</xsl:attribute>
  </xsl:attribute-set>

  <!-- A line of the header, title or signature: centred, no indent. -->
  <xsl:attribute-set name="soan-centred">
    <xsl:attribute name="text-align">center</xsl:attribute>
    <xsl:attribute name="text-indent">0</xsl:attribute>
  </xsl:attribute-set>

  <!-- ================= parameters ================= -->

  <xsl:template name="soan-check-params">
    <xsl:if test="not($soan-size = 13 or $soan-size = 14)">
      <xsl:message terminate="yes">parameter font-size must be 13 or 14, not '<xsl:value-of select="$font-size"/>'</xsl:message>
    </xsl:if>
    <xsl:if test="not(number($indent) = 1 or number($indent) = 1.27)">
      <xsl:message terminate="yes">parameter indent must be 1 or 1.27 (cm), not '<xsl:value-of select="$indent"/>'</xsl:message>
    </xsl:if>
    <xsl:if test="not(number($line-spacing) &gt;= 1 and number($line-spacing) &lt;= 1.5)">
      <xsl:message terminate="yes">parameter line-spacing must be from 1 to 1.5, not '<xsl:value-of select="$line-spacing"/>'</xsl:message>
    </xsl:if>
    <xsl:if test="not($merge-cells = 'yes' or $merge-cells = 'no')">
      <xsl:message terminate="yes">parameter merge-cells must be yes or no, not '<xsl:value-of select="$merge-cells"/>'</xsl:message>
    </xsl:if>
    <xsl:if test="not($landscape-appendix = 'auto' or $landscape-appendix = 'yes' or $landscape-appendix = 'no')">
      <xsl:message terminate="yes">parameter landscape-appendix must be auto, yes or no, not '<xsl:value-of select="$landscape-appendix"/>'</xsl:message>
    </xsl:if>
    <xsl:call-template name="soan-check-margins"/>
  </xsl:template>

  <!-- ================= text helpers ================= -->

  <xsl:template name="soan-upper">
    <xsl:param name="text"/>
    <xsl:value-of select="translate($text, $soan-lower, $soan-upper)"/>
  </xsl:template>

  <!-- A blank of about width mm, for a number or a day filled in by hand. -->
  <xsl:template name="soan-gap">
    <xsl:param name="width" select="10"/>
    <fo:leader leader-pattern="space" leader-length="{$width}mm"/>
  </xsl:template>

  <!-- "." after a number, ")" after a letter (the decree's điểm: "a)"). -->
  <xsl:template name="soan-label">
    <xsl:param name="number"/>
    <xsl:if test="string($number) != ''">
      <xsl:value-of select="$number"/>
      <xsl:choose>
        <xsl:when test="string-length($number) = 1 and contains($soan-lower, $number)">) </xsl:when>
        <xsl:otherwise>. </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- "Số: 446/KH-UBND"; a one-digit number gets its leading zero
       (PL1 II.3.c); a blank number prints as the blank offices fill. -->
  <xsl:template name="soan-number-line">
    <xsl:param name="number" select="/plan/meta/number"/>
    <xsl:param name="code" select="string(/plan/meta/doctype/@code)"/>
    <xsl:variable name="text" select="normalize-space($number)"/>
    <xsl:text>Số: </xsl:text>
    <xsl:choose>
      <xsl:when test="$text != ''">
        <xsl:variable name="n" select="substring-before($text, '/')"/>
        <xsl:if test="string-length($n) = 1 and translate($n, '0123456789', '') = ''">0</xsl:if>
        <xsl:value-of select="$text"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="soan-gap"><xsl:with-param name="width" select="12"/></xsl:call-template>
        <xsl:text>/</xsl:text>
        <xsl:choose>
          <xsl:when test="$number/@symbol"><xsl:value-of select="$number/@symbol"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "ngày 05 tháng 01 năm 2020": days below 10 and months 1 and 2 get a
       leading zero (PL1 II.4.b); what the date lacks is left blank. -->
  <xsl:template name="soan-date-phrase">
    <xsl:param name="date" select="/plan/meta/date"/>
    <xsl:variable name="iso" select="string($date/@iso)"/>
    <xsl:variable name="y">
      <xsl:choose>
        <xsl:when test="$iso != ''"><xsl:value-of select="substring($iso, 1, 4)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$date/@year"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="m">
      <xsl:choose>
        <xsl:when test="$iso != ''"><xsl:value-of select="number(substring($iso, 6, 2))"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$date/@month"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="d">
      <xsl:choose>
        <xsl:when test="$iso != ''"><xsl:value-of select="number(substring($iso, 9, 2))"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$date/@day"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$y = '' and $m = '' and $d = '' and normalize-space($date) != ''">
        <xsl:value-of select="normalize-space($date)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>ngày</xsl:text>
        <xsl:choose>
          <xsl:when test="$d != ''">
            <xsl:text> </xsl:text>
            <xsl:if test="number($d) &lt; 10">0</xsl:if>
            <xsl:value-of select="number($d)"/>
            <xsl:text> </xsl:text>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="soan-gap"/></xsl:otherwise>
        </xsl:choose>
        <xsl:text>tháng</xsl:text>
        <xsl:choose>
          <xsl:when test="$m != ''">
            <xsl:text> </xsl:text>
            <xsl:if test="number($m) &lt; 3">0</xsl:if>
            <xsl:value-of select="number($m)"/>
            <xsl:text> </xsl:text>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="soan-gap"/></xsl:otherwise>
        </xsl:choose>
        <xsl:text>năm</xsl:text>
        <xsl:choose>
          <xsl:when test="$y != ''"><xsl:text> </xsl:text><xsl:value-of select="$y"/></xsl:when>
          <xsl:otherwise><xsl:call-template name="soan-gap"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="soan-place-date-line">
    <xsl:param name="place" select="normalize-space(/plan/meta/place)"/>
    <xsl:param name="date" select="/plan/meta/date"/>
    <xsl:if test="$place != ''">
      <xsl:value-of select="$place"/>
      <xsl:text>, </xsl:text>
    </xsl:if>
    <xsl:call-template name="soan-date-phrase">
      <xsl:with-param name="date" select="$date"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A centred solid rule of length mm: the rules under the issuer, the
       Tiêu ngữ, the title and the appendix line (PL1 II, Mẫu 1.4, 2.1). -->
  <xsl:template name="soan-short-rule">
    <xsl:param name="length" select="30"/>
    <xsl:param name="space-before" select="'0'"/>
    <xsl:param name="space-after" select="'0'"/>
    <fo:block text-align="center" text-indent="0" line-height="4pt" font-size="4pt"
              space-before="{$space-before}">
      <xsl:if test="$space-after != '0'">
        <xsl:attribute name="space-after"><xsl:value-of select="$space-after"/></xsl:attribute>
      </xsl:if>
      <fo:leader leader-pattern="rule" leader-length="{$length}mm" rule-thickness="0.5pt"/>
    </fo:block>
  </xsl:template>

  <!-- ================= header ================= -->

  <!-- The issuer's name in the header, bold capitals; "Ủy ban nhân dân"
       on a line of its own, as offices type it. -->
  <xsl:template name="soan-issuer-lines">
    <xsl:param name="issuer"/>
    <xsl:param name="bold" select="true()"/>
    <xsl:variable name="up">
      <xsl:call-template name="soan-upper"><xsl:with-param name="text" select="normalize-space($issuer)"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="weight">
      <xsl:choose>
        <xsl:when test="$bold">bold</xsl:when>
        <xsl:otherwise>normal</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="starts-with($up, 'ỦY BAN NHÂN DÂN ') or starts-with($up, 'UỶ BAN NHÂN DÂN ')">
        <fo:block xsl:use-attribute-sets="soan-centred" font-size="13pt" font-weight="{$weight}">
          <xsl:value-of select="substring($up, 1, 15)"/>
        </fo:block>
        <fo:block xsl:use-attribute-sets="soan-centred" font-size="13pt" font-weight="{$weight}">
          <xsl:value-of select="substring($up, 17)"/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block xsl:use-attribute-sets="soan-centred" font-size="13pt" font-weight="{$weight}">
          <xsl:value-of select="$up"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The header of page 1 as offices type it: a borderless two-column
       table.  Left: parent body (13, upright), issuer (13, bold), rule,
       Số.  Right: Quốc hiệu (13, bold), Tiêu ngữ (14, bold), rule, place
       and date (italic).  Số and the date share the second row, so they
       stand on one line. -->
  <xsl:template name="soan-header-table">
    <xsl:param name="meta" select="/plan/meta"/>
    <xsl:param name="parent" select="normalize-space($meta/parent-issuer)"/>
    <xsl:param name="issuer" select="normalize-space($meta/issuer)"/>
    <xsl:param name="number-line">
      <xsl:if test="$meta/number">
        <xsl:call-template name="soan-number-line">
          <xsl:with-param name="number" select="$meta/number"/>
          <xsl:with-param name="code" select="string($meta/doctype/@code)"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:param>
    <xsl:param name="date-line">
      <xsl:if test="$meta/date">
        <xsl:call-template name="soan-place-date-line">
          <xsl:with-param name="place" select="normalize-space($meta/place)"/>
          <xsl:with-param name="date" select="$meta/date"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:param>
    <xsl:param name="width" select="$soan-portrait-width"/>
    <!-- 2/5 for the issuer, but the Quốc hiệu keeps to one line: in 13 pt
         bold Times New Roman it is 95.6 mm wide (wider than 3/5 of the
         text when both side margins are at the decree's widest) -->
    <xsl:variable name="left">
      <xsl:choose>
        <xsl:when test="$width - round($width * 0.4) &lt; 96"><xsl:value-of select="$width - 96"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="round($width * 0.4)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:table table-layout="fixed" width="{$width}mm" line-height="1.15">
      <fo:table-column column-width="{$left}mm"/>
      <fo:table-column column-width="{$width - $left}mm"/>
      <fo:table-body>
        <fo:table-row>
          <fo:table-cell padding="0">
            <xsl:if test="$parent != ''">
              <xsl:call-template name="soan-issuer-lines">
                <xsl:with-param name="issuer" select="$parent"/>
                <xsl:with-param name="bold" select="false()"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:choose>
              <xsl:when test="$issuer != ''">
                <xsl:call-template name="soan-issuer-lines">
                  <xsl:with-param name="issuer" select="$issuer"/>
                </xsl:call-template>
                <xsl:call-template name="soan-short-rule">
                  <xsl:with-param name="length" select="20"/>
                  <xsl:with-param name="space-before" select="'1pt'"/>
                </xsl:call-template>
              </xsl:when>
              <xsl:otherwise><fo:block/></xsl:otherwise>
            </xsl:choose>
          </fo:table-cell>
          <fo:table-cell padding="0">
            <fo:block xsl:use-attribute-sets="soan-centred" font-size="13pt" font-weight="bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</fo:block>
            <fo:block xsl:use-attribute-sets="soan-centred" font-size="14pt" font-weight="bold">Độc lập - Tự do - Hạnh phúc</fo:block>
            <xsl:call-template name="soan-short-rule">
              <xsl:with-param name="length" select="60"/>
              <xsl:with-param name="space-before" select="'1pt'"/>
            </xsl:call-template>
          </fo:table-cell>
        </fo:table-row>
        <xsl:if test="normalize-space($number-line) != '' or normalize-space($date-line) != ''">
          <fo:table-row>
            <fo:table-cell padding="0">
              <fo:block xsl:use-attribute-sets="soan-centred" font-size="13pt" space-before="6pt">
                <xsl:copy-of select="$number-line"/>
              </fo:block>
            </fo:table-cell>
            <fo:table-cell padding="0">
              <fo:block xsl:use-attribute-sets="soan-centred" font-size="{$soan-size}pt" font-style="italic" space-before="6pt">
                <xsl:copy-of select="$date-line"/>
              </fo:block>
            </fo:table-cell>
          </fo:table-row>
        </xsl:if>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- KẾ HOẠCH / trích yếu / rule, bold and centred (PL1 II.5, Mẫu 1.4). -->
  <xsl:template name="soan-title-block">
    <xsl:param name="doctype" select="normalize-space(/plan/meta/doctype)"/>
    <xsl:param name="title" select="normalize-space(/plan/meta/title)"/>
    <fo:block xsl:use-attribute-sets="soan-centred" font-size="{$soan-size}pt" font-weight="bold"
              space-before="18pt" keep-with-next="always">
      <xsl:call-template name="soan-upper"><xsl:with-param name="text" select="$doctype"/></xsl:call-template>
    </fo:block>
    <xsl:if test="$title != ''">
      <fo:block xsl:use-attribute-sets="soan-centred" font-size="{$soan-size}pt" font-weight="bold"
                keep-with-next="always">
        <xsl:value-of select="$title"/>
      </fo:block>
    </xsl:if>
    <!-- The rule is 2/5 of the title's line (PL1: 1/3 to 1/2), the line's
         length estimated at 2.3 mm a character at 14 pt, at least 25 mm.
         12 pt below it: space-after and the next block's space-before
         resolve to the larger, as XSL-FO says. -->
    <xsl:variable name="line" select="string-length($title) * 2.3 * $soan-size div 14"/>
    <xsl:variable name="rule">
      <xsl:choose>
        <xsl:when test="$line &gt; $soan-portrait-width"><xsl:value-of select="round($soan-portrait-width * 0.4)"/></xsl:when>
        <xsl:when test="$line &lt; 62.5">25</xsl:when>
        <xsl:otherwise><xsl:value-of select="round($line * 0.4)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="soan-short-rule">
      <xsl:with-param name="length" select="$rule"/>
      <xsl:with-param name="space-before" select="'1pt'"/>
      <xsl:with-param name="space-after" select="'12pt'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ================= signature and Nơi nhận ================= -->

  <xsl:template name="soan-signature">
    <xsl:param name="signature" select="/plan/closing/signature"/>
    <xsl:for-each select="$signature/@authority | $signature/@deputy | $signature/@position">
      <fo:block xsl:use-attribute-sets="soan-centred" font-size="{$soan-size}pt" font-weight="bold">
        <xsl:value-of select="normalize-space(.)"/>
      </fo:block>
    </xsl:for-each>
    <xsl:choose>
      <xsl:when test="normalize-space($signature/@signer) != ''">
        <fo:block xsl:use-attribute-sets="soan-centred" font-size="{$soan-size}pt" font-weight="bold"
                  space-before="72pt">
          <xsl:value-of select="normalize-space($signature/@signer)"/>
        </fo:block>
      </xsl:when>
      <xsl:when test="not($signature/@authority | $signature/@deputy | $signature/@position)">
        <fo:block/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- "Nơi nhận:" 12 pt bold italic, then one line per recipient at 11 pt
       with its "- " (PL1 II.9, Mẫu 1.4). -->
  <xsl:template name="soan-recipients">
    <xsl:param name="recipients" select="/plan/closing/recipients/recipient"/>
    <fo:block text-align="start" text-indent="0" font-size="12pt" font-weight="bold" font-style="italic">Nơi nhận:</fo:block>
    <xsl:for-each select="$recipients">
      <fo:block text-align="start" text-indent="0" font-size="11pt">
        <xsl:text>- </xsl:text>
        <xsl:value-of select="normalize-space(.)"/>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- Nơi nhận on the left, the signature on the right, side by side in a
       borderless table (Mẫu 1.4: 35 % and 65 % of the text width). -->
  <xsl:template name="soan-closing-table">
    <xsl:param name="signature" select="/plan/closing/signature"/>
    <xsl:param name="recipients" select="/plan/closing/recipients"/>
    <xsl:param name="width" select="$soan-portrait-width"/>
    <xsl:variable name="left" select="round($width * 0.35)"/>
    <xsl:if test="$signature or $recipients">
      <fo:table table-layout="fixed" width="{$width}mm" space-before="12pt" line-height="1.15">
        <fo:table-column column-width="{$left}mm"/>
        <fo:table-column column-width="{$width - $left}mm"/>
        <fo:table-body>
          <fo:table-row keep-together.within-page="always">
            <fo:table-cell padding="0">
              <xsl:choose>
                <xsl:when test="$recipients">
                  <xsl:call-template name="soan-recipients">
                    <xsl:with-param name="recipients" select="$recipients/recipient"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise><fo:block/></xsl:otherwise>
              </xsl:choose>
            </fo:table-cell>
            <fo:table-cell padding="0">
              <xsl:choose>
                <xsl:when test="$signature">
                  <xsl:call-template name="soan-signature">
                    <xsl:with-param name="signature" select="$signature"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise><fo:block/></xsl:otherwise>
              </xsl:choose>
            </fo:table-cell>
          </fo:table-row>
        </fo:table-body>
      </fo:table>
    </xsl:if>
  </xsl:template>

  <!-- ================= appendix ================= -->

  <!-- "(Kèm theo Kế hoạch số … ngày … của …)" built from the header, for
       an appendix that does not carry its own line. -->
  <xsl:template name="soan-attachment-text">
    <xsl:param name="meta" select="/plan/meta"/>
    <xsl:text>(Kèm theo </xsl:text>
    <xsl:value-of select="normalize-space($meta/doctype)"/>
    <xsl:text> số </xsl:text>
    <xsl:choose>
      <xsl:when test="normalize-space($meta/number) != ''">
        <xsl:value-of select="normalize-space($meta/number)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="soan-gap"/>
        <xsl:text>/</xsl:text>
        <xsl:choose>
          <xsl:when test="$meta/number/@symbol"><xsl:value-of select="$meta/number/@symbol"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$meta/doctype/@code"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text> </xsl:text>
    <xsl:call-template name="soan-date-phrase">
      <xsl:with-param name="date" select="$meta/date"/>
    </xsl:call-template>
    <xsl:if test="normalize-space($meta/issuer) != ''">
      <xsl:text> của </xsl:text>
      <xsl:value-of select="normalize-space($meta/issuer)"/>
    </xsl:if>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <!-- Phụ lục [I] / TITLE / (Kèm theo …) / rule (PL1 III.1, Mẫu 2.1). -->
  <xsl:template name="soan-appendix-heading">
    <xsl:param name="appendix" select="."/>
    <xsl:param name="id" select="''"/>
    <fo:block xsl:use-attribute-sets="soan-centred" font-size="14pt" font-weight="bold" keep-with-next="always">
      <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
      <xsl:text>Phụ lục</xsl:text>
      <xsl:if test="normalize-space($appendix/@number) != ''">
        <xsl:text> </xsl:text>
        <xsl:value-of select="normalize-space($appendix/@number)"/>
      </xsl:if>
    </fo:block>
    <xsl:if test="normalize-space($appendix/@title) != ''">
      <fo:block xsl:use-attribute-sets="soan-centred" font-size="{$soan-size}pt" font-weight="bold" keep-with-next="always">
        <xsl:call-template name="soan-upper"><xsl:with-param name="text" select="normalize-space($appendix/@title)"/></xsl:call-template>
      </fo:block>
    </xsl:if>
    <fo:block xsl:use-attribute-sets="soan-centred" font-size="{$soan-size}pt" font-style="italic" keep-with-next="always">
      <xsl:choose>
        <xsl:when test="normalize-space($appendix/@attachment) != ''">
          <!-- plan XML keeps the words; the parentheses are layout -->
          <xsl:variable name="a" select="normalize-space($appendix/@attachment)"/>
          <xsl:if test="not(starts-with($a, '('))">(</xsl:if>
          <xsl:value-of select="$a"/>
          <xsl:if test="substring($a, string-length($a)) != ')'">)</xsl:if>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="soan-attachment-text"/></xsl:otherwise>
      </xsl:choose>
    </fo:block>
    <xsl:call-template name="soan-short-rule">
      <xsl:with-param name="length" select="30"/>
      <xsl:with-param name="space-before" select="'1pt'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- 'yes' when an appendix goes on landscape pages: by parameter, or
       (auto) when one of its tables has more than 4 columns. -->
  <xsl:template name="soan-appendix-landscape">
    <xsl:param name="appendix" select="."/>
    <xsl:choose>
      <xsl:when test="$landscape-appendix = 'yes'">yes</xsl:when>
      <xsl:when test="$landscape-appendix = 'no'">no</xsl:when>
      <xsl:when test="$appendix//table[count(column) &gt; 4 or row[count(cell) &gt; 4] or group/row[count(cell) &gt; 4]]">yes</xsl:when>
      <xsl:otherwise>no</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The text width (mm) where a node is printed. -->
  <xsl:template name="soan-width-at">
    <xsl:param name="node" select="."/>
    <xsl:variable name="app" select="$node/ancestor-or-self::appendix[1]"/>
    <xsl:variable name="land">
      <xsl:if test="$app">
        <xsl:call-template name="soan-appendix-landscape"><xsl:with-param name="appendix" select="$app"/></xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$land = 'yes'"><xsl:value-of select="$soan-landscape-width"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$soan-portrait-width"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================= tables ================= -->

  <!-- Relative column widths by role: narrow numbers and dates, wide task
       text. -->
  <xsl:template name="soan-role-weight">
    <xsl:param name="role"/>
    <xsl:choose>
      <xsl:when test="$role = 'no'">1</xsl:when>
      <xsl:when test="$role = 'task'">6</xsl:when>
      <xsl:when test="$role = 'lead'">3</xsl:when>
      <xsl:when test="$role = 'partners'">3.5</xsl:when>
      <xsl:when test="$role = 'timeline'">2</xsl:when>
      <xsl:when test="$role = 'product'">3</xsl:when>
      <xsl:when test="$role = 'cost'">2</xsl:when>
      <xsl:when test="$role = 'note'">2</xsl:when>
      <xsl:otherwise>3</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="soan-weight-sum">
    <xsl:param name="columns"/>
    <xsl:param name="acc" select="0"/>
    <xsl:choose>
      <xsl:when test="$columns">
        <xsl:variable name="w">
          <xsl:call-template name="soan-role-weight"><xsl:with-param name="role" select="$columns[1]/@role"/></xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="soan-weight-sum">
          <xsl:with-param name="columns" select="$columns[position() &gt; 1]"/>
          <xsl:with-param name="acc" select="$acc + $w"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$acc"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The narrowest a column of a role may be, in mm (0: no limit): its
       longest unbreakable text at the table's size and the cell's padding
       (1 mm a side), rounded up.  A clerk widens such a column until it
       fits: STT in bold (1.9 em of Times New Roman), broken as "ST" / "T",
       no longer reads as the number column, nor a date 30/09/2026 or a
       year range 2019-2020 (4.6 em) broken between its digits as a date. -->
  <xsl:template name="soan-role-min">
    <xsl:param name="role"/>
    <xsl:variable name="em" select="$soan-table-size * 25.4 div 72"/>
    <xsl:choose>
      <xsl:when test="$role = 'no'"><xsl:value-of select="ceiling(1.9 * $em + 2.5)"/></xsl:when>
      <xsl:when test="$role = 'timeline'"><xsl:value-of select="ceiling(4.6 * $em + 2.5)"/></xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Of $columns (columns, or cells by their roles) in a table $width mm
       wide whose weights add up to $sum, those whose share by weight is
       below their minimum: the sum of their minimums ($what 'mm') or of
       their weights ($what 'w'). -->
  <xsl:template name="soan-pinned-sum">
    <xsl:param name="columns"/>
    <xsl:param name="width"/>
    <xsl:param name="sum"/>
    <xsl:param name="what"/>
    <xsl:param name="acc" select="0"/>
    <xsl:choose>
      <xsl:when test="$columns">
        <xsl:variable name="w">
          <xsl:call-template name="soan-role-weight"><xsl:with-param name="role" select="$columns[1]/@role"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="min">
          <xsl:call-template name="soan-role-min"><xsl:with-param name="role" select="$columns[1]/@role"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="add">
          <xsl:choose>
            <xsl:when test="$width * $w div $sum &gt;= $min">0</xsl:when>
            <xsl:when test="$what = 'mm'"><xsl:value-of select="$min"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$w"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:call-template name="soan-pinned-sum">
          <xsl:with-param name="columns" select="$columns[position() &gt; 1]"/>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="sum" select="$sum"/>
          <xsl:with-param name="what" select="$what"/>
          <xsl:with-param name="acc" select="$acc + $add"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$acc"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The fo:table-column of each of $columns (columns, or cells by their
       roles) in a table $width mm wide: its share by weight, except that
       a column whose share is below its minimum (soan-role-min) gets the
       minimum and the others share what is left by weight. -->
  <xsl:template name="soan-table-columns">
    <xsl:param name="columns"/>
    <xsl:param name="width"/>
    <xsl:variable name="sum">
      <xsl:call-template name="soan-weight-sum"><xsl:with-param name="columns" select="$columns"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="pinned-mm">
      <xsl:call-template name="soan-pinned-sum">
        <xsl:with-param name="columns" select="$columns"/>
        <xsl:with-param name="width" select="$width"/>
        <xsl:with-param name="sum" select="$sum"/>
        <xsl:with-param name="what" select="'mm'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="pinned-w">
      <xsl:call-template name="soan-pinned-sum">
        <xsl:with-param name="columns" select="$columns"/>
        <xsl:with-param name="width" select="$width"/>
        <xsl:with-param name="sum" select="$sum"/>
        <xsl:with-param name="what" select="'w'"/>
      </xsl:call-template>
    </xsl:variable>
    <!-- minimums that leave the others no room are not kept -->
    <xsl:variable name="keep" select="$pinned-w &lt; $sum and $pinned-mm &lt; $width"/>
    <xsl:for-each select="$columns">
      <xsl:variable name="w">
        <xsl:call-template name="soan-role-weight"><xsl:with-param name="role" select="@role"/></xsl:call-template>
      </xsl:variable>
      <xsl:variable name="min">
        <xsl:call-template name="soan-role-min"><xsl:with-param name="role" select="@role"/></xsl:call-template>
      </xsl:variable>
      <xsl:variable name="mm">
        <xsl:choose>
          <xsl:when test="not($keep) or $pinned-w = 0"><xsl:value-of select="$width * $w div $sum"/></xsl:when>
          <xsl:when test="$width * $w div $sum &lt; $min"><xsl:value-of select="$min"/></xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="($width - $pinned-mm) * $w div ($sum - $pinned-w)"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <fo:table-column column-width="{format-number($mm, '0.0')}mm"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The widest row when a table has no column elements. -->
  <xsl:template name="soan-max-cells">
    <xsl:param name="rows"/>
    <xsl:for-each select="$rows">
      <xsl:sort select="count(cell)" data-type="number" order="descending"/>
      <xsl:if test="position() = 1"><xsl:value-of select="count(cell)"/></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="soan-table">
    <xsl:param name="table" select="."/>
    <xsl:param name="width">
      <xsl:call-template name="soan-width-at"><xsl:with-param name="node" select="$table"/></xsl:call-template>
    </xsl:param>
    <xsl:variable name="rows" select="$table/row | $table/group/row"/>
    <xsl:variable name="ncols">
      <xsl:choose>
        <xsl:when test="$table/column"><xsl:value-of select="count($table/column)"/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="soan-max-cells"><xsl:with-param name="rows" select="$rows"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="number($ncols) &gt; 0">
      <fo:table table-layout="fixed" width="{$width}mm" border-collapse="collapse"
                font-size="{$soan-table-size}pt" line-height="1.15" space-before="6pt">
        <xsl:choose>
          <xsl:when test="$table/column">
            <xsl:call-template name="soan-table-columns">
              <xsl:with-param name="columns" select="$table/column"/>
              <xsl:with-param name="width" select="$width"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <!-- no column headings: the roles of the first widest row -->
            <xsl:call-template name="soan-table-columns">
              <xsl:with-param name="columns" select="$rows[count(cell) = number($ncols)][1]/cell"/>
              <xsl:with-param name="width" select="$width"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$table/column">
          <fo:table-header>
            <fo:table-row font-weight="bold">
              <xsl:for-each select="$table/column">
                <fo:table-cell border="0.5pt solid black" padding="1mm" display-align="center">
                  <fo:block text-align="center" text-indent="0"><xsl:value-of select="normalize-space(.)"/></fo:block>
                </fo:table-cell>
              </xsl:for-each>
            </fo:table-row>
          </fo:table-header>
        </xsl:if>
        <fo:table-body>
          <xsl:for-each select="$table/row | $table/group">
            <xsl:choose>
              <xsl:when test="self::group">
                <xsl:call-template name="soan-group-row">
                  <xsl:with-param name="ncols" select="number($ncols)"/>
                  <xsl:with-param name="first-role" select="string($table/column[1]/@role)"/>
                </xsl:call-template>
                <xsl:for-each select="row">
                  <xsl:call-template name="soan-table-row"/>
                </xsl:for-each>
              </xsl:when>
              <xsl:otherwise><xsl:call-template name="soan-table-row"/></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
          <xsl:if test="not($rows) and not($table/group)">
            <fo:table-row>
              <fo:table-cell border="0.5pt solid black" padding="1mm" number-columns-spanned="{$ncols}"><fo:block/></fo:table-cell>
            </fo:table-row>
          </xsl:if>
        </fo:table-body>
      </fo:table>
    </xsl:if>
  </xsl:template>

  <!-- A group row: its number under STT and its title across the rest,
       bold; without an STT column, "I. Title" across the whole row. -->
  <xsl:template name="soan-group-row">
    <xsl:param name="ncols"/>
    <xsl:param name="first-role"/>
    <fo:table-row font-weight="bold">
      <xsl:choose>
        <xsl:when test="$first-role = 'no' and $ncols &gt; 1">
          <fo:table-cell border="0.5pt solid black" padding="1mm">
            <fo:block text-align="center" text-indent="0"><xsl:value-of select="normalize-space(@number)"/></fo:block>
          </fo:table-cell>
          <fo:table-cell border="0.5pt solid black" padding="1mm">
            <xsl:if test="$ncols &gt; 2">
              <xsl:attribute name="number-columns-spanned"><xsl:value-of select="$ncols - 1"/></xsl:attribute>
            </xsl:if>
            <fo:block text-align="start" text-indent="0"><xsl:value-of select="normalize-space(@title)"/></fo:block>
          </fo:table-cell>
        </xsl:when>
        <xsl:otherwise>
          <fo:table-cell border="0.5pt solid black" padding="1mm">
            <xsl:if test="$ncols &gt; 1">
              <xsl:attribute name="number-columns-spanned"><xsl:value-of select="$ncols"/></xsl:attribute>
            </xsl:if>
            <fo:block text-align="start" text-indent="0">
              <xsl:call-template name="soan-label"><xsl:with-param name="number" select="normalize-space(@number)"/></xsl:call-template>
              <xsl:value-of select="normalize-space(@title)"/>
            </fo:block>
          </fo:table-cell>
        </xsl:otherwise>
      </xsl:choose>
    </fo:table-row>
  </xsl:template>

  <!-- A row of a plan table.  Plan XML repeats a merged cell in every row
       and column it covers; equal neighbouring cells (not STT, not
       empty) are merged back: across a row first, then down a column for
       cells that take part in no merge across.  XPath only (no result
       tree fragments): this runs for every cell of every table. -->
  <xsl:template name="soan-table-row">
    <xsl:variable name="row" select="."/>
    <xsl:variable name="merge" select="$merge-cells = 'yes'"/>
    <fo:table-row>
      <xsl:for-each select="cell">
        <xsl:variable name="i" select="position()"/>
        <xsl:variable name="t" select="normalize-space(.)"/>
        <xsl:variable name="mergeable" select="$merge and $t != '' and @role != 'no'"/>
        <!-- equal to its left or right neighbour -->
        <xsl:variable name="left" select="$mergeable and preceding-sibling::cell[1][@role != 'no' and normalize-space(.) = $t]"/>
        <xsl:variable name="across" select="$left or ($mergeable and following-sibling::cell[1][@role != 'no' and normalize-space(.) = $t])"/>
        <xsl:variable name="above" select="$row/preceding-sibling::row[1]/cell[$i]"/>
        <xsl:variable name="down" select="$mergeable and not($across) and normalize-space($above) = $t and
                      not($above/preceding-sibling::cell[1][@role != 'no' and normalize-space(.) = $t]) and
                      not($above/following-sibling::cell[1][@role != 'no' and normalize-space(.) = $t])"/>
        <xsl:if test="not($left) and not($down)">
          <fo:table-cell border="0.5pt solid black" padding="1mm">
            <xsl:if test="$across">
              <!-- the run ends at the first cell that differs -->
              <xsl:variable name="end" select="following-sibling::cell[not(@role != 'no' and normalize-space(.) = $t)][1]"/>
              <xsl:attribute name="number-columns-spanned">
                <xsl:value-of select="count(following-sibling::cell) + 1 - count($end) - count($end/following-sibling::cell)"/>
              </xsl:attribute>
            </xsl:if>
            <xsl:if test="$mergeable and not($across)">
              <!-- the run ends at the first row whose cell differs or
                   merges across -->
              <xsl:variable name="stop" select="$row/following-sibling::row[not(cell[$i][normalize-space(.) = $t and @role != 'no' and
                            not(preceding-sibling::cell[1][@role != 'no' and normalize-space(.) = $t]) and
                            not(following-sibling::cell[1][@role != 'no' and normalize-space(.) = $t])])][1]"/>
              <xsl:variable name="rows" select="count($row/following-sibling::row) + 1 - count($stop) - count($stop/following-sibling::row)"/>
              <xsl:if test="$rows &gt; 1">
                <xsl:attribute name="number-rows-spanned"><xsl:value-of select="$rows"/></xsl:attribute>
                <xsl:attribute name="display-align">center</xsl:attribute>
              </xsl:if>
            </xsl:if>
            <xsl:variable name="align">
              <xsl:choose>
                <xsl:when test="@role = 'no' or @role = 'timeline'">center</xsl:when>
                <xsl:otherwise>start</xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <xsl:choose>
              <!-- a cell's own line breaks (plan XML keeps them): a block
                   a line -->
              <xsl:when test="not(*) and contains(., '&#10;')">
                <xsl:call-template name="soan-cell-lines">
                  <xsl:with-param name="text" select="string(.)"/>
                  <xsl:with-param name="align" select="$align"/>
                </xsl:call-template>
              </xsl:when>
              <xsl:otherwise>
                <fo:block text-indent="0" text-align="{$align}">
                  <xsl:call-template name="soan-inline"/>
                </fo:block>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:apply-templates select="note" mode="soan-footnote"/>
          </fo:table-cell>
        </xsl:if>
      </xsl:for-each>
    </fo:table-row>
  </xsl:template>

  <xsl:template name="soan-cell-lines">
    <xsl:param name="text"/>
    <xsl:param name="align"/>
    <xsl:choose>
      <xsl:when test="contains($text, '&#10;')">
        <fo:block text-indent="0" text-align="{$align}"><xsl:value-of select="substring-before($text, '&#10;')"/></fo:block>
        <xsl:call-template name="soan-cell-lines">
          <xsl:with-param name="text" select="substring-after($text, '&#10;')"/>
          <xsl:with-param name="align" select="$align"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <fo:block text-indent="0" text-align="{$align}"><xsl:value-of select="$text"/></fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================= body ================= -->

  <xsl:template name="soan-depth">
    <xsl:value-of select="count(ancestor::section | ancestor::agency) + 1"/>
  </xsl:template>

  <!-- A heading: Roman-numbered ones in bold capitals, the next level
       bold, deeper ones upright (PL1 V: mục, khoản, điểm). -->
  <xsl:template name="soan-heading">
    <xsl:param name="number"/>
    <xsl:param name="text"/>
    <xsl:param name="id" select="''"/>
    <xsl:variable name="depth" select="count(ancestor::section | ancestor::agency) + 1"/>
    <xsl:variable name="roman" select="$number != '' and translate($number, 'IVXLC', '') = ''"/>
    <xsl:choose>
      <!-- "Phần I", "Chương II", "Mục 1": the number on its own line and
           the title under it in capitals, both bold and centred (PL1 V) -->
      <xsl:when test="starts-with($number, 'Phần ') or starts-with($number, 'Chương ') or
                      starts-with($number, 'Mục ') or starts-with($number, 'Tiểu mục ')">
        <fo:block xsl:use-attribute-sets="soan-centred" font-weight="bold" space-before="6pt"
                  keep-with-next="always">
          <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
          <xsl:value-of select="$number"/>
        </fo:block>
        <fo:block xsl:use-attribute-sets="soan-centred" font-weight="bold" keep-with-next="always">
          <xsl:call-template name="soan-upper"><xsl:with-param name="text" select="normalize-space($text)"/></xsl:call-template>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block text-align="justify" text-indent="{$soan-indent}" space-before="6pt" keep-with-next="always">
          <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
          <xsl:if test="number($depth) &lt;= 2">
            <xsl:attribute name="font-weight">bold</xsl:attribute>
          </xsl:if>
          <xsl:call-template name="soan-label"><xsl:with-param name="number" select="$number"/></xsl:call-template>
          <xsl:choose>
            <xsl:when test="$roman">
              <xsl:call-template name="soan-upper"><xsl:with-param name="text" select="normalize-space($text)"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space($text)"/></xsl:otherwise>
          </xsl:choose>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The id of a section's heading, for the PDF outline: s1, s1_2 in the
       body; a1_s1 in the first appendix. -->
  <xsl:template name="soan-section-id">
    <xsl:variable name="n"><xsl:number level="multiple" count="section" format="1_1"/></xsl:variable>
    <xsl:if test="ancestor::appendix">a<xsl:value-of select="count(ancestor::appendix/preceding-sibling::appendix) + 1"/>_</xsl:if>
    <xsl:text>s</xsl:text>
    <xsl:value-of select="$n"/>
  </xsl:template>

  <xsl:template match="section" mode="soan-body">
    <xsl:choose>
      <xsl:when test="count(ancestor::section) &lt; 2 and not(ancestor::agency)">
        <xsl:call-template name="soan-heading">
          <xsl:with-param name="number" select="normalize-space(@number)"/>
          <xsl:with-param name="text" select="@heading"/>
          <xsl:with-param name="id"><xsl:call-template name="soan-section-id"/></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="soan-heading">
          <xsl:with-param name="number" select="normalize-space(@number)"/>
          <xsl:with-param name="text" select="@heading"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="*" mode="soan-body"/>
  </xsl:template>

  <xsl:template match="p" mode="soan-body">
    <fo:block text-align="justify" text-indent="{$soan-indent}" space-before="6pt">
      <xsl:call-template name="soan-inline"/>
    </fo:block>
    <xsl:apply-templates select="note" mode="soan-footnote"/>
  </xsl:template>

  <!-- An item: its label, its own text, then what nests under it. -->
  <xsl:template match="item" mode="soan-body">
    <fo:block text-align="justify" text-indent="{$soan-indent}" space-before="6pt">
      <xsl:value-of select="@label"/>
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="*">
          <xsl:apply-templates select="node()[not(self::item or self::p or self::task or self::table)]" mode="soan-inline"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </fo:block>
    <xsl:apply-templates select="note" mode="soan-footnote"/>
    <xsl:apply-templates select="item | p | task | table" mode="soan-body"/>
  </xsl:template>

  <!-- A task: its text, then each field printed back with the label and
       caption it was written with ("a) Đơn vị chủ trì: X."). -->
  <xsl:template match="task" mode="soan-body">
    <xsl:if test="text">
      <fo:block text-align="justify" text-indent="{$soan-indent}" space-before="6pt">
        <xsl:call-template name="soan-label"><xsl:with-param name="number" select="normalize-space(@number)"/></xsl:call-template>
        <xsl:apply-templates select="text/node()" mode="soan-inline"/>
      </fo:block>
      <xsl:apply-templates select="text/note" mode="soan-footnote"/>
    </xsl:if>
    <xsl:for-each select="*[not(self::text)]">
      <fo:block text-align="justify" text-indent="{$soan-indent}" space-before="6pt">
        <xsl:if test="normalize-space(@label) != ''">
          <xsl:value-of select="normalize-space(@label)"/>
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:if test="normalize-space(@caption) != ''">
          <xsl:value-of select="normalize-space(@caption)"/>
          <xsl:text>: </xsl:text>
        </xsl:if>
        <xsl:apply-templates select="node()" mode="soan-inline"/>
        <xsl:variable name="t" select="normalize-space(.)"/>
        <xsl:if test="$t != '' and not(contains('.;:!?', substring($t, string-length($t))))">.</xsl:if>
      </fo:block>
      <xsl:apply-templates select="note" mode="soan-footnote"/>
    </xsl:for-each>
  </xsl:template>

  <!-- An agency with its own heading ("3. Đề nghị Ban Tuyên giáo Tỉnh ủy")
       or opening a sentence ("2. Sở Tài chính phối hợp …"). -->
  <xsl:template match="agency" mode="soan-body">
    <xsl:choose>
      <xsl:when test="@heading">
        <xsl:call-template name="soan-heading">
          <xsl:with-param name="number" select="normalize-space(@number)"/>
          <xsl:with-param name="text" select="@heading"/>
        </xsl:call-template>
        <xsl:apply-templates select="*" mode="soan-body"/>
      </xsl:when>
      <xsl:when test="*[1][self::p]">
        <fo:block text-align="justify" text-indent="{$soan-indent}" space-before="6pt">
          <xsl:call-template name="soan-label"><xsl:with-param name="number" select="normalize-space(@number)"/></xsl:call-template>
          <xsl:apply-templates select="*[1]/node()" mode="soan-inline"/>
        </fo:block>
        <xsl:apply-templates select="*[1]/note" mode="soan-footnote"/>
        <xsl:apply-templates select="*[position() &gt; 1]" mode="soan-body"/>
      </xsl:when>
      <xsl:otherwise>
        <fo:block text-align="justify" text-indent="{$soan-indent}" space-before="6pt">
          <xsl:call-template name="soan-label"><xsl:with-param name="number" select="normalize-space(@number)"/></xsl:call-template>
          <xsl:value-of select="normalize-space(@name)"/>
        </fo:block>
        <xsl:apply-templates select="*" mode="soan-body"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="table" mode="soan-body">
    <xsl:call-template name="soan-table"/>
  </xsl:template>

  <!-- A footnote standing on its own. -->
  <xsl:template match="note" mode="soan-body">
    <xsl:apply-templates select="." mode="soan-footnote"/>
  </xsl:template>

  <xsl:template match="note" mode="soan-footnote">
    <fo:block text-align="justify" text-indent="0" font-size="12pt" space-before="3pt">
      <xsl:if test="normalize-space(@mark) != ''">
        <xsl:value-of select="normalize-space(@mark)"/>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="*" mode="soan-body"/>

  <!-- ================= inline ================= -->

  <!-- The inline content of the current element: its text as it is when
       it holds no marks (the common case, and much the cheaper). -->
  <xsl:template name="soan-inline">
    <xsl:choose>
      <xsl:when test="*"><xsl:apply-templates select="node()" mode="soan-inline"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="soan-inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="amount | deadline" mode="soan-inline">
    <xsl:apply-templates select="node()" mode="soan-inline"/>
  </xsl:template>

  <!-- A footnote mark stays where it was; its text follows the paragraph. -->
  <xsl:template match="note" mode="soan-inline">
    <xsl:if test="normalize-space(@mark) != ''">
      <fo:inline font-size="{round($soan-size * 0.7)}pt"><xsl:value-of select="normalize-space(@mark)"/></fo:inline>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="soan-inline">
    <xsl:apply-templates select="node()" mode="soan-inline"/>
  </xsl:template>
</xsl:stylesheet>
