// pdfkit-doc.js JSON N OUT FONT_R FONT_B FONT_I FONT_BI - the benchmark's
// pdfkit anchor: draws the document that tests/bench/fo2json.py describes
// (the same text, fonts, page sizes, margins, justified paragraphs,
// bordered tables with the header repeated, page numbers from page 2)
// N times in one process, writes the last one to OUT and prints
// "docs seconds cpu_seconds" for the N documents.
"use strict";
const fs = require("fs");
const PDFDocument = require("pdfkit");

const [json, nstr, out, fr, fb, fi, fbi] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(json, "utf8"));
const fonts = { R: fr, B: fb, I: fi, BI: fbi };
const face = (r) => (r.bold ? (r.italic ? "BI" : "B") : r.italic ? "I" : "R");

function paragraph(doc, b, x, width) {
  if (!b.runs.length) return;
  doc.y += b.space || 0;
  const align = b.align === "center" ? "center" : b.align === "end" ? "right" : b.align === "justify" ? "justify" : "left";
  b.runs.forEach((r, i) => {
    doc.font(face(r)).fontSize(r.size);
    doc.text(r.text, x, undefined, { width, align, indent: i === 0 ? b.indent : 0,
      continued: i < b.runs.length - 1, lineGap: r.size * 0.2 - r.size * 0.15 });
  });
}

function cellHeight(doc, cell, w) {
  let h = 4;
  for (const b of cell.blocks)
    for (const r of b.runs) {
      doc.font(face(r)).fontSize(r.size);
      h += doc.heightOfString(r.text, { width: w - 4 });
    }
  return h;
}

function table(doc, t, x, bottom, newPage) {
  const header = t.rows.filter((r) => r.length && r[0].header);
  const drawRow = (row) => {
    let cx = x, col = 0;
    const ws = row.map((c) => t.widths.slice(col, (col += c.span)).reduce((a, b) => a + b, 0));
    const h = Math.max(...row.map((c, i) => cellHeight(doc, c, ws[i])));
    if (doc.y + h > bottom) {
      newPage();
      if (!row[0].header) header.forEach(drawRow);
    }
    const y = doc.y;
    row.forEach((c, i) => {
      doc.rect(cx, y, ws[i], h).lineWidth(0.5).stroke();
      doc.y = y + 2;
      for (const b of c.blocks) paragraph(doc, Object.assign({}, b, { space: 0 }), cx + 2, ws[i] - 4);
      cx += ws[i];
    });
    doc.y = y + h;
  };
  t.rows.forEach(drawRow);
}

function render() {
  return new Promise((resolve) => {
    const first = spec.sequences[0].page;
    const doc = new PDFDocument({ autoFirstPage: false, bufferPages: true, compress: true });
    for (const [k, p] of Object.entries(fonts)) doc.registerFont(k, p);
    const chunks = [];
    doc.on("data", (c) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    const starts = [];
    for (const seq of spec.sequences) {
      const p = seq.page, m = p.margins;
      const opts = { size: [p.width, p.height], margins: { top: m[0], bottom: m[1], left: m[2], right: m[3] } };
      const newPage = () => doc.addPage(opts);
      newPage();
      starts.push(doc.bufferedPageRange().count - 1);
      const width = p.width - m[2] - m[3];
      for (const it of seq.items) {
        if (it.kind === "block") paragraph(doc, it, m[2], width);
        else table(doc, it, m[2], p.height - m[1], newPage);
      }
    }
    // page numbers, restarting with each sequence, none on its first page
    const range = doc.bufferedPageRange();
    let s = 0;
    for (let i = 0; i < range.count; i++) {
      if (s + 1 < starts.length && i >= starts[s + 1]) s++;
      const n = i - starts[s] + 1;
      if (n === 1) continue;
      doc.switchToPage(i);
      const page = doc.page;
      doc.font("R").fontSize(14).text(String(n), 0, 34, { width: page.width, align: "center", lineBreak: false });
    }
    doc.end();
    void first;
  });
}

(async () => {
  const n = parseInt(nstr, 10);
  const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
  let buf;
  for (let i = 0; i < n; i++) buf = await render();
  const dt = Number(process.hrtime.bigint() - t0) / 1e9, c = process.cpuUsage(c0);
  fs.writeFileSync(out, buf);
  console.log(n, dt.toFixed(3), ((c.user + c.system) / 1e6).toFixed(3));
})();
