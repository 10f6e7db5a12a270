extension Stylesheet {
    /// Charts, readable at every width. A chart is drawn `Charts.width` units across with 13-unit
    /// text: on a phone it fills the card (text about 12 px); wider screens cap it, so the text
    /// stays near body size instead of growing with the page.
    static let charts = """
    svg.chart { width: 100%; height: auto; max-width: 27rem; display: block; margin: .5rem 0 1rem; overflow: visible; }
    svg.chart text { font-size: 13px; font-family: inherit; fill: var(--ink); }
    svg.chart .chart-tick, svg.chart .chart-axis-title { fill: var(--muted); }
    svg.chart .chart-value { font-weight: 600; }
    .chart-bar { fill: var(--accent); }
    .chart-track { fill: var(--accent-soft); }
    .chart-axis { stroke: #9fb3c8; stroke-width: 1; }
    .chart-target { fill: none; stroke: var(--warm); stroke-width: 2; stroke-dasharray: 5 3; }
    .chart-line { fill: none; stroke: var(--accent); stroke-width: 2.5; }
    .chart-dot { fill: var(--accent); }
    .chart-numbers { margin: 0 0 .5rem; }
    .chart-numbers summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
    .chart-numbers table.data { margin-top: .5rem; }

    """

    /// The printed pages (the career report above all): compact type, no navigation or buttons,
    /// and sections that may run across a page break (only headings, charts and single items
    /// stay whole), so no page is left half empty.
    static let print = """
    @page { size: A4; margin: 12mm 13mm; }
    @media print {
      .no-print { display: none !important; }
      .chart-numbers { display: none !important; }
      header.site, footer.site, .actions, nav, form, .skip { display: none !important; }
      :root, body { background: #fff; font-size: 10pt; line-height: 1.35; }
      main { max-width: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
      h1 { font-size: 15pt; margin: 0 0 .25rem; }
      p.lead { font-size: 10.5pt; margin: 0 0 .5rem; }
      h2 { font-size: 11.5pt; margin: 0 0 .3rem; }
      h3 { font-size: 10pt; margin: .4rem 0 .2rem; }
      h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
      p { margin: .25rem 0; }
      ul, ol { margin: .25rem 0; padding-left: 1.2rem; }
      li { margin: .05rem 0; }
      li, tr, blockquote, dl, svg.chart, .report-section > p { break-inside: avoid; page-break-inside: avoid; }
      .card { background: #fff; border: 0; border-top: 1px solid #bbb; border-radius: 0; padding: .45rem 0 .1rem; margin: 0 0 .35rem; break-inside: auto; }
      .card.calm, .card.warm { background: #fff; }
      .report-section.small { break-inside: avoid; page-break-inside: avoid; }
      svg.chart { max-width: 22rem; margin: .25rem 0 .35rem; }
      svg.chart text { font-size: 13px; }
      .report blockquote { margin: .2rem 0; padding: 0 .6rem; }
      .report blockquote p { margin: 0; }
      .report blockquote footer { font-size: 8.5pt; }
      dl.facts { grid-template-columns: max-content 1fr max-content 1fr; gap: .1rem .8rem; }
      table.data { border: 0; font-size: 8.5pt; }
      table.data th, table.data td { padding: .15rem .35rem; }
      table.data th { font-size: 7.5pt; background: #fff; }
      .table-wrap { overflow: visible; }
      .report .in-columns { columns: 2; column-gap: 1.5rem; }
      .report .in-columns li { break-inside: avoid; }
      .report .side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.25rem; align-items: start; }
    }
    """
}
