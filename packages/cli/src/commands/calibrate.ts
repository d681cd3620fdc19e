import { join } from 'node:path';
import {
  type CalibrationResult,
  calibrationTargets,
  calibrate as runCalibration,
  writeFileAtomically,
} from '@smart-settlement/runner';
import { type SettleCommand, settleCommand } from '../command.js';
import { calibrationCharts, writeCharts } from '../experiment/charts.js';
import { experimentOut, openStore, storePath } from '../experiment/folder.js';
import { interruptSignal } from '../experiment/interrupt.js';
import { loadExperiment } from '../experiment/load.js';
import { experimentExecutor } from '../experiment/sweepers.js';
import { help, InputError, InterruptedError, msg } from '../messages.js';
import { experimentOptions, type Options } from '../options.js';
import { toCsv, toExactJson, toJson } from '../output/csv.js';
import { print } from '../output/terminal.js';
import { progressReporter } from '../progress.js';

/**
 * `settle calibrate <experiment> --out DIR`: fits the experiment's parameters to its targets
 * by ABC (rejection, then SMC) and writes the posterior samples, a posterior predictive check,
 * charts, and DIR/calibrated-scenario.json (the scenario with the posterior medians set, to run
 * or to use as defaults). Every simulation is kept in DIR/results.duckdb; rerunning the same
 * command after an interruption reuses them.
 */
export function calibrateCommand(): SettleCommand {
  return settleCommand('calibrate', help.command.calibrate)
    .argument('[experiment]', help.argument.experiment)
    .addOptions(experimentOptions())
    .action(calibrate);
}

/** Posterior samples as tidy-wide CSV rows: particle, weight, distance, one column per parameter. */
function sampleRows(names: string[], sample: CalibrationResult['smc'] | CalibrationResult['rejection']) {
  return sample.particles.map((p, k) => ({
    particle: k,
    weight: sample.weights[k],
    distance: sample.distances[k],
    ...Object.fromEntries(names.map((n, i) => [n, p[i]])),
  }));
}

async function calibrate(file: string | undefined, options: Options): Promise<void> {
  const started = Date.now();
  const plan = loadExperiment(file, 'calibrate', options);
  if (!plan.experiment.calibration) throw new InputError(msg.needCalibration);
  try {
    calibrationTargets(plan);
  } catch (e) {
    throw new InputError(msg.badTargets((e as Error).message));
  }
  const out = experimentOut(options, 'calibrate');
  const quiet = options.quiet === true;
  const { executor, close } = experimentExecutor(options);
  const store = await openStore(plan, out);
  const interrupt = interruptSignal(quiet);
  const bars = new Map<string, ReturnType<typeof progressReporter>>();
  let result: CalibrationResult;
  try {
    result = await runCalibration(plan, store, executor, {
      signal: interrupt.signal,
      onProgress: (stage, done, total) => {
        let bar = bars.get(stage);
        if (!bar) {
          for (const b of bars.values()) b.end();
          bars.clear();
          bar = progressReporter(`calibrate ${stage}`, quiet);
          bars.set(stage, bar);
        }
        bar.update(done, total);
      },
    });
  } catch (e) {
    if (interrupt.signal.aborted) {
      store.close();
      await close();
      throw new InterruptedError(msg.calibrationStopped(storePath(out)));
    }
    throw e;
  } finally {
    for (const b of bars.values()) b.end();
    interrupt.dispose();
  }
  const counts = await store.counts();
  store.close();
  await close();

  const names = plan.parameterNames;
  writeFileAtomically(
    join(out, 'posterior.csv'),
    toCsv(sampleRows(names, result.smc), ['particle', 'weight', 'distance', ...names] as never[]),
  );
  writeFileAtomically(
    join(out, 'posterior-rejection.csv'),
    toCsv(sampleRows(names, result.rejection), ['particle', 'weight', 'distance', ...names] as never[]),
  );
  writeFileAtomically(
    join(out, 'posterior-summary.csv'),
    toCsv(result.summary, ['parameter', 'mean', 'median', 'lo', 'hi', 'priorMin', 'priorMax']),
  );
  writeFileAtomically(
    join(out, 'generations.csv'),
    toCsv(
      result.smc.generations.map((g, k) => ({ generation: k, ...g })),
      ['generation', 'epsilon', 'simulations', 'acceptanceRate', 'effectiveSampleSize'],
    ),
  );
  writeFileAtomically(
    join(out, 'predictive.csv'),
    toCsv(result.predictive, ['target', 'area', 'measure', 'observed', 'median', 'lo', 'hi', 'inside']),
  );
  writeFileAtomically(
    join(out, 'predictive-draws.csv'),
    toCsv(
      result.predictiveDraws.map((d, k) => ({
        draw: k,
        ...Object.fromEntries(names.map((n, i) => [n, d.particle[i]])),
        ...Object.fromEntries(result.targets.map((t, i) => [t.id, d.values[i]])),
      })),
      ['draw', ...names, ...result.targets.map((t) => t.id)] as never[],
    ),
  );
  writeFileAtomically(join(out, 'calibrated-scenario.json'), toExactJson(result.calibratedScenario));
  writeFileAtomically(
    join(out, 'calibration.json'),
    toJson({
      experiment: plan.experiment.name,
      targets: result.targets,
      calibrated: result.calibrated,
      rejection: { epsilon: result.rejection.epsilon, simulations: result.rejection.simulations },
      smc: {
        epsilons: result.smc.generations.map((g) => g.epsilon),
        simulations: result.smc.simulations,
        budgetExhausted: result.smc.budgetExhausted,
      },
      runs: counts.done,
      seconds: (Date.now() - started) / 1000,
    }),
  );
  const charts = await writeCharts(out, await calibrationCharts(result));
  print(msg.calibrated(counts.done, storePath(out), (Date.now() - started) / 1000, charts));
  for (const s of result.summary) print(msg.posteriorLine(s));
  for (const p of result.predictive) print(msg.predictiveLine(p));
}
