import {
  type IncrementalRow,
  incrementalRatio,
  type ModelConfig,
  type Policy,
  quantileExtended,
  runEnsemble,
  SMALLER_PLACES,
} from '@smart-settlement/core';
import { incrementalText } from '@smart-settlement/viz';
import { describe, expect, it } from 'vitest';
import { configOf, smallScenario } from '../helpers/scenarios.js';
import { NEUTRAL_UTILITY, tinyConfig } from '../helpers/tiny-world.js';

/** A programme that spends `dollars` a year in the first place and does nothing else. */
function spending(dollars: number): Policy {
  return {
    name: 'spend',
    kind: 'test',
    levers: { dollars },
    act(_view, _year, effects) {
      effects.cost[0] += dollars;
    },
  };
}

/**
 * Ten newcomers a year for six years, one agent a person. Under `leave` every newcomer
 * leaves the region in their year of arrival (an exit utility of 50 against 0 for staying:
 * P(stay) = e^-50); under `stay` nobody moves (staying is worth 50 more than any move).
 */
function tiny(name: string, behaviour: 'leave' | 'stay', policies: Policy[] = []): ModelConfig {
  return tinyConfig({
    name,
    years: 6,
    intake: { perYear: 10 },
    params: {
      ...NEUTRAL_UTILITY,
      exitConstant: behaviour === 'leave' ? 50 : -50,
      moveConstant: behaviour === 'leave' ? 0 : 50,
    },
    policies,
  });
}

const row = (rows: IncrementalRow[], scenario: string, area: string, measure: IncrementalRow['measure']) =>
  rows.find((r) => r.scenario === scenario && r.area === area && r.measure === measure);

describe('cost per additional person retained, paired against the reference', () => {
  it('on a tiny world worked out by hand: $2,000 for 20 more people kept 5 years is $100 a person; 210 more person-years for $6,000 is 35,000 per million', async () => {
    // Years 0-5; the cohorts of years 0 and 1 reach 5 years, so the 5-year cost is that of
    // years 0 and 1 (2 × $1,000) and the people retained are those two cohorts (2 × 10), all
    // of whom stay under the programme and none of whom stay without it. Person-years: 10 +
    // 20 + ... + 60 = 210 against 0, for 6 × $1,000.
    const result = await runEnsemble(
      [tiny('reference', 'leave'), tiny('programme', 'stay', [spending(1000)])],
      {
        replications: 2,
        seed: 1,
      },
    );
    const region = 'Tinyland';
    const per5 = row(result.incremental, 'programme', region, 'costPerAdditionalRetained5')!;
    expect(per5).toMatchObject({ median: 100, lo: 100, hi: 100, gainShare: 1, savingShare: 0, n: 2 });
    const perMillion = row(result.incremental, 'programme', region, 'additionalPersonYearsPerMillion')!;
    expect(perMillion.median).toBeCloseTo(35_000, 6);
    // The run is too short for 10 years: no 10-year figure rather than a made-up one.
    expect(row(result.incremental, 'programme', region, 'costPerAdditionalRetained10')).toBeUndefined();
    expect(incrementalText(per5.measure, per5.median)).toBe('$100');
  });

  it('a programme that returns more than it spends reads as money saved per additional person, not as a price', async () => {
    const result = await runEnsemble(
      [tiny('reference', 'leave'), tiny('programme', 'stay', [spending(-1000)])],
      {
        replications: 1,
        seed: 1,
      },
    );
    const per5 = row(result.incremental, 'programme', 'Tinyland', 'costPerAdditionalRetained5')!;
    expect(per5).toMatchObject({ median: -100, savingShare: 1, gainShare: 1 });
    expect(incrementalText(per5.measure, per5.median)).toBe('saves $100 per person');
  });

  it('a programme that keeps nobody more gives "no gain", never a dollar figure', async () => {
    // Everyone stays without the programme already: the money buys nothing.
    const result = await runEnsemble(
      [tiny('reference', 'stay'), tiny('programme', 'stay', [spending(1000)])],
      {
        replications: 2,
        seed: 1,
      },
    );
    const per5 = row(result.incremental, 'programme', 'Tinyland', 'costPerAdditionalRetained5')!;
    expect(per5).toMatchObject({ median: null, lo: null, hi: null, gainShare: 0 });
    expect(incrementalText(per5.measure, per5.median)).toBe('no gain');
    const perMillion = row(result.incremental, 'programme', 'Tinyland', 'additionalPersonYearsPerMillion')!;
    expect(incrementalText(perMillion.measure, perMillion.median)).toBe('no gain');
  });

  it('a scenario identical to its reference gives "no gain" in every area, not a number', async () => {
    const config = configOf(smallScenario({ years: 6 }));
    const result = await runEnsemble([config, { ...config, name: 'copy' }], { replications: 3, seed: 4 });
    const rows = result.incremental.filter((r) => r.measure === 'costPerAdditionalRetained5');
    expect(rows.map((r) => r.area)).toContain(SMALLER_PLACES);
    for (const r of rows) {
      expect(r, r.area).toMatchObject({ median: null, lo: null, hi: null, gainShare: 0, savingShare: 0 });
      expect(incrementalText(r.measure, r.median)).toBe('no gain');
    }
    for (const r of result.incremental.filter((x) => x.measure === 'additionalPersonYearsPerMillion'))
      expect(incrementalText(r.measure, r.median), r.area).toBe('no gain');
  });
});

describe('incrementalRatio and quantileExtended', () => {
  it('a ratio is defined only where the policy gains; a gain at no net cost has no price per million either', () => {
    expect(incrementalRatio('cost per outcome', 5000, 10)).toBe(500);
    expect(incrementalRatio('cost per outcome', 5000, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(incrementalRatio('cost per outcome', 5000, -3)).toBe(Number.POSITIVE_INFINITY);
    expect(incrementalRatio('outcome per million', 2_000_000, 10)).toBe(5);
    expect(incrementalRatio('outcome per million', 0, 10)).toBe(Number.POSITIVE_INFINITY);
    expect(incrementalRatio('outcome per million', 0, 0)).toBe(0);
  });

  it('quantiles towards an end with no price are at that end, not NaN', () => {
    const inf = Number.POSITIVE_INFINITY;
    expect(quantileExtended([1, 2, 3], 0.5)).toBe(2);
    expect(quantileExtended([1, 3], 0.5)).toBe(2);
    expect(quantileExtended([1, inf], 0.5)).toBe(inf);
    expect(quantileExtended([inf, inf], 0.5)).toBe(inf);
    expect(quantileExtended([1, 2, inf], 0.05)).toBeCloseTo(1.1, 12);
  });
});
