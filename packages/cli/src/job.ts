import {
  type EnsembleResult,
  ensembleTasks,
  gatherEnsemble,
  type MEASURES,
  type ModelConfig,
  type RunResult,
  SMALLER_PLACES,
  simulate,
  VERSION,
} from '@smart-settlement/core';
import {
  formatProblems,
  freezeScenario,
  type PlaceProvenance,
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

/** Runs every (scenario, replication) of a job in this process, in a fixed order. */
export function runJobInProcess(job: Job, onRun?: (done: number, total: number) => void): EnsembleResult {
  const configs = jobConfigs(job);
  const tasks = ensembleTasks(configs.length, job.replications);
  const runs: RunResult[] = tasks.map((task, i) => {
    const run = simulate(configs[task.scenarioIndex], { seed: job.seed, replication: task.replication });
    onRun?.(i + 1, tasks.length);
    return run;
  });
  return gatherEnsemble(configs, runs);
}

// The tidy tables' columns are defined next to their rows in core.
export { MEASURE_COLUMNS, PLACE_COLUMNS, RETENTION_COLUMNS } from '@smart-settlement/core';

/** What each measure in summary.json means. */
export const MEASURE_DESCRIPTIONS: Record<(typeof MEASURES)[number], string> = {
  retention1: 'share still in their first place 1 year after arrival (region: still in the region)',
  retention3: 'same, 3 years after arrival',
  retention5: 'same, 5 years after arrival',
  retention10: 'same, 10 years after arrival',
  matchedShare: 'share of newcomers present in jobs that match their skills, last year',
  equityMean: 'mean community equity (0-1) of newcomers present, last year',
  engagedShare: 'share of newcomers present engaged in community building, last year',
  populationChange: 'people added by the newcomers still present at the end',
  labourGap: 'vacancies left unfilled in the last year',
  programmeCost: 'programme dollars over the whole run',
  costPerRetained5: 'programme dollars per person still in their first place 5 years after arrival',
  income: "newcomers' earnings in the last year, dollars",
};

/** The summary.json document: what was run, and medians with 90% intervals. */
export function summaryDocument(
  job: Job,
  configs: ModelConfig[],
  result: EnsembleResult,
  provenance: PlaceProvenance[],
) {
  const first = configs[0];
  return {
    library: { name: '@smart-settlement/core', version: VERSION },
    region: first?.region ?? 'Ontario',
    smallerPlacesArea: SMALLER_PLACES,
    seed: job.seed,
    replications: job.replications,
    years: first?.years ?? 0,
    startYear: first?.startYear ?? 0,
    agentScale: first?.agentScale ?? 1,
    interval: 0.9,
    reference: first?.name,
    scenarios: job.scenarios.map((s, i) => ({
      name: s.name,
      description: s.description ?? '',
      policies: configs[i].policies.map((p) => ({ name: p.name, kind: p.kind, levers: p.levers })),
    })),
    places: (first?.places ?? []).map((p) => {
      const prov = provenance.find((x) => x.name === p.name);
      return {
        name: p.name,
        kind: p.kind,
        population: p.population,
        lat: p.lat,
        lon: p.lon,
        smaller: p.smaller,
        observed: prov?.observed ?? [],
        assumed: prov?.assumed ?? [],
      };
    }),
    measures: MEASURE_DESCRIPTIONS,
    summary: result.summary,
    paired: result.paired,
  };
}
