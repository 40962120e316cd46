/**
 * The report's CSS: compact for screen, A4 for print. Sizes are chosen so the report fits on one or two A4
 * pages at any journal length. No forced page break: sections flow, and only small blocks (a chart, a table
 * row, a list item) refuse to split, so no page is left half empty by a section that did not fit.
 */
export const REPORT_CSS = `
@page { size: A4; margin: 10mm 12mm; }
* { box-sizing: border-box; }
body { font: 9pt/1.3 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 186mm; padding: 4mm 0; }
h1 { font-size: 14pt; margin: 0; }
h2 { font-size: 10.5pt; margin: 3.5mm 0 1.2mm; border-bottom: 1px solid #999; padding-bottom: .5mm; }
h3 { font-size: 9pt; margin: 2mm 0 .8mm; }
.sub { font-weight: normal; color: #555; font-size: 8.5pt; }
header .meta { color: #444; font-size: 8.5pt; margin: .5mm 0 1.5mm; }
.notice { border: 1.5px solid #a33; background: #fff5f5; padding: 1.5mm 2.5mm; margin: 1mm 0 0; font-size: 8.5pt; }
p { margin: 1mm 0; }
.small { font-size: 8pt; color: #333; }
.empty-state { font-style: italic; color: #444; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0; }
caption { text-align: left; font-weight: bold; font-size: 8.5pt; padding: .5mm 0; }
th, td { text-align: left; vertical-align: top; padding: .6mm 1.5mm; font-size: 8.5pt; }
.facts th { width: 24mm; color: #333; font-weight: 600; }
.grid-table th { border-bottom: 1px solid #666; }
.grid-table td { border-bottom: 1px solid #ddd; }
.grid-table .num { text-align: right; white-space: nowrap; }
ol.sources-list { font-size: 6.5pt; line-height: 1.2; color: #333; columns: 3; column-gap: 4mm; margin: .5mm 0; padding-left: 5mm; }
ol.sources-list li { break-inside: avoid; overflow-wrap: anywhere; }
.two-col { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; align-items: start; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 4mm; }
figure { margin: 0; }
figcaption { font-size: 7.5pt; line-height: 1.25; margin-bottom: .5mm; }
figcaption .unit-note { color: #555; }
figcaption .keys { display: block; color: #333; }
.key { white-space: nowrap; margin-right: 2.5mm; }
.swatch { display: inline-block; width: 2.6mm; height: 2.6mm; margin-right: .8mm; vertical-align: -.3mm; border-radius: .3mm; }
.sw-bar { background: #5b7fa6; } .sw-bar-after { background: #a9bcd3; } .sw-bar-onset { background: #c0392b; }
.sw-bar-descent { background: #6d8f5a; }
.sw-pain-worst { background: #7d3c98; height: 1mm; vertical-align: .4mm; }
.sw-spike { width: 0; height: 0; border-radius: 0; background: none; border-left: 1.3mm solid transparent; border-right: 1.3mm solid transparent; border-bottom: 2.3mm solid #d35400; }
.sw-cat-small { background: #8a8a8a; border-radius: 50%; } .sw-cat-moderate { background: #e67e22; border-radius: 50%; }
.sw-cat-large { background: #c0392b; border-radius: 50%; } .sw-cat-no-baseline { background: #fff; border: .25mm solid #888; border-radius: 50%; }
.sw-onset-line { width: 0; height: 2.8mm; border-radius: 0; border-left: .35mm dashed #c0392b; }
.sw-cad { background: #2c3e50; border-radius: 50%; }
.line.pain-worst { fill: none; stroke: #7d3c98; stroke-width: 1.4; }
.dot.pain-worst { fill: #7d3c98; }
.tag { font-size: 7pt; color: #c0392b; font-weight: 600; }
tr.must-not-miss td:nth-child(2) { font-weight: 600; }
.answer-not-asked { color: #777; font-weight: normal; }
.grid-table.journal td.date { white-space: nowrap; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font-family: inherit; }
.tick, .unit, .legend, .onset-label, .spike-label { font-size: 7px; fill: #444; }
.empty { font-size: 9px; fill: #666; }
.grid { stroke: #e3e3e3; stroke-width: .6; }
.axis { stroke: #666; stroke-width: .8; }
.bar { fill: #5b7fa6; }
.bar-after { fill: #a9bcd3; }
.bar-onset { fill: #c0392b; }
.bar-descent { fill: #6d8f5a; }
.spike { fill: #d35400; }
.stem { stroke: #bbb; stroke-width: .8; }
.dot { fill: #888; }
.cat-small { fill: #8a8a8a; }
.cat-moderate { fill: #e67e22; }
.cat-large { fill: #c0392b; }
.cat-no-baseline { fill: #fff; stroke: #888; stroke-width: .8; }
.spike-label { font-weight: bold; fill: #c0392b; }
.onset { stroke: #c0392b; stroke-dasharray: 3 2; stroke-width: 1; }
.onset-label { fill: #c0392b; }
.line { fill: none; stroke: #2c3e50; stroke-width: 1.2; }
.dot.cad { fill: #2c3e50; }
.line.pain-during, .pain-during-key { stroke: #e67e22; fill: #e67e22; }
.line.pain-after, .pain-after-key { stroke: #c0392b; fill: #c0392b; }
.line.pain-morning, .pain-morning-key { stroke: #7d3c98; fill: #7d3c98; }
.line.pain-during, .line.pain-after, .line.pain-morning { fill: none; }
.dot.pain-during { fill: #e67e22; } .dot.pain-after { fill: #c0392b; } .dot.pain-morning { fill: #7d3c98; }
.urgency { padding: 1mm 2mm; border-left: 3mm solid #888; background: #f4f4f4; }
.urgency-emergency, .urgency-urgent { border-left-color: #c0392b; }
.urgency-soon { border-left-color: #e67e22; }
.urgency-self-care { border-left-color: #27ae60; }
ul.flags { columns: 2; padding-left: 0; list-style: none; margin: .5mm 0; font-size: 8pt; }
ul.flags li { break-inside: avoid; }
.answer { display: inline-block; min-width: 18mm; font-weight: 600; }
.answer-yes { color: #c0392b; }
.answer-not-answered { color: #b9770e; }
ol.small, ul.small { margin: .5mm 0; padding-left: 5mm; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  body { padding: 0; max-width: none; }
  figure, tr, li, .facts, .urgency { break-inside: avoid; }
  h2, h3, caption { break-after: avoid; }
}
`;
