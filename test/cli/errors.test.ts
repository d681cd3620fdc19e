import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIBRARY } from '@smart-settlement/scenarios';
import { describe, expect, it } from 'vitest';
import { folderFiles, settleInProcess, tempDir } from '../helpers/cli.js';

// The command line's error paths, run in process (the same main() the built bin calls).
const cases: [string, string[], RegExp][] = [
  ['an unknown command', ['frobnicate'], /unknown command "frobnicate"; allowed: .*run/],
  ['an unknown option', ['run', 'baseline', '--yeras', '3'], /unknown option "--yeras"; allowed: .*--years/],
  [
    'an unknown scenario',
    ['run', 'atlantis'],
    /"atlantis" is neither a named scenario nor a file; named scenarios: baseline/,
  ],
  ['zero years', ['run', 'baseline', '--years', '0'], /--years: got "0"; allowed: an integer from 1 to 200/],
  [
    'replications that are not a number',
    ['run', 'baseline', '--replications', 'many'],
    /--replications: got "many"; allowed: an integer/,
  ],
  ['a negative seed', ['run', 'baseline', '--seed=-1'], /--seed: got "-1"; allowed: an integer from 0/],
  ['a fractional year count', ['compare', 'baseline', 'welcome', '--years', '2.5'], /--years: got "2.5"/],
  [
    'a lever set out of range',
    ['run', 'dispersion', '--set', 'dispersion.termYears=2.5'],
    /policies\[0\]\.termYears: got 2\.5; allowed: an integer from 0 to 50/,
  ],
  [
    'a lever that does not exist',
    ['run', 'dispersion', '--set', 'dispersion.termyears=4'],
    /policies\[0\]\.termyears: got 4; allowed: no such field; known fields: .*termYears/,
  ],
  [
    'a parameter of the wrong type',
    ['run', 'baseline', '--set', 'params.utilEquity=high'],
    /params\.utilEquity: got "high"; allowed: a number/,
  ],
  [
    'a place attribute out of range',
    ['run', 'baseline', '--set', 'places.Timmins.vacancyRate=3'],
    /places\.Timmins\.vacancyRate: got 3; allowed: a number from 0 to 0\.5/,
  ],
  [
    'an unknown place',
    ['run', 'baseline', '--set', 'places.Atlantis.vacancyRate=0.01'],
    /places\["Atlantis"\]: got "Atlantis"; allowed: a place of Ontario/,
  ],
  ['a --set without =', ['run', 'baseline', '--set', 'years'], /expected path=value/],
  ['an option given without its value', ['run', 'baseline', '--years'], /option --years needs a value/],
  ['a scenario named twice in compare', ['compare', 'baseline', 'baseline'], /named twice/],
  ['run without a scenario', ['run'], /name a scenario/],
];

describe('settle: bad input gives exit 2, a message naming what is wrong, and writes nothing', () => {
  for (const [what, args, message] of cases) {
    it(`${what}: exit 2, message ${message.source.slice(0, 40)}..., no --out folder created`, async () => {
      const dir = tempDir();
      const r = await settleInProcess([...args, '--out', join(dir, 'results')]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('an option directly followed by another option is missing its value (not swallowing the next option)', async () => {
    const dir = tempDir();
    const r = await settleInProcess(['run', 'baseline', '--years', '--out', join(dir, 'results')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/option --years needs a value/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('no command: exit 2 with the usage', async () => {
    const r = await settleInProcess([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('Usage');
  });

  it('missing --out: exit 2 and the message asks for it', async () => {
    const r = await settleInProcess(['run', 'baseline', '--years', '2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--out DIR is required');
  });

  it('an invalid scenario file, run or compared, is reported with its file name and field; an existing --out folder is untouched', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'bad', policies: [{ type: 'welcome', coverage: -1 }] }));
    mkdirSync(join(dir, 'results'));
    writeFileSync(join(dir, 'results', 'keep.txt'), 'earlier');
    for (const command of ['run', 'compare']) {
      const r = await settleInProcess([command, file, '--out', join(dir, 'results')]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`invalid scenario ${file}`);
      expect(r.stderr).toContain('policies[0].coverage: got -1; allowed: a number from 0 to 1');
    }
    expect(readdirSync(dir).sort()).toEqual(['bad.json', 'results']);
    expect([...folderFiles(join(dir, 'results')).keys()]).toEqual(['keep.txt']);
    expect(readFileSync(join(dir, 'results', 'keep.txt'), 'utf8')).toBe('earlier');
  });

  it('a manifest that is not a results manifest, or a tampered one: exit 2, nothing written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ kind: 'something else' }));
    writeFileSync(
      join(dir, 'tampered.json'),
      JSON.stringify({
        kind: 'smart-settlement-results',
        seed: 1,
        replications: 1,
        scenarios: [{ name: 'x', years: -3 }],
      }),
    );
    const other = await settleInProcess(['run', '--from', join(dir, 'other.json'), '--out', join(dir, 'a')]);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('is not a results manifest');
    const tampered = await settleInProcess([
      'run',
      '--from',
      join(dir, 'tampered.json'),
      '--out',
      join(dir, 'b'),
    ]);
    expect(tampered.status).toBe(2);
    expect(tampered.stderr).toContain('scenarios[0]');
    expect(tampered.stderr).toContain('years: got -3');
    expect(existsSync(join(dir, 'a')) || existsSync(join(dir, 'b'))).toBe(false);
  });
});

describe('settle list --json, schema, validate of unreadable files (in process)', () => {
  it('list --json prints the library as JSON', async () => {
    const r = await settleInProcess(['list', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).map((s: { name: string }) => s.name)).toEqual(Object.keys(LIBRARY));
  });

  it('schema prints a JSON Schema that names the scenario fields', async () => {
    const r = await settleInProcess(['schema']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toContain('json-schema.org');
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['name', 'years', 'policies', 'params']),
    );
  });

  it('validate of a missing file or of a file that is not JSON: exit 2 naming the file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.json'), '{ "name": "x", ');
    const missing = await settleInProcess(['validate', join(dir, 'nowhere.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`cannot read ${join(dir, 'nowhere.json')}`);
    const broken = await settleInProcess(['validate', join(dir, 'broken.json')]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('broken.json is not valid JSON');
  });
});
