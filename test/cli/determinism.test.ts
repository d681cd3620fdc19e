import { readdirSync, readFileSync } from 'node:fs';
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

describe('settle run is reproducible byte for byte (built CLI)', () => {
  const dir = tempDir('settle-determinism-');
  const out = (name: string) => join(dir, name);
  const results: Record<string, SettleResult> = {};
  const args = ['run', 'hybrid', ...FAST, '--quiet'];

  beforeAll(async () => {
    const [first, again, otherSeed] = await Promise.all([
      settleAsync([...args, '--seed', '5', '--out', out('first')], dir),
      settleAsync([...args, '--seed', '5', '--out', out('again')], dir),
      settleAsync([...args, '--seed', '6', '--out', out('other-seed')], dir),
    ]);
    Object.assign(results, { first, again, otherSeed });
    results.fromManifest = await settleAsync(
      ['run', '--from', join(out('first'), 'manifest.json'), '--out', out('from-manifest'), '--quiet'],
      dir,
    );
  });

  it('every run succeeds', () => {
    for (const [name, r] of Object.entries(results)) expect(r.status, `${name}: ${r.stderr}`).toBe(0);
  });

  it('the same scenario and seed give byte-identical results folders, every file compared', () => {
    expect(folderFiles(out('first')).size).toBeGreaterThanOrEqual(5);
    expect(differences(out('first'), out('again'))).toEqual([]);
  });

  it('another seed gives different tables', () => {
    const diff = differences(out('first'), out('other-seed'));
    expect(diff).toContain('retention.csv');
    expect(diff).toContain('places.csv');
  });

  it('settle run --from DIR/manifest.json --out DIR2 reproduces the folder byte for byte', () => {
    expect(differences(out('first'), out('from-manifest'))).toEqual([]);
  });

  it('no temporary folder is left behind', () => {
    expect(readdirSync(dir).sort()).toEqual(['again', 'first', 'from-manifest', 'other-seed']);
  });

  it('the manifest records the seed, replications and the fully resolved scenario', () => {
    const manifest = JSON.parse(readFileSync(join(out('first'), 'manifest.json'), 'utf8'));
    expect(manifest.seed).toBe(5);
    expect(manifest.replications).toBe(2);
    expect(manifest.scenarios).toHaveLength(1);
    const scenario = manifest.scenarios[0];
    expect(scenario.years).toBe(3);
    expect(scenario.agentScale).toBe(500);
    expect(Object.keys(scenario.places).length).toBeGreaterThan(20);
    expect(typeof scenario.params.utilEquity).toBe('number');
    expect(scenario.policies[0].engagement.budgetPerPilot).toEqual(expect.any(Number));
  });
});
