import { runEnsemble, simulate } from '@smart-settlement/core';
import { LIBRARY } from '@smart-settlement/scenarios';
import { describe, expect, it } from 'vitest';
import { configOf, smallScenario } from '../helpers/scenarios.js';

const years = 5;
const config = (name: string) => configOf({ ...LIBRARY[name], years, agentScale: 200 });

/** People arriving in the region each year of a run, from the places table. */
function arrivalsByYear(run: ReturnType<typeof simulate>): number[] {
  const out = new Array(years).fill(0);
  for (const row of run.places) out[row.year] += row.arrivals;
  return out;
}

describe('determinism and common random numbers (in process)', () => {
  it('the same scenario and seed give identical tables; another seed or replication gives different ones', () => {
    const c = configOf(smallScenario({ policies: [{ type: 'hybrid' }] }));
    const a = JSON.stringify(simulate(c, { seed: 9, replication: 1 }));
    expect(JSON.stringify(simulate(c, { seed: 9, replication: 1 }))).toBe(a);
    expect(JSON.stringify(simulate(c, { seed: 10, replication: 1 }))).not.toBe(a);
    expect(JSON.stringify(simulate(c, { seed: 9, replication: 2 }))).not.toBe(a);
  });

  it('replication r of every policy scenario gets the same newcomers: equal arrivals each year, and the same first places in year 0 under policies that offer no incentive', () => {
    const names = ['baseline', 'dispersion', 'welcome', 'engagement', 'hybrid'];
    for (const replication of [0, 1]) {
      const runs = names.map((n) => simulate(config(n), { seed: 4, replication }));
      const reference = arrivalsByYear(runs[0]);
      expect(reference.every((a) => a > 0)).toBe(true);
      for (const run of runs) expect(arrivalsByYear(run)).toEqual(reference);
      // Before any place has responded, only an incentive can change where people first go.
      const firstYear = (run: (typeof runs)[number]) =>
        run.places.filter((r) => r.year === 0).map((r) => r.arrivals);
      expect(firstYear(runs[2])).toEqual(firstYear(runs[0]));
      expect(firstYear(runs[3])).toEqual(firstYear(runs[0]));
      expect(firstYear(runs[1])).not.toEqual(firstYear(runs[0]));
    }
  });

  it('replications of one scenario differ from each other (independent streams per replication)', () => {
    const c = config('baseline');
    const first = (r: number) =>
      simulate(c, { seed: 4, replication: r })
        .places.filter((row) => row.year === 0)
        .map((row) => row.arrivals);
    expect(first(1)).not.toEqual(first(0));
  });

  it('an ensemble pairs replication r of each scenario with the same seed, and its paired differences are scenario minus reference per replication', async () => {
    const result = await runEnsemble([config('baseline'), config('dispersion')], {
      replications: 3,
      seed: 6,
    });
    const keys = result.runs.map((r) => `${r.key.scenario}|${r.key.replication}|${r.key.seed}`);
    expect(keys).toEqual([
      'baseline|0|6',
      'dispersion|0|6',
      'baseline|1|6',
      'dispersion|1|6',
      'baseline|2|6',
      'dispersion|2|6',
    ]);
    const value = (scenario: string, r: number) =>
      result.measures.find(
        (m) =>
          m.scenario === scenario &&
          m.replication === r &&
          m.area === 'Ontario' &&
          m.measure === 'retention1',
      )!.value;
    const diffs = [0, 1, 2].map((r) => value('dispersion', r) - value('baseline', r)).sort((a, b) => a - b);
    const paired = result.paired.find((p) => p.area === 'Ontario' && p.measure === 'retention1')!;
    expect(paired.scenario).toBe('dispersion');
    expect(paired.n).toBe(3);
    expect(paired.median).toBeCloseTo(diffs[1], 12);
  });
});
