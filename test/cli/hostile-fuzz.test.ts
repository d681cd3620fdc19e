import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settleInProcess } from '../helpers/cli.js';

// A fuzz of hostile input through the command line (run in process, the same main() the
// built bin calls): scenario files, --set, scenario and command names, experiment files.
// Every generated case must give exit 2, a message that names the field, no stack trace, a
// short message, nothing written, and no change to any built-in prototype.

/** Generated cases in all (fast-check runs): at least a thousand. */
const RUNS = 1200;

/** A case: the files to write, the command line (paths relative to its folder), and a text the message must contain. */
interface Case {
  files: Record<string, string>;
  args: (dir: string) => string[];
  field: string;
}

const BUILTIN = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
];
const builtin = fc.constantFrom(...BUILTIN);
const reserved = fc.constantFrom('__proto__', 'constructor', 'prototype');
/** Text that JSON writes as it is (so the message can be searched for it). */
const plain = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,30}$/);

/** A hostile value where a number or an object belongs. */
const hostileValue = fc.oneof(
  fc.integer({ min: 65, max: 3000 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth))),
  fc.integer({ min: 1000, max: 100_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.string({ maxLength: 50 }).map((s) => `${s}${'x'.repeat(5000)}`),
  builtin.map((k) => JSON.parse(`{"${k}": {"polluted": 1}}`)),
  fc.constantFrom(null, true, 'NaN', -1e308, [], {}),
);

/** A JSON scenario with one hostile part, and the field the message must name. */
const hostileScenario: fc.Arbitrary<{ text: string; field: string }> = fc.oneof(
  // A built-in member's name as a field, at the top, in params, intake, places or a policy.
  fc
    .tuple(
      builtin,
      fc.constantFrom('', 'params', 'intake', 'places', 'policy'),
      fc.jsonValue({ maxDepth: 2 }),
    )
    .map(([key, where, value]) => {
      const inner = `{${JSON.stringify(key)}: ${JSON.stringify(value ?? 1)}}`;
      const text =
        where === ''
          ? `{"name": "x", ${JSON.stringify(key)}: ${JSON.stringify(value ?? 1)}}`
          : where === 'policy'
            ? `{"name": "x", "policies": [{"type": "dispersion", ${JSON.stringify(key)}: 1}]}`
            : `{"name": "x", "${where}": ${where === 'places' ? `{${JSON.stringify(key)}: {}}` : inner}}`;
      return { text, field: key };
    }),
  // A policy type that is a built-in member's name.
  builtin.map((type) => ({
    text: JSON.stringify({ name: 'x', policies: [{ type }] }),
    field: 'policies[0].type',
  })),
  // A hostile value in a numeric field.
  fc
    .tuple(fc.constantFrom('years', 'seed', 'agentScale', 'replications'), hostileValue)
    .map(([field, value]) => ({
      text: JSON.stringify({ name: 'x', [field]: value }),
      field,
    })),
  // Nesting far deeper than any scenario, in a field.
  fc
    .tuple(fc.constantFrom('params', 'intake', 'policies'), fc.integer({ min: 65, max: 10_000 }))
    .map(([field, depth]) => ({
      text: `{"name": "x", "${field}": ${'['.repeat(depth)}${']'.repeat(depth)}}`,
      field: 'nested more than 64 levels',
    })),
  // An unknown place in any of the place lists.
  fc.tuple(plain, fc.constantFrom('eligible', 'candidates', 'pilots', 'hybrid')).map(([place, list]) => {
    const policy =
      list === 'eligible'
        ? { type: 'dispersion', eligible: [`Atlantis ${place}`] }
        : list === 'hybrid'
          ? { type: 'hybrid', engagement: { type: 'engagement', candidates: [`Atlantis ${place}`] } }
          : { type: 'engagement', [list]: [`Atlantis ${place}`] };
    return { text: JSON.stringify({ name: 'x', policies: [policy] }), field: `Atlantis ${place}` };
  }),
);

/** A --set setting that must be refused, and the text the message must contain. */
const hostileSet: fc.Arbitrary<{ set: string; field: string; scenario?: string }> = fc.oneof(
  fc
    .tuple(
      fc.array(plain, { maxLength: 3 }),
      reserved,
      fc.array(plain, { maxLength: 3 }),
      fc.jsonValue({ maxDepth: 1 }),
    )
    .map(([before, key, after, value]) => ({
      set: `${[...before, key, ...after].join('.')}=${JSON.stringify(value ?? 1)}`,
      field: key,
    })),
  fc
    .tuple(fc.constantFrom('years', 'dispersion.termYears', 'params.utilEquity', 'seed'), hostileValue)
    .map(([path, value]) => ({
      set: `${path}=${JSON.stringify(value)}`.slice(0, 100_000),
      // On the dispersion scenario the lever is named where it stands: policies[0].termYears.
      field: path.split('.').at(-1)!,
      scenario: 'dispersion',
    })),
);

/** A valid experiment to spoil. */
const BASE = {
  name: 'fuzz',
  scenario: 'dispersion',
  parameters: [{ path: 'dispersion.reach', name: 'uptake', min: 0.02, max: 0.3 }],
  design: { type: 'lhs', samples: 4 },
  replications: 1,
  outputs: [{ measure: 'retention5' }],
};

/** An experiment file with one hostile part. */
const hostileExperiment: fc.Arbitrary<{ files: Record<string, string>; field: string }> = fc.oneof(
  fc.tuple(fc.array(plain, { maxLength: 2 }), reserved, plain).map(([before, key, after]) => ({
    files: {
      'e.json': JSON.stringify({
        ...BASE,
        parameters: [{ path: [...before, key, after].join('.'), name: 'p', min: 0, max: 1 }],
      }),
    },
    field: 'parameters[0].path',
  })),
  fc.tuple(plain, fc.boolean()).map(([name, upper]) => ({
    files: {
      'e.json': JSON.stringify({
        ...BASE,
        parameters: [
          { path: 'dispersion.reach', name, min: 0.02, max: 0.3 },
          { path: 'dispersion.incentive', name: upper ? name.toUpperCase() : name, min: 0, max: 9000 },
        ],
      }),
    },
    field: 'parameters[1].name',
  })),
  fc
    .constantFrom('id', 'seed', 'status', 'point', 'replication', 'stage', 'error', 'SEED', 'Id')
    .map((name) => ({
      files: {
        'e.json': JSON.stringify({
          ...BASE,
          parameters: [{ path: 'dispersion.reach', name, min: 0.02, max: 0.3 }],
        }),
      },
      field: 'parameters[0].name',
    })),
  plain.map((id) => ({
    files: {
      'e.json': JSON.stringify({
        ...BASE,
        design: undefined,
        calibration: {
          targets: 'retention-targets',
          only: [`no-${id}`],
          rejection: { samples: 4, quantile: 0.5 },
          smc: { populationSize: 4, generations: 1, quantile: 0.5 },
        },
      }),
    },
    field: 'calibration.only[0]',
  })),
  fc.tuple(plain, fc.jsonValue({ maxDepth: 2 })).map(([secret, extra]) => ({
    files: {
      'e.json': JSON.stringify({ ...BASE, scenario: 'other.json' }),
      'other.json': JSON.stringify({ apiKey: `SECRET-${secret}`, years: `SECRET-${secret}`, extra }),
    },
    field: 'scenario: got "other.json"',
  })),
  fc.tuple(builtin, fc.jsonValue({ maxDepth: 1 })).map(([key, value]) => ({
    files: {
      'e.json': `{${JSON.stringify(key)}: ${JSON.stringify(value ?? 1)}, ${JSON.stringify(BASE).slice(1)}`,
    },
    field: key,
  })),
);

const hostileCase: fc.Arbitrary<Case> = fc.oneof(
  fc.tuple(hostileScenario, fc.constantFrom('validate', 'run', 'compare')).map(([s, command]) => ({
    files: { 's.json': s.text },
    args: (dir: string) =>
      command === 'validate'
        ? ['validate', join(dir, 's.json')]
        : [
            command,
            ...(command === 'compare' ? ['baseline'] : []),
            join(dir, 's.json'),
            '--out',
            join(dir, 'out'),
          ],
    field: s.field,
  })),
  fc.tuple(hostileSet, fc.constantFrom('baseline', 'dispersion', 'hybrid')).map(([s, scenario]) => ({
    files: {},
    args: (dir: string) => ['run', s.scenario ?? scenario, '--set', s.set, '--out', join(dir, 'out')],
    field: s.field,
  })),
  fc
    .oneof(
      builtin,
      plain.map((s) => `no-such-${s}`),
    )
    .map((name) => ({
      files: {},
      args: (dir: string) => ['run', name, '--out', join(dir, 'out')],
      field: name,
    })),
  fc
    .oneof(
      builtin,
      plain.map((s) => `no-such-${s}`),
    )
    .map((name) => ({
      files: {},
      args: () => [name],
      field: name,
    })),
  fc
    .tuple(hostileExperiment, fc.constantFrom('validate', 'sweep', 'sensitivity', 'calibrate'))
    .map(([e, command]) => ({
      files: e.files,
      args: (dir: string) =>
        command === 'validate'
          ? ['validate', join(dir, 'e.json')]
          : [command, join(dir, 'e.json'), '--out', join(dir, 'out')],
      field: e.field,
    })),
);

const PROTOTYPES = [
  Object.prototype,
  Array.prototype,
  Function.prototype,
  String.prototype,
  Number.prototype,
];
const prototypeNames = () => PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort().join(','));

describe('fuzz: hostile scenario files, --set, names and experiment files', () => {
  it(`${RUNS} generated cases: each exit 2 naming the field, no stack trace, nothing written, no prototype changed`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'settle-fuzz-'));
    const before = prototypeNames();
    let count = 0;
    await fc.assert(
      fc.asyncProperty(hostileCase, async (c) => {
        count++;
        const dir = mkdtempSync(join(root, 'case-'));
        for (const [name, text] of Object.entries(c.files)) writeFileSync(join(dir, name), text);
        const r = await settleInProcess(c.args(dir));
        expect(r.status, r.stderr).toBe(2);
        expect(r.stderr).toContain(c.field.length > 100 ? c.field.slice(0, 50) : c.field);
        expect(r.stderr).not.toMatch(/\n\s+at |RangeError|TypeError/);
        expect(r.stderr.length).toBeLessThan(3000);
        expect(r.stderr).not.toContain('SECRET-');
        expect(readdirSync(dir).sort()).toEqual(Object.keys(c.files).sort());
        expect(prototypeNames()).toEqual(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS, seed: 20261129 },
    );
    expect(count).toBeGreaterThanOrEqual(1000);
  }, 300_000);
});
