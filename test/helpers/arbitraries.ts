/** fast-check generators of small valid scenarios, and of single mistakes to make in them. */

import { DEFAULT_PARAMS } from '@smart-settlement/core';
import { ONTARIO_PLACES, type PolicySpec, type Scenario } from '@smart-settlement/scenarios';
import fc from 'fast-check';

export const PLACE_NAMES = ONTARIO_PLACES.map((p) => p.name);
const SMALLER_NAMES = ONTARIO_PLACES.filter((p) => p.population < 500_000).map((p) => p.name);

const selector = fc.oneof(
  fc.constantFrom('all', 'smaller', 'mid-size', 'small', 'metro'),
  fc.uniqueArray(fc.constantFrom(...PLACE_NAMES), { minLength: 1, maxLength: 4 }),
);

const dispersionSpec = fc.record(
  {
    type: fc.constant('dispersion' as const),
    eligible: selector,
    reach: fc.double({ min: 0, max: 1, noNaN: true }),
    incentive: fc.integer({ min: 0, max: 50_000 }),
    termYears: fc.integer({ min: 0, max: 8 }),
    clawback: fc.integer({ min: 0, max: 50_000 }),
    fromYear: fc.integer({ min: 0, max: 3 }),
  },
  { requiredKeys: ['type'] },
);

const welcomeSpec = fc.record(
  {
    type: fc.constant('welcome' as const),
    places: selector,
    coverage: fc.double({ min: 0, max: 1, noNaN: true }),
    yearsCovered: fc.integer({ min: 0, max: 5 }),
    searchBoost: fc.double({ min: 0, max: 5, noNaN: true }),
    orientationBoost: fc.double({ min: 0, max: 5, noNaN: true }),
    costPerPerson: fc.integer({ min: 0, max: 10_000 }),
  },
  { requiredKeys: ['type'] },
);

const engagementSpec = fc.record(
  {
    type: fc.constant('engagement' as const),
    pilots: fc.oneof(
      fc.integer({ min: 0, max: 8 }),
      fc.uniqueArray(fc.constantFrom(...SMALLER_NAMES), { minLength: 1, maxLength: 5 }),
    ),
    candidates: selector,
    budgetPerPilot: fc.integer({ min: 0, max: 2_000_000 }),
    rampUpYears: fc.integer({ min: 1, max: 5 }),
    leadership: fc.boolean(),
    socialCapital: fc.boolean(),
    humanCapital: fc.boolean(),
  },
  { requiredKeys: ['type'] },
);

const hybridSpec = fc.record(
  {
    type: fc.constant('hybrid' as const),
    dispersion: dispersionSpec,
    engagement: engagementSpec,
  },
  { requiredKeys: ['type'] },
);

/** One policy of any kind with random valid levers. */
export const policySpec: fc.Arbitrary<PolicySpec> = fc.oneof(
  fc.constant({ type: 'baseline' as const }),
  dispersionSpec,
  welcomeSpec,
  engagementSpec,
  hybridSpec,
) as fc.Arbitrary<PolicySpec>;

/** A small valid scenario: a few years, a small intake or a large agent scale, up to three policies. */
export const smallScenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    seed: fc.nat(),
    years: fc.integer({ min: 1, max: 6 }),
    agentScale: fc.integer({ min: 100, max: 1000 }),
    perYear: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200_000 })),
    policies: fc.array(policySpec, { maxLength: 3 }),
  })
  .map(({ seed, years, agentScale, perYear, policies }) => ({
    name: 'random',
    seed,
    years,
    agentScale,
    intake: { perYear },
    // Names keep several policies of one kind distinct.
    policies: policies.map((p, i) => ({ ...p, name: `${p.type}-${i}` })),
  }));

/** A mistake in a scenario: where it is, the bad value, and the change that makes it. */
export interface Mistake {
  path: string;
  value: unknown;
  apply(s: Record<string, unknown>): void;
}

const numericParams = Object.entries(DEFAULT_PARAMS)
  .filter(([, v]) => typeof v === 'number')
  .map(([k]) => k);

const wrongType = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
);

function at(path: string, value: unknown, set: (s: Record<string, unknown>) => void): Mistake {
  return { path, value, apply: set };
}
const obj = (s: Record<string, unknown>, key: string) => {
  s[key] ??= {};
  return s[key] as Record<string, unknown>;
};
const firstPolicy = (s: Record<string, unknown>, type: string) => {
  const policy: Record<string, unknown> = { type };
  s.policies = [policy];
  return policy;
};

