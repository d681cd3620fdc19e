import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIBRARY } from '../../packages/scenarios/src/index.js';
import { FAST, folderFiles, type SettleResult, settle, settleAsync, tempDir } from '../helpers/cli.js';

/** A terminal progress bar as progress.ts draws it: carriage return, label, [###...]. */
const PROGRESS = /\r|\[[#.]{5,}\]/;

describe('settle list, schema, validate (built CLI)', () => {
  it('list names every library scenario with its description, exit 0', () => {
    const r = settle(['list']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    for (const [name, s] of Object.entries(LIBRARY))
      expect(lines.some((l) => l.startsWith(name) && l.includes(s.description))).toBe(true);
  });

  it('list --json prints the library as JSON', () => {
    const r = settle(['list', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).map((s: { name: string }) => s.name)).toEqual(Object.keys(LIBRARY));
  });

  it('schema prints a JSON Schema that names the scenario fields', () => {
    const r = settle(['schema']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toContain('json-schema.org');
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['name', 'years', 'policies', 'params']),
    );
  });

  it('validate accepts a good scenario file (exit 0, says valid)', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'good.json'),
      JSON.stringify({ name: 'good', years: 5, policies: [{ type: 'dispersion', termYears: 4 }] }),
    );
    const r = settle(['validate', 'good.json'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('valid scenario "good"');
  });

  it('validate rejects a bad file with exit 2, naming each field, its value and what is allowed', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({
        name: 'bad',
        years: 0,
        polices: [],
        policies: [{ type: 'dispersion', uptake: 1.5 }, { type: 'teleport' }],
      }),
    );
    const r = settle(['validate', 'bad.json'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('invalid scenario bad.json');
    expect(r.stderr).toContain('years: got 0; allowed: an integer from 1 to 200');
    expect(r.stderr).toContain('polices: got []; allowed: no such field');
    expect(r.stderr).toContain('policies[0].uptake: got 1.5; allowed: a number from 0 to 1');
    expect(r.stderr).toContain('policies[1].type: got "teleport"; allowed: one of "baseline"');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('validate of a missing file or of a file that is not JSON: exit 2 naming the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.json'), '{ "name": "x", ');
    const missing = settle(['validate', 'nowhere.json'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read nowhere.json');
    const broken = settle(['validate', 'broken.json'], dir);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('broken.json is not valid JSON');
  });
});

describe('settle refuses bad input with exit 2, a clear message and nothing written (built CLI)', () => {
  it('an unknown command: exit 2, the allowed commands are listed', () => {
    const dir = tempDir();
    const r = settle(['frobnicate', '--out', 'results'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command "frobnicate"; allowed: .*run.*compare/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a bad lever value aimed at an existing results folder: exit 2, no stack trace, the folder left untouched', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'results'));
    writeFileSync(join(dir, 'results', 'keep.txt'), 'earlier results');
    const r = settle(['run', 'dispersion', '--set', 'dispersion.uptake=2', '--out', 'results'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('policies[0].uptake: got 2; allowed: a number from 0 to 1');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(['results']);
    expect([...folderFiles(join(dir, 'results')).keys()]).toEqual(['keep.txt']);
    expect(readFileSync(join(dir, 'results', 'keep.txt'), 'utf8')).toBe('earlier results');
  });
});

describe('settle run and compare write a results folder (built CLI, not a terminal)', () => {
  const dir = tempDir('settle-run-');
  let run: SettleResult;
  let compare: SettleResult;

  beforeAll(async () => {
    writeFileSync(
      join(dir, 'mine.json'),
      JSON.stringify({ name: 'mine', policies: [{ type: 'dispersion' }] }),
    );
    [run, compare] = await Promise.all([
      settleAsync(
        [
          'run',
          'mine.json',
          ...FAST,
          '--set',
          'dispersion.termYears=6',
          '--set',
          'params.utilEquity=1.5',
          '--out',
          'run',
        ],
        dir,
      ),
      settleAsync(['compare', 'baseline', 'engagement', ...FAST, '--out', 'compare'], dir),
    ]);
  });

  it('run of a scenario file with --set levers: exit 0, the tables and manifest are written, the levers are in the manifest', () => {
    expect(run.status, run.stderr).toBe(0);
    const files = [...folderFiles(join(dir, 'run')).keys()];
    expect(files).toEqual(
      expect.arrayContaining(['summary.json', 'retention.csv', 'places.csv', 'manifest.json']),
    );
    const manifest = JSON.parse(readFileSync(join(dir, 'run', 'manifest.json'), 'utf8'));
    expect(manifest.scenarios[0].name).toBe('mine');
    expect(manifest.scenarios[0].policies[0].termYears).toBe(6);
    expect(manifest.scenarios[0].params.utilEquity).toBe(1.5);
  });

  it('progress is quiet when not a terminal: no progress bar on stdout or stderr, and stderr is empty', () => {
    for (const r of [run, compare]) {
      expect(r.stderr).toBe('');
      expect(r.stdout).not.toMatch(PROGRESS);
    }
    expect(run.stdout).toContain('Wrote');
  });

  it('the tables are tidy CSV with a header and no NaN; retention rows add up (arrived = stayed + moved + left)', () => {
    const retention = readFileSync(join(dir, 'run', 'retention.csv'), 'utf8')
      .trim()
      .split('\n');
    const header = retention[0].split(',');
    expect(header).toEqual(
      expect.arrayContaining(['scenario', 'replication', 'seed', 'area', 'yearsSinceArrival', 'retention']),
    );
    const col = (name: string) => header.indexOf(name);
    for (const line of retention.slice(1)) {
      const cells =
        line.split(',').length === header.length ? line.split(',') : line.match(/("[^"]*"|[^,]+)/g)!;
      expect(cells).toHaveLength(header.length);
      const [arrived, stayed, moved, left] = ['arrived', 'stayed', 'moved', 'left'].map((c) =>
        Number(cells[col(c)]),
      );
      expect(Math.abs(arrived - (stayed + moved + left))).toBeLessThanOrEqual(1e-6 * arrived);
    }
    for (const file of ['retention.csv', 'places.csv', 'measures.csv'])
      expect(readFileSync(join(dir, 'run', file), 'utf8')).not.toMatch(/(^|,)(NA|NaN)(,|$)/m);
  });

  it('compare writes both scenarios, paired against the first', () => {
    expect(compare.status, compare.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'compare', 'summary.json'), 'utf8'));
    expect(summary.scenarios.map((s: { name: string }) => s.name)).toEqual(['baseline', 'engagement']);
    expect(summary.reference).toBe('baseline');
    expect(summary.paired.length).toBeGreaterThan(0);
    expect(summary.paired.every((p: { scenario: string }) => p.scenario === 'engagement')).toBe(true);
    const row = summary.summary.find(
      (s: { area: string; measure: string }) => s.area === 'Ontario' && s.measure === 'retention1',
    );
    expect(row.lo).toBeLessThanOrEqual(row.median);
    expect(row.median).toBeLessThanOrEqual(row.hi);
  });
});
