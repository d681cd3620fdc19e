import { isDeepStrictEqual } from 'node:util';
import { connectRedis, coordinateSweep, fleetStatus, startWorker } from '@smart-settlement/cluster';
import { executeRun } from '@smart-settlement/runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore, SECRET, tinyExperiment } from '../helpers/fake-experiment.js';
import { redisAvailable, startRedis, type TestRedis } from '../helpers/redis-server.js';
import { waitFor } from '../helpers/wait-for.js';

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
      startWorker({ redis: redis.url, secret: SECRET, concurrency: 1 }),
      startWorker({ redis: redis.url, secret: SECRET, concurrency: 1 }),
    ]);
    try {
      const outcome = await coordinateSweep({
        redis: redis.url,
        secret: SECRET,
        experiment,
        store,
        window: 5,
      });
      expect(outcome).toMatchObject({ total: 12, recorded: 12, failed: [], stopped: false });
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
    expect([...store.calls.keys()].sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
    expect([...store.calls.values()].every((n) => n === 1)).toBe(true);
    for (const [run, output] of store.results)
      expect(isDeepStrictEqual(output, executeRun(experiment.runSpec(run))), `run ${run}`).toBe(true);
  });

  it('a stopped coordinator, started again, records only what is missing and nothing twice', async () => {
    const experiment = tinyExperiment(16);
    const store = new MemoryStore(16);
    const worker = await startWorker({ redis: redis.url, secret: SECRET, concurrency: 2 });
    try {
      const stop = new AbortController();
      // At most 4 runs on the queue at once, so the first session cannot see all 16 finish.
      const first = await coordinateSweep({
        redis: redis.url,
        secret: SECRET,
        experiment,
        store,
        window: 4,
        signal: stop.signal,
        onProgress: (p) => p.recorded >= 2 && stop.abort(),
      });
      expect(first.stopped).toBe(true);
      expect(store.results.size).toBeGreaterThanOrEqual(2);
      expect(store.results.size).toBeLessThan(16);
      // The queue kept its jobs: the worker went on while no coordinator was there.
      const second = await coordinateSweep({
        redis: redis.url,
        secret: SECRET,
        experiment,
        store,
        window: 4,
      });
      expect(second.stopped).toBe(false);
      expect(second.total).toBe(16 - first.recorded);
      expect(second.recorded).toBe(second.total);
    } finally {
      await worker.close();
    }
    expect(store.results.size).toBe(16);
    expect([...store.calls.values()].every((n) => n === 1)).toBe(true);
  });

  it('a result that arrives after its run was recorded (coordinator died before removing the job) is not written again', async () => {
    const experiment = tinyExperiment(6);
    const store = new MemoryStore(6);
    // The first session dies right after recording run 2, before removing its job.
    const crashing = new MemoryStore(6);
    crashing.record = function (results) {
      MemoryStore.prototype.record.call(this, results);
      if (results.some((r) => r.run === 2)) throw new Error('coordinator crashed');
    };
    const worker = await startWorker({ redis: redis.url, secret: SECRET, concurrency: 2 });
    try {
      await expect(
        coordinateSweep({ redis: redis.url, secret: SECRET, experiment, store: crashing }),
      ).rejects.toThrow('coordinator crashed');
      store.record([...crashing.results].map(([run, output]) => ({ run, output })));
      store.calls.clear();
      const outcome = await coordinateSweep({ redis: redis.url, secret: SECRET, experiment, store });
      expect(outcome.stopped).toBe(false);
    } finally {
      await worker.close();
    }
    expect(store.results.size).toBe(6);
    expect(store.calls.has(2)).toBe(false);
    expect([...store.calls.values()].every((n) => n === 1)).toBe(true);
  });

  it('runs lost with Redis memory (a restart without persistence) are put back on the queue', async () => {
    const experiment = tinyExperiment(10);
    const store = new MemoryStore(10);
    const sweep = coordinateSweep({ redis: redis.url, secret: SECRET, experiment, store, window: 10 });
    // No worker yet: once the ten jobs wait on the queue, wipe Redis, then start a worker.
    const admin = connectRedis(redis.url, 'test-admin');
    const queued = await waitFor(async () => (await fleetStatus(admin, experiment.id)).waiting === 10);
    expect(queued).toBe(true);
    await admin.flushall();
    admin.disconnect();
    const worker = await startWorker({ redis: redis.url, secret: SECRET, concurrency: 2 });
    try {
      const outcome = await sweep;
      expect(outcome).toMatchObject({ recorded: 10, stopped: false });
    } finally {
      await worker.close();
    }
    expect(store.results.size).toBe(10);
  });

  it('a worker of another engine version does not serve the experiment', async () => {
    const experiment = tinyExperiment(2);
    const store = new MemoryStore(2);
    const lines: string[] = [];
    const stranger = await startWorker({
      redis: redis.url,
      secret: SECRET,
      concurrency: 1,
      engine: '0.0.0-other',
      log: (l) => lines.push(l),
    });
    const stop = new AbortController();
    try {
      const sweep = coordinateSweep({
        redis: redis.url,
        secret: SECRET,
        experiment,
        store,
        signal: stop.signal,
      });
      // The worker says once that it will not serve the experiment; it must not join it.
      expect(await waitFor(() => lines.some((l) => l.includes('not serving')))).toBe(true);
      expect(stranger.serving()).toEqual([]);
      expect(store.results.size).toBe(0);
      expect(lines.join('\n')).toContain('0.0.0-other');
      stop.abort();
      expect((await sweep).stopped).toBe(true);
    } finally {
      await stranger.close();
    }
  });

  it('a run whose job fails is reported with its error (here its scenario fails validation: failed at once), and the others are recorded', async () => {
    const base = tinyExperiment(4);
    // Run 1's scenario is broken: every worker that tries it throws.
    const experiment = {
      ...base,
      runSpec: (run: number) => {
        const spec = base.runSpec(run);
        return run === 1 ? { ...spec, scenario: { ...spec.scenario, years: -5 } } : spec;
      },
    };
    const store = new MemoryStore(4);
    const worker = await startWorker({ redis: redis.url, secret: SECRET, concurrency: 2 });
    try {
      const outcome = await coordinateSweep({
        redis: redis.url,
        secret: SECRET,
        experiment,
        store,
        attempts: 2,
      });
      expect(outcome.stopped).toBe(false);
      expect(outcome.recorded).toBe(3);
      expect(outcome.failed.map((f) => f.run)).toEqual([1]);
      expect(outcome.failed[0].reason).toMatch(/years/);
    } finally {
      await worker.close();
    }
    expect([...store.results.keys()].sort()).toEqual([0, 2, 3]);
    expect(store.failures.map((f) => f.run)).toEqual([1]);
  });
});
