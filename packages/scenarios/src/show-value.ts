/** The longest value a message echoes, in characters. */
export const MAX_SHOWN_LENGTH = 200;

/**
 * A value as JSON for an error message, bounded: at most 3 levels and 10 items or fields
 * per level are shown (then "… (N items)"), long strings are cut, and the whole is at most
 * `maxLength` characters. A value nested 10,000 levels deep or a list of a million items
 * gives a short line, never a stack overflow or a 2 MB message. Small values read exactly as
 * JSON.stringify writes them.
 * @example showValue([1, 2, 3]); // '[1,2,3]'
 */
export function showValue(value: unknown, maxLength = MAX_SHOWN_LENGTH): string {
  const text = render(value, 0);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

const MAX_DEPTH = 3;
const MAX_ITEMS = 10;

function render(value: unknown, depth: number): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean')
    return JSON.stringify(value) ?? 'null';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (depth >= MAX_DEPTH) return `[… (${value.length} items)]`;
    const shown = value.slice(0, MAX_ITEMS).map((v) => render(v, depth + 1));
    if (value.length > MAX_ITEMS) shown.push(`… (${value.length} items)`);
    return `[${shown.join(',')}]`;
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    if (depth >= MAX_DEPTH) return `{… (${keys.length} fields)}`;
    const shown = keys
      .slice(0, MAX_ITEMS)
      .map(
        (k) => `${JSON.stringify(k)}:${render(Object.getOwnPropertyDescriptor(value, k)?.value, depth + 1)}`,
      );
    if (keys.length > MAX_ITEMS) shown.push(`… (${keys.length} fields)`);
    return `{${shown.join(',')}}`;
  }
  return typeof value;
}
