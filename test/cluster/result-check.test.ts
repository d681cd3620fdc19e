import { checkRunOutput, type ExpectedRun } from '@smart-settlement/cluster';
import { executeRun, type RunOutput, type RunSpec } from '@smart-settlement/runner';
import { resolveScenario } from '@smart-settlement/scenarios';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tinyExperiment } from '../helpers/fake-experiment.js';

const experiment = tinyExperiment(3);

function expectedOf(spec: RunSpec): ExpectedRun {
  const { config } = resolveScenario(spec.scenario);
  return {
    scenario: config.name,
    seed: spec.seed,
    replication: spec.replication,
    years: config.years,
    places: config.places.map((p) => p.name),
  };
}

const spec = experiment.runSpec(1);
const expected = expectedOf(spec);
const genuine = executeRun(spec);
/** A deep copy to break. */
const copy = (): RunOutput => structuredClone(genuine);

describe('the coordinator’s check of a run’s output', () => {
  it('passes every genuine output of the tiny experiment and of a 20-year dispersion run', () => {
    for (let run = 0; run < 3; run++)
      expect(
        checkRunOutput(executeRun(experiment.runSpec(run)), expectedOf(experiment.runSpec(run))),
      ).toBeUndefined();
    const { scenario } = resolveScenario({ name: 'd', policies: [{ type: 'dispersion' }], agentScale: 200 });
    const long = { scenario, seed: 5, replication: 2 };
    expect(checkRunOutput(executeRun(long), expectedOf(long))).toBeUndefined();
  });

  it.each([
    ['another run’s output', (o: RunOutput) => Object.assign(o, { replication: 2 }), /^replication: got 2/],
    ['another scenario', (o: RunOutput) => Object.assign(o, { scenario: 'x' }), /^scenario: got "x"/],
    [
      'a share above 1',
      (o: RunOutput) => Object.assign(o.retention[3], { retention: 1.5 }),
      /retention\[3\]\.retention: got 1.5/,
    ],
    [
      'a negative count',
      (o: RunOutput) => Object.assign(o.places[0], { arrivals: -4 }),
      /places\[0\]\.arrivals: got -4/,
    ],
    [
      'an unknown place',
      (o: RunOutput) => Object.assign(o.places[5], { place: 'Atlantis' }),
      /places\[5\]\.place: got "Atlantis"/,
    ],
    [
      'a year beyond the run',
      (o: RunOutput) => Object.assign(o.places[1], { year: 3 }),
      /places\[1\]\.year: got 3/,
    ],
    [
      'an unknown measure',
      (o: RunOutput) => Object.assign(o.measures[0], { measure: 'happiness' }),
      /measures\[0\]\.measure/,
    ],
    [
      'a measure that is text',
      (o: RunOutput) => Object.assign(o.measures[9], { value: '0.9' }),
      /measures\[9\]\.value/,
    ],
    [
      'a row of another seed',
      (o: RunOutput) => Object.assign(o.measures[2], { seed: 12 }),
      /measures\[2\]\.seed: got 12/,
    ],
    ['a missing table', (o: RunOutput) => Object.assign(o, { places: undefined }), /places: got undefined/],
    [
      'a table that is not a list',
      (o: RunOutput) => Object.assign(o, { retention: {} }),
      /retention: got \[object Object\]/,
    ],
    ['a missing place-year row', (o: RunOutput) => o.places.pop(), /places\.length: got/],
    ['an extra field', (o: RunOutput) => Object.assign(o.places[0], { note: 'x' }), /places\[0\] fields/],
    [
      'more offers accepted than made',
      (o: RunOutput) => Object.assign(o, { offers: { reached: 5, accepted: 9 } }),
      /offers\.accepted: got 9/,
    ],
    ['fractional agents', (o: RunOutput) => Object.assign(o, { finalAgents: 1.5 }), /finalAgents: got 1.5/],
  ])('refuses %s, naming the field and what is allowed', (_what, breakIt, message) => {
    const output = copy();
    breakIt(output);
    const problem = checkRunOutput(output, expected);
    expect(problem).toMatch(message);
    expect(problem).toContain('allowed:');
  });

  it('refuses any share moved out of [0, 1] in any row (property)', () => {
    const shares = ['matchedShare', 'engagedShare', 'leadership', 'inclusion', 'hostOpenness'] as const;
    fc.assert(
      fc.property(
        fc.nat(genuine.places.length - 1),
        fc.constantFrom(...shares),
        fc.oneof(
          fc.double({ min: 1, max: 1e9, minExcluded: true, noNaN: true }),
          fc.double({ max: -1e-9, noNaN: true }),
        ),
        (row, column, value) => {
          const output = copy();
          output.places[row][column] = value;
          expect(checkRunOutput(output, expected)).toContain(`places[${row}].${column}`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps a message short whatever the value (a long text is cut)', () => {
    const output = copy();
    Object.assign(output.places[0], { kind: 'k'.repeat(1_000_000) });
    expect(checkRunOutput(output, expected)!.length).toBeLessThan(400);
  });
});
