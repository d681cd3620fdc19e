import { InputError, prepareJob } from '@smart-settlement/cli';
import {
  formatProblems,
  LIBRARY,
  type Problem,
  resolveScenario,
  ScenarioError,
  validateScenario,
} from '@smart-settlement/scenarios';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mistakeArb, smallScenarioArb } from '../helpers/arbitraries.js';

/** The ScenarioError a bad input throws (fails the test on any other outcome). */
function scenarioError(input: unknown): ScenarioError {
  try {
    resolveScenario(input);
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw new Error(`expected a ScenarioError, got ${String(e)}`);
  }
  throw new Error(`expected a ScenarioError for ${JSON.stringify(input)}`);
}

describe('scenario validation (properties)', () => {
  it('every generated small scenario with random valid levers validates and resolves', () => {
    fc.assert(
      fc.property(smallScenarioArb, (scenario) => {
        const checked = validateScenario(scenario);
        expect(checked.ok ? [] : checked.problems).toEqual([]);
        const { config } = resolveScenario(scenario);
        expect(config.years).toBe(scenario.years);
        expect(config.policies.length).toBeLessThanOrEqual(scenario.policies!.length);
      }),
      { numRuns: 200 },
    );
  });

  it('a single mistake (wrong type, out of range, unknown field, unknown policy kind, bad place) is a ScenarioError naming its path, the bad value and what is allowed', () => {
    fc.assert(
      fc.property(smallScenarioArb, mistakeArb, (scenario, mistake) => {
        const input = JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>;
        mistake.apply(input);
        const error = scenarioError(input);
        const problem = error.problems.find((p: Problem) => p.path === mistake.path);
        expect(problem, `no problem at ${mistake.path}: ${error.message}`).toBeDefined();
        expect(problem!.value).toEqual(mistake.value);
        expect(problem!.allowed.length).toBeGreaterThan(5);
        // The message shows the path, the value and what is allowed, one problem a line.
        const line = error.message.split('\n').find((l) => l.startsWith(`${mistake.path}: `));
        expect(line).toBeDefined();
        expect(line).toContain(`got ${JSON.stringify(mistake.value)}`);
        expect(line).toContain(`allowed: ${problem!.allowed}`);
        expect(formatProblems(error.problems)).toBe(error.message);
      }),
      { numRuns: 300 },
    );
  });

  it('through the command-line job, the same mistakes are input errors (exit status 2) that name the scenario and the field', () => {
    fc.assert(
      fc.property(mistakeArb, (mistake) => {
        const input: Record<string, unknown> = { name: 'bad' };
        mistake.apply(input);
        expect(() => prepareJob([{ scenario: input, where: 'bad.json' }], {})).toThrow(InputError);
        try {
          prepareJob([{ scenario: input, where: 'bad.json' }], {});
        } catch (e) {
          expect((e as Error).message).toContain('invalid scenario bad.json');
          expect((e as Error).message).toContain(`${mistake.path}: got`);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('any JSON value at all either validates or fails with a ScenarioError listing problems, never another exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record({ name: fc.constant('x'), years: fc.jsonValue(), policies: fc.jsonValue() }),
          fc.record({
            name: fc.constant('x'),
            policies: fc.array(fc.dictionary(fc.string(), fc.jsonValue())),
          }),
          fc.record({ name: fc.constant('x'), places: fc.dictionary(fc.string(), fc.jsonValue()) }),
        ),
        (input) => {
          try {
            resolveScenario(input);
          } catch (e) {
            expect(e).toBeInstanceOf(ScenarioError);
            expect((e as ScenarioError).problems.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a missing name is reported as required', () => {
    const error = scenarioError({ years: 3 });
    expect(error.problems).toContainEqual(expect.objectContaining({ path: 'name', value: undefined }));
    expect(error.message).toContain('name: got nothing; allowed: required');
  });

  it('shares that do not sum to 1 are reported with the list', () => {
    const error = scenarioError({ name: 'x', intake: { occupationShares: [0.5, 0.5, 0.5] } });
    expect(error.problems).toEqual([
      { path: 'intake.occupationShares', value: [0.5, 0.5, 0.5], allowed: 'shares that sum to 1' },
    ]);
  });

  it('every library scenario is valid', () => {
    for (const scenario of Object.values(LIBRARY)) expect(validateScenario(scenario).ok).toBe(true);
  });
});
