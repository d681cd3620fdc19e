import { describe, expect, it } from 'vitest';
import { checkRunSpec, defaultRunBudget, estimateRunMemory } from '../../packages/cluster/src/index.js';
import { BYTES_PER_PERSON } from '../../packages/core/src/index.js';
import { resolveScenario } from '../../packages/scenarios/src/index.js';
import { tinyExperiment } from './fake-experiment.js';

const spec = tinyExperiment(1).runSpec(0);

describe('a worker’s checks of a job before it runs it', () => {
  it('accepts the spec a coordinator makes, with its resolved config', () => {
    const checked = checkRunSpec(spec);
    expect(checked.ok).toBe(true);
    expect(checked.ok && checked.value.config.name).toBe('tiny');
  });

  it.each([
    ['a seed below 0', { ...spec, seed: -1 }, 'seed: got -1'],
    ['a seed that is not an integer', { ...spec, seed: 1.5 }, 'seed: got 1.5'],
    ['a replication out of range', { ...spec, replication: 1e9 }, 'replication: got 1000000000'],
    [
      'a scenario the schema refuses',
      { ...spec, scenario: { ...spec.scenario, years: 500 } },
      'scenario: years',
    ],
    ['an extra field', { ...spec, run: 3 }, 'the spec has the fields'],
    ['no scenario', { seed: 1, replication: 0 }, 'the spec has the fields'],
    ['a list', [spec], 'not an object'],
  ])('refuses %s, naming the field', (_what, value, message) => {
    const checked = checkRunSpec(value);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.why).toContain(message);
  });

  it('estimates memory from the people the run holds: 10 million arrivals a year for 200 years at scale 1 is refused by default', () => {
    const { config } = resolveScenario({
      name: 'huge',
      intake: { perYear: 10_000_000 },
      agentScale: 1,
      years: 200,
    });
    const estimate = estimateRunMemory(config);
    expect(estimate.bytes).toBeGreaterThanOrEqual(2e9 * BYTES_PER_PERSON);
    expect(estimate.drivers).toContain('intake.perYear 10000000');
    expect(estimate.drivers).toContain('agentScale 1');
    expect(estimate.drivers).toContain('years 200');
    expect(estimate.bytes).toBeGreaterThan(defaultRunBudget(1));
    // The tiny run fits in any machine's default budget.
    expect(estimateRunMemory(resolveScenario(spec.scenario).config).bytes).toBeLessThan(defaultRunBudget(8));
  });

  it('needs more memory for more people: a smaller agentScale, more years or a larger intake', () => {
    const base = resolveScenario(spec.scenario).config;
    const need = (change: object) => estimateRunMemory({ ...base, ...change }).bytes;
    expect(need({ agentScale: 4 })).toBeGreaterThan(need({}));
    expect(need({ years: 30 })).toBeGreaterThan(need({}));
    expect(need({ intake: { ...base.intake, perYear: 1_500_000 } })).toBeGreaterThan(need({}));
  });
});
