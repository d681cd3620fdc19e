import { DEFAULT_PARAMS, PARAMETER_INFO, PARAMETER_NAMES } from '@smart-settlement/core';
import { checkExperimentShape, experimentJsonSchema } from '@smart-settlement/runner';
import {
  buildPolicy,
  POLICIES,
  POLICY_TYPES,
  scenarioJsonSchema,
  validateScenario,
} from '@smart-settlement/scenarios';
import { describe, expect, it } from 'vitest';

/** Where a problem with a field is reported: `__proto__`, a reserved name, is always quoted. */
const at = (parent: string, key: string) =>
  key === '__proto__' ? `${parent}["__proto__"]` : parent ? `${parent}.${key}` : key;

const problemsOf = (input: unknown) => {
  const checked = validateScenario(input);
  return checked.ok ? [] : checked.problems;
};

describe('hostile keys', () => {
  for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    it(`"${key}" as a field of a scenario, a policy, params or intake is refused, naming the field`, () => {
      const json = (where: string) => JSON.parse(where.replace('KEY', key));
      for (const [input, path] of [
        [json('{"name":"x","KEY":1}'), at('', key)],
        [json('{"name":"x","policies":[{"type":"dispersion","KEY":1}]}'), at('policies[0]', key)],
        [json('{"name":"x","params":{"KEY":1}}'), at('params', key)],
        [json('{"name":"x","intake":{"KEY":1}}'), at('intake', key)],
      ] as const) {
        expect(problemsOf(input).map((p) => p.path)).toContain(path);
      }
    });
  }

  it('"__proto__" or "constructor" as a place name is refused with the key quoted', () => {
    for (const key of ['__proto__', 'constructor']) {
      const input = JSON.parse(`{"name":"x","places":{"${key}":{"vacancyRate":0.01}}}`);
      expect(problemsOf(input).map((p) => p.path)).toContain(`places[${JSON.stringify(key)}]`);
    }
  });
});

describe('the policy registry', () => {
  it('POLICY_TYPES are the registry keys, and each is the literal type of its schema', () => {
    expect(POLICY_TYPES).toEqual(Object.keys(POLICIES));
    for (const type of POLICY_TYPES) expect(POLICIES[type].schema.shape.type.value).toBe(type);
  });

  it('every registered policy validates with its defaults alone and builds (the baseline builds nothing)', () => {
    for (const type of POLICY_TYPES) {
      const checked = validateScenario({ name: 'x', policies: [{ type }] });
      if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
      const policy = buildPolicy(checked.scenario.policies[0]);
      expect(policy === undefined).toBe(type === 'baseline');
      if (policy) expect(policy.kind).toBe(type);
    }
  });

  it('the JSON Schema offers exactly the registered policy types', () => {
    const schema = scenarioJsonSchema() as {
      properties: { policies: { items: { oneOf: { properties: { type: { const: string } } }[] } } };
    };
    expect(schema.properties.policies.items.oneOf.map((p) => p.properties.type.const)).toEqual(POLICY_TYPES);
  });
});

describe('the parameter table', () => {
  it('DEFAULT_PARAMS holds every parameter of the table, in its order, at its default', () => {
    expect(Object.keys(DEFAULT_PARAMS)).toEqual(PARAMETER_NAMES);
    for (const name of PARAMETER_NAMES) expect(DEFAULT_PARAMS[name]).toEqual(PARAMETER_INFO[name].default);
  });

  it("the scenario schema's bounds of params are the table's bounds, and the plausible range lies within them", () => {
    const schema = scenarioJsonSchema() as {
      properties: {
        params: { properties: Record<string, { minimum?: number; maximum?: number; items?: object }> };
      };
    };
    for (const name of PARAMETER_NAMES) {
      const info = PARAMETER_INFO[name];
      const field = schema.properties.params.properties[name];
      const bounds = (field.items ?? field) as { minimum: number; maximum: number };
      expect([bounds.minimum, bounds.maximum], name).toEqual(info.bounds);
      expect(info.bounds[0] <= info.range[0] && info.range[1] <= info.bounds[1], name).toBe(true);
      expect(validateScenario({ name: 'x', params: { [name]: info.default } }).ok, name).toBe(true);
      const tooBig = Array.isArray(info.default)
        ? info.default.map(() => info.bounds[1] + 1)
        : info.bounds[1] + 1;
      expect(problemsOf({ name: 'x', params: { [name]: tooBig } }).length, name).toBeGreaterThan(0);
    }
  });
});

describe('experiment files', () => {
  it('a behavioural parameter given without a range varies over its plausible range from the table', () => {
    const checked = checkExperimentShape({
      name: 'e',
      scenario: 'baseline',
      parameters: [{ path: 'params.utilEquity' }],
    });
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const [p] = checked.experiment.parameters;
    expect([p.min, p.max]).toEqual(PARAMETER_INFO.utilEquity.range);
  });

  it('a lever given without a range is still a problem naming the missing end', () => {
    const checked = checkExperimentShape({
      name: 'e',
      scenario: 'baseline',
      parameters: [{ path: 'dispersion.reach' }],
    });
    expect(checked.ok ? [] : checked.problems.map((p) => p.path)).toEqual(['parameters[0].min']);
  });

  it('an unknown field and a bad design type are named with the value and what is allowed', () => {
    const checked = checkExperimentShape({
      name: 'e',
      scenario: 'baseline',
      parameters: [{ path: 'params.utilEquity' }],
      design: { type: 'grid' },
      constructor: 1,
    });
    const problems = checked.ok ? [] : checked.problems;
    expect(problems).toHaveLength(2);
    expect(problems).toContainEqual(expect.objectContaining({ path: 'constructor', value: 1 }));
    expect(problems).toContainEqual({
      path: 'design.type',
      value: 'grid',
      allowed: 'one of "factorial", "lhs", "sobol", "morris"',
    });
  });

  it('has a JSON Schema with every design type', () => {
    const text = JSON.stringify(experimentJsonSchema());
    for (const type of ['factorial', 'lhs', 'sobol', 'morris']) expect(text).toContain(`"const":"${type}"`);
  });
});
