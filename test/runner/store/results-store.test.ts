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

/** A run record whose parameters encode its id. */
const record = (id: number) => ({ id, point: id, replication: 0, seed: 1, parameters: [id / 7, -id] });

// A sweep registers its runs and reads the pending ones back a chunk at a time, so that a
// design of millions of points is never a list in memory: registration must still keep each
// id once, and the chunks must give every run not done, in order, with its parameters.
describe('the store registers and gives back runs a chunk at a time', () => {
  it('registration in any order, with repeats within and across calls, keeps each id once (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.nat(60), { maxLength: 40 }), { minLength: 1, maxLength: 5 }),
        async (calls) => {
          const store = await ResultsStore.open(tempStore(), {
            fingerprint: 'f',
            parameterNames: ['x', 'y'],
          });
          try {
            const seen = new Set<number>();
            for (const ids of calls) {
              const fresh = new Set(ids.filter((id) => !seen.has(id)));
              expect(await store.registerRuns(ids.map(record))).toBe(fresh.size);
              for (const id of ids) seen.add(id);
            }
            const rows = await store.query('SELECT id, x, y FROM runs ORDER BY id');
            expect(rows).toEqual([...seen].sort((a, b) => a - b).map((id) => ({ id, x: id / 7, y: -id })));
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('registering 10,000 runs again, and with 5,000 new ones among them, adds only the new ones', async () => {
    const store = await ResultsStore.open(tempStore(), { fingerprint: 'f', parameterNames: ['x', 'y'] });
    try {
      const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => record(from + k));
      expect(await store.registerRuns(ids(0, 10_000))).toBe(10_000);
      expect(await store.registerRuns(ids(0, 10_000))).toBe(0);
      expect(await store.registerRuns([...ids(12_000, 15_000), ...ids(5_000, 12_000)])).toBe(5_000);
      expect(await store.counts()).toMatchObject({ total: 15_000, pending: 15_000 });
    } finally {
      store.close();
    }
  });

  it('pendingRuns gives the runs not done with their parameters, in id order, a chunk at a time, while results are recorded', async () => {
    const store = await ResultsStore.open(tempStore(), { fingerprint: 'f', parameterNames: ['x', 'y'] });
    try {
      await store.registerRuns(Array.from({ length: 20 }, (_, id) => record(id)));
      await store.recordRuns([2, 3, 11].map((id) => ({ id, output: fakeOutput(id) })));
      await store.recordFailure(5, 'boom');
      const given: number[] = [];
      for await (const chunk of store.pendingRuns(undefined, 3)) {
        expect(chunk.length).toBeLessThanOrEqual(3);
        for (const run of chunk) {
          expect(run.parameters).toEqual([run.id / 7, -run.id]);
          given.push(run.id);
        }
        // Recorded meanwhile (as a sweep does): a run not yet given is then not given.
        if (given.length === 3) await store.recordRuns([{ id: 15, output: fakeOutput(15) }]);
      }
      expect(given).toEqual([0, 1, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 16, 17, 18, 19]);
    } finally {
      store.close();
    }
  });
});
