// @smart-settlement/cli: the `settle` command as a library (for tests and other front ends).

export { ResultsFolder, writeFolderAtomically } from '@smart-settlement/runner';
export { SettleCommand } from './command.js';
export { addResultsStage, executeJob, manifest, type ResultsStage } from './execute.js';
export { type Job, jobConfigs, prepareJob } from './job.js';
export { loadScenario } from './load.js';
export { main, settleProgram } from './main.js';
export { EXIT, help, InputError, InterruptedError, msg, RunsFailedError, SettleError } from './messages.js';
export { type Options, option } from './options.js';
export { textCell, toCsv, toJson } from './output/csv.js';
