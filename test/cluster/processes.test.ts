import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, fleetStatus, readRegistry } from '../../packages/cluster/src/index.js';
import { BIN, folderFiles, tempDir } from '../helpers/cli.js';
import { redisAvailable, startRedis, type TestRedis } from './redis-server.js';

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
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
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
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const p of started) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await redis?.stop();
  });

  it('loses and duplicates nothing when a worker is killed with kill -9 mid-sweep, and equals the local sweep byte for byte', async () => {
    const dir = tempDir('settle-fleet-');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'experiment.json'), JSON.stringify(EXPERIMENT));

    const local = spawnSync(
      process.execPath,
      [BIN, 'sweep', 'experiment.json', '--out', 'local', '--workers', '2', '--quiet'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(local.status, local.stderr).toBe(0);

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
    for (const [from, to] of [
      ['local', 'local-csv'],
      ['fleet', 'fleet-csv'],
    ]) {
      const r = spawnSync(process.execPath, [BIN, 'export', from, '--format', 'csv', '--out', to], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
    }
    const localFiles = folderFiles(join(dir, 'local-csv'));
    const fleetFiles = folderFiles(join(dir, 'fleet-csv'));
    expect([...fleetFiles.keys()]).toEqual([...localFiles.keys()]);
    for (const [name, bytes] of localFiles) expect(fleetFiles.get(name)?.equals(bytes), name).toBe(true);
    const runs = localFiles.get('runs.csv')!.toString('utf8').trim().split('\n');
    expect(runs).toHaveLength(RUNS + 1);
    expect(runs.slice(1).every((line) => line.includes(',done,'))).toBe(true);
  });
});
