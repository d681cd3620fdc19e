/** Small Ontario scenarios that run in milliseconds, and shortcuts to run them in process. */
import { type ModelConfig, type RetentionRow, type RunResult, simulate } from '@smart-settlement/core';
import { resolveScenario, type Scenario } from '@smart-settlement/scenarios';

/**
 * Ontario with a small footprint: few years and one agent per 200 people (750 agents a
 * year at the default intake). Override any field.
 */
export function smallScenario(overrides: Partial<Scenario> = {}): Scenario {
  return { name: 'small', years: 4, agentScale: 200, replications: 1, policies: [], ...overrides };
}

/** The engine configuration of a scenario (throws ScenarioError on a bad one). */
export function configOf(scenario: Scenario | unknown): ModelConfig {
  return resolveScenario(scenario).config;
}

/** Runs a scenario once. */
export function runScenario(scenario: Scenario, seed = 1, replication = 0): RunResult {
  return simulate(configOf(scenario), { seed, replication });
}

/** The retention row of one area and years since arrival (undefined if absent). */
export function retentionRow(
  run: RunResult,
  area: string,
  yearsSinceArrival: number,
): RetentionRow | undefined {
  return run.retention.find((r) => r.area === area && r.yearsSinceArrival === yearsSinceArrival);
}

/** A run's rows with the scenario name blanked: what must match when only the name differs. */
export function withoutName(run: RunResult): string {
  const blank = <T extends { scenario: string }>(rows: T[]) => rows.map((r) => ({ ...r, scenario: '' }));
  return JSON.stringify({
    retention: blank(run.retention),
    places: blank(run.places),
    finalAgents: run.finalAgents,
  });
}

/** Mean and standard error of a list of numbers. */
export function meanAndSe(xs: number[]): { mean: number; se: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1);
  return { mean, se: Math.sqrt(variance / xs.length) };
}
