import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { connectRedis, fleetStatus, readRegistry } from '@smart-settlement/cluster';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, folderFiles, tempDir } from '../helpers/cli.js';
import { SECRET_TEXT } from '../helpers/fake-experiment.js';
import { redisAvailable, startRedis, type TestRedis } from '../helpers/redis-server.js';

/** A small experiment whose runs take a fraction of a second each: 6 points x 4 replications. */
const EXPERIMENT = {
  name: 'fleet-test',
  scenario: 'dispersion',
  set: ['years=8'],
  parameters: [
    { path: 'dispersion.incentive', name: 'incentive', values: [0, 20000] },
    { path: 'dispersion.termYears', name: 'termYears', values: [1, 3, 6] },
  ],
  design: { type: 'factorial' },
  replications: 4,
  seed: 3,
  tables: ['measures', 'retention', 'places'],
  outputs: [{ measure: 'retention5', area: 'Smaller places' }],
};
const RUNS = 24;

/** A `settle` process with its output gathered and its exit awaited. */
interface Settle {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function settleProcess(args: string[], cwd: string): Settle {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, FORCE_COLOR: '0', SETTLE_FLEET_SECRET: SECRET_TEXT },
  });
  let output = '';
  child.stdout?.on('data', (c) => {
    output += c;
  });
  child.stderr?.on('data', (c) => {
    output += c;
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(redisAvailable())('settle sweep --redis with settle worker processes', () => {
  let redis: TestRedis;
  const started: Settle[] = [];
  const dir = tempDir('settle-fleet-');
  beforeAll(async () => {
    redis = await startRedis();
    writeFileSync(join(dir, 'experiment.json'), JSON.stringify(EXPERIMENT));
    // The reference: the same experiment on this machine's pool, exported as CSV.
    const local = spawnSync(
      process.execPath,
      [BIN, 'sweep', 'experiment.json', '--out', 'local', '--workers', '2', '--quiet'],
      { cwd: dir, encoding: 'utf8' },
    );
    if (local.status !== 0) throw new Error(`local sweep failed: ${local.stderr}`);
    exportCsv(dir, 'local');
  });
  afterAll(async () => {
    for (const p of started) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await redis?.stop();
  });

  it('loses and duplicates nothing when a worker is killed with kill -9 mid-sweep, and equals the local sweep byte for byte', async () => {
    const workerArgs = ['worker', '--redis', redis.url, '--concurrency', '1', '--lock-seconds', '2'];
    const victim = settleProcess(workerArgs, dir);
    const survivor = settleProcess(workerArgs, dir);
    const coordinator = settleProcess(
      ['sweep', 'experiment.json', '--out', 'fleet', '--redis', redis.url],
      dir,
    );
    started.push(victim, survivor, coordinator);

    // Kill the victim while it holds a run, once some runs are done: mid-run, mid-sweep.
    const admin = connectRedis(redis.url, 'test-observer');
    let killedRun: number | undefined;
    try {
      let experimentId: string | undefined;
      const victimName = `${hostname()}-${victim.child.pid}`;
      for (let i = 0; i < 600 && killedRun === undefined && coordinator.child.exitCode === null; i++) {
        await sleep(50);
        experimentId ??= [...(await readRegistry(admin)).values()].find((e) => e.name === 'fleet-test')?.id;
        if (!experimentId) continue;
        // All 24 runs go on the queue at once; 'waiting' counts those nobody has taken yet.
        const { waiting, active } = await fleetStatus(admin, experimentId);
        if (waiting === 0 || waiting > RUNS - 4) continue;
        const held = active.find((a) => a.worker === victimName);
        if (held) {
          victim.child.kill('SIGKILL');
          killedRun = held.run;
        }
      }
    } finally {
      admin.disconnect();
    }
    expect(killedRun, `the victim never held a run\n${victim.output()}`).toBeDefined();
    expect(await victim.exit).toBe(null); // killed by a signal

    expect(await coordinator.exit, coordinator.output()).toBe(0);
    expect(coordinator.output()).toContain(`${RUNS} runs in fleet/results.duckdb`);
    survivor.child.kill('SIGTERM');
    expect(await survivor.exit).toBe(0);

    // Every table, exported sorted by run id: identical files, so no run missing or twice,
    // and the killed worker's run was done again by the other.
    expectSameAsLocal(dir, 'fleet');
  }, 120_000);

  it('a coordinator killed with kill -9 and started again finishes the sweep with nothing lost or twice', async () => {
    const worker = settleProcess(
      ['worker', '--redis', redis.url, '--concurrency', '2', '--lock-seconds', '2'],
      dir,
    );
    const sweepArgs = ['sweep', 'experiment.json', '--out', 'restarted', '--redis', redis.url];
    const first = settleProcess(sweepArgs, dir);
    started.push(worker, first);
    // Kill the coordinator once a few runs have been taken; the worker goes on meanwhile.
    const admin = connectRedis(redis.url, 'test-observer');
    let killed = false;
    try {
      for (let i = 0; i < 600 && !killed && first.child.exitCode === null; i++) {
        await sleep(50);
        const id = [...(await readRegistry(admin)).values()].find((e) => e.name === 'fleet-test')?.id;
        if (!id) continue;
        const { waiting } = await fleetStatus(admin, id);
        if (waiting > 0 && waiting <= RUNS - 6) {
          first.child.kill('SIGKILL');
          killed = true;
        }
      }
    } finally {
      admin.disconnect();
    }
    expect(killed, first.output()).toBe(true);
    expect(await first.exit).toBe(null);

    const second = settleProcess(sweepArgs, dir);
    started.push(second);
    expect(await second.exit, second.output()).toBe(0);
    expect(second.output()).toMatch(/already done/);
    worker.child.kill('SIGTERM');
    expect(await worker.exit).toBe(0);
    expectSameAsLocal(dir, 'restarted');
  }, 120_000);
});

/** Exports DIR/FROM's store as CSV into DIR/FROM-csv. */
function exportCsv(dir: string, from: string): void {
  const r = spawnSync(process.execPath, [BIN, 'export', from, '--format', 'csv', '--out', `${from}-csv`], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`settle export ${from} failed: ${r.stderr}`);
}

/** The store in DIR/FROM exports to the same bytes as the local sweep's, table by table. */
function expectSameAsLocal(dir: string, from: string): void {
  exportCsv(dir, from);
  const localFiles = folderFiles(join(dir, 'local-csv'));
  const fleetFiles = folderFiles(join(dir, `${from}-csv`));
  expect([...fleetFiles.keys()]).toEqual([...localFiles.keys()]);
  for (const [name, bytes] of localFiles) expect(fleetFiles.get(name)?.equals(bytes), name).toBe(true);
  const runs = localFiles.get('runs.csv')!.toString('utf8').trim().split('\n');
  expect(runs).toHaveLength(RUNS + 1);
  expect(runs.slice(1).every((line) => line.includes(',done,'))).toBe(true);
}
