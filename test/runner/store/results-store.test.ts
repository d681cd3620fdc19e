import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ResultsStore,
  type RunExecutor,
  type RunOutput,
  runPending,
  StoreMismatchError,
} from '@smart-settlement/runner';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const tempStore = () => join(mkdtempSync(join(tmpdir(), 'settle-store-')), 'results.duckdb');

/** A fake run output with `k` measure rows whose values encode the run id. */
function fakeOutput(id: number, k = 3): RunOutput {
  return {
    scenario: 's',
    replication: 0,
    seed: 1,
    retention: [],
    offers: { reached: 0, accepted: 0 },
    flows: [],
    cohorts: [],
    areas: [],
    places: [],
    finalAgents: 0,
    measures: Array.from({ length: k }, (_, j) => ({
      scenario: 's',
      replication: 0,
      seed: 1,
      area: `area${j}`,
      measure: 'retention5' as const,
      value: id + j / 10,
    })),
  };
}

const records = (n: number) =>
  Array.from({ length: n }, (_, id) => ({ id, point: id, replication: 0, seed: 1, parameters: [id / n] }));

describe('the results store', () => {
  it('registers runs once, however often registration is repeated, all pending at first', async () => {
    const store = await ResultsStore.open(tempStore(), { fingerprint: 'f', parameterNames: ['x'] });
    try {
      expect(await store.registerRuns(records(5))).toBe(5);
      expect(await store.registerRuns(records(7))).toBe(2);
      expect(await store.counts()).toEqual({ total: 7, done: 0, failed: 0, pending: 7 });
      expect(await store.pendingRunIds()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    } finally {
      store.close();
    }
  });

  it('recordRun writes a run once even when called twice, and the run leaves the pending list', async () => {
    const store = await ResultsStore.open(tempStore(), { fingerprint: 'f', parameterNames: ['x'] });
    try {
      await store.registerRuns(records(3));
      expect(await store.recordRun(1, fakeOutput(1))).toBe(true);
      expect(await store.recordRun(1, fakeOutput(1))).toBe(false);
      const rows = await store.query('SELECT count(*) AS n FROM measures WHERE run_id = 1');
      expect(rows[0].n).toBe(3);
      expect(await store.pendingRunIds()).toEqual([0, 2]);
    } finally {
      store.close();
    }
  });

  it('any sequence of recordings, with repeats and repeats within a batch, counts each run exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 6 }), { maxLength: 6 }),
        async (batches) => {
          const store = await ResultsStore.open(tempStore(), { fingerprint: 'f', parameterNames: ['x'] });
          try {
            await store.registerRuns(records(10));
            for (const batch of batches)
              await store.recordRuns(batch.map((id) => ({ id, output: fakeOutput(id) })));
            const distinct = new Set(batches.flat());
            expect((await store.counts()).done).toBe(distinct.size);
            const rows = await store.query('SELECT run_id, count(*) AS n FROM measures GROUP BY run_id');
            expect(rows).toHaveLength(distinct.size);
            expect(rows.every((r) => r.n === 3)).toBe(true);
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('a failed run is marked with its error and stays pending for a rerun', async () => {
    const store = await ResultsStore.open(tempStore(), { fingerprint: 'f', parameterNames: ['x'] });
    try {
      await store.registerRuns(records(2));
      await store.recordFailure(0, 'boom');
      expect(await store.counts()).toEqual({ total: 2, done: 0, failed: 1, pending: 2 });
      expect(await store.pendingRunIds()).toEqual([0, 1]);
      await store.recordRun(0, fakeOutput(0));
      const [row] = await store.query('SELECT status, error FROM runs WHERE id = 0');
      expect(row).toEqual({ status: 'done', error: null });
    } finally {
      store.close();
    }
  });

  it('refuses to open a store made for another experiment', async () => {
    const path = tempStore();
    (await ResultsStore.open(path, { fingerprint: 'one', parameterNames: ['x'] })).close();
    await expect(
      ResultsStore.open(path, { fingerprint: 'two', parameterNames: ['x'] }),
    ).rejects.toBeInstanceOf(StoreMismatchError);
  });

  it('keeps non-finite values as NULL (missing for R, pandas and DuckDB)', async () => {
    const store = await ResultsStore.open(tempStore(), { fingerprint: 'f', parameterNames: ['x'] });
    try {
      await store.registerRuns(records(1));
      const output = fakeOutput(0, 1);
      output.measures[0].value = Number.NaN;
      await store.recordRun(0, output);
      const [row] = await store.query('SELECT value FROM measures');
      expect(row.value).toBeNull();
    } finally {
      store.close();
    }
  });

  it('a long sweep holds at most a batch of results and the runs in flight, never the whole sweep', async () => {
    const store = await ResultsStore.open(tempStore(), { fingerprint: 'f', parameterNames: ['x'] });
    try {
      const n = 2000;
      await store.registerRuns(records(n));
      let produced = 0;
      let recorded = 0;
      let mostHeld = 0;
      const record = store.recordRuns.bind(store);
      store.recordRuns = async (batch) => {
        const count = await record(batch);
        recorded += count;
        return count;
      };
      const executor: RunExecutor = {
        workers: 4,
        run: async (spec) => {
          mostHeld = Math.max(mostHeld, produced - recorded);
          produced += 1;
          return fakeOutput(spec.replication);
        },
      };
      const ids = Array.from({ length: n }, (_, id) => id);
      const summary = await runPending(
        ids,
        (id) => ({ scenario: { name: 's' }, seed: 1, replication: id }),
        store,
        executor,
        { total: n, alreadyDone: 0, flushRuns: 50 },
      );
      expect(summary.recorded).toBe(n);
      expect((await store.counts()).done).toBe(n);
      // A batch waiting to be written, one being written, and the runs in flight.
      expect(mostHeld).toBeLessThanOrEqual(2 * 50 + 2 * executor.workers);
    } finally {
      store.close();
    }
  });
});
