import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { textCell, toCsv } from '@smart-settlement/cli';
import { describe, expect, it } from 'vitest';
import { type SettleResult, settleInProcess, tempDir } from '../helpers/cli.js';

// Section 2 of issue 10: input that is malformed or hostile. Each case: exit 2, a message
// naming the field, no stack trace, nothing written, no built-in prototype changed.

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const names = () => PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort().join(','));

/** Runs settle in process in a fresh folder; the folder must hold only `files` afterwards. */
async function refused(
  args: (dir: string) => string[],
  files: Record<string, string> = {},
): Promise<SettleResult & { dir: string }> {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const before = names();
  const r = await settleInProcess(args(dir));
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(readdirSync(dir).sort()).toEqual(Object.keys(files).sort());
  expect(names()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return { ...r, dir };
}

const experiment = (over: object = {}) =>
  JSON.stringify({
    name: 'hostile',
    scenario: 'dispersion',
    parameters: [{ path: 'dispersion.reach', name: 'uptake', min: 0.02, max: 0.3 }],
    design: { type: 'lhs', samples: 4 },
    replications: 1,
    outputs: [{ measure: 'retention5' }],
    ...over,
  });

describe('names of built-in object members are not fields, scenarios, commands or paths', () => {
  it('--set __proto__.polluted=1: exit 2 naming the reserved name, no prototype reached', async () => {
    const r = await refused((d) => [
      'run',
      'baseline',
      '--set',
      '__proto__.polluted=1',
      '--out',
      join(d, 'o'),
    ]);
    expect(r.stderr).toMatch(/--set __proto__\.polluted: "__proto__" is a reserved name/);
  });

  it('--set constructor.prototype.polluted=1 and dispersion.constructor=1: exit 2', async () => {
    for (const set of ['constructor.prototype.polluted=1', 'dispersion.constructor=1', 'params..x=1']) {
      const r = await refused((d) => ['run', 'dispersion', '--set', set, '--out', join(d, 'o')]);
      expect(r.stderr).toMatch(/--set /);
    }
  });

  it('settle run constructor / toString / __proto__: an unknown scenario, not a crash', async () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const r = await refused((d) => ['run', name, '--out', join(d, 'o')]);
      expect(r.stderr).toContain(`"${name}" is neither a named scenario nor a file`);
    }
  });

  it('settle constructor: an unknown command', async () => {
    const r = await refused(() => ['constructor']);
    expect(r.stderr).toMatch(/unknown command "constructor"/);
  });

  it('{"type": "constructor"} and {"constructor": 1}, places named __proto__: each refused naming the field', async () => {
    const cases: [object, RegExp][] = [
      [{ name: 'x', policies: [{ type: 'constructor' }] }, /policies\[0\]\.type: got "constructor"/],
      [{ name: 'x', constructor: 1 }, /constructor: got 1; allowed: no such field/],
      [{ name: 'x', params: { toString: 1 } }, /params\.toString: got 1; allowed: no such field/],
      [
        JSON.parse('{"name":"x","places":{"__proto__":{"vacancyRate":0.1}}}'),
        /places\["__proto__"\]: .*reserved/,
      ],
      [
        { name: 'x', places: { constructor: {} } },
        /places\["constructor"\]: got "constructor"; allowed: a place of Ontario/,
      ],
    ];
    for (const [scenario, message] of cases) {
      const text = JSON.stringify(scenario);
      const r = await refused((d) => ['validate', join(d, 's.json')], { 's.json': text });
      expect(r.stderr).toMatch(message);
    }
  });

  it('an experiment path __proto__.x: exit 2 naming parameters[0].path', async () => {
    const text = experiment({ parameters: [{ path: '__proto__.x', name: 'x', min: 0, max: 1 }] });
    for (const command of ['validate', 'sweep']) {
      const out = (d: string) => (command === 'validate' ? [] : ['--out', join(d, 'o')]);
      const r = await refused((d) => [command, join(d, 'e.json'), ...out(d)], { 'e.json': text });
      expect(r.stderr).toMatch(/parameters\[0\]\.path: got "__proto__\.x".*reserved name/);
    }
  });
});

describe('what a message echoes is bounded', () => {
  it('JSON nested 10,000 levels deep: exit 2 at once, no stack overflow', async () => {
    for (const text of [
      '['.repeat(10_000) + ']'.repeat(10_000),
      `{"name":"x","params":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`,
    ]) {
      const r = await refused((d) => ['validate', join(d, 'deep.json')], { 'deep.json': text });
      expect(r.stderr).toMatch(/nested more than 64 levels deep/);
      expect(r.stderr.length).toBeLessThan(2000);
    }
  });

  it('a million-item list where a number belongs: the field named in a short message', async () => {
    const text = JSON.stringify({ name: 'x', years: Array.from({ length: 1_000_000 }, (_, i) => i) });
    const r = await refused((d) => ['validate', join(d, 'big.json')], { 'big.json': text });
    expect(r.stderr).toMatch(/years: got \[0,1,2,3,4,5,6,7,8,9,… \(1000000 items\)\]; allowed: an integer/);
    expect(r.stderr.length).toBeLessThan(1000);
  });

  it('--set with a deeply nested value: exit 2 naming the path', async () => {
    const r = await refused((d) => [
      'run',
      'baseline',
      '--set',
      `years=${'['.repeat(5000)}${']'.repeat(5000)}`,
      '--out',
      join(d, 'o'),
    ]);
    expect(r.stderr).toMatch(/--set years: the value is nested too deeply/);
  });
});

