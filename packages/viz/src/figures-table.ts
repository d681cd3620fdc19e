import { MEASURE_INFO, type Measure, type SummaryDocument } from '@smart-settlement/core';
import { escapeHtml } from './html-text.js';
import { FORMATTERS } from './number-text.js';

/**
 * The measures of the figures tables, in order (the cost-effectiveness and destination
 * measures have tables of their own: see accounts-tables).
 */
export const FIGURE_MEASURES: readonly Measure[] = [
  'retention1',
  'retention3',
  'retention5',
  'retention10',
  'matchedShare',
  'equityMean',
  'engagedShare',
  'populationChange',
  'personYears',
  'labourGap',
  'programmeCost',
  'income',
  'uptake',
];

/** A "median (low to high)" table cell, `–` where there is no value; `className` sets the cell's class. */
export function cell(
  row: { median: number; lo: number; hi: number } | undefined,
  f: (v: number) => string,
  className?: string,
): string {
  const td = className ? `<td class="${escapeHtml(className)}">` : '<td>';
  if (!row || !Number.isFinite(row.median)) return `${td}–</td>`;
  return `${td}${escapeHtml(f(row.median))}<br><span class="interval">${escapeHtml(f(row.lo))} to ${escapeHtml(f(row.hi))}</span></td>`;
}

/**
 * The accountability figures of one area as an HTML table: a row per measure (FIGURE_MEASURES),
 * a column per scenario, each cell a median with its interval beneath (`paired`: differences against the
 * reference). The briefing report and the scenario explorer both show this table.
 * @example
 * figuresTable(summary, summary.summary, summary.smallerPlacesArea, ['baseline', 'engagement'], false)
 */
export function figuresTable(
  summary: SummaryDocument,
  rows: SummaryDocument['summary'],
  area: string,
  scenarios: string[],
  paired: boolean,
): string {
  const find = (scenario: string, measure: string) =>
    rows.find((r) => r.scenario === scenario && r.area === area && r.measure === measure);
  const head = scenarios.map((s) => `<th scope="col">${escapeHtml(s)}</th>`).join('');
  const body = FIGURE_MEASURES.filter((measure) => scenarios.some((s) => find(s, measure)))
    .map((measure) => {
      const help = summary.measures[measure] ?? '';
      const f = FORMATTERS[MEASURE_INFO[measure].format];
      const cells = scenarios.map((s) => cell(find(s, measure), paired ? f.diff : f.format)).join('');
      return `<tr><th scope="row" title="${escapeHtml(help)}">${escapeHtml(MEASURE_INFO[measure].label)}</th>${cells}</tr>`;
    })
    .join('\n');
  return `<table><thead><tr><th scope="col">Measure</th>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}
