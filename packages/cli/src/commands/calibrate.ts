import { join } from 'node:path';
import {
  type CalibrationResult,
  calibrationTargets,
  calibrate as runCalibration,
  writeFileAtomically,
} from '@smart-settlement/runner';
import type { Args } from '../args.js';
import { InputError } from '../messages.js';
import { toCsv, toExactJson, toJson } from '../output/csv.js';
import { progressReporter } from '../progress.js';
import { experimentCharts, writeCharts } from './sensitivity.js';
import {
  experimentExecutor,
  experimentOut,
  interruptSignal,
  loadExperiment,
  openStore,
  STORE_FILE,
} from './sweep.js';

/** Posterior samples as tidy-wide CSV rows: particle, weight, distance, one column per parameter. */
function sampleRows(names: string[], sample: CalibrationResult['smc'] | CalibrationResult['rejection']) {
  return sample.particles.map((p, k) => ({
    particle: k,
    weight: sample.weights[k],
    distance: sample.distances[k],
    ...Object.fromEntries(names.map((n, i) => [n, p[i]])),
  }));
}

/**
 * `settle calibrate <experiment> --out DIR`: fits the experiment's parameters to its targets
 * by ABC (rejection, then SMC) and writes the posterior samples, a posterior predictive check,
 * charts, and DIR/calibrated-scenario.json (the scenario with the posterior medians set, to run
 * or to use as defaults). Every simulation is kept in DIR/results.duckdb; rerunning the same
 * command after an interruption reuses them.
 */
export async function calibrate(args: Args): Promise<void> {
  const started = Date.now();
  const plan = loadExperiment(args.positional[0], 'calibrate', args);
  if (!plan.experiment.calibration)
    throw new InputError(
      'settle calibrate: calibration: got nothing; allowed: an object with targets ("retention-targets" or a list), rejection and smc',
    );
  try {
    calibrationTargets(plan);
  } catch (e) {
    throw new InputError(`settle calibrate: ${(e as Error).message}`);
  }
  const out = experimentOut(args, 'calibrate');
  const quiet = args.flags.has('quiet');
  const { executor, close } = experimentExecutor(args);
  const store = await openStore(plan, out);
  writeFileAtomically(join(out, 'experiment.json'), `${JSON.stringify(plan.experiment, null, 2)}\n`);
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
      console.error(
        `settle calibrate: stopped; the runs so far are in ${out}/${STORE_FILE}; run the same command again to continue`,
      );
      store.close();
      await close();
      process.exit(130);
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
  const { posteriorChartSpec, predictiveChartSpec } = await experimentCharts();
  const charts = await writeCharts(out, [
    {
      name: 'posterior',
      spec: posteriorChartSpec(
        result.summary.map((s, i) => ({
          parameter: s.parameter,
          min: s.priorMin,
          max: s.priorMax,
          values: result.smc.particles.map((p) => p[i]),
          weights: result.smc.weights,
          median: s.median,
        })),
        {
          subtitle: [
            `ABC-SMC, ${result.smc.particles.length} particles, ${result.smc.generations.length} generations, final tolerance ${result.smc.generations.at(-1)?.epsilon.toFixed(2)} (scaled distance).`,
            `Targets: ${result.targets.map((t) => t.id).join(', ')}. Flat prior over each panel. Line: posterior median.`,
          ],
        },
      ),
    },
    {
      name: 'predictive',
      spec: predictiveChartSpec(result.predictive, {
        subtitle: [
          `${result.predictiveDraws.length} runs with parameters drawn from the posterior. Bars: 90% of runs; dots: median; diamonds: observed.`,
        ],
      }),
    },
  ]);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `calibrate: ${counts.done} runs in ${out}/${STORE_FILE} in ${seconds} s; wrote posterior.csv, posterior-rejection.csv, posterior-summary.csv, generations.csv, predictive.csv, predictive-draws.csv, calibrated-scenario.json, calibration.json, ${charts.join(', ')}`,
  );
  const f = (x: number) => x.toPrecision(4);
  for (const s of result.summary)
    console.log(
      `${s.parameter}: median ${f(s.median)} (90%: ${f(s.lo)} to ${f(s.hi)}; prior ${s.priorMin} to ${s.priorMax})`,
    );
  for (const p of result.predictive)
    console.log(
      `${p.target}: observed ${(p.observed * 100).toFixed(1)}% model ${(p.median * 100).toFixed(1)}% (90%: ${(p.lo * 100).toFixed(1)}-${(p.hi * 100).toFixed(1)}) ${p.inside ? 'inside' : 'OUTSIDE'}`,
    );
}
