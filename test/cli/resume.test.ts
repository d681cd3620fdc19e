import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResultsStore } from '@smart-settlement/runner';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, settle, tempDir } from '../helpers/cli.js';

// 60 LHS points x 2 paired replications of a short, coarse dispersion scenario: long enough
// to be stopped part way, short enough for CI.
const EXPERIMENT = {
  name: 'resume-check',
  scenario: 'dispersion',
  set: ['years=6', 'agentScale=400'],
  parameters: [
    { path: 'dispersion.reach', name: 'reach', min: 0.02, max: 0.3 },
    { path: 'dispersion.termYears', name: 'termYears', min: 1, max: 6, integer: true },
  ],
  design: { type: 'lhs', samples: 60 },
  replications: 2,
  outputs: [{ measure: 'retention5' }, { measure: 'retention5', area: 'Incentive takers' }],
};
const TOTAL = 120;

const work = tempDir('settle-experiments-');
const experimentFile = join(work, 'experiment.json');
const reference = join(work, 'reference');

/** Every measure row of a folder's store, in a fixed order, and its run counts. */
async function storeContents(dir: string) {
  const store = await ResultsStore.openExisting(join(dir, 'results.duckdb'));
  try {
    return {
      counts: await store.counts(),
      measures: await store.query(
        'SELECT run_id, area, measure, value FROM measures ORDER BY run_id, area, measure',
      ),
      duplicates: await store.query(
        'SELECT run_id, area, measure FROM measures GROUP BY run_id, area, measure HAVING count(*) > 1',
      ),
    };
  } finally {
    store.close();
  }
}

/** Starts `settle sweep` in a child process and resolves once it has saved some runs but not all. */
function startSweep(out: string): {
  child: ChildProcess;
  saved: Promise<number>;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, [BIN, 'sweep', experimentFile, '--out', out, '--workers', '1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const saved = new Promise<number>((resolve, reject) => {
    const poll = setInterval(() => {
      const file = join(out, 'progress.json');
      if (existsSync(file)) {
        const { done } = JSON.parse(readFileSync(file, 'utf8')) as { done: number };
        if (done > 0) {
          clearInterval(poll);
          resolve(done);
        }
      }
    }, 5);
    exited.then(() => {
      clearInterval(poll);
      reject(new Error(`the sweep ended before it could be stopped: ${stderr}`));
    });
  });
  return { child, saved, exited };
}

// One uninterrupted sweep on two workers: the reference of every test below.
beforeAll(() => {
  writeFileSync(experimentFile, JSON.stringify(EXPERIMENT));
  const r = settle(['sweep', experimentFile, '--out', reference, '--workers', '2']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

describe('settle sweep, stopped and run again', () => {
  it('killed with kill -9 part way, the same command continues and ends with every run once and the same numbers', async () => {
    const out = join(work, 'killed');
    const { child, saved, exited } = startSweep(out);
    const savedBeforeKill = await saved;
    child.kill('SIGKILL');
    expect(await exited).toBeNull(); // killed, not finished
    expect(savedBeforeKill).toBeLessThan(TOTAL);

    const partial = await storeContents(out);
    expect(partial.counts.done).toBeGreaterThanOrEqual(savedBeforeKill);
    expect(partial.counts.done).toBeLessThan(TOTAL);
    expect(partial.counts.total).toBe(TOTAL);

    const rerun = settle(['sweep', experimentFile, '--out', out, '--workers', '2']);
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toContain(
      `${TOTAL - partial.counts.done} run now, ${partial.counts.done} already done`,
    );

    const resumed = await storeContents(out);
    const whole = await storeContents(reference);
    expect(resumed.counts).toEqual({ total: TOTAL, done: TOTAL, failed: 0, pending: 0 });
    expect(resumed.duplicates).toEqual([]);
    expect(resumed.measures.length).toBe(whole.measures.length);
    expect(resumed.measures).toEqual(whole.measures);
    expect(readFileSync(join(out, 'points.csv'), 'utf8')).toBe(
      readFileSync(join(reference, 'points.csv'), 'utf8'),
    );
  });

  it('stopped with Ctrl-C, it saves the runs in flight, says how to continue, exits 130, and the rerun completes', async () => {
    const out = join(work, 'interrupted');
    const { child, saved, exited } = startSweep(out);
    await saved;
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const partial = await storeContents(out);
    expect(partial.counts.done).toBeLessThan(TOTAL);
    const rerun = settle(['sweep', experimentFile, '--out', out, '--workers', '1']);
    expect(rerun.status).toBe(0);
    expect((await storeContents(out)).measures).toEqual((await storeContents(reference)).measures);
  });

  it('refuses (exit 2, nothing written) a bad experiment and a folder that holds another experiment', () => {
    const bad = join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...EXPERIMENT, design: { type: 'lhs', samples: 0 } }));
    const out = join(work, 'never');
    const r = settle(['sweep', bad, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('design.samples: got 0; allowed: an integer from 1');
    expect(existsSync(out)).toBe(false);

    const other = join(work, 'other.json');
    writeFileSync(other, JSON.stringify({ ...EXPERIMENT, seed: 2 }));
    const mismatch = settle(['sweep', other, '--out', reference]);
    expect(mismatch.status).toBe(2);
    expect(mismatch.stderr).toContain('holds the results of another experiment');
  });
});

describe('settle export', () => {
  it('writes Parquet and CSV tables that DuckDB reads back with one row per run and per measure', async () => {
    for (const format of ['parquet', 'csv']) {
      const r = settle(['export', reference, '--format', format]);
      expect(r.status).toBe(0);
      const dir = join(reference, `export-${format}`);
      for (const table of ['runs', 'measures', 'outputs'])
        expect(existsSync(join(dir, `${table}.${format}`))).toBe(true);
    }
    const store = await ResultsStore.openExisting(join(reference, 'results.duckdb'));
    try {
      const read = (file: string) =>
        store.query(`SELECT count(*) AS n FROM '${join(reference, file)}'`).then((rows) => rows[0].n);
      expect(await read('export-parquet/runs.parquet')).toBe(TOTAL);
      expect(await read('export-csv/runs.csv')).toBe(TOTAL);
      expect(await read('export-parquet/outputs.parquet')).toBe(TOTAL);
      const [{ n }] = await store.query('SELECT count(*) AS n FROM measures');
      expect(await read('export-parquet/measures.parquet')).toBe(n);
      const header = readFileSync(join(reference, 'export-csv/outputs.csv'), 'utf8').split('\n')[0];
      expect(header).toBe(
        'id,stage,point,replication,seed,reach,termYears,retention5,retention5@Incentive takers',
      );
    } finally {
      store.close();
    }
  });

  it('refuses an unknown format and a folder without a store (exit 2)', () => {
    expect(settle(['export', reference, '--format', 'xlsx']).status).toBe(2);
    expect(settle(['export', work, '--format', 'csv']).status).toBe(2);
  });
});
