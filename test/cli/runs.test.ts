import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAST, folderFiles, type SettleResult, settleAsync, tempDir } from '../helpers/cli.js';

/** Paths whose bytes differ between two folders (files in only one of them count too). */
function differences(a: string, b: string): string[] {
  const fa = folderFiles(a);
  const fb = folderFiles(b);
  const names = new Set([...fa.keys(), ...fb.keys()]);
  return [...names].filter((n) => !fa.has(n) || !fb.has(n) || !fa.get(n)!.equals(fb.get(n)!)).sort();
}

/** A terminal progress bar as progress.ts draws it: carriage return, label, [###...]. */
const PROGRESS = /\r|\[[#.]{5,}\]/;

// Every run of this file starts at once in beforeAll; the manifest replay follows the first.
describe('settle run and compare write reproducible results folders (built CLI, spawned, not a terminal)', () => {
  const dir = tempDir('settle-runs-');
  const out = (name: string) => join(dir, name);
  const r: Record<string, SettleResult> = {};
  const compare = ['compare', 'baseline', 'hybrid', ...FAST];

  beforeAll(async () => {
    writeFileSync(
      join(dir, 'mine.json'),
      JSON.stringify({ name: 'mine', policies: [{ type: 'dispersion' }] }),
    );
    const started = {
      first: settleAsync([...compare, '--seed', '5', '--quiet', '--out', out('first')], dir),
      again: settleAsync([...compare, '--seed', '5', '--quiet', '--out', out('again')], dir),
      otherSeed: settleAsync([...compare, '--seed', '6', '--out', out('other-seed')], dir),
      levers: settleAsync(
        [
          'run',
          'mine.json',
          ...FAST,
          '--set',
          'dispersion.termYears=6',
          '--set',
          'params.utilEquity=1.5',
          '--out',
          out('levers'),
        ],
        dir,
      ),
      empty: settleAsync(
        [
          'run',
          'baseline',
          '--years',
          '2',
          '--replications',
          '1',
          '--set',
          'intake.perYear=0',
          '--quiet',
          '--out',
          out('empty'),
        ],
        dir,
      ),
    };
    r.first = await started.first;
    r.fromManifest = await settleAsync(
      ['run', '--from', join(out('first'), 'manifest.json'), '--out', out('from-manifest'), '--quiet'],
      dir,
    );
    Object.assign(r, {
      again: await started.again,
      otherSeed: await started.otherSeed,
      levers: await started.levers,
    });
  });

  it('every run exits 0', () => {
    for (const [name, result] of Object.entries(r))
      expect(result.status, `${name}: ${result.stderr}`).toBe(0);
  });

  it('the same scenarios and seed give byte-identical results folders, every file compared', () => {
    expect(folderFiles(out('first')).size).toBeGreaterThanOrEqual(5);
    const diff = differences(out('first'), out('again'));
    expect(diff, `files that differ: ${diff.join(', ')} (folders kept in ${dir})`).toEqual([]);
  });

  it('another seed gives different tables', () => {
    const diff = differences(out('first'), out('other-seed'));
    expect(diff).toContain('retention.csv');
    expect(diff).toContain('places.csv');
  });

  it('settle run --from DIR/manifest.json --out DIR2 reproduces the folder byte for byte', () => {
    const diff = differences(out('first'), out('from-manifest'));
    expect(diff, `files that differ: ${diff.join(', ')} (folders kept in ${dir})`).toEqual([]);
  });

  it('no temporary folder is left behind', () => {
    expect(readdirSync(dir).sort()).toEqual([
      'again',
      'empty',
      'first',
      'from-manifest',
      'levers',
      'mine.json',
      'other-seed',
    ]);
  });

  it('the manifest records the seed, replications and every scenario fully resolved', () => {
    const manifest = JSON.parse(readFileSync(join(out('first'), 'manifest.json'), 'utf8'));
    expect(manifest.seed).toBe(5);
    expect(manifest.replications).toBe(2);
    expect(manifest.scenarios.map((s: { name: string }) => s.name)).toEqual(['baseline', 'hybrid']);
    const hybrid = manifest.scenarios[1];
    expect(hybrid.years).toBe(3);
    expect(hybrid.agentScale).toBe(500);
    expect(Object.keys(hybrid.places).length).toBeGreaterThan(20);
    expect(typeof hybrid.params.utilEquity).toBe('number');
    expect(hybrid.policies[0].engagement.budgetPerPilot).toEqual(expect.any(Number));
  });

  it('run of a scenario file with --set levers: the levers are in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(out('levers'), 'manifest.json'), 'utf8'));
    expect(manifest.scenarios[0].name).toBe('mine');
    expect(manifest.scenarios[0].policies[0].termYears).toBe(6);
    expect(manifest.scenarios[0].params.utilEquity).toBe(1.5);
  });

  it('progress is quiet when not a terminal: no progress bar on stdout or stderr, and stderr is empty', () => {
    for (const result of [r.otherSeed, r.levers]) {
      expect(result.stderr).toBe('');
      expect(result.stdout).not.toMatch(PROGRESS);
      expect(result.stdout).toContain('Wrote');
    }
  });

  it('the tables are tidy CSV with a header and no NaN; retention rows add up (arrived = stayed + moved + left)', () => {
    const retention = readFileSync(join(out('levers'), 'retention.csv'), 'utf8')
      .trim()
      .split('\n');
    const header = retention[0].split(',');
    expect(header).toEqual(
      expect.arrayContaining(['scenario', 'replication', 'seed', 'area', 'yearsSinceArrival', 'retention']),
    );
    expect(retention.length).toBeGreaterThan(10);
    const col = (name: string) => header.indexOf(name);
    for (const line of retention.slice(1)) {
      const cells = line.split(',');
      expect(cells).toHaveLength(header.length);
      const [arrived, stayed, moved, left] = ['arrived', 'stayed', 'moved', 'left'].map((c) =>
        Number(cells[col(c)]),
      );
      expect(Math.abs(arrived - (stayed + moved + left))).toBeLessThanOrEqual(1e-6 * arrived);
    }
    for (const file of ['retention.csv', 'places.csv', 'measures.csv'])
      expect(readFileSync(join(out('levers'), file), 'utf8')).not.toMatch(/(^|,)(NA|NaN)(,|$)/m);
  });

  it('compare writes both scenarios to summary.json, paired against the first, with ordered 90% intervals', () => {
    const summary = JSON.parse(readFileSync(join(out('first'), 'summary.json'), 'utf8'));
    expect(summary.scenarios.map((s: { name: string }) => s.name)).toEqual(['baseline', 'hybrid']);
    expect(summary.reference).toBe('baseline');
    expect(summary.paired.length).toBeGreaterThan(0);
    expect(summary.paired.every((p: { scenario: string }) => p.scenario === 'hybrid')).toBe(true);
    for (const row of summary.summary) {
      expect(row.lo).toBeLessThanOrEqual(row.median);
      expect(row.median).toBeLessThanOrEqual(row.hi);
    }
  });

  it('a scenario with no arrivals gives valid, empty tables: retention.csv is its header only, no NaN or null anywhere', () => {
    const text = (file: string) => readFileSync(join(out('empty'), file), 'utf8');
    expect(text('retention.csv').trim().split('\n')).toHaveLength(1);
    expect(text('retention.csv')).toMatch(/^scenario,replication,seed,area,yearsSinceArrival/);
    expect(text('places.csv').trim().split('\n').length).toBeGreaterThan(1);
    for (const file of ['places.csv', 'measures.csv']) expect(text(file)).not.toMatch(/(^|,)(NA|NaN)(,|$)/m);
    const summary = JSON.parse(text('summary.json'));
    expect(JSON.stringify(summary)).not.toContain('null');
    expect(summary.summary.some((row: { measure: string }) => row.measure.startsWith('retention'))).toBe(
      false,
    );
  });
});
