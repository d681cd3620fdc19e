// @smart-settlement/scenarios: Ontario's places, the intake, the policies and the scenario schema.
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
export { DEFAULT_COMPARISON, LIBRARY, namedScenario } from './library.js';
export { baselineSchema } from './policies/baseline.js';
export { type DispersionLevers, dispersion, dispersionSchema } from './policies/dispersion.js';
export {
  BLOCK_SHARES,
  choosePilots,
  type EngagementLevers,
  engagement,
  engagementSchema,
  readiness,
} from './policies/engagement.js';
export { type HybridLevers, hybrid, hybridSchema } from './policies/hybrid.js';
export { type PlaceSelector, placeSelector, selectPlaces } from './policies/select.js';
export { type WelcomeLevers, welcome, welcomeSchema } from './policies/welcome.js';
export { buildPolicy, ontarioPlaces, resolveScenario, ScenarioError, validateScenario } from './resolve.js';
export {
  intakeSchema,
  POLICY_TYPES,
  type PolicySpec,
  paramsSchema,
  placeOverrideSchema,
  policySchema,
  type Scenario,
  scenarioJsonSchema,
  scenarioSchema,
} from './schema/scenario.js';
export * from './schema/types.js';
export { setLever } from './set-lever.js';
