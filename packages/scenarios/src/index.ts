// @smart-settlement/scenarios: Ontario's places, the intake, the policies and the scenario schema.

export { cloneJson } from './clone-json.js';
export {
  distanceKm,
  foreignBornFit,
  medianGrowth,
  PLACE_ASSUMPTIONS,
  type PlaceProvenance,
  placeFromObserved,
} from './data/assumptions.js';
export { DEFAULT_INTAKE } from './data/intake.js';
export { type ObservedPlace, ONTARIO_PLACES } from './data/ontario-places.js';
export { RETENTION_TARGETS, type RetentionTarget } from './data/retention-targets.js';
export { freezeScenario } from './freeze.js';
export { jsonDepthProblem, MAX_JSON_DEPTH } from './json-depth.js';
export { DEFAULT_COMPARISON, LIBRARY, namedScenario } from './library.js';
export { baselinePolicy } from './policies/baseline.js';
export { definePolicy, type LeverSchema, type PolicyDefinition } from './policies/definition.js';
export {
  type DispersionLevers,
  dispersion,
  dispersionPolicy,
  dispersionSchema,
} from './policies/dispersion.js';
export {
  BLOCK_SHARES,
  choosePilots,
  type EngagementLevers,
  engagement,
  engagementPolicy,
  engagementSchema,
  readiness,
} from './policies/engagement.js';
export { type HybridLevers, hybrid, hybridPolicy, hybridSchema } from './policies/hybrid.js';
export {
  buildPolicy,
  POLICIES,
  POLICY_TYPES,
  type PolicyLevers,
  type PolicySpec,
  type PolicyType,
  policySchema,
} from './policies/registry.js';
export {
  KNOWN_PLACES,
  type PlaceSelector,
  placeName,
  placeNames,
  placeSelector,
  selectPlaces,
} from './policies/select.js';
export { type WelcomeLevers, welcome, welcomePolicy, welcomeSchema } from './policies/welcome.js';
export { isReservedKey, ownValue, RESERVED_KEYS } from './reserved-keys.js';
export { ontarioPlaces, resolveScenario, ScenarioError, validateScenario } from './resolve.js';
export * from './schema/fields.js';
export * from './schema/problems.js';
export {
  type CheckedScenario,
  intakeSchema,
  paramsSchema,
  placeOverrideSchema,
  type Scenario,
  scenarioJsonSchema,
  scenarioSchema,
} from './schema/scenario.js';
export { setLever } from './set-lever.js';
export { MAX_SHOWN_LENGTH, showValue } from './show-value.js';
