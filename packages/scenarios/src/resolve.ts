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
import { buildPolicy } from './policies/registry.js';
import { check, formatProblems, type Problem } from './schema/problems.js';
import { type CheckedScenario, scenarioSchema } from './schema/scenario.js';

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
 * Checks an input (parsed JSON or a script's object) against the scenario schema (which
 * also knows the place names) and the rules a schema cannot say (shares that sum to 1,
 * one name per policy). Returns the scenario with every default filled in.
 */
export function validateScenario(
  input: unknown,
): { ok: true; scenario: CheckedScenario } | { ok: false; problems: Problem[] } {
  const checked = check(scenarioSchema, withoutSchemaLine(input));
  if (!checked.ok) return checked;
  const scenario = checked.value;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  scenario.policies.forEach((p, i) => {
    const name = p.name ?? p.type;
    if (seen.has(name))
      problems.push({
        path: `policies[${i}].name`,
        value: name,
        allowed: 'a name not used by another policy of the scenario',
      });
    seen.add(name);
  });
  const intake = scenario.intake;
  const sumsToOne = (xs: number[] | undefined, path: string) => {
    if (xs && Math.abs(xs.reduce((a, b) => a + b, 0) - 1) > 1e-6)
      problems.push({ path, value: xs, allowed: 'shares that sum to 1' });
  };
  sumsToOne(intake.occupationShares, 'intake.occupationShares');
  sumsToOne(intake.originShares, 'intake.originShares');
  const classes = intake.classes ?? DEFAULT_INTAKE.classes ?? [];
  (intake.classes ?? []).forEach((c, i) => {
    sumsToOne(c.occupationShares, `intake.classes[${i}].occupationShares`);
    const rule = c.firstPlace;
    sumsToOne([rule.choice, rule.sponsor, rule.destined], `intake.classes[${i}].firstPlace`);
  });
  const names = classes.map((c) => c.name);
  for (const name of Object.keys(intake.classShares ?? {}))
    if (!names.includes(name))
      problems.push({
        path: `intake.classShares.${name}`,
        value: name,
        allowed: `a class of the intake: ${names.join(', ')}`,
      });
  if (classes.length > 0)
    sumsToOne(
      withClassShares(classes, intake.classShares).map((c) => c.share),
      intake.classShares ? 'intake.classShares' : 'intake.classes',
    );
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

/** The classes with the shares of `classShares` (by class name) in place of their own. */
function withClassShares<C extends { name: string; share: number }>(
  classes: readonly C[],
  shares: Record<string, number> | undefined,
): C[] {
  return classes.map((c) => (shares && c.name in shares ? { ...c, share: shares[c.name] } : c));
}

/** The input without a top-level `$schema` (an editor's pointer to the JSON Schema, not part of the scenario). */
function withoutSchemaLine(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || !Object.hasOwn(input, '$schema'))
    return input;
  const { $schema: _, ...rest } = input as Record<string, unknown>;
  return rest;
}

/**
 * Turns a scenario (validated or not) into the engine's configuration: places with every
 * attribute, intake, parameters and policies. Throws ScenarioError on a bad scenario.
 */
export function resolveScenario(input: unknown): {
  config: ModelConfig;
  scenario: CheckedScenario;
  provenance: PlaceProvenance[];
} {
  const checked = validateScenario(input);
  if (!checked.ok) throw new ScenarioError(checked.problems);
  const scenario = checked.scenario;
  const { places, provenance } = ontarioPlaces();
  for (const place of places) {
    const override = scenario.places[place.name];
    if (override) Object.assign(place, override);
  }
  const { classShares, ...intakeFields } = scenario.intake;
  const intake = { ...DEFAULT_INTAKE, ...intakeFields } as IntakeSpec;
  if (intake.classes) intake.classes = withClassShares(intake.classes, classShares);
  if (scenario.intake.originShares && !scenario.intake.originNames) {
    intake.originNames = intake.originShares.map((_, i) => `origin ${i + 1}`);
  }
  const params = { ...DEFAULT_PARAMS, ...scenario.params } as BehaviourParams;
  const policies = scenario.policies.map(buildPolicy).filter((p): p is Policy => p !== undefined);
  const config: ModelConfig = {
    name: scenario.name,
    region: scenario.region,
    years: scenario.years,
    startYear: scenario.startYear,
    agentScale: scenario.agentScale,
    places,
    intake,
    params,
    policies,
  };
  return { config, scenario, provenance };
}
