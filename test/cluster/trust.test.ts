import { isDeepStrictEqual } from 'node:util';
import {
  authCode,
  connectRedis,
  coordinateSweep,
  encodeValue,
  engineId,
  type FleetWorker,
  QUEUE_PREFIX,
  queueName,
  REGISTRY_KEY,
  type SweepProgress,
  signJob,
  signResult,
  startWorker,
} from '@smart-settlement/cluster';
import { estimateRunResources } from '@smart-settlement/core';
import { executeRun, type RunOutput, type RunSpec } from '@smart-settlement/runner';
import { resolveScenario } from '@smart-settlement/scenarios';
import { Queue, Worker } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore, SECRET, tinyExperiment } from '../helpers/fake-experiment.js';
import { redisAvailable, startRedis, type TestRedis } from '../helpers/redis-server.js';
import { waitFor } from '../helpers/wait-for.js';

// The fleet's trust model (docs/CLUSTER.md, "Trust"), against a real redis-server: someone who
// can write to Redis but does not hold the fleet secret can neither make workers run their
// jobs or touch another application's queue, nor put results into the store; and a result
// that is malformed, or a job that must not run, does not stop a sweep.

/** The same output with every retention figure set to 0.999: what a rogue worker answered. */
function flattering(output: RunOutput): RunOutput {
  return {
    ...output,
    retention: output.retention.map((row) => ({ ...row, retention: 0.999 })),
    measures: output.measures.map((row) =>
      row.measure.startsWith('retention') ? { ...row, value: 0.999 } : row,
    ),
  };
}

/**
 * Takes `count` jobs off an experiment's queue by hand, as any client of Redis can, and
 * completes each with `answer(run)`.
 */
async function answerJobs(url: string, experimentId: string, count: number, answer: (run: number) => string) {
  const connection = connectRedis(url, 'test-rogue');
  const rogue = new Worker(queueName(experimentId), null, { connection, prefix: QUEUE_PREFIX });
  try {
    for (let answered = 0; answered < count; ) {
      const job = await rogue.getNextJob('rogue-token');
      if (!job) continue;
      await job.moveToCompleted(answer(Number(job.data.run)), 'rogue-token', false);
      answered += 1;
    }
  } finally {
    await rogue.close();
    connection.disconnect();
  }
}

/** Every recorded output equals the same run done locally. */
function expectGenuine(store: MemoryStore, runSpec: (run: number) => RunSpec): void {
  for (const [run, output] of store.results)
    expect(isDeepStrictEqual(output, executeRun(runSpec(run))), `run ${run} is not the genuine result`).toBe(
      true,
    );
}

