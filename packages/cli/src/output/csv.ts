import { formatNumber } from '@smart-settlement/viz';

// The numbers' format is shared with the scenario explorer, which saves the same summary.json.
export { formatNumber, toJson } from '@smart-settlement/viz';

function cell(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A tidy CSV: a header row of the given columns, then one line per row. */
export function toCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(','));
  return `${lines.join('\n')}\n`;
}

/** JSON with every number exact (round-trips to the same doubles): for manifests that must reproduce a run. */
export function toExactJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
