// Every text the `settle` command shows, in one place: its help, its messages (errors and
// what it prints), and the errors that carry a message with an exit status.
import type { MorrisRow, SobolRow } from '@smart-settlement/core';
import type { PosteriorSummaryRow, PredictiveRow } from '@smart-settlement/runner';

/** The help of every command (`settle --help`, `settle help <command>`, `settle <command> --help`). */
export const help = {
  program: 'simulate immigrant settlement policy (Smart Settlement)',
  /** After the list of commands in `settle --help`. */
  footer: `
--out DIR (run, compare, export) is a new folder or one settle wrote itself: a folder of other
files, a file, the current folder, a parent of it or the home folder is refused (exit 2).
sweep, sensitivity and calibrate write into their folder run by run: rerun the same command to resume.
Fleet commands need the fleet secret in SETTLE_FLEET_SECRET, SETTLE_FLEET_SECRET_FILE or
--fleet-secret-file FILE, and a Redis password in REDIS_URL or --redis-password-file FILE.

Exit status: 0 done, 1 failed while running, 2 bad input (nothing written), 130 stopped (work so far saved).`,
  version: 'the library version',
  help: 'this help',
  helpCommand: "a command's help",
  command: {
    list: 'the named scenarios',
    run: 'one scenario, N replications, into a results folder (or reproduce one with --from)',
    compare: 'several scenarios, paired against the first (default: the baseline and the policies)',
    validate: 'check a scenario or experiment file without running it',
    schema: 'print the JSON Schema of scenario (or experiment) files',
    calibrationReport: 'regenerate docs/CALIBRATION.md (the baseline against the observed retention)',
    sweep: "run an experiment's design into DIR/results.duckdb (resumable)",
    sensitivity: 'sweep, then Sobol or Morris indices (table and chart)',
    calibrate: 'ABC rejection then SMC against targets; posterior, checks, calibrated-scenario.json',
    export: "an experiment store's tables as Parquet or CSV files for R, pandas, DuckDB",
    explore: 'the scenario explorer: one offline web page to move levers in',
    chart: 'one chart of a results folder',
    report: 'redraw DIR/charts/ and DIR/report.html from the saved tables',
    worker: "run sweeps' runs on this machine for a fleet (docs/CLUSTER.md)",
  },
  argument: {
    scenario: 'a named scenario (see settle list) or a scenario file',
    scenarios: 'named scenarios or scenario files; the first is the reference the others are paired with',
    explored: 'named scenarios or scenario files (default: one per policy); the first is the reference',
    fileToValidate: 'a scenario file, or an experiment file (one with a design or a calibration)',
    schemaKind: 'scenario (default) or experiment',
    experiment: 'an experiment file (see examples/experiments/)',
    resultsFolder: 'a results folder written by settle run or settle compare',
    experimentFolder: 'an experiment folder (the --out DIR of sweep, sensitivity or calibrate)',
    chart: (names: readonly string[]) => `the chart: ${names.join(', ')}`,
  },
  option: {
    out: {
      results:
        'the results folder: a new folder, or one settle wrote itself (a folder of other files is refused)',
      experiment: 'the experiment folder (rerun with the same DIR to resume)',
      export: 'the folder for the files (default: DIR/export-FORMAT)',
      explorer: 'the HTML file to write the explorer into',
      chart: 'the file to write the chart into (its extension gives the format)',
      calibration: 'the Markdown file to write (default: docs/CALIBRATION.md)',
    },
    years: "years to simulate (default: the scenario's, 20)",
    replications: "replications (default: the scenario's, 10)",
    calibrationReplications: 'replications of the baseline (default: 20)',
    explorerReplications: "replications of each run in the page (default: the explorer's)",
    seed: "base seed (default: the scenario's, 1)",
    set: 'set a lever or parameter, e.g. --set dispersion.termYears=6 --set params.utilEquity=0 (repeatable)',
    from: 'reproduce the results folder of this manifest.json byte for byte (with --out)',
    workers:
      "worker threads (default: the machine's cores; 0 = in this process); the results are the same whatever N",
    quiet: 'no progress output',
    maxMemory:
      "refuse a job whose memory estimate is larger (e.g. 8G; default: three quarters of this machine's memory)",
    force: 'also replace an earlier settle folder (never one with other files)',
    json: 'the scenarios as JSON',
    chartFormat: (formats: readonly string[]) =>
      `${formats.join(', ')} (default: from FILE's extension, else svg)`,
    exportFormat: (formats: readonly string[]) => `${formats.join(' or ')} (default: ${formats[0]})`,
    scale: 'PNG pixels per chart pixel, from 0.25 to 20 (3.125 gives 300 dpi)',
    agentScale: "people an agent stands for in the page's runs (default: the explorer's)",
    redis:
      "the fleet's Redis, redis://HOST:PORT: the runs go to settle worker processes (REDIS_URL keeps a password out of ps)",
    workerRedis:
      "the fleet's Redis, redis://HOST:PORT (default: REDIS_URL, which keeps a password out of ps)",
    redisPasswordFile: 'a file holding the Redis password (one line)',
    fleetSecretFile: 'a file holding the fleet secret (else SETTLE_FLEET_SECRET_FILE or SETTLE_FLEET_SECRET)',
    concurrency: 'runs at once on this machine (default: its cores)',
    lockSeconds: 'seconds without news after which a run goes back to the queue (default: 30)',
  },
};

