import { checkRunSpec, defaultRunBudget } from '@smart-settlement/cluster';
import { checkMemoryBudget, estimateJobResources } from '@smart-settlement/core';
import { resolveScenario } from '@smart-settlement/scenarios';
import { describe, expect, it } from 'vitest';
import { tinyExperiment } from '../helpers/fake-experiment.js';

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

  it('a worker’s default budget refuses the 80 GB scenario (10 million arrivals a year, scale 1, 200 years) and admits the tiny one', () => {
    const huge = resolveScenario({
      name: 'huge',
      intake: { perYear: 10_000_000 },
      agentScale: 1,
      years: 200,
    });
    const job = (config: typeof huge.config) => estimateJobResources([config], { runsEach: 1, workers: 1 });
    expect(checkMemoryBudget(job(huge.config), defaultRunBudget(1))).toMatch(/intake\.perYear = 10000000/);
    expect(
      checkMemoryBudget(job(resolveScenario(spec.scenario).config), defaultRunBudget(8)),
    ).toBeUndefined();
  });
});
