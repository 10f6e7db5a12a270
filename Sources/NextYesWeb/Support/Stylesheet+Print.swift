extension Stylesheet {
    /// Charts, readable at every width.
    static let charts = """

    """

    /// The printed pages (the career report above all).
    static let print = """
    @media print {
      .no-print { display: none !important; }
      .report-section { break-inside: avoid; }
      .chart { max-width: 100%; }
      header.site, footer.site, .actions, nav, form { display: none !important; }
      body, :root { background: #fff; }
      .card { border: 1px solid #ccc; break-inside: avoid; }
      main { max-width: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
