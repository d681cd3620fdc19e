import type { Config } from 'vega-lite';
import type { SummaryTables } from './tables.js';
import { wrapText } from './text-width.js';

/**
 * Okabe and Ito's colour-blind-safe palette, black first for the reference scenario
 * (yellow left out: it vanishes on white paper).
 */
export const PALETTE = ['#000000', '#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'];

/** Fonts in order of preference; DejaVu Sans is what the PNG renderer finds on Debian. */
export const FONT = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';

/** Grey for secondary text: subtitles, source lines, reference rules. */
export const MUTED = '#555555';

/** Default plot width in pixels, sized for a slide or an A4 page at 300 dpi with --scale 3. */
export const WIDTH = 620;

/**
 * The shared look of every chart: readable type, light grid, left-aligned titles.
 * Researchers can override any part by editing a spec's `config` before rendering.
 */
export const THEME: Config = {
  font: FONT,
  background: 'white',
  padding: 12,
  view: { stroke: null },
  title: {
    anchor: 'start',
    fontSize: 18,
    fontWeight: 'bold',
    subtitleFontSize: 12,
    subtitleColor: MUTED,
    subtitlePadding: 6,
    offset: 14,
  },
  axis: {
    labelFontSize: 12,
    titleFontSize: 13,
    titleFontWeight: 'normal',
    titleColor: '#222222',
    labelColor: '#222222',
    gridColor: '#e6e6e6',
    domainColor: '#888888',
    tickColor: '#888888',
  },
  legend: {
    labelFontSize: 12,
    titleFontSize: 13,
    titleFontWeight: 'normal',
    symbolSize: 120,
    orient: 'bottom',
    direction: 'horizontal',
    titleOrient: 'left',
    labelLimit: 320,
  },
  header: { labelFontSize: 13, titleFontSize: 13, labelFontWeight: 'bold' },
  line: { strokeWidth: 2.5 },
  point: { size: 50, filled: true },
  text: { fontSize: 12 },
};

/** Scenario names in the order of the results folder (the reference first). */
export function scenarioNames(tables: SummaryTables): string[] {
  return tables.summary.scenarios.map((s) => s.name);
}

/**
 * The scenario colour encoding every chart shares, so a scenario keeps its colour from chart to chart.
 * @example
 * encoding: { color: scenarioColour(tables) }
 */
export function scenarioColour(tables: SummaryTables, field = 'scenario', title: string | null = 'Scenario') {
  const names = scenarioNames(tables);
  return {
    field,
    type: 'nominal' as const,
    title,
    scale: { domain: names, range: names.map((_, i) => PALETTE[i % PALETTE.length]) },
    // Solid symbols even where a faint band shares the legend.
    legend: { symbolOpacity: 1 },
  };
}

/**
 * The source and caveat line under every title: which scenarios, which seed and how many
 * replications, what the bands mean, and that these are model outcomes.
 */
export function sourceLine(tables: SummaryTables): string {
  const s = tables.summary;
  const pct = Math.round(s.interval * 100);
  return (
    `Source: Smart Settlement ${s.library.version} simulation of ${s.region}, scenarios ${scenarioNames(tables).join(', ')}; ` +
    `seed ${s.seed}, ${s.replications} replications, ${s.startYear}–${s.startYear + s.years - 1}. ` +
    `Lines: medians; bands and bars: ${pct}% of replications. Model outcomes, not forecasts.`
  );
}

/**
 * A chart's title block: the headline, what is shown, and the source line, the last two
 * wrapped to `width` pixels so a chart is never wider than its plot.
 * @example
 * title: chartTitle(tables, 'Who stays', 620, 'Share still in their first place')
 */
export function chartTitle(tables: SummaryTables, text: string, width: number, ...lines: string[]) {
  const size = THEME.title?.subtitleFontSize ?? 12;
  return {
    text,
    subtitle: [...lines, sourceLine(tables)].flatMap((line) => wrapText(line, width, size as number)),
  };
}
