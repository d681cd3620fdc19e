import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coordinateSweep, startWorker } from '../../packages/cluster/src/index.js';
import { executeRun } from '../../packages/runner/src/index.js';
import { MemoryStore, tinyExperiment } from './fake-experiment.js';
import { redisAvailable, startRedis, type TestRedis } from './redis-server.js';

// The coordinator and workers in this process, on a real redis-server. (The test with worker
// processes killed by kill -9 is processes.test.ts.)
describe.runIf(redisAvailable())('a sweep on the fleet (coordinator and workers in process)', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('records every pending run exactly once, each equal to the same run done locally', async () => {
    const experiment = tinyExperiment(12);
    const store = new MemoryStore(12);
    const workers = await Promise.all([
      startWorker({ redis: redis.url, concurrency: 1 }),
      startWorker({ redis: redis.url, concurrency: 1 }),
    ]);
    try {
      const outcome = await coordinateSweep({ redis: redis.url, experiment, store, window: 5 });
      expect(outcome).toMatchObject({ total: 12, recorded: 12, failed: [], stopped: false });
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
    expect([...store.calls.keys()].sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
    expect([...store.calls.values()].every((n) => n === 1)).toBe(true);
    for (const [run, output] of store.results)
      expect(isDeepStrictEqual(output, executeRun(experiment.runSpec(run))), `run ${run}`).toBe(true);
  });
});
