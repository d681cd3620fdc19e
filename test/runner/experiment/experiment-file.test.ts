import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExperimentError, ExperimentPlan } from '@smart-settlement/runner';
import { describe, expect, it } from 'vitest';

const EXAMPLES = resolve(import.meta.dirname, '../../../examples/experiments');

/** A small valid experiment to break one field at a time. */
const valid = () => ({
  name: 'check',
  scenario: 'dispersion',
  set: ['years=6'],
  parameters: [
    { path: 'dispersion.incentive', min: 0, max: 30000 },
    { path: 'dispersion.termYears', min: 1, max: 6, integer: true },
  ],
  design: { type: 'sobol', samples: 4 },
  outputs: [{ measure: 'retention5' }],
});

/** The problems of an invalid experiment (fails the test if it is valid). */
function problemsOf(input: unknown) {
  try {
    ExperimentPlan.create(input);
  } catch (e) {
    if (e instanceof ExperimentError) return e.problems;
    throw e;
  }
  throw new Error('expected the experiment to be invalid');
}

describe('experiment files', () => {
  it('every example experiment is valid and plans a design on the default Ontario setting', () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const plan = ExperimentPlan.create(JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')));
      expect(plan.base.region).toBe('Ontario');
      if (plan.experiment.design) expect(plan.runCount).toBeGreaterThan(0);
      else expect(plan.experiment.calibration).toBeDefined();
    }
  });

  it('a Sobol design has N (d + 2) points and every run id maps back to its point and replication', () => {
    const plan = ExperimentPlan.create({ ...valid(), replications: 3 });
    expect(plan.design.points).toHaveLength(4 * (2 + 2));
    expect(plan.runCount).toBe(plan.design.points.length * 3);
    for (let id = 0; id < plan.runCount; id++) {
      const { point, replication } = plan.runKey(id);
      expect(plan.runId(point, replication)).toBe(id);
    }
  });

  it('an integer parameter takes only whole values inside its range, and the run spec carries them', () => {
    const plan = ExperimentPlan.create(valid());
    const terms = plan.design.points.map((p) => p[1]);
    expect(terms.every((t) => Number.isInteger(t) && t >= 1 && t <= 6)).toBe(true);
    const spec = plan.runSpec(5);
    const policy = spec.scenario.policies![0] as { termYears: number; incentive: number };
    expect(policy.termYears).toBe(plan.design.points[plan.runKey(5).point][1]);
    expect(spec.scenario.years).toBe(6);
  });

  it('the same experiment plans the same points and fingerprint; another seed changes the fingerprint', () => {
    const a = ExperimentPlan.create({ ...valid(), design: { type: 'lhs', samples: 10 } });
    const b = ExperimentPlan.create({ ...valid(), design: { type: 'lhs', samples: 10 } });
    const c = ExperimentPlan.create({ ...valid(), design: { type: 'lhs', samples: 10 }, seed: 2 });
    expect(b.design.points).toEqual(a.design.points);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).not.toBe(a.fingerprint);
    expect(c.design.points).not.toEqual(a.design.points);
  });

  it.each([
    ['an unknown design', { design: { type: 'grid', samples: 4 } }, 'design.type', 'one of "factorial"'],
    [
      'a range upside down',
      { parameters: [{ path: 'dispersion.reach', min: 0.5, max: 0.1 }] },
      'parameters[0].max',
      'above min',
    ],
    [
      'a lever the policy does not have',
      { parameters: [{ path: 'dispersion.bonus', min: 0, max: 1 }] },
      'parameters[0]',
      'no such field',
    ],
    [
      'a lever range the scenario rejects',
      { parameters: [{ path: 'dispersion.reach', min: 0, max: 2 }] },
      'parameters[0]',
      'from 0 to 1',
    ],
    [
      'an unknown measure',
      { outputs: [{ measure: 'happiness' }] },
      'outputs[0].measure',
      'one of "retention1"',
    ],
    [
      'an unknown area',
      { outputs: [{ measure: 'retention5', area: 'Atlantis' }] },
      'outputs[0].area',
      'Timmins',
    ],
    ['an unknown scenario name', { scenario: 'utopia' }, 'scenario', 'dispersion'],
    ['a typo in a field name', { replication: 3 }, 'replication', 'known fields'],
    [
      'an odd number of Morris levels',
      { design: { type: 'morris', trajectories: 4, levels: 3 } },
      'design.levels',
      'even',
    ],
    [
      'a log range through zero',
      { parameters: [{ path: 'dispersion.incentive', min: 0, max: 10, scale: 'log' }] },
      'parameters[0].min',
      'positive',
    ],
  ])('rejects %s, naming the field, the value and what is allowed', (_what, change, path, allowed) => {
    const problems = problemsOf({ ...valid(), ...change });
    const problem = problems.find((p) => p.path === path);
    expect(problem, JSON.stringify(problems)).toBeDefined();
    expect(problem!.allowed).toContain(allowed);
  });
});
