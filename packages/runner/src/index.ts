// @smart-settlement/runner: Node-only. Worker pool, experiments and their results store.
export { executeRun, type RunOutput, type RunSpec } from './run-spec.js';
