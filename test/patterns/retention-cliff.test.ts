import { INCENTIVE_TAKERS, simulate } from '@smart-settlement/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { configOf, smallScenario } from '../helpers/scenarios.js';

/**
 * Mean share of incentive takers departing their first place in each year since arrival,
 * under a dispersion offer of the given term and no engagement programme.
 */
function departuresByYear(termYears: number, replications = 3): number[] {
  const config = configOf(
    smallScenario({
      name: `dispersion-${termYears}`,
      years: termYears + 4,
      agentScale: 100,
      policies: [{ type: 'dispersion', termYears, reach: 1, incentive: 10_000, clawback: 10_000 }],
    }),
  );
  const mean = new Array(termYears + 5).fill(0);
  for (let r = 0; r < replications; r++) {
    const run = simulate(config, { seed: 11, replication: r });
    for (const row of run.retention)
      if (row.area === INCENTIVE_TAKERS) mean[row.yearsSinceArrival] += row.departures / replications;
  }
  return mean;
}

/** Years since arrival (from 2) at which departures rise most over the year before. */
function cliffYear(departures: number[]): number {
  let best = 2;
  for (let k = 2; k < departures.length; k++)
    if (departures[k] - departures[k - 1] > departures[best] - departures[best - 1]) best = k;
  return best;
}

describe('pattern: the retention cliff when an incentive term ends (dispersion, no engagement; 3 replications, ~750 takers a year)', () => {
  let term3: number[] = [];
  let term6: number[] = [];
  beforeAll(() => {
    term3 = departuresByYear(3);
    term6 = departuresByYear(6);
  });

  it('with a 3-year term, departures of incentive takers in year 4 after arrival are more than twice those of year 3', () => {
    expect(term3[4]).toBeGreaterThan(2 * term3[3]);
  });

  it('with a 6-year term, departures in year 7 are more than twice those of year 6', () => {
    expect(term6[7]).toBeGreaterThan(2 * term6[6]);
  });

  it('a longer term moves the cliff: the steepest rise in departures is in year T+1 for T = 3 and for T = 6, and a 6-year term has no jump in year 4', () => {
    expect(cliffYear(term3)).toBe(4);
    expect(cliffYear(term6)).toBe(7);
    expect(term6[4]).toBeLessThan(1.2 * term6[3]);
  });
});
