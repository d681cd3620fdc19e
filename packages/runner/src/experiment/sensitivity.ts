import { type MorrisRow, morrisAnalyze, type SobolRow, sobolIndices, stream } from '@smart-settlement/core';
import type { ResultsStore } from '../store/results-store.js';
import { designPoints } from './design.js';
import { type OutputSpec, outputName } from './experiment.js';
import type { ExperimentPlan } from './plan.js';

/** Sensitivity indices of every output of an experiment. */
export type SensitivityResult =
  | { method: 'sobol'; samples: number; points: number; rows: SobolRow[] }
  | { method: 'morris'; trajectories: number; points: number; rows: MorrisRow[] };

/**
 * An output's value at every design point: the mean over the point's replications (in
 * replication order, so the sum, and the number, never depend on who ran what). Throws if a
 * point has no complete set of values (a run not done, or a measure that was undefined).
 */
export async function pointOutputs(
  plan: ExperimentPlan,
  store: ResultsStore,
  output: OutputSpec,
): Promise<number[]> {
  const rows = await store.measureValues(output.measure, output.area ?? 'Smaller places', 'sweep');
  const sums = new Float64Array(plan.pointCount);
  const counts = new Int32Array(plan.pointCount);
  for (const row of rows) {
    if (!Number.isFinite(row.value) || row.point >= sums.length) continue;
    sums[row.point] += row.value;
    counts[row.point] += 1;
  }
  const missing = [...counts.keys()].filter((k) => counts[k] !== plan.replications);
  if (missing.length > 0) {
    throw new Error(
      `output ${outputName(output)} has no value for every replication at ${missing.length} design point(s), e.g. point ${missing[0]}: a run is not done, or the measure is undefined there (no one arrived, nothing spent)`,
    );
  }
  return Array.from(sums, (s, k) => s / counts[k]);
}

/**
 * Sensitivity indices of each output of a finished sweep: Sobol first-order and total
 * indices (Saltelli's scheme, Jansen's estimator, bootstrap 95% intervals) for a Sobol
 * design, Morris mu, mu* and sigma for a Morris design. The bootstrap draws come from the
 * experiment's seed, so the table is the same on every rerun.
 */
export async function analyseSensitivity(
  plan: ExperimentPlan,
  store: ResultsStore,
): Promise<SensitivityResult> {
  const design = plan.experiment.design;
  const names = plan.parameterNames;
  const seed = plan.experiment.seed;
  if (design?.type === 'sobol') {
    const rows: SobolRow[] = [];
    for (const output of plan.experiment.outputs) {
      const y = await pointOutputs(plan, store, output);
      const r = sobolIndices(y, names.length, {
        random: stream(seed, 0, `sobol-bootstrap-${outputName(output)}`),
        resamples: design.resamples,
        secondOrder: design.secondOrder,
      });
      names.forEach((parameter, i) => {
        rows.push({
          output: outputName(output),
          parameter,
          S1: r.S1[i],
          S1_lo: r.S1[i] - r.S1Conf[i],
          S1_hi: r.S1[i] + r.S1Conf[i],
          ST: r.ST[i],
          ST_lo: r.ST[i] - r.STConf[i],
          ST_hi: r.ST[i] + r.STConf[i],
        });
      });
    }
    return { method: 'sobol', samples: design.samples, points: plan.pointCount, rows };
  }
  if (design?.type === 'morris') {
    const rows: MorrisRow[] = [];
    // The analysis needs every trajectory's points on the unit cube (not their values).
    const unitPoints = Array.from(designPoints(plan.experiment), (p) => p.unit!);
    for (const output of plan.experiment.outputs) {
      const y = await pointOutputs(plan, store, output);
      const r = morrisAnalyze(unitPoints, y, {
        random: stream(seed, 0, `morris-bootstrap-${outputName(output)}`),
        resamples: design.resamples,
      });
      names.forEach((parameter, i) => {
        rows.push({
          output: outputName(output),
          parameter,
          mu: r.mu[i],
          mu_star: r.muStar[i],
          mu_star_lo: r.muStar[i] - r.muStarConf[i],
          mu_star_hi: r.muStar[i] + r.muStarConf[i],
          sigma: r.sigma[i],
        });
      });
    }
    return { method: 'morris', trajectories: design.trajectories, points: plan.pointCount, rows };
  }
  throw new Error(`sensitivity analysis needs a sobol or morris design, not ${design?.type ?? 'none'}`);
}
