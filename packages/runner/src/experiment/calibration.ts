import {
  type AbcPrior,
  abcRejection,
  abcSmc,
  type ParameterRange,
  quantile,
  scaleUnitPoint,
  stream,
} from '@smart-settlement/core';
import { type Scenario, setLever } from '@smart-settlement/scenarios';
import type { ResultsStore, RunRecord } from '../store/results-store.js';
import { type CalibrationTarget, defaultRetentionTargets } from './calibration-targets.js';
import type { RunExecutor } from './executor.js';
import type { ExperimentPlan } from './plan.js';
import { type RunPendingOptions, runPending } from './sweep.js';

/** The targets of an experiment's calibration section (all, or those named in `only`). */
export function calibrationTargets(plan: ExperimentPlan): CalibrationTarget[] {
  const spec = plan.experiment.calibration;
  if (!spec) throw new Error('the experiment has no calibration section');
  const all =
    spec.targets === 'retention-targets'
      ? defaultRetentionTargets()
      : spec.targets.map((t) => ({ ...t, sd: t.sd ?? 0.01 }));
  if (!spec.only) return all;
  return spec.only.map((id) => {
    const found = all.find((t) => t.id === id);
    if (!found)
      throw new Error(`calibration.only: no target "${id}"; targets: ${all.map((t) => t.id).join(', ')}`);
    return found;
  });
}

/** Scaled distance between simulated and observed target values: sqrt(sum(((sim - obs) / sd)^2)). */
export function targetDistance(targets: readonly CalibrationTarget[]) {
  return (simulated: readonly number[], observed: readonly number[]) => {
    let sum = 0;
    for (let k = 0; k < targets.length; k++) sum += ((simulated[k] - observed[k]) / targets[k].sd) ** 2;
    return Math.sqrt(sum);
  };
}

/** The uniform prior on the unit cube (each parameter uniform on its scale over its range). */
export function unitCubePrior(d: number): AbcPrior {
  return {
    sample: (random) => Array.from({ length: d }, () => random()),
    density: (theta) => (theta.every((u) => u >= 0 && u < 1) ? 1 : 0),
  };
}

/** Stage offsets keep the ids and random streams of the calibration's stages apart. */
const STAGES = { rejection: 0, smc: 1, predictive: 2 } as const;
const STAGE_SPAN = 100_000_000;

/** A weighted sample of parameter vectors (in parameter units). */
export interface WeightedSample {
  particles: number[][];
  weights: number[];
  distances: number[];
}

/** One parameter's posterior: weighted mean, median and 90% interval, with its prior range. */
export interface PosteriorSummaryRow {
  parameter: string;
  mean: number;
  median: number;
  lo: number;
  hi: number;
  priorMin: number;
  priorMax: number;
}

/** One target in the posterior predictive check. */
export interface PredictiveRow {
  target: string;
  area: string;
  measure: string;
  observed: number;
  median: number;
  lo: number;
  hi: number;
  /** Observed value inside the 90% predictive interval. */
  inside: boolean;
}

/** Everything `settle calibrate` writes. */
export interface CalibrationResult {
  targets: CalibrationTarget[];
  rejection: WeightedSample & { epsilon: number; simulations: number };
  smc: WeightedSample & {
    generations: {
      epsilon: number;
      simulations: number;
      acceptanceRate: number;
      effectiveSampleSize: number;
    }[];
    simulations: number;
    budgetExhausted: boolean;
  };
  summary: PosteriorSummaryRow[];
  /** Predictive draws: the parameters and simulated target values of each. */
  predictiveDraws: { particle: number[]; values: number[] }[];
  predictive: PredictiveRow[];
  /** The parameter set (posterior medians) as plain values, by parameter name. */
  calibrated: Record<string, number>;
  /** The scenario with the calibrated values set: usable as the defaults of later runs. */
  calibratedScenario: Scenario;
}

/** Quantile of a weighted sample (the smallest value whose cumulative weight reaches q). */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((_v, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const total = weights.reduce((s, w) => s + w, 0);
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i];
    if (cumulative >= q * total - 1e-12) return values[i];
  }
  return values[order[order.length - 1]];
}

