import { MEASURE_INFO, MEASURES, type MeasureFormat, type SummaryDocument } from '@smart-settlement/core';
import { escapeHtml } from './html-text.js';

/** How values of each measure format read in the tables: as a level, and as a difference. */
export const FORMATTERS: Record<
  MeasureFormat,
  { format: (v: number) => string; diff: (v: number) => string }
> = {
  percent: { format: pct, diff: points },
  decimal: { format: (v) => v.toFixed(3), diff: signed(3) },
  count: { format: count, diff: signedCount },
  dollars: { format: dollars, diff: signedDollars },
};

function pct(v: number): string {
  return `${(v * 100).toFixed(1)}%`;
}
function points(v: number): string {
  return `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)} pts`;
}
function signed(digits: number) {
  return (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}`;
}
function thousands(v: number): string {
  return String(Math.round(Math.abs(v))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
function count(v: number): string {
  return `${v < 0 ? '−' : ''}${thousands(v)}`;
}
function signedCount(v: number): string {
  return `${v >= 0 ? '+' : '−'}${thousands(v)}`;
}
/** Dollars, large sums in millions or billions so a table cell stays readable. */
function amount(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `$${(a / 1e9).toFixed(2)} billion`;
  if (a >= 1e6) return `$${(a / 1e6).toFixed(1)} million`;
  return `$${thousands(a)}`;
}
/** Dollars with a sign for negative sums, large sums in millions or billions ("$1.2 million"). */
export function dollars(v: number): string {
  return `${v < 0 ? '−' : ''}${amount(v)}`;
}
function signedDollars(v: number): string {
  return `${v >= 0 ? '+' : '−'}${amount(v)}`;
}

/** A "median (low to high)" cell. */
function cell(row: { median: number; lo: number; hi: number } | undefined, f: (v: number) => string): string {
  if (!row || !Number.isFinite(row.median)) return '<td>–</td>';
  return `<td>${escapeHtml(f(row.median))}<br><span class="interval">${escapeHtml(f(row.lo))} to ${escapeHtml(f(row.hi))}</span></td>`;
}

/**
 * The accountability figures of one area as an HTML table: a row per measure, a column per
 * scenario, each cell a median with its interval beneath (`paired`: differences against the
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
  const body = MEASURES.filter((measure) => scenarios.some((s) => find(s, measure)))
    .map((measure) => {
      const help = summary.measures[measure] ?? '';
      const f = FORMATTERS[MEASURE_INFO[measure].format];
      const cells = scenarios.map((s) => cell(find(s, measure), paired ? f.diff : f.format)).join('');
      return `<tr><th scope="row" title="${escapeHtml(help)}">${escapeHtml(MEASURE_INFO[measure].label)}</th>${cells}</tr>`;
    })
    .join('\n');
  return `<table><thead><tr><th scope="col">Measure</th>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}