/** Single mistakes of every kind: wrong types, numbers out of range, unknown fields, unknown policy kinds, bad place selectors. */
export const mistakeArb: fc.Arbitrary<Mistake> = fc.oneof(
  // wrong types
  fc
    .tuple(fc.constantFrom('years', 'seed', 'agentScale', 'replications', 'startYear'), wrongType)
    .map(([k, v]) => at(k, v, (s) => (s[k] = v))),
  fc.tuple(fc.constantFrom(...numericParams), wrongType).map(([k, v]) =>
    at(`params.${k}`, v, (s) => {
      obj(s, 'params')[k] = v;
    }),
  ),
  wrongType.filter((v) => typeof v !== 'string').map((v) => at('name', v, (s) => (s.name = v))),
  // numbers out of range
  fc
    .oneof(
      fc.integer({ max: 0 }),
      fc.integer({ min: 201 }),
      fc.double({ min: 1.01, max: 199.99, noInteger: true }),
    )
    .map((v) => at('years', v, (s) => (s.years = v))),
  fc
    .oneof(fc.double({ max: -1e-9, noNaN: true }), fc.double({ min: 1.000001, noNaN: true }))
    .map((v) => at('intake.familyShare', v, (s) => (obj(s, 'intake').familyShare = v))),
  fc.constantFrom(...numericParams).map((k) =>
    at(`params.${k}`, -1000, (s) => {
      obj(s, 'params')[k] = -1000;
    }),
  ),
  fc.oneof(fc.integer({ min: 51, max: 10_000 }), fc.integer({ max: -1 })).map((v) =>
    at('policies[0].termYears', v, (s) => {
      firstPolicy(s, 'dispersion').termYears = v;
    }),
  ),
  fc.double({ min: 1.0001, max: 1e6, noNaN: true }).map((v) =>
    at('policies[0].coverage', v, (s) => {
      firstPolicy(s, 'welcome').coverage = v;
    }),
  ),
  fc
    .constantFrom('vacancyRate', 'foreignBornShare', 'learningAccess')
    .chain((k) => fc.tuple(fc.constant(k), fc.double({ min: 1.5, max: 1e6, noNaN: true })))
    .map(([k, v]) =>
      at(`places["Sault Ste. Marie"].${k}`, v, (s) => {
        obj(s, 'places')['Sault Ste. Marie'] = { [k]: v };
      }),
    ),
  // unknown fields
  fc.constantFrom('yeers', 'polices', 'Seed', 'agentscale').map((k) => at(k, 1, (s) => (s[k] = 1))),
  fc.constantFrom('perYr', 'families').map((k) =>
    at(`intake.${k}`, 1, (s) => {
      obj(s, 'intake')[k] = 1;
    }),
  ),
  fc.constantFrom('termYear', 'budget', 'uptak').map((k) =>
    at(`policies[0].${k}`, 1, (s) => {
      firstPolicy(s, 'dispersion')[k] = 1;
    }),
  ),
  // unknown policy kinds
  fc
    .oneof(fc.constantFrom('teleport', 'Dispersion', ''), fc.integer())
    .map((v) => at('policies[0].type', v, (s) => (s.policies = [{ type: v }]))),
  // bad place selectors and unknown places
  fc.constantFrom('tiny', 'Smaller', 'everywhere').map((v) =>
    at('policies[0].eligible', v, (s) => {
      firstPolicy(s, 'dispersion').eligible = v;
    }),
  ),
  fc.constantFrom('Atlantis', 'toronto', 'Sudbury').map((v) =>
    at('policies[0].places[0]', v, (s) => {
      firstPolicy(s, 'welcome').places = [v];
    }),
  ),
  fc.constantFrom('Atlantis', 'Gotham').map((v) =>
    at('policies[0].pilots[0]', v, (s) => {
      firstPolicy(s, 'engagement').pilots = [v];
    }),
  ),
  fc.constantFrom('Atlantis', 'Springfield').map((v) =>
    at(`places[${JSON.stringify(v)}]`, v, (s) => {
      obj(s, 'places')[v] = { vacancyRate: 0.01 };
    }),
  ),
);
