// Display helpers for the notebooks: Vega-Lite charts as inline SVG and tables as HTML, so
// the committed outputs read on GitHub and nbviewer without JavaScript.
import { type EnsembleResult, type ModelConfig, summaryDocument } from '@smart-settlement/core';
import { type ResultTables, resultTablesFromRows, THEME } from '@smart-settlement/viz';
import { renderSvg } from '@smart-settlement/viz/node';

/** A Vega-Lite spec (the viz package's builders return these). */
type TopLevelSpec = Parameters<typeof renderSvg>[0];

declare const Deno: {
  jupyter: { display(bundle: Record<string, unknown>, options: { raw: boolean }): Promise<void> };
};

/**
 * Shows a Vega-Lite chart inline as SVG (its title as the plain-text fallback). Specs written
 * in a notebook get the project's chart theme unless they set their own `config`.
 */
export async function show(spec: TopLevelSpec | Record<string, unknown>): Promise<void> {
  const themed = { config: THEME, ...spec } as TopLevelSpec;
  const title = (spec as { title?: string | { text?: string } }).title;
  const text = typeof title === 'string' ? title : (title?.text ?? 'chart');
  await Deno.jupyter.display(
    { 'image/svg+xml': await renderSvg(themed), 'text/plain': `[${text}]` },
    { raw: true },
  );
}

/**
 * The tables the viz package's charts read, from an ensemble run in the notebook (what
 * `settle compare` would write to a results folder).
 */
export function resultTablesOf(
  configs: ModelConfig[],
  result: EnsembleResult,
  run: { seed: number; replications: number; descriptions?: Record<string, string> },
): ResultTables {
  return resultTablesFromRows(
    summaryDocument({
      configs,
      seed: run.seed,
      replications: run.replications,
      result,
      descriptions: configs.map((c) => run.descriptions?.[c.name]),
    }),
    result.runs.flatMap((r) => r.retention),
    result.runs.flatMap((r) => r.places),
  );
}

type Cell = string | number;

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Shows rows as a table: HTML for notebook viewers, aligned text for the console. */
export async function table(rows: Record<string, Cell>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const right = (v: Cell) => typeof v === 'number' || /^[-+]?[\d.,]+/.test(String(v));
  const html = `<table><thead><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr>${columns.map((c) => `<td style="text-align:${right(r[c]) ? 'right' : 'left'}">${escapeHtml(String(r[c]))}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => cells.map((s, i) => s.padEnd(widths[i])).join('  ');
  const text = [line(columns), ...rows.map((r) => line(columns.map((c) => String(r[c]))))].join('\n');
  await Deno.jupyter.display({ 'text/html': html, 'text/plain': text }, { raw: true });
}

/** A share as a percentage with one decimal: 0.7512 -> "75.1". */
export const pct = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '-' : (100 * x).toFixed(1);

/** Percentage points with a sign: 0.0153 -> "+1.5". */
export const points = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '-' : `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`;

/** Dollars in millions: 47_500_000 -> "47.5". */
export const millions = (x: number | undefined) => (x === undefined ? '-' : (x / 1e6).toFixed(1));

/** The median of a list of numbers. */
export function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
