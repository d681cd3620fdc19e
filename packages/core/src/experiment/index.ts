// Experiment mathematics: designs, sensitivity analysis and ABC calibration.
// Pure computation: no Node-only module, no I/O; randomness is always injected.
export {
  type AbcDistance,
  type AbcGeneration,
  type AbcPrior,
  type AbcRejectionOptions,
  type AbcRejectionResult,
  type AbcSimulator,
  type AbcSmcOptions,
  type AbcSmcResult,
  abcRejection,
  abcSmc,
  euclideanDistance,
} from './abc.js';
export { factorialDesign, factorialLevels, fullFactorial, fullFactorialRows } from './factorial.js';
export { latinHypercube, latinHypercubeRows } from './latin-hypercube.js';
export {
  type MorrisAnalyzeOptions,
  type MorrisResult,
  morrisAnalyze,
  morrisDelta,
  morrisSample,
  morrisTrajectories,
} from './morris.js';
export {
  namedParameters,
  type ParameterRange,
  scaleUnitPoint,
  scaleUnitPoints,
  scaleUnitValue,
  unitValue,
} from './parameters.js';
export {
  type SaltelliOptions,
  type SaltelliOutputs,
  saltelliRows,
  saltelliSample,
  splitSaltelliOutputs,
} from './saltelli.js';
export type { MorrisRow, SobolRow } from './sensitivity-rows.js';
export {
  type SobolIndicesOptions,
  type SobolIndicesResult,
  sobolFirstOrder,
  sobolIndices,
  sobolSecondOrder,
  sobolTotalOrder,
} from './sobol-indices.js';
export { SOBOL_MAX_DIMENSION, SobolSequence, sobolSequence } from './sobol-sequence.js';
export {
  cholesky,
  normalQuantile,
  quantile,
  standardNormal,
  weightedCovariance,
  weightedMean,
} from './statistics.js';
