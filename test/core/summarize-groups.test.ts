import { type MeasureRow, summarize, summarizeGroups } from '@smart-settlement/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** Measure rows over a few scenarios, areas and measures, with values that tie, repeat and go negative. */
const measureRows = fc.array(
  fc.record({
    scenario: fc.constantFrom('baseline', 'welcome', 'engagement'),
    replication: fc.nat(20),
    seed: fc.constant(1),
    area: fc.constantFrom('Region', 'Smaller places', 'Toronto', 'Sudbury'),
    measure: fc.constantFrom('retention1', 'retention5', 'income'),
    value: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(0, 0.5, 1)),
  }),
  { maxLength: 200, size: 'large' },
) as fc.Arbitrary<MeasureRow[]>;

/** Groups rows by (scenario, area, measure) in order of first appearance, each group's values reversed in a Float64Array. */
function typedGroups(rows: MeasureRow[]) {
  const byKey = new Map<string, { scenario: string; area: string; measure: string; values: number[] }>();
  for (const m of rows) {
    const key = `${m.scenario}|${m.area}|${m.measure}`;
    if (!byKey.has(key))
      byKey.set(key, { scenario: m.scenario, area: m.area, measure: m.measure, values: [] });
    byKey.get(key)?.values.push(m.value);
  }
  return [...byKey.values()].map((g) => ({ ...g, values: Float64Array.from(g.values.reverse()) }));
}

/**
 * An independent oracle: summarize written out from its definition (linear interpolation between
 * order statistics at (n - 1)p, as d3's quantileSorted; rows by scenario order, area, measure).
 */
function summarizeByDefinition(rows: MeasureRow[], interval: number, order: string[]) {
  const quantile = (sorted: number[], p: number) => {
    if (p <= 0 || sorted.length < 2) return sorted[0];
    const i = (sorted.length - 1) * p;
    const i0 = Math.floor(i);
    return sorted[i0] + ((sorted[i0 + 1] ?? sorted[i0]) - sorted[i0]) * (i - i0);
  };
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  const keys = [...new Set(rows.map((m) => `${m.scenario}|${m.area}|${m.measure}`))];
  return keys
    .map((key) => {
      const group = rows.filter((m) => `${m.scenario}|${m.area}|${m.measure}` === key);
      const sorted = group.map((m) => m.value).sort((a, b) => a - b);
      const { scenario, area, measure } = group[0];
      const tail = (1 - interval) / 2;
      const [median, lo, hi] = [0.5, tail, 1 - tail].map((p) => quantile(sorted, p));
      return { scenario, area, measure, median, lo, hi, n: sorted.length };
    })
    .sort(
      (a, b) =>
        rank(a.scenario) - rank(b.scenario) ||
        (a.area < b.area ? -1 : a.area > b.area ? 1 : 0) ||
        (a.measure < b.measure ? -1 : a.measure > b.measure ? 1 : 0),
    );
}

describe('summarizeGroups', () => {
  it('gives the rows summarize gives (and its definition gives), in the same order, for the same values kept in typed arrays in any order', () => {
    fc.assert(
      fc.property(
        measureRows,
        fc.constantFrom(0.5, 0.8, 0.9, 0.95),
        fc.subarray(['engagement', 'baseline', 'welcome']),
        (rows, interval, order) => {
          const fromArrays = summarizeGroups(typedGroups(rows), interval, order);
          expect(fromArrays).toEqual(summarize(rows, interval, order));
          expect(fromArrays).toEqual(summarizeByDefinition(rows, interval, order));
        },
      ),
    );
  });

  it('leaves out a group without values, as summarize never sees one', () => {
    const empty = { scenario: 'a', area: 'Region', measure: 'income', values: new Float64Array(0) };
    const one = { scenario: 'a', area: 'Region', measure: 'retention5', values: Float64Array.of(0.4, 0.6) };
    expect(summarizeGroups([empty, one])).toEqual([
      {
        scenario: 'a',
        area: 'Region',
        measure: 'retention5',
        median: 0.5,
        lo: expect.closeTo(0.41),
        hi: expect.closeTo(0.59),
        n: 2,
      },
    ]);
  });
});
