import type { ModelConfig } from '@smart-settlement/core';
import {
  formatProblems,
  freezeScenario,
  resolveScenario,
  type Scenario,
  ScenarioError,
  setLever,
} from '@smart-settlement/scenarios';
import { InputError, msg } from './messages.js';

/** A job: scenarios (every default explicit), the base seed and the replications. Written as manifest.json. */
export interface Job {
  scenarios: Scenario[];
  seed: number;
  replications: number;
}

export interface JobOverrides {
  years?: number;
  replications?: number;
  seed?: number;
  sets?: string[];
}

/** Validates the scenarios, applies the command-line overrides and freezes every default. */
export function prepareJob(inputs: { scenario: unknown; where: string }[], overrides: JobOverrides): Job {
  const frozen: Scenario[] = [];
  let seed = overrides.seed;
  let replications = overrides.replications;
  const names = new Set<string>();
  for (const { scenario: raw, where } of inputs) {
    let scenario = raw as Scenario;
    try {
      for (const s of overrides.sets ?? []) scenario = setLever(scenario, s);
    } catch (e) {
      throw new InputError(msg.badSet((e as Error).message));
    }
    if (overrides.years !== undefined && typeof scenario === 'object' && scenario)
      scenario = { ...scenario, years: overrides.years };
    try {
      const { scenario: checked, config } = resolveScenario(scenario);
      if (names.has(checked.name)) throw new InputError(msg.duplicateScenario(checked.name));
      names.add(checked.name);
      seed ??= checked.seed;
      replications ??= checked.replications;
      frozen.push(freezeScenario(checked, config));
    } catch (e) {
      if (e instanceof ScenarioError)
        throw new InputError(msg.invalidScenario(where, formatProblems(e.problems)));
      throw e;
    }
  }
  for (const s of frozen) {
    s.seed = seed!;
    s.replications = replications!;
  }
  return { scenarios: frozen, seed: seed!, replications: replications! };
}

/** Engine configurations of a job's scenarios. */
export function jobConfigs(job: Job): ModelConfig[] {
  return job.scenarios.map((s) => resolveScenario(s).config);
}
