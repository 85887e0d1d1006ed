package nl.kamervragen.report;

/** The report's stylesheet, inlined so the page needs nothing else. System fonts only. */
final class Style {

  private Style() {}

  static final String CSS = """
      :root { color-scheme: light; --ink: #1b1b1b; --muted: #595959; --bar: #0072B2; --behind: #a6cde6; --line: #d0d0d0; }
      body { margin: 0; background: #fff; color: var(--ink); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
      main { max-width: 900px; margin: 0 auto; padding: 24px 20px 48px; }
      h1 { font-size: 1.6em; margin: 0 0 4px; }
      h2 { font-size: 1.25em; margin: 36px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
      .subtitle, figcaption, footer, caption { color: var(--muted); }
      .note { background: #fff4d6; border-left: 4px solid #E69F00; padding: 6px 10px; font-weight: 600; }
      .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; margin: 20px 0 0; }
      .card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
      .card dt { color: var(--muted); font-size: 0.9em; }
      .card dd { margin: 2px 0 0; font-size: 1.5em; font-weight: 650; }
      figure { margin: 16px 0 24px; }
      h3 { font-size: 1em; margin: 0 0 4px; }
      svg.chart { width: 100%; height: auto; display: block; font-size: 11px; }
      svg .bar { fill: var(--bar); }
      svg .bar-behind { fill: var(--behind); }
      svg .grid { stroke: #ececec; }
      svg .axis { stroke: #8c8c8c; }
      svg .marker { stroke: #D55E00; stroke-width: 1.5; stroke-dasharray: 4 3; }
      svg .marker-label { fill: #a34700; font-weight: 600; }
      svg .tick, svg .value, svg .legend { fill: var(--muted); }
      svg .label { fill: var(--ink); }
      svg .axis-title { fill: var(--muted); font-style: italic; }
      svg .series { fill: none; stroke-width: 2; }
      svg .plot-area { fill: #f7f7f7; }
      svg .empty { fill: var(--muted); font-size: 14px; }
      table.overdue, table.conflicts, table.changes { border-collapse: collapse; width: 100%; font-size: 0.9em; }
      table.overdue th, table.overdue td, table.conflicts th, table.conflicts td, table.changes th, table.changes td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #eee; vertical-align: top; }
      table.conflicts td { overflow-wrap: anywhere; }
      table.overdue td.number { text-align: right; font-variant-numeric: tabular-nums; }
      table.overdue td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
      caption { text-align: left; padding: 4px 0; }
      footer { margin-top: 40px; font-size: 0.85em; }
      """;
}