/** User text in a message: quoted, and cut to 100 characters. */
function quoted(text: string): string {
  return JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text);
}

export const msg = {
  unknownCommand: (c: string, allowed: string[]) =>
    `settle: unknown command ${quoted(c)}; allowed: ${allowed.join(', ')}`,
  unknownOption: (o: string, allowed: string[]) =>
    `settle: unknown option ${quoted(o)}; allowed: ${allowed.join(', ')}`,
  renamedCommand: (old: string, now: string) =>
    `settle: unknown command ${quoted(old)}: it is now called "${now}"; run settle ${now} (settle help ${now} for its options)`,
  commandLine: (command: string | undefined, problem: string) =>
    `settle${command ? ` ${command}` : ''}: ${problem.replace(/^error: /, '')}`,
  missingValue: (o: string) => `settle: option ${o} needs a value`,
  badInteger: (o: string, v: string, min: number, max: number) =>
    `settle: option ${o}: got "${v}"; allowed: an integer from ${min} to ${max}`,
  needOut: 'settle: --out DIR is required (the folder to write the results into)',
  needOutFrom: (manifest: string) =>
    `settle run --from ${manifest}: --out DIR is required (a new folder, or a results folder settle wrote); e.g. --out ${manifest.replace(/[/\\]?manifest\.json$/, '') || '.'}-again`,
  badMemory: (v: string) =>
    `settle: option --max-memory: got "${v}"; allowed: bytes from 1M to 1000T, as a number or with a unit (512M, 8G, 1.5T)`,
  overBudget: (command: string, problem: string) =>
    `settle ${command}: refused before running: it ${problem}`,
  needScenario:
    'settle run: name a scenario (see `settle list`) or a scenario file, or give --from DIR/manifest.json',
  needFileToValidate: 'settle validate: name a scenario file or an experiment file',
  scenarioLine: (name: string, width: number, description: string) => `${name.padEnd(width)}  ${description}`,
  unknownScenario: (s: string, known: string[]) =>
    `settle: ${quoted(s)} is neither a named scenario nor a file; named scenarios: ${known.join(', ')}`,
  unreadable: (file: string, why: string) => `settle: cannot read ${file}: ${why}`,
  badJson: (file: string, why: string) => `settle: ${file} is not valid JSON: ${why}`,
  notAFile: (file: string) =>
    `settle: ${file}: got something that is not a regular file (a folder or a device); allowed: a JSON file`,
  tooLarge: (file: string, bytes: number, max: number) =>
    `settle: ${file}: got a file of ${bytes.toLocaleString('en-US')} bytes or more; allowed: at most ${max.toLocaleString('en-US')} bytes (10 MiB)`,
  tooDeep: (file: string, at: string, max: number) =>
    `settle: ${file}: got lists or objects nested more than ${max} levels deep (at ${at}); allowed: at most ${max} levels`,
  notScenarioFile: (command: string, file: string, scenario: string, problems: number) =>
    `settle ${command}: invalid experiment ${file}:\nscenario: got ${quoted(scenario)}, a file that is not a valid scenario (${problems} problem${problems > 1 ? 's' : ''}; run settle validate on it to see them); allowed: a named scenario, a scenario file or an inline scenario object`,
  invalidScenario: (where: string, problems: string) => `settle: invalid scenario ${where}:\n${problems}`,
  badSet: (why: string) => `settle: ${why}`,
  badManifest: (file: string, why: string) => `settle: ${file} is not a results manifest: ${why}`,
  manifestShape: 'expected kind "smart-settlement-results" and a list of scenarios',
  valid: (file: string, name: string) => `${file}: valid scenario "${name}"`,
  validExperiment: (file: string, name: string, runs: number) =>
    `${file}: valid experiment "${name}"${runs > 0 ? ` (${runs} runs)` : ' (calibration)'}`,
  wrote: (dir: string, files: string[], seconds: number) =>
    `Wrote ${dir}/ (${files.join(', ')}) in ${seconds.toFixed(1)} s`,
  reproduce: (dir: string) =>
    `Reproduce with: settle run --from ${dir}/manifest.json --out ${dir}-again (then diff -r ${dir} ${dir}-again)`,
  failed: (why: string) => `settle: failed: ${why}`,
  duplicateScenario: (name: string) =>
    `settle compare: scenario "${name}" is named twice; each must be distinct`,
  needResults: (cmd: string) =>
    `settle ${cmd}: name a results folder (one written by settle run or settle compare)`,
  notResults: (cmd: string, dir: string, why: string) =>
    `settle ${cmd}: "${dir}" is not a results folder: ${why}; allowed: a folder written by settle run or settle compare (with summary.json, retention.csv and places.csv)`,
  needChart: (allowed: readonly string[]) => `settle chart: name a chart; allowed: ${allowed.join(', ')}`,
  unknownChart: (chart: string, allowed: readonly string[]) =>
    `settle chart: unknown chart "${chart}"; allowed: ${allowed.join(', ')}`,
  unknownFormat: (format: string, allowed: readonly string[]) =>
    `settle chart: option --format: got "${format}"; allowed: ${allowed.join(', ')}`,
  badScale: (value: string) =>
    `settle: option --scale: got "${value}"; allowed: a number from 0.25 to 20 (PNG pixels per chart pixel; 3.125 gives 300 dpi)`,
  chartUnavailable: (chart: string, dir: string, why: string) =>
    `settle chart: chart "${chart}" cannot be drawn from ${dir}: it ${why}`,
  needChartOut: 'settle chart: --out FILE is required (the file to write the chart into)',
  wroteChart: (file: string) => `Wrote ${file}`,
  unknownSchema: (kind: string, allowed: readonly string[]) =>
    `settle schema: got "${kind}"; allowed: ${allowed.join(', ')}`,
  needExploreOut: 'settle explore: --out FILE is required (the HTML file to write the explorer into)',
  duplicateExplored: (name: string) =>
    `settle explore: scenario "${name}" is named twice; each must be distinct`,
  wroteExplorer: (file: string, bytes: number, names: string[]) =>
    `Wrote ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB; scenarios ${names.join(', ')}; reference ${names[0]}). Open it in a browser: it works offline, from disk.`,
  wrotePack: (dir: string, files: number, seconds: number) =>
    `Wrote ${dir}/report.html and ${dir}/charts/ (${files} files) in ${seconds.toFixed(1)} s`,
  wroteFile: (file: string) => `Wrote ${file}`,
  targetLine: (
    id: string,
    observed: number,
    median: number,
    lo: number,
    hi: number,
    pass: boolean,
    rule: string,
  ) =>
    `${id}: observed ${observed.toFixed(1)} model ${median.toFixed(1)} (${lo.toFixed(1)}-${hi.toFixed(1)}) ${pass ? 'ok' : 'MISSES'} ${rule}`,
  ...experimentMessages(),
  ...fleetMessages(),
};