/** Snaps a value to the nearest allowed value of a discrete range (integers, value sets). */
function snap(range: ParameterRange, value: number): number {
  if (!range.values) return value;
  return range.values.reduce((best, v) => (Math.abs(v - value) < Math.abs(best - value) ? v : best));
}

/**
 * Fits an experiment's parameters to its calibration targets by approximate Bayesian
 * computation: rejection from the uniform prior over the parameter ranges, then sequential
 * Monte Carlo starting at the rejection's tolerance, then a posterior predictive check.
 * Every simulation is a run of the store (stages 'rejection', 'smc', 'predictive') with an id
 * fixed by its place in the algorithm: the algorithm is deterministic given the seed, so a
 * rerun after an interruption finds its finished runs in the store instead of running them.
 */
export async function calibrate(
  plan: ExperimentPlan,
  store: ResultsStore,
  executor: RunExecutor,
  options: Pick<RunPendingOptions, 'signal'> & {
    onProgress?: (stage: string, done: number, total: number) => void;
  } = {},
): Promise<CalibrationResult> {
  const spec = plan.experiment.calibration;
  if (!spec) throw new Error('the experiment has no calibration section');
  const targets = calibrationTargets(plan);
  const ranges = plan.ranges;
  const d = ranges.length;
  const R = plan.replications;
  const seed = plan.experiment.seed;
  const observed = targets.map((t) => t.value);
  const distance = targetDistance(targets);

  /** Simulates a batch of unit-cube points in one stage, through the store. */
  const simulateStage = (stage: keyof typeof STAGES) => async (thetas: number[][], firstIndex: number) => {
    if (options.signal?.aborted) throw new Error('stopped');
    const base = STAGES[stage] * STAGE_SPAN;
    const records: RunRecord[] = [];
    thetas.forEach((theta, k) => {
      const index = firstIndex + k;
      const values = scaleUnitPoint(ranges, theta);
      for (let r = 0; r < R; r++) {
        const replication = base + index * R + r;
        records.push({ id: replication, point: index, replication, seed, parameters: values, stage });
      }
    });
    await store.registerRuns(records);
    const done = await store.doneRunIds(records.map((r) => r.id));
    const todo = records.filter((r) => !done.has(r.id));
    const byId = new Map(records.map((r) => [r.id, r]));
    const summary = await runPending(
      todo.map((r) => r.id),
      (id) => {
        const r = byId.get(id)!;
        return { scenario: plan.scenarioAt(r.parameters), seed, replication: r.replication };
      },
      store,
      executor,
      {
        total: records.length,
        alreadyDone: records.length - todo.length,
        signal: options.signal,
        onProgress: (n, total) => options.onProgress?.(stage, n, total),
      },
    );
    if (summary.failed > 0)
      throw new Error(`${summary.failed} ${stage} runs failed (see the store's runs.error)`);
    if (summary.stopped) throw new Error('stopped');
    return targetValues(store, targets, records, R, thetas.length);
  };

  const rejectionSpec = spec.rejection;
  const rejection = await abcRejection({
    prior: unitCubePrior(d),
    simulateBatch: simulateStage('rejection'),
    observed,
    distance,
    n: rejectionSpec.samples,
    quantile: rejectionSpec.quantile,
    random: stream(seed, 0, 'abc-rejection'),
  });

  const smcSpec = spec.smc;
  const smc = await abcSmc({
    prior: unitCubePrior(d),
    simulateBatch: simulateStage('smc'),
    observed,
    distance,
    populationSize: smcSpec.populationSize,
    generations: smcSpec.generations,
    quantile: smcSpec.quantile,
    initialEpsilon: rejection.epsilon,
    maxSimulations: smcSpec.maxSimulations,
    random: stream(seed, 0, 'abc-smc'),
  });
  const toValues = (particles: number[][]) => particles.map((u) => scaleUnitPoint(ranges, u));
  const posterior = toValues(smc.particles);

  const summary = ranges.map((range, i): PosteriorSummaryRow => {
    const xs = posterior.map((p) => p[i]);
    return {
      parameter: range.name,
      mean: xs.reduce((s, x, k) => s + x * smc.weights[k], 0),
      median: weightedQuantile(xs, smc.weights, 0.5),
      lo: weightedQuantile(xs, smc.weights, 0.05),
      hi: weightedQuantile(xs, smc.weights, 0.95),
      priorMin: range.min,
      priorMax: range.max,
    };
  });

  // Posterior predictive: particles drawn by weight, each run afresh.
  const draw = stream(seed, 0, 'abc-predictive');
  const cumulative: number[] = [];
  smc.weights.reduce((s, w, k) => (cumulative[k] = s + w), 0);
  const chosen = Array.from({ length: spec.predictive }, () => {
    const u = draw() * cumulative[cumulative.length - 1];
    const k = cumulative.findIndex((c) => c > u);
    return smc.particles[k < 0 ? cumulative.length - 1 : k];
  });
  const predictedValues = await simulateStage('predictive')(chosen, 0);
  const predictive = targets.map((t, k): PredictiveRow => {
    const xs = predictedValues.map((v) => v[k]).filter(Number.isFinite);
    const lo = quantile(xs, 0.05);
    const hi = quantile(xs, 0.95);
    return {
      target: t.id,
      area: t.area,
      measure: t.measure,
      observed: t.value,
      median: quantile(xs, 0.5),
      lo,
      hi,
      inside: t.value >= lo && t.value <= hi,
    };
  });

  const calibrated: Record<string, number> = {};
  let calibratedScenario = plan.source;
  plan.experiment.parameters.forEach((p, i) => {
    const value = snap(ranges[i], summary[i].median);
    calibrated[ranges[i].name] = value;
    calibratedScenario = setLever(calibratedScenario, `${p.path}=${JSON.stringify(value)}`);
  });
  calibratedScenario = {
    ...calibratedScenario,
    name: `${plan.source.name}-calibrated`,
    description: `${plan.source.name} with ${Object.keys(calibrated).join(', ')} set to their ABC-SMC posterior medians against ${targets.map((t) => t.id).join(', ')} (experiment ${plan.experiment.name})`,
  };

  return {
    targets,
    rejection: {
      particles: toValues(rejection.particles),
      weights: rejection.particles.map(() => 1 / rejection.particles.length),
      distances: rejection.distances,
      epsilon: rejection.epsilon,
      simulations: rejection.simulations,
    },
    smc: {
      particles: posterior,
      weights: smc.weights,
      distances: smc.generations[smc.generations.length - 1].distances,
      generations: smc.generations.map((g) => ({
        epsilon: g.epsilon,
        simulations: g.simulations,
        acceptanceRate: g.acceptanceRate,
        effectiveSampleSize: g.effectiveSampleSize,
      })),
      simulations: smc.simulations,
      budgetExhausted: smc.budgetExhausted,
    },
    summary,
    predictiveDraws: chosen.map((u, k) => ({
      particle: scaleUnitPoint(ranges, u),
      values: predictedValues[k],
    })),
    predictive,
    calibrated,
    calibratedScenario,
  };
}

