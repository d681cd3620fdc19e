import { formatNumber } from '@smart-settlement/viz';

// The numbers' format is shared with the scenario explorer, which saves the same summary.json.
export { formatNumber, toJson } from '@smart-settlement/viz';

function cell(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return textCell(String(v ?? ''));
}

/**
 * A text field of a CSV file (a header or a value): a leading =, +, -, @, tab or carriage
 * return (or a ') gets a ' in front so that a spreadsheet shows it instead of running it as a formula
 * (OWASP's advice for CSV injection), and a field with a comma, quote or line break is quoted
 * with its quotes doubled (RFC 4180).
 */
export function textCell(text: string): string {
  // A leading ' is doubled too, so that a reader that drops one ' gets the text back exactly.
  const safe = /^[=+\-@\t\r']/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A tidy CSV: a header row of the given columns, then one line per row. Headers are quoted as values are. */
export function toCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  const lines = [columns.map(textCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(','));
  return `${lines.join('\n')}\n`;
}

/**
 * The same CSV as {@link toCsv}, as text chunks from rows that come in chunks (a table of
 * millions of rows is never one string): the header, then one chunk of lines per chunk of rows.
 */
export async function* csvChunks<T extends object>(
  chunks: AsyncIterable<readonly T[]>,
  columns: readonly (keyof T & string)[],
): AsyncGenerator<string> {
  yield `${columns.map(textCell).join(',')}\n`;
  for await (const rows of chunks) {
    if (rows.length === 0) continue;
    yield `${rows.map((row) => columns.map((c) => cell(row[c])).join(',')).join('\n')}\n`;
  }
}

/** JSON with every number exact (round-trips to the same doubles): for manifests that must reproduce a run. */
export function toExactJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
