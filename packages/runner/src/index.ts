// @smart-settlement/runner: Node-only. Worker pool, experiments and their results store.

export {
  type CalibrationResult,
  calibrate,
  calibrationTargets,
  type PosteriorSummaryRow,
  type PredictiveRow,
  targetDistance,
  weightedQuantile,
} from './experiment/calibration.js';
export { type CalibrationTarget, defaultRetentionTargets } from './experiment/calibration-targets.js';
export {
  buildDesign,
  type Design,
  type DesignPoint,
  designBytes,
  designPointCount,
  designPoints,
  parameterRange,
} from './experiment/design.js';
export { inProcessExecutor, type RunExecutor } from './experiment/executor.js';
export {
  checkExperimentShape,
  type DesignSpec,
  type Experiment,
  ExperimentError,
  experimentJsonSchema,
  experimentSchema,
  type OutputSpec,
  outputName,
  type ParameterSpec,
  parameterName,
} from './experiment/experiment.js';
export { recordExperiment } from './experiment/meta.js';
export { ExperimentPlan } from './experiment/plan.js';
export { type PointRow, pointTableChunks } from './experiment/point-table.js';
export {
  checkExperimentBudget,
  type ExperimentResources,
  experimentResources,
} from './experiment/resources.js';
export {
  analyseSensitivity,
  pointOutputs,
  type SensitivityResult,
} from './experiment/sensitivity.js';
export {
  type PendingSweep,
  pendingSweep,
  planRunRecords,
  type RunPendingOptions,
  runPending,
  runSweep,
  type SweepSummary,
  storeOptions,
} from './experiment/sweep.js';
export { prepareExperimentFolder } from './output/experiment-folder.js';
export { OutputFolderError } from './output/folder-error.js';
export {
  checkTarget,
  EXPORT_FOLDER,
  type FolderKind,
  MARKER_FILE,
  RESULTS_FOLDER,
  refuseProtected,
  type TargetState,
} from './output/folder-rule.js';
export {
  ResultsFolder,
  type ResultsFolderOptions,
  writeChunksAtomically,
  writeFileAtomically,
  writeFolderAtomically,
} from './output/results-folder.js';
export { poolWorkers } from './pool/pool-workers.js';
export { defaultWorkers, RunPool, type RunPoolOptions } from './pool/run-pool.js';
export { executeRun, type RunOutput, type RunSpec } from './run-spec.js';
export { EXPORT_FORMATS, type ExportFormat, exportStore } from './store/export.js';
export {
  ResultsStore,
  type ResultsStoreOptions,
  type RunRecord,
  type StoreCounts,
  StoreMismatchError,
} from './store/results-store.js';
export type { StoreTable } from './store/tables.js';