describe('input files are limited before they are read', () => {
  it('settle validate /dev/zero: refused at once (not a regular file)', async () => {
    const started = Date.now();
    const r = await refused(() => ['validate', '/dev/zero']);
    expect(r.stderr).toMatch(/\/dev\/zero: got something that is not a regular file/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a file over 10 MiB: refused naming its size and the limit', async () => {
    const r = await refused((d) => ['validate', join(d, 'huge.json')], {
      'huge.json': `"${'x'.repeat(11 * 1024 * 1024)}"`,
    });
    expect(r.stderr).toMatch(
      /huge\.json: got a file of 11,534,338 bytes or more; allowed: at most 10,485,760 bytes/,
    );
  });
});

describe("an experiment's scenario must be a scenario file", () => {
  it('a foreign JSON file: refused, none of its contents echoed', async () => {
    const secret = { token: 'hunter2-secret', years: 'not a number', password: 's3cr3t' };
    const r = await refused((d) => ['validate', join(d, 'e.json')], {
      'e.json': experiment({ scenario: 'credentials.json' }),
      'credentials.json': JSON.stringify(secret),
    });
    expect(r.stderr).toMatch(
      /scenario: got "credentials\.json", a file that is not a valid scenario \(\d+ problems?/,
    );
    expect(r.stderr).not.toMatch(/hunter2|s3cr3t|not a number/);
  });
});

describe('hybrid.engagement.candidates refuses unknown places, as the other place lists do', () => {
  it('exit 2 naming policies[0].engagement.candidates[0]', async () => {
    const text = JSON.stringify({
      name: 'x',
      policies: [{ type: 'hybrid', engagement: { type: 'engagement', candidates: ['Atlantis'] } }],
    });
    const r = await refused((d) => ['validate', join(d, 's.json')], { 's.json': text });
    expect(r.stderr).toMatch(
      /policies\[0\]\.engagement\.candidates\[0\]: got "Atlantis"; allowed: a place of Ontario/,
    );
  });
});

describe('one experiment check, in validate as in every command', () => {
  const cases: [string, object, RegExp][] = [
    [
      'names equal but for case',
      {
        parameters: [
          { path: 'dispersion.reach', name: 'Uptake', min: 0.02, max: 0.3 },
          { path: 'dispersion.incentive', name: 'uptake', min: 0, max: 9000 },
        ],
      },
      /parameters\[1\]\.name: got "uptake"; allowed: a parameter name distinct from "Uptake" even ignoring case/,
    ],
    [
      'a reserved name',
      { parameters: [{ path: 'dispersion.reach', name: 'Seed', min: 0.02, max: 0.3 }] },
      /parameters\[0\]\.name: got "Seed"; allowed: a parameter name other than id, point, replication, seed, status/,
    ],
    [
      'a parameter path varied twice',
      {
        parameters: [
          { path: 'dispersion.reach', name: 'a', min: 0.02, max: 0.1 },
          { path: 'dispersion.reach', name: 'b', min: 0.1, max: 0.3 },
        ],
      },
      /parameters\[1\]\.path: got "dispersion\.reach"; allowed: a path not already varied/,
    ],
    [
      'calibration.only naming an unknown target',
      {
        design: undefined,
        calibration: {
          targets: 'retention-targets',
          only: ['no-such-target'],
          rejection: { samples: 4, quantile: 0.5 },
          smc: { populationSize: 4, generations: 1, quantile: 0.5 },
        },
      },
      /calibration\.only\[0\]: got "no-such-target"; allowed: a target id: /,
    ],
  ];
  for (const [what, over, message] of cases) {
    it(`${what}: validate, sweep and calibrate all refuse it (exit 2) with the same problem`, async () => {
      for (const command of ['validate', 'sweep', 'calibrate']) {
        const r = await refused(
          (d) =>
            command === 'validate'
              ? [command, join(d, 'e.json')]
              : [command, join(d, 'e.json'), '--out', join(d, 'o')],
          { 'e.json': experiment(over) },
        );
        expect(r.stderr, command).toMatch(message);
      }
    });
  }
});

describe('CSV fields (points.csv and every table) are quoted per RFC 4180, formulas neutralised', () => {
  it('textCell quotes commas, quotes and line breaks, and puts a quote before a formula', () => {
    expect(textCell('plain')).toBe('plain');
    expect(textCell('a,b')).toBe('"a,b"');
    expect(textCell('say "hi"')).toBe('"say ""hi"""');
    expect(textCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(textCell('+1')).toBe("'+1");
    expect(textCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('a header with a comma stays one column', () => {
    const csv = toCsv([{ 'a,b': 1, '=cmd': 2 }], ['a,b', '=cmd'] as never[]);
    expect(csv).toBe('"a,b",\'=cmd\n1,2\n');
  });

  it('settle sweep writes points.csv with such parameter names quoted and neutralised', async () => {
    const dir = tempDir();
    const file = join(dir, 'e.json');
    writeFileSync(
      file,
      experiment({
        set: ['years=3', 'agentScale=500'],
        parameters: [{ path: 'dispersion.reach', name: '=HYPERLINK("x"),y', min: 0.02, max: 0.3 }],
        design: { type: 'factorial', levels: 2 },
      }),
    );
    const r = await settleInProcess(['sweep', file, '--out', join(dir, 'o'), '--workers', '0', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const header = readFileSync(join(dir, 'o', 'points.csv'), 'utf8').split('\n')[0];
    expect(header).toBe('point,"\'=HYPERLINK(""x""),y",retention5');
  });
});
