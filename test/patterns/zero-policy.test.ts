import type { PolicySpec } from '@smart-settlement/scenarios';
import { describe, expect, it } from 'vitest';
import { runScenario, smallScenario, withoutName } from '../helpers/scenarios.js';

const setting = { years: 5, agentScale: 100 };
const cases: [string, PolicySpec][] = [
  ['dispersion with zero reach', { type: 'dispersion', reach: 0 }],
  ['engagement with zero budget', { type: 'engagement', budgetPerPilot: 0 }],
  ['welcome services with zero capacity', { type: 'welcome', coverage: 0 }],
  [
    'hybrid with zero reach and zero budget',
    {
      type: 'hybrid',
      dispersion: { type: 'dispersion', reach: 0 },
      engagement: { type: 'engagement', budgetPerPilot: 0 },
    },
  ],
];

describe('pattern: a policy that does nothing gives exactly the baseline', () => {
  for (const seed of [1, 2]) {
    const baseline = withoutName(runScenario(smallScenario({ name: 'baseline', ...setting }), seed));
    for (const [what, policy] of cases) {
      it(`${what} (seed ${seed}): retention and places tables identical to the baseline's apart from the scenario name`, () => {
        const run = runScenario(smallScenario({ name: 'zero', ...setting, policies: [policy] }), seed);
        expect(run.places.every((r) => r.scenario === 'zero' && r.programmeCost === 0)).toBe(true);
        expect(withoutName(run)).toBe(baseline);
      });
    }
  }

  it('the same policy with a non-zero lever does change the tables (the comparison can fail)', () => {
    const baseline = withoutName(runScenario(smallScenario({ name: 'baseline', ...setting })));
    const run = runScenario(
      smallScenario({ name: 'x', ...setting, policies: [{ type: 'dispersion', reach: 0.1 }] }),
    );
    expect(withoutName(run)).not.toBe(baseline);
  });
});
