// Ensemble scaling: the same ensemble on 1 worker thread and on 2, through runner's
// runEnsembleParallel; the speed-up and the efficiency, and a check that the results match.
// Usage: node bench/scaling.mjs [workers...]   prints one JSON object per worker count.
import { runEnsembleParallel } from '../packages/runner/dist/index.js';
import { namedScenario } from '../packages/scenarios/dist/index.js';

const counts = (process.argv[2] ?? '1,2').split(',').map(Number);
const replications = Number(process.argv[3] ?? 16);
// The default model at its default scale (150,000 arrivals a year, one agent for 20 people).
const scenarios = [namedScenario('baseline'), namedScenario('engagement')];
const options = { replications, seed: 1 };
// Warm-up: thread start and the first compilation are not part of an ensemble's steady cost.
await runEnsembleParallel([{ ...scenarios[0], years: 2 }], { replications: 2, seed: 1, workers: 2 });
let reference;
let oneWorker;
let oneWorkerCpu;
for (const workers of counts) {
  const cpuStarted = process.cpuUsage();
  const t = process.hrtime.bigint();
  const result = await runEnsembleParallel(scenarios, { ...options, workers });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  // CPU time of every thread of the process: if it stays the same with more workers while the
  // wall-clock time does not fall, the cores were busy with other processes, not with overhead.
  const cpu = process.cpuUsage(cpuStarted);
  const text = JSON.stringify(result);
  reference ??= text;
  oneWorker ??= seconds;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  oneWorkerCpu ??= cpuSeconds;
  // Agents present at the end of each year, summed over years and runs (as in throughput.mjs).
  let agentYears = 0;
  for (const run of result.runs) for (const row of run.places) agentYears += row.newcomers / run.agentScale;
  const finalPopulation = result.runs.reduce((a, r) => a + r.finalAgents, 0);
  console.log(
    JSON.stringify({
      impl: `ensemble-${workers}-worker${workers > 1 ? 's' : ''}`,
      agentYears: Math.round(agentYears),
      seconds,
      agentYearsPerSec: agentYears / seconds,
      finalPopulation,
      runs: result.runs.length,
      cpuSeconds,
      // The speed-up on otherwise idle cores if the only loss were the extra CPU time that more
      // workers spend (thread start, each thread compiling the model): workers x CPU(1) / CPU(N).
      idleSpeedUpEstimate: (workers * oneWorkerCpu) / cpuSeconds,
      workers,
      speedUp: oneWorker / seconds,
      efficiency: oneWorker / seconds / workers,
      identical: text === reference,
    }),
  );
}
