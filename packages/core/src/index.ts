// @smart-settlement/core: the engine. No Node-only module, no I/O.
export * from './config.js';
export { createWorld } from './create-world.js';
export * from './ensemble.js';
export * from './experiment/index.js';
export * from './incremental.js';
export { MeasureArrays } from './measure-arrays.js';
export * from './measures.js';
export { Model, type RunOptions, type RunResult, simulate } from './model.js';
export type { ModelConfig } from './model-config.js';
export * from './observe/areas.js';
export { COHORT_COLUMNS, type CohortRow } from './observe/cohorts.js';
export { FLOW_COLUMNS, type FlowRow } from './observe/flows.js';
export type { Observer, RunKey } from './observe/observer.js';
export { PLACE_COLUMNS, PlaceObserver, type PlaceRow } from './observe/places.js';
export { RETENTION_COLUMNS, RetentionObserver, type RetentionRow } from './observe/retention.js';
export {
  type BehaviourParams,
  DEFAULT_PARAMS,
  PARAMETER_INFO,
  PARAMETER_NAMES,
  type ParameterInfo,
  type ParameterName,
  type ParameterValue,
} from './parameters.js';
export {
  ASSIGNED,
  BENEFIT,
  BYTES_PER_PERSON,
  DISPERSED,
  MOVER,
  PersonTable,
  SERVED,
  SPONSORED,
} from './people.js';
export { PlaceState } from './places.js';
export * from './policy.js';
export {
  counterUniform,
  PURPOSES,
  type Purpose,
  type StreamKeys,
  stream,
  streamKey,
  streamKeys,
} from './random.js';
export * from './resources.js';
export * from './results/index.js';
export { runMeasures } from './run-measures.js';
export { SCHEDULE, step } from './schedule.js';
export { arrivals } from './submodels/arrivals.js';
export { quotaPick } from './submodels/assignment.js';
export { equity } from './submodels/equity.js';
export { labour } from './submodels/labour.js';
export { learning } from './submodels/learning.js';
export { type AcceptanceInputs, acceptanceProbability, termCost } from './submodels/offer-acceptance.js';
export { openInitialVacancies, placesRespond } from './submodels/places-respond.js';
export { policiesAct } from './submodels/policies-act.js';
export { drawMover, moverExitExtra } from './submodels/propensity.js';
export { relocation, relocationTables } from './submodels/relocation.js';
export { ties } from './submodels/ties.js';
export * from './summarize.js';
export { VERSION } from './version.js';
export { resetTallies, type Scratch, type World, type YearTallies } from './world.js';
export { refreshYearTables } from './year-tables.js';