describe.runIf(redisAvailable())('the fleet trusts only what carries the fleet secret’s code', () => {
  let redis: TestRedis;
  const workers: FleetWorker[] = [];
  const worker = async (options: Partial<Parameters<typeof startWorker>[0]> = {}) => {
    const started = await startWorker({ redis: redis.url, secret: SECRET, concurrency: 1, ...options });
    workers.push(started);
    return started;
  };
  beforeAll(async () => {
    redis = await startRedis();
  });
  // Each test starts its own workers: none may outlive it and serve the next test's experiment.
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('a forged job (no code, or a wrong one) is failed for good and never run; the sweep records only genuine runs', async () => {
    const experiment = tinyExperiment(4);
    const store = new MemoryStore(4);
    // Before the coordinator starts, someone with access to Redis puts two jobs on the
    // experiment's queue: run 2 with another seed (as the old wire format had it), and a job
    // of their own whose code was not made with the fleet secret.
    const admin = connectRedis(redis.url, 'test-forger');
    const queue = new Queue(queueName(experiment.id), { connection: admin, prefix: QUEUE_PREFIX });
    const forgedSpec = { ...experiment.runSpec(2), seed: 999 };
    await queue.add('run', { run: 2, spec: forgedSpec }, { jobId: 'run-2' });
    await queue.add(
      'run',
      { run: 0, spec: encodeValue(forgedSpec), code: 'ab'.repeat(32) },
      { jobId: 'theirs' },
    );
    await queue.close();
    admin.disconnect();

    const sweep = coordinateSweep({ redis: redis.url, secret: SECRET, experiment, store });
    const honest = await worker();
    const outcome = await sweep;
    expect(outcome).toMatchObject({ recorded: 4, failed: [], stopped: false, foreign: 2 });
    expect(honest.counts().forgedJobs).toBe(2);
    expect(await waitFor(() => honest.counts().runs === 4, 5000)).toBe(true);
    expectGenuine(store, experiment.runSpec);
  });

  it('results without a valid code (a rogue worker answering retention 0.999) are counted, never recorded, and their runs done again', async () => {
    const experiment = tinyExperiment(6);
    const store = new MemoryStore(6);
    let progress: SweepProgress | undefined;
    const sweep = coordinateSweep({
      redis: redis.url,
      secret: SECRET,
      experiment,
      store,
      onProgress: (p) => {
        progress = p;
      },
    });
    // No honest worker yet: the rogue answers three runs, two in the plain format and one in
    // the signed format with a code it made up (it does not hold the fleet secret).
    const forged = (run: number) => encodeValue(flattering(executeRun(experiment.runSpec(run))));
    let answers = 0;
    await answerJobs(redis.url, experiment.id, 3, (run) => {
      answers += 1;
      return answers < 3 ? forged(run) : `settle-fleet/1 ${'0'.repeat(64)} ${forged(run)}`;
    });
    await waitFor(() => (progress?.rejected ?? 0) >= 3);
    const honest = await worker();
    const outcome = await sweep;
    expect(outcome).toMatchObject({ recorded: 6, failed: [], stopped: false, rejected: 3 });
    expect(await waitFor(() => honest.counts().runs === 6, 5000)).toBe(true);
    expectGenuine(store, experiment.runSpec);
    const stored = [...store.results.values()].flatMap((o) => o.retention.map((r) => r.retention));
    expect(stored).not.toContain(0.999);
  });

  it('a worker touches no queue that is not announced with the fleet secret’s code (another application’s BullMQ queue stays untouched)', async () => {
    const admin = connectRedis(redis.url, 'test-other-app');
    // Another application's BullMQ queue in the same Redis (BullMQ's default prefix), and an
    // announcement of it written by someone without the fleet secret.
    const mail = new Queue('emails', { connection: admin });
    const job = await mail.add('send', { to: 'someone@example.org' });
    const entry = { id: 'mail', name: 'mail', queue: 'emails', engine: engineId() };
    await admin.hset(REGISTRY_KEY, 'mail', JSON.stringify(entry));
    const lines: string[] = [];
    try {
      const honest = await worker({ log: (l) => lines.push(l) });
      const state = () => mail.getJobState(job.id!);
      await waitFor(async () => lines.some((l) => l.includes('"mail"')) || (await state()) !== 'waiting');
      expect(await state()).toBe('waiting');
      expect(honest.serving()).toEqual([]);
      expect(honest.counts().refusedAnnouncements).toBe(1);
      expect(lines.join('\n')).toContain(
        'ignoring the announcement "mail": its authentication code is missing',
      );
    } finally {
      await admin.hdel(REGISTRY_KEY, 'mail');
      await mail.obliterate({ force: true });
      await mail.close();
      admin.disconnect();
    }
  });

  it('an announcement with a valid code that names a queue other than its experiment’s own is refused too', async () => {
    const admin = connectRedis(redis.url, 'test-other-app');
    const mail = new Queue('emails-2', { connection: admin, prefix: QUEUE_PREFIX });
    const job = await mail.add('send', { to: 'someone@example.org' });
    const entry = { id: 'mail2', name: 'mail', queue: 'emails-2', engine: engineId() };
    const code = authCode(SECRET, 'announcement', 'mail2', -1, encodeValue(entry));
    await admin.hset(REGISTRY_KEY, 'mail2', JSON.stringify({ ...entry, code }));
    const lines: string[] = [];
    try {
      const honest = await worker({ log: (l) => lines.push(l) });
      const state = () => mail.getJobState(job.id!);
      await waitFor(async () => honest.counts().refusedAnnouncements >= 1 || (await state()) !== 'waiting');
      expect(await state()).toBe('waiting');
      expect(honest.serving()).toEqual([]);
      expect(lines.join('\n')).toContain(`not the experiment's own "${queueName('mail2')}"`);
    } finally {
      await admin.hdel(REGISTRY_KEY, 'mail2');
      await mail.obliterate({ force: true });
      await mail.close();
      admin.disconnect();
    }
  });

  it('jobs over the memory budget or with a seed out of range are failed once, for good: no other worker retries them', async () => {
    const base = tinyExperiment(4);
    // Run 1 stands for 100 times as many people (agentScale 4, not 400); run 2 has a seed the
    // schema does not allow. Both are signed by the coordinator: the worker must still check.
    const big = (spec: RunSpec): RunSpec => ({ ...spec, scenario: { ...spec.scenario, agentScale: 4 } });
    const experiment = {
      ...base,
      runSpec: (run: number) => {
        const spec = base.runSpec(run);
        if (run === 1) return big(spec);
        if (run === 2) return { ...spec, seed: -1 };
        return spec;
      },
    };
    const need = (spec: RunSpec) => estimateRunResources(resolveScenario(spec.scenario).config).bytes;
    const budget = (need(base.runSpec(1)) + need(big(base.runSpec(1)))) / 2;
    const store = new MemoryStore(4);
    const pair = [await worker({ maxRunBytes: budget }), await worker({ maxRunBytes: budget })];
    const outcome = await coordinateSweep({
      redis: redis.url,
      secret: SECRET,
      experiment,
      store,
      attempts: 3,
    });
    expect(outcome.recorded).toBe(2);
    expect(outcome.failed.map((f) => f.run).sort()).toEqual([1, 2]);
    expect(outcome.failed.find((f) => f.run === 1)?.reason).toMatch(/memory budget.*agentScale = 4/);
    expect(outcome.failed.find((f) => f.run === 2)?.reason).toMatch(/seed: got -1; allowed: an integer/);
    const total = (key: 'overBudgetJobs' | 'invalidJobs') =>
      pair.reduce((sum, w) => sum + w.counts()[key], 0);
    expect(total('overBudgetJobs')).toBe(1);
    expect(total('invalidJobs')).toBe(1);
    expect(store.failures.map((f) => f.run).sort()).toEqual([1, 2]);
    expectGenuine(store, experiment.runSpec);
  });

  it('a malformed result, even with a valid code, is counted and logged, its run done again, and the sweep goes on', async () => {
    const experiment = tinyExperiment(3);
    const store = new MemoryStore(3);
    const lines: string[] = [];
    let progress: SweepProgress | undefined;
    const sweep = coordinateSweep({
      redis: redis.url,
      secret: SECRET,
      experiment,
      store,
      log: (l) => lines.push(l),
      onProgress: (p) => {
        progress = p;
      },
    });
    // A worker holding the secret but broken (another build, a bug) answers two runs: one
    // with a share out of range, one without its places.
    let answers = 0;
    await answerJobs(redis.url, experiment.id, 2, (run) => {
      const output = executeRun(experiment.runSpec(run));
      answers += 1;
      const broken =
        answers === 1
          ? { ...output, retention: output.retention.map((r) => ({ ...r, retention: 7 })) }
          : { ...output, places: undefined };
      return signResult(SECRET, experiment.id, run, broken);
    });
    await waitFor(() => (progress?.rejected ?? 0) >= 2);
    await worker();
    const outcome = await sweep;
    expect(outcome).toMatchObject({ recorded: 3, failed: [], stopped: false, rejected: 2 });
    expect(lines.join('\n')).toMatch(/malformed: retention\[0\]\.retention: got 7; allowed: a share/);
    expect(lines.join('\n')).toMatch(/malformed: output fields: got/);
    expectGenuine(store, experiment.runSpec);
  });

  it('a job signed for one run cannot stand for another (the code binds the run id)', async () => {
    const experiment = tinyExperiment(2);
    const store = new MemoryStore(2);
    // A copy of run 0's genuine job data under run 1's id, with run 1's number.
    const admin = connectRedis(redis.url, 'test-replayer');
    const queue = new Queue(queueName(experiment.id), { connection: admin, prefix: QUEUE_PREFIX });
    const genuine = signJob(SECRET, experiment.id, 0, experiment.runSpec(0));
    await queue.add('run', { ...genuine, run: 1 }, { jobId: 'run-1' });
    await queue.close();
    admin.disconnect();
    const sweep = coordinateSweep({ redis: redis.url, secret: SECRET, experiment, store });
    const honest = await worker();
    const outcome = await sweep;
    expect(outcome).toMatchObject({ recorded: 2, failed: [], foreign: 1 });
    expect(honest.counts().forgedJobs).toBe(1);
    expectGenuine(store, experiment.runSpec);
  });
});
