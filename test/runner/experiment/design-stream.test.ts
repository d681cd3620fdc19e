import {
  factorialDesign,
  latinHypercube,
  morrisSample,
  saltelliSample,
  scaleUnitPoints,
  stream,
} from '@smart-settlement/core';
import {
  buildDesign,
  designPoints,
  type Experiment,
  ExperimentPlan,
  parameterRange,
  planRunRecords,
} from '@smart-settlement/runner';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// A sweep makes its design one point at a time (the store then gives its runs back a chunk at
// a time: test/runner/store/results-store.test.ts): these check that the points are the design's,
// in its order, and that making them never holds the whole design.

const PARAMETERS = [
  { path: 'dispersion.incentive', name: 'incentive', min: 0, max: 30000 },
  { path: 'dispersion.termYears', name: 'termYears', min: 1, max: 6, integer: true },
  { path: 'dispersion.reach', name: 'reach', min: 0.02, max: 0.3 },
  { path: 'params.utilEquity', name: 'utilEquity', min: 0.1, max: 3, scale: 'log' },
];

/** A valid experiment with the first d parameters and this design. */
function experimentWith(d: number, design: object, seed = 1): Experiment {
  return ExperimentPlan.create({
    name: 'stream',
    scenario: 'dispersion',
    set: ['years=6'],
    parameters: PARAMETERS.slice(0, d),
    design,
    seed,
    outputs: [{ measure: 'retention5' }],
  }).experiment;
}

/** The design made whole with the eager core functions, as the sweep made it before. */
function eagerDesign(experiment: Experiment): number[][] {
  const ranges = experiment.parameters.map(parameterRange);
  const d = ranges.length;
  const design = experiment.design!;
  switch (design.type) {
    case 'factorial':
      return factorialDesign(ranges, design.levels);
    case 'lhs':
      return scaleUnitPoints(
        ranges,
        latinHypercube(design.samples, d, stream(experiment.seed, 0, 'design-lhs')),
      );
    case 'sobol':
      return scaleUnitPoints(ranges, saltelliSample(design.samples, d, { secondOrder: design.secondOrder }));
    case 'morris':
      return scaleUnitPoints(
        ranges,
        morrisSample(design.trajectories, d, stream(experiment.seed, 0, 'design-morris'), {
          levels: design.levels,
        }),
      );
  }
}

const anyDesign = fc.oneof(
  fc.record({ type: fc.constant('factorial'), levels: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ type: fc.constant('lhs'), samples: fc.integer({ min: 1, max: 60 }) }),
  fc.record({
    type: fc.constant('sobol'),
    samples: fc.integer({ min: 2, max: 12 }),
    secondOrder: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('morris'),
    trajectories: fc.integer({ min: 2, max: 10 }),
    levels: fc.constantFrom(4, 6),
  }),
);

describe('designs streamed point by point', () => {
  it('designPoints gives the eager design of every type, from any point on, in design order (property)', () => {
    fc.assert(
      fc.property(
        anyDesign,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.nat(),
        (design, d, seed, at) => {
          const experiment = experimentWith(d, design, seed);
          const eager = eagerDesign(experiment);
          expect([...designPoints(experiment)].map((p) => p.values)).toEqual(eager);
          const from = at % eager.length;
          expect([...designPoints(experiment, from)].map((p) => p.values)).toEqual(eager.slice(from));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('plan.pointAt, asked in any order, gives the design point of that index, and run records carry them replication by replication', () => {
    fc.assert(
      fc.property(
        anyDesign,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 1e6 }),
        (design, d, seed) => {
          const experiment = experimentWith(d, design, seed);
          const plan = ExperimentPlan.create({ ...experiment, replications: 2 });
          const whole = buildDesign(plan.experiment);
          const order = [...whole.points.keys()].sort(
            (a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101),
          );
          for (const k of order) expect(plan.pointAt(k).values).toEqual(whole.points[k]);
          const records = [...planRunRecords(plan)];
          expect(records.map((r) => r.id)).toEqual([...Array(plan.runCount).keys()]);
          for (const r of records) expect(r.parameters).toEqual(whole.points[r.point]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('run records of a Latin hypercube of 2,000,000 points stream without the design growing the heap (the whole design would need 300 MB)', () => {
    const plan = ExperimentPlan.create({
      ...experimentWith(3, { type: 'lhs', samples: 2_000_000 }),
      replications: 1,
    });
    const before = process.memoryUsage().heapUsed;
    let most = 0;
    let count = 0;
    let complete = 0;
    for (const record of planRunRecords(plan)) {
      count += 1;
      if (record.parameters.length === 3 && record.parameters.every(Number.isFinite)) complete += 1;
      if (count % 100_000 === 0) most = Math.max(most, process.memoryUsage().heapUsed - before);
    }
    expect(count).toBe(2_000_000);
    expect(complete).toBe(count);
    expect(most).toBeLessThan(100e6);
  }, 120_000);
});