/**
 * The target values of a batch: for each simulation, the mean over its replications of each
 * target's measure (NaN if a run has no value, which no tolerance accepts).
 */
async function targetValues(
  store: ResultsStore,
  targets: readonly CalibrationTarget[],
  records: readonly RunRecord[],
  replications: number,
  count: number,
): Promise<number[][]> {
  const ids = records.map((r) => r.id);
  const rows = await store.query(
    `SELECT run_id, area, measure, value FROM measures WHERE run_id IN (${ids.join(',')}) ORDER BY run_id`,
  );
  const firstId = records[0]?.id ?? 0;
  const sums = Array.from({ length: count }, () => new Array<number>(targets.length).fill(0));
  const seen = Array.from({ length: count }, () => new Array<number>(targets.length).fill(0));
  const column = new Map(targets.map((t, k) => [`${t.area}\u0000${t.measure}`, k]));
  for (const row of rows) {
    const k = column.get(`${row.area}\u0000${row.measure}`);
    if (k === undefined) continue;
    const index = Math.floor((Number(row.run_id) - firstId) / replications);
    sums[index][k] += Number(row.value);
    seen[index][k] += 1;
  }
  return sums.map((s, i) => s.map((x, k) => (seen[i][k] === replications ? x / replications : Number.NaN)));
}
