/** Formats a number the same way every time: integers as they are, others to 7 significant digits. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NA';
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(7)));
}

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

/** JSON with numbers rounded as in the CSV files, two-space indented, ending in a newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(formatNumber(v)) : v), 2)}\n`;
}

/** JSON with every number exact (round-trips to the same doubles): for manifests that must reproduce a run. */
export function toExactJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