/** The messages of the experiment commands (sweep, sensitivity, calibrate, export). */
function experimentMessages() {
  const f3 = (x: number) => x.toFixed(3);
  const f4 = (x: number) => x.toPrecision(4);
  const pct = (x: number) => (x * 100).toFixed(1);
  return {
    needExperiment: (command: string) =>
      `settle ${command}: name an experiment file, e.g. examples/experiments/dispersion-sobol.json`,
    invalidExperiment: (command: string, file: string, problems: string) =>
      `settle ${command}: invalid experiment ${file}:\n${problems}`,
    needExperimentOut: (command: string) =>
      `settle ${command}: --out DIR is required (the experiment folder; rerun with the same DIR to resume)`,
    otherExperiment: (why: string) => `settle: ${why}`,
    noDesign: (command: string) =>
      `settle ${command}: the experiment has no design; allowed: design with type factorial, lhs, sobol or morris`,
    stopping: '\nsettle: stopping after the runs in flight (Ctrl-C again to quit now)\n',
    sweepStopped: (command: string, saved: number, total: number, store: string) =>
      `settle ${command}: stopped with ${saved} of ${total} runs saved in ${store}; run the same command again to continue`,
    runsFailed: (failed: number, store: string) =>
      `settle: failed: ${failed} runs failed (their errors are in ${store}, table runs, column error); run the same command again to retry them`,
    swept: (
      command: string,
      total: number,
      store: string,
      recorded: number,
      alreadyDone: number,
      seconds: number,
    ) =>
      `${command}: ${total} runs in ${store} (${recorded} run now, ${alreadyDone} already done) in ${seconds.toFixed(1)} s`,
    notSensitivityDesign: (type: string | undefined) =>
      `settle sensitivity: design.type: got ${JSON.stringify(type ?? null)}; allowed: "sobol" (Sobol indices) or "morris" (screening); use settle sweep for other designs`,
    wroteSensitivity: (out: string, charts: string[]) =>
      `Wrote ${out}/sensitivity.csv, sensitivity.json, ${charts.join(', ')}`,
    sobolRow: (r: SobolRow) =>
      `${r.output}  ${r.parameter.padEnd(28)} S1 ${f3(r.S1)} [${f3(r.S1_lo)}, ${f3(r.S1_hi)}]  ST ${f3(r.ST)} [${f3(r.ST_lo)}, ${f3(r.ST_hi)}]`,
    morrisRow: (r: MorrisRow) =>
      `${r.output}  ${r.parameter.padEnd(28)} mu* ${f3(r.mu_star)} [${f3(r.mu_star_lo)}, ${f3(r.mu_star_hi)}]  mu ${f3(r.mu)}  sigma ${f3(r.sigma)}`,
    needCalibration:
      'settle calibrate: calibration: got nothing; allowed: an object with targets ("retention-targets" or a list), rejection and smc',
    badTargets: (why: string) => `settle calibrate: ${why}`,
    calibrationStopped: (store: string) =>
      `settle calibrate: stopped; the runs so far are in ${store}; run the same command again to continue`,
    calibrated: (runs: number, store: string, seconds: number, charts: string[]) =>
      `calibrate: ${runs} runs in ${store} in ${seconds.toFixed(1)} s; wrote posterior.csv, posterior-rejection.csv, posterior-summary.csv, generations.csv, predictive.csv, predictive-draws.csv, calibrated-scenario.json, calibration.json, ${charts.join(', ')}`,
    posteriorLine: (s: PosteriorSummaryRow) =>
      `${s.parameter}: median ${f4(s.median)} (90%: ${f4(s.lo)} to ${f4(s.hi)}; prior ${s.priorMin} to ${s.priorMax})`,
    predictiveLine: (p: PredictiveRow) =>
      `${p.target}: observed ${pct(p.observed)}% model ${pct(p.median)}% (90%: ${pct(p.lo)}-${pct(p.hi)}) ${p.inside ? 'inside' : 'OUTSIDE'}`,
    needExperimentFolder:
      'settle export: name an experiment folder (the --out DIR of sweep, sensitivity or calibrate)',
    notExperimentFolder: (dir: string, store: string) =>
      `settle export: ${dir}: got no ${store}; allowed: a folder written by settle sweep, sensitivity or calibrate`,
    badExportFormat: (format: string, allowed: readonly string[]) =>
      `settle export: --format: got "${format}"; allowed: ${allowed.join(', ')}`,
    wroteExport: (out: string, files: string[]) => `Wrote ${out}/ (${files.join(', ')})`,
  };
}

