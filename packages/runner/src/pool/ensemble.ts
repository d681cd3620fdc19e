import {
  type EnsembleResult,
  ensembleTasks,
  gatherEnsemble,
  type ModelConfig,
  type RunResult,
} from '@smart-settlement/core';
import { freezeScenario, namedScenario, resolveScenario, type Scenario } from '@smart-settlement/scenarios';
import type { RunOutput, RunSpec } from '../run-spec.js';
import { RunPool } from './run-pool.js';

/** Options of runEnsembleParallel. */
export interface ParallelEnsembleOptions {
  replications: number;
  seed: number;
  /** Worker threads, default: the machine's cores. */
  workers?: number;
  /** Width of the interval reported, default 0.9. */
  interval?: number;
  /** Called as each run finishes with (done, total). */
  onRun?: (done: number, total: number) => void;
}

/**
 * Runs every scenario for N replications on a pool of worker threads and returns the same
 * EnsembleResult as core's runEnsemble, byte for byte, whatever the number of workers:
 * runs are gathered in task order, never in the order they finish. Scenarios are given as
 * scenario objects or library names (a ModelConfig holds policy functions, which cannot
 * cross to a thread).
 * @example
 * const result = await runEnsembleParallel(['baseline', 'engagement'], { replications: 20, seed: 1, workers: 2 });
 */
export async function runEnsembleParallel(
  scenarios: readonly (Scenario | string)[],
  options: ParallelEnsembleOptions,
): Promise<EnsembleResult> {
  const frozen: Scenario[] = [];
  const configs: ModelConfig[] = [];
  for (const input of scenarios) {
    const scenario = typeof input === 'string' ? namedScenario(input) : input;
    if (!scenario) throw new Error(`runEnsembleParallel: no named scenario "${input}"`);
    const { scenario: checked, config } = resolveScenario(scenario);
    frozen.push(freezeScenario(checked, config));
    configs.push(config);
  }
  const tasks = ensembleTasks(configs.length, options.replications);
  const specs: RunSpec[] = tasks.map((t) => ({
    scenario: frozen[t.scenarioIndex],
    seed: options.seed,
    replication: t.replication,
  }));
  const pool = new RunPool({ workers: options.workers });
  const runs: RunResult[] = [];
  try {
    let i = 0;
    for await (const output of pool.runAll(specs, { onRun: options.onRun }))
      runs.push(toRunResult(output, configs[tasks[i++].scenarioIndex]));
  } finally {
    await pool.destroy();
  }
  return gatherEnsemble(configs, runs, options.interval);
}

/** A worker's RunOutput as the RunResult that simulate() would have returned in this thread. */
export function toRunResult(output: RunOutput, config: ModelConfig): RunResult {
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
  };
}
