import { PlaceState, type RunResult, simulate } from '@smart-settlement/core';
import {
  choosePilots,
  type EngagementLevers,
  LIBRARY,
  resolveScenario,
  type Scenario,
} from '@smart-settlement/scenarios';
import { beforeAll, describe, expect, it } from 'vitest';
import { meanAndSe } from '../helpers/scenarios.js';

const REPLICATIONS = 5;
const SETTING = { years: 12, agentScale: 100 };

function resolved(scenario: Scenario) {
  return resolveScenario({ ...scenario, ...SETTING });
}

/** Pooled 10-year retention of the pilot places (cohorts that reached 10 years). */
function pilotRetention10(run: RunResult, pilots: string[]): number {
  let arrived = 0;
  let stayed = 0;
  for (const row of run.retention) {
    if (row.yearsSinceArrival !== 10 || !pilots.includes(row.area)) continue;
    arrived += row.arrived;
    stayed += row.stayed;
  }
  return stayed / arrived;
}

describe(`pattern: engagement raises 10-year retention in its pilot places (${REPLICATIONS} paired replications, 12 years, 1 agent per 100 people)`, () => {
  const engaged = resolved(LIBRARY.engagement);
  const noBlocks = resolved(LIBRARY['engagement-no-blocks']);
  const baseline = resolved(LIBRARY.baseline);
  const levers = engaged.scenario.policies![0] as EngagementLevers;
  const pilotFlags = choosePilots(new PlaceState(engaged.config.places, engaged.config.intake), levers);
  const pilots = engaged.config.places.filter((_, j) => pilotFlags[j]).map((p) => p.name);

  // Replication r of every scenario shares its random numbers: differences are paired.
  const gains: number[] = [];
  const controlGains: number[] = [];
  beforeAll(() => {
    for (let r = 0; r < REPLICATIONS; r++) {
      const base = pilotRetention10(simulate(baseline.config, { seed: 21, replication: r }), pilots);
      gains.push(pilotRetention10(simulate(engaged.config, { seed: 21, replication: r }), pilots) - base);
      controlGains.push(
        pilotRetention10(simulate(noBlocks.config, { seed: 21, replication: r }), pilots) - base,
      );
    }
  });

  it('the pilots are the five most ready smaller places', () => {
    expect(pilots).toHaveLength(5);
    for (const name of pilots) expect(engaged.config.places.find((p) => p.name === name)!.smaller).toBe(true);
  });

  it('the paired gain over baseline is positive in every replication, at least 2 points on average and 4 standard errors above 0', () => {
    const { mean, se } = meanAndSe(gains);
    for (const g of gains) expect(g).toBeGreaterThan(0);
    expect(mean).toBeGreaterThan(0.02);
    expect(mean).toBeGreaterThan(4 * se);
  });

  it('with its three building blocks switched off, the gain disappears within noise (|mean paired difference| <= 2 SE + 0.5 point, and under a fifth of the full gain)', () => {
    const control = meanAndSe(controlGains);
    expect(Math.abs(control.mean)).toBeLessThanOrEqual(2 * control.se + 0.005);
    expect(Math.abs(control.mean)).toBeLessThan(meanAndSe(gains).mean / 5);
  });
});