/** The messages of the fleet commands (settle worker, sweep and sensitivity with --redis). */
function fleetMessages() {
  return {
    needRedis: (command: string) =>
      `settle ${command}: --redis redis://HOST:PORT is required (or set REDIS_URL, which keeps a password out of \`ps\`)`,
    passwordInPs: (command: string) =>
      `note: the password in --redis is visible to every user of this machine (ps); give it in REDIS_URL or --redis-password-file FILE instead (settle ${command})`,
    /** A line of a fleet command, or the message of a fleet error (cluster's FleetInputError). */
    fleetLine: (command: string, line: string) => `settle ${command}: ${line}`,
    workerConnected: (url: string, concurrency: number, budget: string) =>
      `connected to ${url}, ${concurrency} runs at once, at most ${budget} a run; waiting for experiments (Ctrl-C to stop)`,
    workerStopping: 'stopping after the runs in progress (Ctrl-C again to quit now)',
    workerStopped: (runs: number, refused: number) =>
      `stopped after ${runs} runs${refused > 0 ? ` (${refused} jobs refused: see the lines above)` : ''}`,
    fleetOptionWithoutRedis: (command: string, option: string) =>
      `settle ${command}: --${option} applies only with --redis redis://HOST:PORT (runs on the fleet)`,
    workersWithRedis: (command: string) =>
      `settle ${command}: --workers is for runs on this machine; with --redis the runs go to \`settle worker\` processes (give them --concurrency N)`,
    fleetRuns: (runs: number, url: string) =>
      `${runs} runs to do on the fleet at ${url} (start workers with: settle worker --redis ${url})`,
    fleetWorkers: (workers: number) => `${workers} worker${workers === 1 ? '' : 's'} connected`,
    fleetRejected: (results: number, jobs: number) =>
      `refused ${results} results and removed ${jobs} jobs without the fleet secret's code or malformed (see the lines above): is someone else writing to this Redis?`,
  };
}

/** Exit statuses. */
export const EXIT = { ok: 0, failed: 1, badInput: 2, interrupted: 130 } as const;

/** An error that ends a command with a message for the user and an exit status: printed without a stack. */
export class SettleError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'SettleError';
  }
}

/** An error the user caused: printed without a stack, exit status 2, nothing written. */
export class InputError extends SettleError {
  constructor(message: string) {
    super(message, EXIT.badInput);
    this.name = 'InputError';
  }
}

/** Runs failed while the command ran (their errors are saved): exit status 1. */
export class RunsFailedError extends SettleError {
  constructor(message: string) {
    super(message, EXIT.failed);
    this.name = 'RunsFailedError';
  }
}

/** Stopped by Ctrl-C or SIGTERM with the work so far saved: exit status 130, at once. */
export class InterruptedError extends SettleError {
  constructor(message: string) {
    super(message, EXIT.interrupted);
    this.name = 'InterruptedError';
  }
}
