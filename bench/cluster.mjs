// The fleet's throughput: an experiment swept through Redis by 1 and by 2 `settle worker`
// processes on this machine, next to the same sweep on the local pool for reference.
//
//   node bench/cluster.mjs [--runs-per-point N] [--years N] [--repeat N] [--json]
//
// Needs the built CLI (`npm run build`) and Debian's redis-server (apt-get install
// redis-server): it starts its own on 127.0.0.1 and a free port, without persistence, and
// stops it by pid at the end. Each figure is the wall time of the whole `settle sweep`
// command (store, queue, runs, results), as a user sees it; runs/s = runs / that time.
// CPU seconds are those of every process of the sweep (coordinator and workers, all threads),
// so "cores used" = CPU / wall shows whether the machine was free to run them (another load
// on the machine lowers it). --repeat N keeps the median of N sweeps of each kind.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine } from './machine.mjs';

const BIN = fileURLToPath(new URL('../packages/cli/dist/bin.js', import.meta.url));
const options = parseOptions(process.argv.slice(2));
const log = options.json ? () => {} : (line) => console.log(line);

if (!existsSync(BIN)) fail(`${BIN} is missing: run \`npm run build\` first`);
const redisServer = ['/usr/bin/redis-server', 'redis-server'].find(
  (b) => spawnSync(b, ['--version']).status === 0,
);
if (!redisServer) fail('redis-server is missing: apt-get install redis-server');

// The fleet secret that signs jobs and results (docs/CLUSTER.md, "Trust"): one for this bench,
// defined before the sweeps below use it.
const fleetEnv = { ...process.env, SETTLE_FLEET_SECRET: randomBytes(32).toString('hex') };

const dir = mkdtempSync(join(tmpdir(), 'settle-bench-cluster-'));
const experiment = {
  name: 'bench-cluster',
  scenario: 'dispersion',
  set: [`years=${options.years}`],
  parameters: [
    { path: 'dispersion.incentive', name: 'incentive', values: [0, 10000, 20000] },
    { path: 'dispersion.termYears', name: 'termYears', values: [1, 3, 6] },
  ],
  design: { type: 'factorial' },
  replications: options.runsPerPoint,
  seed: 1,
  tables: ['measures', 'retention'],
  outputs: [{ measure: 'retention5', area: 'Smaller places' }],
};
const runs = 9 * options.runsPerPoint;
writeFileSync(join(dir, 'experiment.json'), JSON.stringify(experiment));

const port = await freePort();
const url = `redis://127.0.0.1:${port}`;
const redis = spawn(
  redisServer,
  ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
  { stdio: 'ignore' },
);
let sweeps = 0;
try {
  await waitForPing();
  const loadBefore = loadavg()[0];
  const m = machine();
  log(`Fleet throughput: ${runs} runs (${options.years} years each), ${m.cores} cores, ${m.cpu}`);
  log(`load average before: ${loadBefore.toFixed(2)}\n`);
  log('| how | processes | runs/s | seconds | CPU seconds | cores used |');
  log('|---|---|---|---|---|---|');
  const kinds = [
    { how: 'local pool, --workers 1', workers: 0, threads: 1 },
    { how: 'local pool, --workers 2', workers: 0, threads: 2 },
    { how: 'fleet, 1 worker process', workers: 1, threads: 1 },
    { how: 'fleet, 2 worker processes', workers: 2, threads: 1 },
  ];
  const results = [];
  for (const kind of kinds) {
    const tries = [];
    for (let i = 0; i < options.repeat; i++) {
      const cpuBefore = childrenCpuSeconds();
      const seconds = kind.workers === 0 ? localSweep(kind.threads) : await fleetSweep(kind.workers);
      tries.push({ seconds, cpu: childrenCpuSeconds() - cpuBefore });
    }
    const { seconds, cpu } = tries.sort((a, b) => a.seconds - b.seconds)[Math.floor(tries.length / 2)];
    const result = {
      how: kind.how,
      runs,
      years: options.years,
      seconds,
      runsPerSecond: runs / seconds,
      cpuSeconds: cpu,
      coresUsed: cpu / seconds,
    };
    results.push(result);
    if (options.json) console.log(JSON.stringify(result));
    const processes = kind.workers === 0 ? `1 (${kind.threads} threads)` : `${kind.workers} + coordinator`;
    log(
      `| ${kind.how} | ${processes} | ${result.runsPerSecond.toFixed(2)} | ${seconds.toFixed(1)} | ${cpu.toFixed(1)} | ${result.coresUsed.toFixed(2)} |`,
    );
  }
  const [, local2, fleet1, fleet2] = results;
  log(`\nspeed-up of 2 worker processes over 1: ${(fleet1.seconds / fleet2.seconds).toFixed(2)}x`);
  log(`fleet of 2 vs local pool of 2 threads: ${(local2.seconds / fleet2.seconds).toFixed(2)}x`);
  log(`load average after: ${loadavg()[0].toFixed(2)}`);
} finally {
  redis.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}

/** Seconds of `settle sweep` on the local pool. */
function localSweep(threads) {
  const out = `local-${sweeps++}`;
  const start = performance.now();
  execFileSync(
    process.execPath,
    [BIN, 'sweep', 'experiment.json', '--out', out, '--workers', String(threads), '--quiet'],
    {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return (performance.now() - start) / 1000;
}

/** Seconds of `settle sweep --redis` with `count` worker processes already connected. */
async function fleetSweep(count) {
  const workers = [];
  for (let i = 0; i < count; i++) {
    const child = spawn(process.execPath, [BIN, 'worker', '--redis', url, '--concurrency', '1'], {
      cwd: dir,
      env: fleetEnv,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await new Promise((resolve, reject) => {
      let text = '';
      child.stderr.on('data', (c) => {
        text += c;
        if (text.includes('waiting for experiments')) resolve();
      });
      child.once('exit', () => reject(new Error(`worker exited: ${text}`)));
    });
    workers.push(child);
  }
  const out = `fleet-${sweeps++}`;
  const start = performance.now();
  execFileSync(process.execPath, [BIN, 'sweep', 'experiment.json', '--out', out, '--redis', url, '--quiet'], {
    cwd: dir,
    env: fleetEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const seconds = (performance.now() - start) / 1000;
  await Promise.all(
    workers.map(
      (w) =>
        new Promise((resolve) => {
          w.once('exit', resolve);
          w.kill('SIGTERM');
        }),
    ),
  );
  return seconds;
}

/**
 * CPU seconds (user + system) of this process's finished children, from /proc/self/stat
 * (Linux; fields cutime and cstime, in clock ticks of 1/100 s). NaN elsewhere.
 */
function childrenCpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPing() {
  for (let i = 0; i < 100; i++) {
    const r = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' });
    if (r.stdout?.trim() === 'PONG') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  fail(`redis-server on port ${port} did not answer`);
}

function parseOptions(argv) {
  const o = { runsPerPoint: 12, years: 20, repeat: 1, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') o.json = true;
    else if (a === '--runs-per-point') o.runsPerPoint = Number(argv[++i]);
    else if (a === '--years') o.years = Number(argv[++i]);
    else if (a === '--repeat') o.repeat = Number(argv[++i]);
    else fail(`unknown option ${a}; allowed: --runs-per-point N, --years N, --repeat N, --json`);
  }
  for (const k of ['runsPerPoint', 'years', 'repeat'])
    if (!Number.isInteger(o[k]) || o[k] < 1) fail(`--${k}: an integer of 1 or more`);
  return o;
}

function fail(message) {
  console.error(`bench/cluster: ${message}`);
  process.exit(2);
}
