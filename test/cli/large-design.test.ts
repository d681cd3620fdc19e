import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResultsStore } from '@smart-settlement/runner';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers/cli.js';

// A design of millions of points is streamed into the store, never built whole: a sweep of a
// 2,000,000-point Latin hypercube starts under a JavaScript heap far smaller than the design
// would take (about 300 MB as arrays of numbers), stores its first results, and stops cleanly.
const SAMPLES = 2_000_000;
const HEAP_MB = 64;

const EXPERIMENT = {
  name: 'large-lhs',
  scenario: 'dispersion',
  set: ['years=6', 'agentScale=400'],
  parameters: [
    { path: 'dispersion.reach', name: 'reach', min: 0.02, max: 0.3 },
    { path: 'dispersion.termYears', name: 'termYears', min: 1, max: 6, integer: true },
  ],
  design: { type: 'lhs', samples: SAMPLES },
  replications: 1,
  outputs: [{ measure: 'retention5' }],
};

describe('settle sweep of a design of millions of points', () => {
  it(`a Latin hypercube of ${SAMPLES.toLocaleString('en-US')} points under a ${HEAP_MB} MB heap: every run registered, first results stored with progress, Ctrl-C stops it (exit 130)`, async () => {
    const work = tempDir('settle-large-');
    const file = join(work, 'experiment.json');
    const out = join(work, 'out');
    writeFileSync(file, JSON.stringify(EXPERIMENT));
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, BIN, 'sweep', file, '--out', out, '--workers', '1'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const progress = await new Promise<{ done: number; total: number }>((resolve, reject) => {
      const poll = setInterval(() => {
        const path = join(out, 'progress.json');
        if (!existsSync(path)) return;
        const read = JSON.parse(readFileSync(path, 'utf8')) as { done: number; total: number };
        if (read.done > 0) {
          clearInterval(poll);
          resolve(read);
        }
      }, 20);
      exited.then((code) => {
        clearInterval(poll);
        reject(new Error(`the sweep ended (exit ${code}) before storing a result: ${stderr}`));
      });
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(progress.total).toBe(SAMPLES);
    expect(stderr).not.toMatch(/heap out of memory|allocation failed/i);
    expect(stderr).toContain(`of ${SAMPLES} runs saved`);

    const store = await ResultsStore.openExisting(join(out, 'results.duckdb'));
    try {
      const counts = await store.counts();
      expect(counts.total).toBe(SAMPLES);
      expect(counts.done).toBeGreaterThanOrEqual(progress.done);
      // Every point of the hypercube is registered once, with its parameters inside their ranges.
      const [points] = await store.query(
        'SELECT count(DISTINCT point) AS n, min(point) AS first, max(point) AS last, min(reach) >= 0.02 AND max(reach) <= 0.3 AS inside FROM runs',
      );
      expect(points).toEqual({ n: SAMPLES, first: 0, last: SAMPLES - 1, inside: true });
    } finally {
      store.close();
    }
  }, 300_000);
});
