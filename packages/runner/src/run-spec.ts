import {
  type AreaInfo,
  type ClassCosts,
  type CohortRow,
  type FlowRow,
  type MeasureRow,
  type ModelConfig,
  measuredRun,
  type PlaceRow,
  type RetentionRow,
  simulate,
} from '@smart-settlement/core';
import { resolveScenario, type Scenario } from '@smart-settlement/scenarios';

/**
 * One run, as plain data that can cross a thread, a process or a network: a frozen scenario
 * (every default explicit, as in manifest.json), the base seed and the replication index.
 * The run's random streams come from (seed, replication) alone, never from who runs it.
 */
export interface RunSpec {
  scenario: Scenario;
  seed: number;
  replication: number;
}

/** The tables of one run, as plain data (structured-clone and JSON friendly). */
export interface RunOutput {
  scenario: string;
  replication: number;
  seed: number;
  retention: RetentionRow[];
  flows: FlowRow[];
  cohorts: CohortRow[];
  /** The areas of the retention rows and the places each pools. */
  areas: AreaInfo[];
  places: PlaceRow[];
  measures: MeasureRow[];
  /** Agents present at the end. */
  finalAgents: number;
  /** Newcomers an incentive offer reached, and those who accepted (people). */
  offers: { reached: number; accepted: number };
  /** Programme money by year, place and immigrant class (the classes' cost measures come from it). */
  classCosts?: ClassCosts;
}

/** Runs one RunSpec in this thread. Worker threads, cluster workers and tests all call this. */
export function executeRun(
  spec: RunSpec,
  config: ModelConfig = resolveScenario(spec.scenario).config,
): RunOutput {
  const result = measuredRun(simulate(config, { seed: spec.seed, replication: spec.replication }), config);
  return {
    scenario: config.name,
    replication: spec.replication,
    seed: spec.seed,
    retention: result.retention,
    flows: result.flows,
    cohorts: result.cohorts,
    areas: result.areas,
    places: result.places,
    measures: result.measures,
    finalAgents: result.finalAgents,
    offers: result.offers,
    classCosts: result.classCosts,
  };
}
