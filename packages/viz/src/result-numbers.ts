/**
 * Formats a number of a results table the same way every time: integers as they are, others
 * to 7 significant digits, NaN as `NA`. The CSV tables and summary.json both use it.
 * @example
 * formatNumber(0.123456789) // '0.1234568'
 */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NA';
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(7)));
}

/**
 * JSON with numbers rounded as in the CSV files, two-space indented, ending in a newline: how
 * `settle run` writes summary.json, and how the scenario explorer saves its figures.
 * @example
 * toJson({ median: 0.123456789 }) // '{\n  "median": 0.1234568\n}\n'
 */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(formatNumber(v)) : v), 2)}\n`;
}
