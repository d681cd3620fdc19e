import {
  type BehaviourParams,
  DEFAULT_PARAMS,
  type IntakeSpec,
  type ModelConfig,
  type PlaceSpec,
  type Policy,
} from '@smart-settlement/core';
import { foreignBornFit, medianGrowth, type PlaceProvenance, placeFromObserved } from './data/assumptions.js';
import { DEFAULT_INTAKE } from './data/intake.js';
import { ONTARIO_PLACES } from './data/ontario-places.js';
import { dispersion } from './policies/dispersion.js';
import { engagement } from './policies/engagement.js';
import { hybrid } from './policies/hybrid.js';
import { namedPlaces } from './policies/select.js';
import { welcome } from './policies/welcome.js';
import { type PolicySpec, type Scenario, scenarioSchema } from './schema/scenario.js';
import { formatProblems, type Problem } from './schema/types.js';

/** A scenario that failed validation: every problem names the field, the value and what is allowed. */
export class ScenarioError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'ScenarioError';
  }
}

/** Ontario's places with every attribute the model needs, and which were observed or assumed. */
export function ontarioPlaces(): { places: PlaceSpec[]; provenance: PlaceProvenance[] } {
  const fit = foreignBornFit(ONTARIO_PLACES);
  const growth = medianGrowth(ONTARIO_PLACES);
  const built = ONTARIO_PLACES.map((p) => placeFromObserved(p, fit, growth));
  return { places: built.map((b) => b.spec), provenance: built.map((b) => b.provenance) };
}

/**
 * Checks an input (parsed JSON or a script's object) against the scenario schema and the
 * rules a schema cannot say (known place names, shares that sum to 1).
 */
export function validateScenario(
  input: unknown,
): { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const scenario = scenarioSchema.check(input, '', problems);
  if (!scenario) return { ok: false, problems };
  const names = ONTARIO_PLACES.map((p) => p.name);
  const knownPlaces = `a place of ${scenario.region}: ${names.join(', ')}`;
  for (const name of Object.keys(scenario.places ?? {})) {
    if (!names.includes(name))
      problems.push({ path: `places[${JSON.stringify(name)}]`, value: name, allowed: knownPlaces });
  }
  const checkNames = (list: string[], path: string) =>
    list.forEach((name, i) => {
      if (!names.includes(name)) problems.push({ path: `${path}[${i}]`, value: name, allowed: knownPlaces });
    });
  (scenario.policies ?? []).forEach((p, i) => {
    const at = `policies[${i}]`;
    if (p.type === 'dispersion') checkNames(namedPlaces(p.eligible), `${at}.eligible`);
    if (p.type === 'welcome') checkNames(namedPlaces(p.places), `${at}.places`);
    if (p.type === 'engagement') {
      checkNames(namedPlaces(p.candidates), `${at}.candidates`);
      if (Array.isArray(p.pilots)) checkNames(p.pilots, `${at}.pilots`);
    }
    if (p.type === 'hybrid') {
      checkNames(namedPlaces(p.dispersion?.eligible), `${at}.dispersion.eligible`);
      if (Array.isArray(p.engagement?.pilots)) checkNames(p.engagement.pilots, `${at}.engagement.pilots`);
    }
  });
  const seen = new Set<string>();
  (scenario.policies ?? []).forEach((p, i) => {
    const name = p.name ?? p.type;
    if (seen.has(name))
      problems.push({
        path: `policies[${i}].name`,
        value: name,
        allowed: 'a name not used by another policy of the scenario',
      });
    seen.add(name);
  });
  const intake = scenario.intake ?? {};
  const sumsToOne = (xs: number[] | undefined, path: string) => {
    if (xs && Math.abs(xs.reduce((a, b) => a + b, 0) - 1) > 1e-6)
      problems.push({ path, value: xs, allowed: 'shares that sum to 1' });
  };
  sumsToOne(intake.occupationShares, 'intake.occupationShares');
  sumsToOne(intake.originShares, 'intake.originShares');
  const shares = intake.originShares ?? DEFAULT_INTAKE.originShares;
  const originNames = intake.originNames ?? (intake.originShares ? undefined : DEFAULT_INTAKE.originNames);
  if (originNames && originNames.length !== shares.length)
    problems.push({
      path: 'intake.originNames',
      value: originNames,
      allowed: `${shares.length} names, one per origin share`,
    });
  return problems.length ? { ok: false, problems } : { ok: true, scenario };
}

/** Builds the engine's policy for a policy spec. */
export function buildPolicy(spec: PolicySpec): Policy | undefined {
  switch (spec.type) {
    case 'baseline':
      return undefined;
    case 'dispersion':
      return dispersion(spec);
    case 'welcome':
      return welcome(spec);
    case 'engagement':
      return engagement(spec);
    case 'hybrid':
      return hybrid(spec);
  }
}

/**
 * Turns a scenario (validated or not) into the engine's configuration: places with every
 * attribute, intake, parameters and policies. Throws ScenarioError on a bad scenario.
 */
export function resolveScenario(input: unknown): {
  config: ModelConfig;
  scenario: Scenario;
  provenance: PlaceProvenance[];
} {
  const checked = validateScenario(input);
  if (!checked.ok) throw new ScenarioError(checked.problems);
  const scenario = checked.scenario;
  const { places, provenance } = ontarioPlaces();
  for (const place of places) {
    const override = scenario.places?.[place.name];
    if (override) Object.assign(place, override);
  }
  const intake = { ...DEFAULT_INTAKE, ...scenario.intake } as IntakeSpec;
  if (scenario.intake?.originShares && !scenario.intake.originNames) {
    intake.originNames = intake.originShares.map((_, i) => `origin ${i + 1}`);
  }
  const params = { ...DEFAULT_PARAMS, ...scenario.params } as BehaviourParams;
  const policies = (scenario.policies ?? []).map(buildPolicy).filter((p): p is Policy => p !== undefined);
  const config: ModelConfig = {
    name: scenario.name,
    region: scenario.region ?? 'Ontario',
    years: scenario.years!,
    startYear: scenario.startYear!,
    agentScale: scenario.agentScale!,
    places,
    intake,
    params,
    policies,
  };
  return { config, scenario, provenance };
}
