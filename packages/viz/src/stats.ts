/** Median and central interval of a set of values. */
export interface Band {
  median: number;
  lo: number;
  hi: number;
}

/** The p-quantile of sorted values, interpolated as d3 and the engine's summaries do. */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (!n) return Number.NaN;
  const i = (n - 1) * p;
  const i0 = Math.floor(i);
  const v0 = sorted[i0];
  return i0 + 1 < n ? v0 + (sorted[i0 + 1] - v0) * (i - i0) : v0;
}

/**
 * Median and central interval (the engine's 90% by default) across replications.
 * @example
 * band([0.7, 0.8, 0.9], 0.9) // { median: 0.8, lo: 0.71, hi: 0.89 }
 */
export function band(values: readonly number[], interval = 0.9): Band {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const tail = (1 - interval) / 2;
  return {
    median: quantileSorted(sorted, 0.5),
    lo: quantileSorted(sorted, tail),
    hi: quantileSorted(sorted, 1 - tail),
  };
}

/**
 * Groups rows by a key and summarises one value per group into a band, keeping the
 * groups in first-seen order (the tables' own order, so output is deterministic).
 */
export function bandsBy<T, K>(
  rows: readonly T[],
  key: (row: T) => string,
  value: (row: T) => number,
  describe: (first: T) => K,
  interval = 0.9,
): (K & Band)[] {
  const groups = new Map<string, { first: T; values: number[] }>();
  for (const row of rows) {
    const k = key(row);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { first: row, values: [] }));
    g.values.push(value(row));
  }
  return [...groups.values()].map((g) => ({ ...describe(g.first), ...band(g.values, interval) }));
}

/** Rounds to 6 significant digits so inlined data stay small and identical across platforms. */
export function tidy(v: number): number {
  return Number.isFinite(v) ? Number(v.toPrecision(6)) : v;
}
