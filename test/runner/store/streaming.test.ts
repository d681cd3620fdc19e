import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultsStore, type RunOutput } from '@smart-settlement/runner';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// A sweep registers its runs and reads the pending ones back a chunk at a time, so that a
// design of millions of points is never a list in memory: registration must still keep each
// id once, and the chunks must give every run not done, in order, with its parameters.

const tempStore = () => join(mkdtempSync(join(tmpdir(), 'settle-stream-')), 'results.duckdb');

/** A run output with one measure. */
function output(value: number): RunOutput {
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
    measures: [{ scenario: 's', replication: 0, seed: 1, area: 'a', measure: 'retention5', value }],
  };
}

const record = (id: number) => ({ id, point: id, replication: 0, seed: 1, parameters: [id / 7, -id] });

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
      await store.recordRuns([2, 3, 11].map((id) => ({ id, output: output(id) })));
      await store.recordFailure(5, 'boom');
      const given: number[] = [];
      for await (const chunk of store.pendingRuns(undefined, 3)) {
        expect(chunk.length).toBeLessThanOrEqual(3);
        for (const run of chunk) {
          expect(run.parameters).toEqual([run.id / 7, -run.id]);
          given.push(run.id);
        }
        // Recorded meanwhile (as a sweep does): a run not yet given is then not given.
        if (given.length === 3) await store.recordRuns([{ id: 15, output: output(15) }]);
      }
      expect(given).toEqual([0, 1, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 16, 17, 18, 19]);
    } finally {
      store.close();
    }
  });
});
