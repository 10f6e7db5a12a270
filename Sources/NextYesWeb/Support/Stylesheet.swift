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
    header.site { background: var(--paper); border-bottom: 1px solid var(--line); position: relative; z-index: 20; }
    header.site .bar { position: relative; max-width: 72rem; margin: 0 auto; padding: .5rem 1rem; display: flex; align-items: center; gap: 1.25rem; min-height: 3.25rem; }
    header.site .brand { font-weight: 700; font-size: 1.15rem; color: var(--ink); text-decoration: none; }
    header.site .brand span { color: var(--accent); }
    .menu-toggle, .menu-button { display: none; }
    header.site .menu { display: flex; flex: 1; align-items: center; gap: 1rem; }
    header.site nav ul { list-style: none; margin: 0; padding: 0; }
    header.site nav > ul { display: flex; gap: .25rem; }
    header.site nav.account { margin-left: auto; }
    .group { position: relative; }
    button.group-name { background: transparent; border: 0; border-radius: 0; color: var(--muted); font-weight: 600; padding: .45rem .6rem; box-shadow: inset 0 -2px 0 transparent; }
    button.group-name::after { content: "\\25BE"; margin-left: .3rem; font-size: .8em; }
    .group.current > button.group-name { color: var(--ink); box-shadow: inset 0 -2px 0 var(--accent); }
    button.group-name .here { font-weight: 400; }
    .group > ul { display: none; position: absolute; top: 100%; left: 0; min-width: 12rem; background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: 0 8px 24px rgba(31, 41, 51, .14); padding: .35rem; z-index: 30; }
    .group:hover > ul, .group:focus-within > ul, .group.open > ul { display: block; }
    nav.account .group > ul { left: auto; right: 0; }
    .group > ul a, .group > ul button { display: block; width: 100%; text-align: left; font-weight: 400; padding: .45rem .7rem; color: var(--ink); text-decoration: none; border-radius: 6px; }
    .group > ul a:hover, .group > ul button:hover { background: var(--accent-soft); }
    .group > ul a[aria-current="page"] { font-weight: 700; color: var(--accent); }
    .group > ul form { margin: 0; }
    main { max-width: 72rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
    footer.site { max-width: 72rem; margin: 0 auto; padding: 1rem; color: var(--muted); font-size: .875rem; }
    h1 { font-size: 1.6rem; line-height: 1.25; margin: .25rem 0 1rem; overflow-wrap: anywhere; }
    h2, h3 { overflow-wrap: anywhere; }
    .flash code, .flash small, pre { overflow-wrap: anywhere; white-space: pre-wrap; }
    .actions h1 { margin: 0 .75rem 0 0; }
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
    input[type=text], input[type=url], input[type=date], input[type=number], input[type=email], input[type=time], input[type=search],
    input[type=tel], input[type=password], input[type=datetime-local], input[type=month], select, textarea {
      font: inherit; width: 100%; min-height: 2.6rem; padding: .5rem .6rem; border: 1px solid #bcccdc; border-radius: 8px; background: var(--paper); color: var(--ink); }
    input[type=date], input[type=time] { max-width: 14rem; }
    input[type=number] { max-width: 10rem; }
    input[type=file] { font: inherit; width: 100%; padding: .45rem; border: 1px dashed #bcccdc; border-radius: 8px; background: var(--paper); color: var(--muted); }
    input[type=file]::file-selector-button { font: inherit; font-weight: 600; margin-right: .75rem; padding: .35rem .8rem; border: 1px solid var(--accent); border-radius: 6px; background: var(--paper); color: var(--accent); cursor: pointer; }
    input[type=checkbox], input[type=radio] { accent-color: var(--accent); width: 1.1rem; height: 1.1rem; }
    input[type=range] { accent-color: var(--accent); width: 100%; }
    ::placeholder { color: var(--faint); }
    textarea { min-height: 7rem; resize: vertical; }
    fieldset { border: 0; padding: 0; margin: 0 0 1rem; }
    .choices { display: grid; gap: .5rem; }
    .choice { display: flex; flex-direction: row; gap: .6rem; align-items: flex-start; background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: .6rem .75rem; font-weight: 400; }
    .field .choice { display: flex; font-weight: 400; }
    .choice input { margin-top: .3rem; flex: none; }
    .choice span { color: var(--muted); font-size: .92rem; }
    .choice span strong { display: block; color: var(--ink); font-size: 1rem; }
    .choices.compact { grid-template-columns: repeat(auto-fill, minmax(12.5rem, 1fr)); gap: .4rem; }
    .choices.compact .choice { padding: .45rem .65rem; align-items: center; }
    .choices.compact .choice input { margin-top: 0; }
    .choices.compact .explain { display: none; }
    .choices.compact .choice:has(input:checked) { border-color: var(--accent); background: var(--accent-soft); grid-column: 1 / -1; }
    .choices.compact .choice:has(input:checked) .explain { display: block; }
    .inline { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-end; }
    .inline .field { margin-bottom: 0; display: flex; flex-direction: column; justify-content: flex-end; }
    .inline .field .hint { order: 3; margin: .2rem 0 0; font-size: .82rem; }
    .inline > button, .inline > .button { min-height: 2.6rem; }
    .errors-summary { border: 2px solid var(--bad); background: var(--bad-soft); border-radius: var(--radius); padding: .75rem 1rem; margin-bottom: 1rem; }
    .errors-summary ul { margin: .25rem 0 0; }
    table.data { width: 100%; border-collapse: collapse; background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); overflow: hidden; }
    table.data th, table.data td { text-align: left; padding: .55rem .75rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    table.data th { background: var(--wash); font-size: .85rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
    .table-wrap { overflow-x: auto; }
    .board { display: flex; gap: .6rem; overflow-x: auto; padding-bottom: .5rem; overscroll-behavior-x: contain; scroll-snap-type: x proximity; }
    .column { flex: 1 0 8.6rem; background: #eef2f6; border-radius: var(--radius); padding: .55rem; min-height: 6rem; min-width: 0; scroll-snap-align: start; border: 2px solid transparent; }
    .column.drop-here { border-color: var(--accent); background: var(--accent-soft); }
    .column h3 { margin: 0 0 .5rem; font-size: .82rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); display: flex; justify-content: space-between; gap: .4rem; }
    .column ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; min-height: 2rem; }
    .card-tile { position: relative; background: var(--paper); border: 1px solid var(--line); border-radius: 8px; cursor: grab; }
    .card-tile.dragging { opacity: .5; }
    .tile { display: block; padding: .5rem .6rem .25rem; text-decoration: none; color: var(--ink); overflow-wrap: anywhere; hyphens: auto; }
    .tile strong, .tile span, .tile small { display: block; }
    .tile small { color: var(--muted); }
    details.move { padding: 0 .6rem .4rem; font-size: .88rem; }
    details.move summary { cursor: pointer; color: var(--accent); font-weight: 600; width: max-content; }
    details.move form { display: grid; gap: .1rem; margin: .25rem 0 0; }
    details.move form p { margin: 0; }
    details.move button.quiet { text-align: left; padding: .2rem .3rem; font-weight: 400; }
    details.change { margin: .25rem 0 .5rem; }
    details.change > summary { cursor: pointer; color: var(--accent); font-weight: 600; margin-bottom: .5rem; }
    .hint-board { margin-top: -.25rem; font-size: .9rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .block { display: block; }
    th a.sort { color: inherit; text-decoration: none; }
    th a.sort:hover { color: var(--accent); text-decoration: underline; }
    form.search { display: flex; flex-wrap: wrap; align-items: end; gap: .5rem .75rem; margin: 0 0 1rem; }
    form.search label { margin: 0; }
    form.search input[type=search] { min-width: 14rem; width: auto; flex: 1 1 16rem; max-width: 26rem; }
    form.search select { width: auto; }
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
    progress { width: 100%; height: .8rem; appearance: none; -webkit-appearance: none; border: 0; border-radius: 999px; background: var(--line); overflow: hidden; accent-color: var(--accent); }
    progress::-webkit-progress-bar { background: var(--line); border-radius: 999px; }
    progress::-webkit-progress-value { background: var(--accent); border-radius: 999px; }
    progress::-moz-progress-bar { background: var(--accent); border-radius: 999px; }
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
    caption { text-align: left; color: var(--muted); font-size: .85rem; padding: .4rem .75rem; }
    textarea[readonly] { background: var(--wash); }
    fieldset.rating { border-top: 1px solid var(--line); padding-top: .5rem; }
    .mood-scale { display: flex; flex-wrap: wrap; gap: .35rem; }
    .mood-scale button.mood { min-width: 2.6rem; padding: .45rem .6rem; background: var(--paper); color: var(--accent); }
    .mood-scale button.mood:hover { background: var(--accent-soft); }
    .two { display: grid; gap: 1rem; grid-template-columns: 2fr 1fr; }
    .two > *, .grid > * { min-width: 0; }
    @media (max-width: 48rem) {
      .two { grid-template-columns: 1fr; }
      .column { flex: 0 0 72%; }
      .column.empty { flex-basis: 42%; }
      table.stack thead { display: none; }
      table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
      table.stack tr { border-bottom: 1px solid var(--line); padding: .4rem 0; }
      table.stack td { border: 0; padding: .15rem .75rem; display: grid; grid-template-columns: 6.5rem 1fr; gap: .5rem; }
      table.stack td::before { content: attr(data-label); color: var(--muted); font-size: .85rem; }
      h1 { font-size: 1.35rem; }
      .menu-button { display: inline-block; margin-left: auto; border: 1px solid var(--line); border-radius: 8px; padding: .3rem .85rem; font-weight: 600; color: var(--accent); cursor: pointer; }
      .menu-toggle { display: block; position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
      .menu-toggle:focus-visible + .menu-button { outline: 3px solid #f0b429; outline-offset: 2px; }
      .menu-toggle:checked + .menu-button { background: var(--accent-soft); }
      header.site .menu { display: none; position: absolute; top: 100%; left: 0; right: 0; flex-direction: column; align-items: stretch; gap: .75rem; background: var(--paper); border-bottom: 1px solid var(--line); padding: .5rem 1rem 1rem; box-shadow: 0 12px 24px rgba(31, 41, 51, .12); }
      .menu-toggle:checked ~ .menu { display: flex; }
      header.site nav.primary > ul { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem 1rem; }
      header.site nav.account { margin-left: 0; border-top: 1px solid var(--line); padding-top: .5rem; }
      .group > ul { display: block; position: static; box-shadow: none; border: 0; padding: 0; min-width: 0; }
      button.group-name { pointer-events: none; padding: .25rem 0; font-size: .78rem; text-transform: uppercase; letter-spacing: .05em; box-shadow: none; }
      .group.current > button.group-name { box-shadow: none; }
      button.group-name::after, button.group-name .here { display: none; }
      .group > ul a, .group > ul button { padding: .4rem .5rem; }
      nav.account .group > ul { display: flex; flex-wrap: wrap; gap: .25rem; }
      nav.account .group > ul li { flex: 1 1 auto; }
      .target { grid-template-columns: 1fr; gap: .2rem; }
      .agenda-item { grid-template-columns: 1fr; gap: .3rem; }
      table.data th, table.data td { padding: .45rem .5rem; }
    }
    """
}
