// @smart-settlement/cli: the `settle` command as a library (for tests and other front ends).

export { ResultsFolder, writeFolderAtomically } from '@smart-settlement/runner';
export { type Args, parseArgs } from './args.js';
export { addResultsStage, executeJob, manifest, type ResultsStage } from './execute.js';
export { type Job, jobConfigs, prepareJob } from './job.js';
export { loadScenario } from './load.js';
export { COMMANDS, type Command, main } from './main.js';
export { EXIT, InputError, msg } from './messages.js';
export { textCell, toCsv, toJson } from './output/csv.js';
