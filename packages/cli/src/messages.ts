// Every message the `settle` command shows, in one place.

export const USAGE = `settle: simulate immigrant settlement policy (Smart Settlement)

Usage:
  settle list [--json]                       named scenarios
  settle run <scenario|file> --out DIR       one scenario, N replications
  settle run --from DIR/manifest.json --out DIR2   reproduce a results folder
  settle compare [scenario ...] --out DIR    several scenarios, paired (default: the five policies)
  settle validate <file>                     check a scenario or experiment file
  settle schema [scenario|experiment]        print the JSON Schema of scenario (or experiment) files
  settle calibration [--out FILE]            regenerate docs/CALIBRATION.md (baseline vs targets)
  settle sweep <experiment> --out DIR        run an experiment's design into DIR/results.duckdb (resumable)
  settle sensitivity <experiment> --out DIR  sweep, then Sobol or Morris indices (table and chart)
  settle calibrate <experiment> --out DIR    ABC rejection then SMC against targets; posterior, checks,
                                             calibrated-scenario.json
  settle export <DIR> [--format parquet|csv] [--out DIR2]   the store's tables as files for R, pandas
  settle explore [scenario|file ...] --out FILE [--agent-scale N] [--replications N] [--set path=value]
                                             the scenario explorer: one offline web page to move levers in
                                             (default: the five policies; the first is the reference)
  settle chart <DIR> <chart> --out FILE [--format svg|png|html|vl.json] [--scale N]
                                             one chart of a results folder (format from FILE's extension)
  settle report <DIR> [--scale N]            redraw DIR/charts/ and DIR/report.html from the saved tables
  (sweep, sensitivity, calibrate take --workers N and --quiet; rerun the same command to resume)
  settle worker --redis redis://HOST:PORT [--concurrency N] [--lock-seconds S] [--max-memory SIZE]
                                             run sweeps' runs on this machine for a fleet (docs/CLUSTER.md)
  (sweep and sensitivity take --redis redis://HOST:PORT: the runs go to the fleet's workers)
  (fleet commands need the fleet secret in SETTLE_FLEET_SECRET, SETTLE_FLEET_SECRET_FILE or
   --fleet-secret-file FILE; a Redis password in REDIS_URL or --redis-password-file FILE)

Options for run and compare:
  --years N          years to simulate (default: the scenario's, 20)
  --replications N   replications (default: the scenario's, 10)
  --seed N           base seed (default: the scenario's, 1)
  --set path=value   set a lever or parameter, e.g. --set dispersion.termYears=6 --set params.utilEquity=0
  --workers N        worker threads (default: the machine's cores; 0 = in this process);
                     the results are the same whatever N
  --quiet            no progress output
  --max-memory SIZE  refuse a job whose memory estimate is larger (e.g. 8G; default: three
                     quarters of this machine's memory); sweep, sensitivity, calibrate and
                     validate take it too
  --force            also replace an earlier results folder (never one with other files)

--out DIR (run, compare, export) is a new folder or one settle wrote itself: a folder of other
files, a file, the current folder, a parent of it or the home folder is refused (exit 2).

Exit status: 0 done, 1 failed while running, 2 bad input (nothing written).`;

/** User text in a message: quoted, and cut to 100 characters. */
function quoted(text: string): string {
  return JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text);
}

export const msg = {
  unknownCommand: (c: string, allowed: string[]) =>
    `settle: unknown command ${quoted(c)}; allowed: ${allowed.join(', ')}`,
  unknownOption: (o: string, allowed: string[]) =>
    `settle: unknown option ${quoted(o)}; allowed: ${allowed.join(', ')}`,
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
  valid: (file: string, name: string) => `${file}: valid scenario "${name}"`,
  validExperiment: (file: string, name: string, runs: number) =>
    `${file}: valid experiment "${name}"${runs > 0 ? ` (${runs} runs)` : ' (calibration)'}`,
  wrote: (dir: string, files: string[], seconds: number) =>
    `Wrote ${dir}/ (${files.join(', ')}) in ${seconds.toFixed(1)} s`,
  reproduce: (dir: string) => `Reproduce with: settle run --from ${dir}/manifest.json --out ${dir}`,
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
  ...fleetMessages(),
};

/** The messages of the fleet commands (settle worker, sweep and sensitivity with --redis). */
function fleetMessages() {
  return {
    needRedis: (command: string) =>
      `settle ${command}: --redis redis://HOST:PORT is required (or set REDIS_URL, which keeps a password out of \`ps\`)`,
    passwordTwice: (command: string) =>
      `settle ${command}: the Redis URL has a password and --redis-password-file gives another; allowed: one of them`,
    passwordInPs: (command: string) =>
      `note: the password in --redis is visible to every user of this machine (ps); give it in REDIS_URL or --redis-password-file FILE instead (settle ${command})`,
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
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

/** An error the user caused: printed without a stack, exit status 2, nothing written. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
