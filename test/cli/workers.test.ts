// Runs the built `settle` command (packages/cli/dist/bin.js): run `npm run build` first. The
// runs are spawned without blocking (settleAsync): a synchronous minute-long run would stall
// the test worker's messages to vitest, which then reports a timeout.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { settleAsync } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'settle-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every file of a results folder (charts/ and the like included), by relative path. */
function folder(path: string): Map<string, string> {
  const files = readdirSync(path, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    files
      .map((e) => join(e.parentPath, e.name))
      .sort()
      .map((f) => [f.slice(path.length + 1), readFileSync(f, 'utf8')]),
  );
}

async function compare(workers: number): Promise<Map<string, string>> {
  const out = join(dir, `w${workers}`);
  const r = await settleAsync([
    'compare',
    'baseline',
    'dispersion',
    'engagement',
    ...['--years', '8', '--set', 'agentScale=300', '--replications', '3', '--seed', '5'],
    ...['--workers', String(workers), '--quiet', '--out', out],
  ]);
  expect(r.status, r.stderr).toBe(0);
  return folder(out);
}

describe('settle compare --workers', () => {
  it('writes byte-identical folders with 1, 2 and 3 worker threads and in this process (--workers 0)', async () => {
    const inProcess = await compare(0);
    for (const table of ['manifest.json', 'measures.csv', 'places.csv', 'retention.csv', 'summary.json'])
      expect(inProcess.has(table)).toBe(true);
    // 3 scenarios x 3 replications: every run's rows are there, replication-major as in the manifest.
    const places = inProcess.get('places.csv')!.trimEnd().split('\n').slice(1);
    const runs = [...new Set(places.map((line) => line.split(',').slice(0, 2).join(',')))];
    expect(runs).toEqual([
      'baseline,0',
      'dispersion,0',
      'engagement,0',
      'baseline,1',
      'dispersion,1',
      'engagement,1',
      'baseline,2',
      'dispersion,2',
      'engagement,2',
    ]);
    for (const workers of [1, 2, 3]) expect(await compare(workers)).toEqual(inProcess);
    // Four whole runs of the built command, one after another: on a loaded 2-core machine they
    // took over a minute, so this test gets its own time limit (the check itself is unchanged).
  }, 240_000);

  it('refuses a negative --workers with exit status 2 and writes nothing', async () => {
    const out = join(dir, 'bad');
    const { status, stderr } = await settleAsync(['run', 'baseline', '--workers', '-1', '--out', out]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--workers/);
    expect(readdirSync(dir)).not.toContain('bad');
  });
});
