/// The app's only stylesheet, served from the app itself (no CDN, nothing fetched from elsewhere).
enum Stylesheet {
    /// Everything served at /style.css: the base, then the charts and print parts.
    static let css = base + charts + print

    static let base = """
    :root {
      --ink: #1f2933; --muted: #52606d; --faint: #697582; --line: #d9e2ec; --paper: #ffffff;
      --wash: #f5f7fa; --accent: #2f6f8f; --accent-ink: #ffffff; --accent-soft: #e3f0f6;
      --warm: #9a4420; --warm-soft: #fdf1e9; --good: #256b42; --good-soft: #e6f4ea;
      --bad: #b3261e; --bad-soft: #fdecea; --radius: 10px;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      color: var(--ink); background: var(--wash); line-height: 1.5;
    }
    * { box-sizing: border-box; }
    body { margin: 0; font-size: 16px; }
    a { color: var(--accent); }
    a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #f0b429; outline-offset: 2px; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: .5rem; z-index: 10; }
    header.site { background: var(--paper); border-bottom: 1px solid var(--line); }
    header.site .bar { max-width: 72rem; margin: 0 auto; padding: .75rem 1rem; display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; }
    header.site .brand { font-weight: 700; font-size: 1.15rem; color: var(--ink); text-decoration: none; }
    header.site .brand span { color: var(--accent); }
    nav.primary ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
    nav.primary a { text-decoration: none; color: var(--muted); padding: .25rem 0; border-bottom: 2px solid transparent; }
    nav.primary a[aria-current="page"] { color: var(--ink); border-bottom-color: var(--accent); }
    header.site .account { margin-left: auto; display: flex; align-items: center; gap: 1rem; }
    header.site .account a { color: var(--muted); text-decoration: none; border-bottom: 2px solid transparent; }
    header.site .account a[aria-current="page"] { color: var(--ink); border-bottom-color: var(--accent); }
    header.site .account form { margin: 0; }
    header.site .bar > form button.quiet { padding-left: 0; }
    main { max-width: 72rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
    footer.site { max-width: 72rem; margin: 0 auto; padding: 1rem; color: var(--muted); font-size: .875rem; }
    h1 { font-size: 1.6rem; line-height: 1.25; margin: .25rem 0 1rem; }
    h2 { font-size: 1.2rem; margin: 1.75rem 0 .75rem; }
    h3 { font-size: 1rem; margin: 1rem 0 .5rem; }
    p.lead { font-size: 1.1rem; color: var(--muted); margin-top: -.5rem; }
    .muted { color: var(--muted); }
    .card { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem 1.25rem; margin-bottom: 1rem; }
    .card > :first-child { margin-top: 0; }
    .card > :last-child { margin-bottom: 0; }
    .card.warm { background: var(--warm-soft); border-color: #f3c9b0; }
    .card.calm { background: var(--accent-soft); border-color: #b9d9e8; }
    .card.support-now { background: var(--accent-soft); border: 2px solid #7fb3cc; }
    .card.support-now ul.helplines { padding-left: 1.1rem; }
    .card.support-now li { margin: .35rem 0; }
    .flash { background: var(--good-soft); border: 1px solid #b7dfc3; border-radius: var(--radius); padding: .75rem 1rem; margin-bottom: 1rem; }
    .flash.problem { background: var(--bad-soft); border-color: #f1b8b2; }
    .grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); }
    .stat { font-size: 2rem; font-weight: 700; line-height: 1.1; }
    .button, button { display: inline-block; font: inherit; font-weight: 600; border-radius: 8px; padding: .5rem 1rem; border: 1px solid var(--accent); background: var(--accent); color: var(--accent-ink); text-decoration: none; cursor: pointer; }
    .button.secondary, button.secondary { background: var(--paper); color: var(--accent); }
    .button.quiet, button.quiet { background: transparent; border-color: transparent; color: var(--accent); padding-left: .25rem; padding-right: .25rem; text-decoration: underline; }
    button.danger { background: var(--paper); color: var(--bad); border-color: var(--bad); }
    .actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 1rem 0; }
    .actions form { margin: 0; }
    form.stacked { max-width: 42rem; }
    .field { margin-bottom: 1rem; }
    .field label, .field legend { display: block; font-weight: 600; margin-bottom: .25rem; }
    .field .hint { display: block; color: var(--muted); font-size: .9rem; margin-bottom: .25rem; }
    .field .error { display: block; color: var(--bad); font-weight: 600; margin-top: .25rem; }
    .field.invalid input, .field.invalid select, .field.invalid textarea { border-color: var(--bad); }
    input[type=text], input[type=url], input[type=date], input[type=number], select, textarea { font: inherit; width: 100%; padding: .5rem .6rem; border: 1px solid #bcccdc; border-radius: 8px; background: var(--paper); color: var(--ink); }
    textarea { min-height: 7rem; resize: vertical; }
    fieldset { border: 0; padding: 0; margin: 0 0 1rem; }
    .choices { display: grid; gap: .5rem; }
    .choice { display: flex; flex-direction: row; gap: .6rem; align-items: flex-start; background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: .6rem .75rem; font-weight: 400; }
    .field .choice { display: flex; font-weight: 400; }
    .choice input { margin-top: .3rem; flex: none; }
    .choice span { color: var(--muted); font-size: .92rem; }
    .choice span strong { display: block; color: var(--ink); font-size: 1rem; }
    .inline { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; }
    .inline .field { margin-bottom: 0; }
    .errors-summary { border: 2px solid var(--bad); background: var(--bad-soft); border-radius: var(--radius); padding: .75rem 1rem; margin-bottom: 1rem; }
    .errors-summary ul { margin: .25rem 0 0; }
    table.data { width: 100%; border-collapse: collapse; background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); overflow: hidden; }
    table.data th, table.data td { text-align: left; padding: .55rem .75rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    table.data th { background: var(--wash); font-size: .85rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
    .table-wrap { overflow-x: auto; }
    .board { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(9.5rem, 1fr); gap: .75rem; overflow-x: auto; padding-bottom: .5rem; }
    .column { background: #eef2f6; border-radius: var(--radius); padding: .6rem; min-height: 6rem; }
    .column h3 { margin: 0 0 .5rem; font-size: .9rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); display: flex; justify-content: space-between; }
    .column ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
    .tile { display: block; background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: .5rem .6rem; text-decoration: none; color: var(--ink); }
    .tile strong { display: block; }
    .tile small { color: var(--muted); }
    form.search { display: flex; flex-wrap: wrap; align-items: end; gap: .5rem .75rem; margin: 0 0 1rem; }
    form.search label { margin: 0; }
    form.search input[type=search] { min-width: 14rem; }
    .pager { display: flex; flex-wrap: wrap; align-items: center; gap: .75rem; margin: 1rem 0; }
    .pager p { margin: 0; color: var(--muted); }
    .tabs { display: flex; flex-wrap: wrap; gap: .4rem; margin: .5rem 0 1rem; padding: 0; list-style: none; }
    .tabs a { display: inline-block; padding: .3rem .75rem; border-radius: 999px; border: 1px solid var(--line); background: var(--paper); text-decoration: none; color: var(--muted); }
    .tabs a[aria-current="page"] { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); }
    .chips { list-style: none; padding: 0; margin: .25rem 0 .75rem; display: flex; flex-wrap: wrap; gap: .4rem; }
    .chip { display: inline-flex; align-items: center; gap: .35rem; padding: .15rem .6rem; border-radius: 999px; background: var(--wash); border: 1px solid var(--line); }
    .chip.have { background: var(--good-soft); border-color: #b7dfc3; }
    .chip form { display: inline; margin: 0; }
    .chip button { padding: 0 .3rem; font-size: .8rem; min-height: 0; }
    mark { background: #fff1b8; color: inherit; border-radius: 3px; padding: 0 .1rem; }
    progress { width: 100%; height: .8rem; }
    .targets { display: grid; gap: .5rem; }
    .target { display: grid; grid-template-columns: 10rem 1fr 7rem; gap: .75rem; align-items: center; }
    .target-value.good, p.good { color: var(--good); font-weight: 600; }
    ul.agenda { list-style: none; padding: 0; margin: 0 0 1rem; display: grid; gap: .6rem; }
    .agenda-item { display: grid; grid-template-columns: 11rem 1fr; gap: 1rem; background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: .75rem 1rem; }
    .agenda-item p { margin: .25rem 0; white-space: pre-line; }
    .agenda-item .actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; }
    .agenda-item.interview { border-left: 4px solid var(--accent); }
    code.feed-url { word-break: break-all; }
    .star { display: grid; gap: .5rem; }
    .star dt { font-weight: 600; }
    .star dd { margin: 0 0 .5rem; white-space: pre-line; }
    .report blockquote { margin: .5rem 0; padding: .25rem .9rem; border-left: 3px solid var(--line); }
    .report blockquote footer { color: var(--muted); font-size: .9rem; }
    .badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; font-size: .8rem; font-weight: 600; background: var(--wash); border: 1px solid var(--line); color: var(--muted); white-space: nowrap; }
    .badge.open { background: var(--accent-soft); color: var(--accent); border-color: #b9d9e8; }
    .badge.rejected { background: var(--warm-soft); color: var(--warm); border-color: #f3c9b0; }
    .badge.offer-accepted { background: var(--good-soft); color: var(--good); border-color: #b7dfc3; }
    ol.timeline { list-style: none; padding: 0; margin: 0; border-left: 2px solid var(--line); }
    ol.timeline li { position: relative; padding: 0 0 .9rem 1rem; }
    ol.timeline li::before { content: ""; position: absolute; left: -7px; top: .45rem; width: 12px; height: 12px; border-radius: 50%; background: var(--paper); border: 2px solid var(--accent); }
    ol.timeline time { font-size: .85rem; color: var(--muted); display: block; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
    dl.facts dt { color: var(--muted); }
    dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    .steps { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin: 0 0 1rem; counter-reset: step; }
    .steps li { color: var(--faint); font-size: .9rem; }
    .steps li::before { counter-increment: step; content: counter(step) ". "; }
    .steps li[aria-current="step"] { color: var(--ink); font-weight: 700; }
    .prose { white-space: pre-wrap; overflow-wrap: anywhere; }
    mark { background: #fff3bf; padding: 0 .1em; border-radius: 3px; }
    .chips { display: flex; flex-wrap: wrap; gap: .35rem; margin: .5rem 0; }
    .chip { display: inline-block; font-size: .82rem; padding: .1rem .55rem; border-radius: 999px; border: 1px solid var(--line); background: var(--wash); }
    .chip.strength { background: var(--good-soft); border-color: #b7dfc3; color: var(--good); }
    .chip.improvement { background: var(--warm-soft); border-color: #f3c9b0; color: var(--warm); }
    .feedback, .request { border-top: 1px solid var(--line); padding-top: .75rem; margin-top: .75rem; }
    svg.chart { width: 100%; height: auto; max-width: 44rem; display: block; margin: .5rem 0 1rem; }
    .chart-bar { fill: var(--accent); }
    .chart-label, .chart-value { font-size: 13px; fill: var(--ink); font-family: inherit; }
    .chart-axis { stroke: var(--line); }
    .chart-line { fill: none; stroke: var(--accent); stroke-width: 2.5; }
    .chart-dot { fill: var(--accent); }
    caption { text-align: left; color: var(--muted); font-size: .85rem; padding: .4rem .75rem; }
    textarea[readonly] { background: var(--wash); }
    fieldset.rating { border-top: 1px solid var(--line); padding-top: .5rem; }
    .mood-scale { display: flex; flex-wrap: wrap; gap: .35rem; }
    .mood-scale button.mood { min-width: 2.6rem; padding: .45rem .6rem; background: var(--paper); color: var(--accent); }
    .mood-scale button.mood:hover { background: var(--accent-soft); }
    .two { display: grid; gap: 1rem; grid-template-columns: 2fr 1fr; }
    @media (max-width: 48rem) {
      .two { grid-template-columns: 1fr; }
      .board { grid-auto-flow: row; grid-auto-columns: auto; }
      h1 { font-size: 1.35rem; }
      header.site form { margin-left: 0; }
      nav.primary ul { gap: .15rem .8rem; font-size: .95rem; }
      .target { grid-template-columns: 1fr; gap: .2rem; }
      .agenda-item { grid-template-columns: 1fr; gap: .3rem; }
      table.data th, table.data td { padding: .45rem .5rem; }
    }
    """
}
