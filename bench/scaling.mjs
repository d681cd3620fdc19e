// Ensemble scaling: the same ensemble on 1 worker thread and on 2, the speed-up and the
// efficiency, and a check that the results are identical. Two ways:
// - cold: core's runEnsemble on runner's poolWorkers of a fresh RunPool (thread start and each
//   thread compiling the model are part of the time), as one `settle compare` does;
// - warm: the same ensemble on one RunPool per worker count, started and given one run per
//   thread before the clock starts, as a long-lived pool (a sweep, a cluster worker) runs
//   ensemble after ensemble.
// Each measurement is the best (shortest) of `repeat` tries, the worker counts interleaved so that
// a change in the machine's load falls on both alike.
// Usage: node bench/scaling.mjs [workers,...] [replications] [repeat]   prints one JSON object per measurement.

import { ensembleTasks, runEnsemble } from '../packages/core/dist/index.js';
import { poolWorkers, RunPool } from '../packages/runner/dist/index.js';
import { freezeScenario, namedScenario, resolveScenario } from '../packages/scenarios/dist/index.js';

const counts = (process.argv[2] ?? '1,2').split(',').map(Number);
const replications = Number(process.argv[3] ?? 16);
const repeat = Math.max(1, Number(process.argv[4] ?? 2));
// The default model at its default scale (150,000 arrivals a year, one agent for 20 people).
const scenarios = [namedScenario('baseline'), namedScenario('engagement')];
const seed = 1;

/** Agents present at the end of each year, summed over years and runs (as in throughput.mjs). */
function agentYearsOf(runs) {
  let sum = 0;
  for (const run of runs) for (const row of run.places) sum += row.newcomers / run.scale;
  return Math.round(sum);
}

const frozen = scenarios.map((s) => {
  const { scenario, config } = resolveScenario(s);
  return { scenario: freezeScenario(scenario, config), config, agentScale: config.agentScale };
});
const configs = frozen.map((f) => f.config);
const specs = ensembleTasks(frozen.length, replications).map((t) => ({
  scenario: frozen[t.scenarioIndex].scenario,
  seed,
  replication: t.replication,
}));

async function ensembleOn(pool) {
  const workers = poolWorkers(
    pool,
    frozen.map((f) => f.scenario),
  );
  const result = await runEnsemble(configs, { replications, seed, workers });
  return { value: result, runs: result.runs };
}

async function cold(workers) {
  const pool = new RunPool({ workers });
  try {
    return await ensembleOn(pool);
  } finally {
    await pool.destroy();
  }
}

function sum(values) {
  return values.reduce((a, b) => a + b, 0);
}

async function measure(kind, workers, run) {
  const cpuStarted = process.cpuUsage();
  const t = process.hrtime.bigint();
  const result = await run();
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  // CPU time of every thread of the process: if it stays the same with more workers while the
  // wall-clock time does not fall, the cores were busy with other processes, not with overhead.
  const cpu = process.cpuUsage(cpuStarted);
  // After the clock stops: the text compared byte for byte, and the totals.
  const tasks = ensembleTasks(frozen.length, replications);
  const runs = result.runs.map((r, i) => ({ ...r, scale: frozen[tasks[i].scenarioIndex].agentScale }));
  return {
    kind,
    workers,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    text: JSON.stringify(result.value),
    runs,
    finalPopulation: sum(runs.map((r) => r.finalAgents)),
  };
}

const tries = [];
for (let k = 0; k < repeat; k++) {
  for (const workers of counts) tries.push(await measure('cold', workers, () => cold(workers)));
  for (const workers of counts) {
    const pool = new RunPool({ workers });
    // One run per thread before the clock starts: threads started, packages loaded, model compiled.
    await Promise.all(Array.from({ length: workers * 2 }, (_, i) => pool.run(specs[i % specs.length])));
    tries.push(await measure('warm', workers, () => ensembleOn(pool)));
    await pool.destroy();
  }
}
// The best try of each (kind, workers): other processes only ever slow a try down.
const results = [];
for (const kind of ['cold', 'warm'])
  for (const workers of counts) {
    const mine = tries.filter((t) => t.kind === kind && t.workers === workers);
    const best = mine.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    results.push({ ...best, tries: mine.map((t) => t.seconds) });
  }

for (const r of results) {
  const one = results.find((x) => x.kind === r.kind && x.workers === counts[0]);
  const agentYears = agentYearsOf(r.runs);
  console.log(
    JSON.stringify({
      impl: `ensemble-${r.kind}-${r.workers}-worker${r.workers > 1 ? 's' : ''}`,
      agentYears,
      seconds: r.seconds,
      agentYearsPerSec: agentYears / r.seconds,
      finalPopulation: r.finalPopulation,
      kind: r.kind,
      runs: r.runs.length,
      workers: r.workers,
      cpuSeconds: r.cpuSeconds,
      speedUp: one.seconds / r.seconds,
      efficiency: one.seconds / r.seconds / r.workers,
      // The speed-up on otherwise idle cores if the only loss were the extra CPU time that more
      // workers spend: workers x CPU(1) / CPU(N). An estimate, not a measurement.
      idleSpeedUpEstimate: (r.workers * one.cpuSeconds) / r.cpuSeconds,
      identical: r.text === one.text,
      tries: r.tries,
    }),
  );
}
