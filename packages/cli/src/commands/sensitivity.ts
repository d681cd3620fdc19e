import { join } from 'node:path';
import {
  analyseSensitivity,
  ResultsStore,
  type SensitivityResult,
  storeOptions,
  writeFileAtomically,
} from '@smart-settlement/runner';
import { type SettleCommand, settleCommand } from '../command.js';
import { sensitivityFiles, writeCharts } from '../experiment/charts.js';
import { experimentOut, STORE_FILE } from '../experiment/folder.js';
import { loadExperiment } from '../experiment/load.js';
import { reportSweep, sweepInto } from '../experiment/sweep-into.js';
import { help, InputError, msg } from '../messages.js';
import { experimentOptions, fleetOptions, type Options } from '../options.js';
import { toJson } from '../output/csv.js';
import { print } from '../output/terminal.js';

/**
 * `settle sensitivity <experiment> --out DIR`: runs (or resumes) the sweep of a Sobol or
 * Morris experiment, then writes DIR/sensitivity.csv, DIR/sensitivity.json and the chart.
 */
export function sensitivityCommand(): SettleCommand {
  return settleCommand('sensitivity', help.command.sensitivity)
    .argument('[experiment]', help.argument.experiment)
    .addOptions(experimentOptions())
    .addOptions(fleetOptions())
    .action(sensitivity);
}

async function sensitivity(file: string | undefined, options: Options): Promise<void> {
  const started = Date.now();
  const plan = loadExperiment(file, 'sensitivity', options);
  const type = plan.experiment.design?.type;
  if (type !== 'sobol' && type !== 'morris') throw new InputError(msg.notSensitivityDesign(type));
  const out = experimentOut(options, 'sensitivity');
  const summary = await sweepInto(plan, out, options, 'sensitivity');
  reportSweep(summary, out, 'sensitivity', started);
  const store = await ResultsStore.open(join(out, STORE_FILE), storeOptions(plan));
  let result: SensitivityResult;
  try {
    result = await analyseSensitivity(plan, store);
  } finally {
    store.close();
  }
  const files = await sensitivityFiles(result, plan.experiment.name);
  writeFileAtomically(join(out, 'sensitivity.csv'), files.csv);
  writeFileAtomically(
    join(out, 'sensitivity.json'),
    toJson({
      experiment: plan.experiment.name,
      method: result.method,
      points: result.points,
      replications: plan.replications,
      seconds: (Date.now() - started) / 1000,
      rows: result.rows,
    }),
  );
  const charts = await writeCharts(out, [{ name: 'sensitivity', spec: files.chart }]);
  print(msg.wroteSensitivity(out, charts));
  // The indices on stdout, one line per parameter and output.
  if (result.method === 'sobol') for (const r of result.rows) print(msg.sobolRow(r));
  else for (const r of result.rows) print(msg.morrisRow(r));
}
