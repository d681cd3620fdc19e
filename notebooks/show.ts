// Display helpers for the notebooks: Vega-Lite charts as inline SVG and tables as HTML, so
// the committed outputs read on GitHub and nbviewer without JavaScript.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

declare const Deno: {
  jupyter: { display(bundle: Record<string, unknown>, options: { raw: boolean }): Promise<void> };
};

/** Renders a Vega-Lite spec to SVG text, headless. */
export async function svgOf(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Shows a Vega-Lite chart inline as SVG (with its title as the plain-text fallback). */
export async function show(spec: TopLevelSpec): Promise<void> {
  const title = (spec as { title?: unknown }).title;
  const text = typeof title === 'string' ? title : 'chart';
  await Deno.jupyter.display(
    { 'image/svg+xml': await svgOf(spec), 'text/plain': `[${text}]` },
    { raw: true },
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
