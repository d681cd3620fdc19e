// @smart-settlement/core: what a researcher uses: the model and its configuration, ensembles,
// observers, measures and results, parameters, policies as values, experiment designs.
// The engine room (the people table, world, submodels, keyed random draws) is in
// `@smart-settlement/core/internals`, for tests and benchmarks. No Node-only module, no I/O.
export * from './config.js';
export * from './ensemble.js';
export * from './experiment/index.js';
export * from './incremental.js';
export { MeasureArrays } from './measure-arrays.js';
export * from './measures.js';
export { Model, type RunOptions, type RunResult, simulate } from './model.js';
export type { ModelConfig } from './model-config.js';
export * from './observe/areas.js';
export { ClassCostObserver, type ClassCosts } from './observe/class-costs.js';
export { COHORT_COLUMN_KINDS, COHORT_COLUMNS, type CohortRow } from './observe/cohorts.js';
export type { ColumnKind } from './observe/column-kinds.js';
export { FLOW_COLUMN_KINDS, FLOW_COLUMNS, type FlowRow } from './observe/flows.js';
export type { Observer, RunKey } from './observe/observer.js';
export { PLACE_COLUMN_KINDS, PLACE_COLUMNS, PlaceObserver, type PlaceRow } from './observe/places.js';
export {
  RETENTION_COLUMN_KINDS,
  RETENTION_COLUMNS,
  RetentionObserver,
  type RetentionRow,
} from './observe/retention.js';
export { type OrderedRunsOptions, orderedRuns } from './ordered-runs.js';
export {
  type BehaviourParams,
  DEFAULT_PARAMS,
  PARAMETER_INFO,
  PARAMETER_NAMES,
  type ParameterInfo,
  type ParameterName,
  type ParameterValue,
} from './parameters.js';
export { PlaceState } from './places.js';
export type {
  Assignment,
  IncentiveOffer,
  Policy,
  PolicyFacts,
  PolicyView,
  ProgrammeEffects,
} from './policy.js';
export { type ForkableRandom, forkableStream, PURPOSES, type Purpose, stream } from './random.js';
export * from './resources.js';
export * from './results/index.js';
export { runMeasures } from './run-measures.js';
export { SCHEDULE } from './schedule.js';
export * from './summarize.js';
export { VERSION } from './version.js';
