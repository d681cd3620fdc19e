import type {
  EnsembleRun,
  EnsembleTask,
  EnsembleWorkers,
  ModelConfig,
  RunResult,
} from '@smart-settlement/core';
import type { Scenario } from '@smart-settlement/scenarios';
import type { RunOutput } from '../run-spec.js';
import type { RunPool } from './run-pool.js';

/**
 * The workers of core's runEnsemble on a pool of worker threads: each run goes to a free
 * thread as a RunSpec of its scenario (a ModelConfig holds policy functions, which cannot
 * cross to a thread), and comes back with its measures, computed there once. `scenarios` are
 * the scenarios of the ensemble's configs, in the same order. The pool is the caller's: one
 * pool can serve ensemble after ensemble; destroy it when done.
 * @example
 * const pool = new RunPool({ workers: 2 });
 * try {
 *   const configs = scenarios.map((s) => resolveScenario(s).config);
 *   const result = await runEnsemble(configs, { replications: 20, seed: 1, workers: poolWorkers(pool, scenarios) });
 * } finally {
 *   await pool.destroy();
 * }
 */
export function poolWorkers(pool: RunPool, scenarios: readonly Scenario[]): EnsembleWorkers<EnsembleRun> {
  return {
    concurrency: pool.workers * 2,
    async run(task: EnsembleTask) {
      const scenario = scenarios[task.scenarioIndex];
      if (scenario?.name !== task.config.name)
        throw new Error(
          `poolWorkers: scenario ${task.scenarioIndex} is ${JSON.stringify(scenario?.name)}, the ensemble's configuration ${JSON.stringify(task.config.name)}`,
        );
      const output = await pool.run({ scenario, seed: task.seed, replication: task.replication });
      return { ...toRunResult(output, task.config), measures: output.measures };
    },
  };
}

/** A worker's RunOutput as the RunResult that simulate() would have returned in this thread. */
function toRunResult(output: RunOutput, config: ModelConfig): RunResult {
  return {
    key: { scenario: output.scenario, replication: output.replication, seed: output.seed },
    agentScale: config.agentScale,
    years: config.years,
    retention: output.retention,
    flows: output.flows,
    cohorts: output.cohorts,
    areas: output.areas,
    places: output.places,
    finalAgents: output.finalAgents,
    offers: output.offers,
    classCosts: output.classCosts,
  };
}
