import { mean, normalQuantile, randomIndex, shuffle, standardDeviation } from './statistics.js';

/**
 * The Morris step Δ = p / (2 (p − 1)) for a grid of `levels` (p) levels on [0, 1].
 * @example morrisDelta(4); // 2/3
 */
export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

/**
 * Morris (1991) one-at-a-time design on the unit cube: `r` trajectories of d + 1 points each,
 * r (d + 1) rows in all, trajectory after trajectory. Each trajectory starts at a random
 * point of the p-level grid {0, 1/(p−1), …, 1} and moves one parameter at a time, in random
 * order, by ±Δ = p / (2 (p − 1)), as SALib's `morris.sample` (without trajectory
 * optimisation). `levels` (p) must be even (default 4).
 * @example const points = morrisSample(20, 5, stream(42, 0, 'morris')); // 120 rows
 */
export function morrisSample(
  r: number,
  d: number,
  random: () => number,
  options: { levels?: number } = {},
): number[][] {
  const rows: number[][] = [];
  for (const trajectory of morrisTrajectories(r, d, random, options)) rows.push(...trajectory);
  return rows;
}

/**
 * The trajectories of {@link morrisSample} one at a time (d + 1 rows each), with the same
 * draws: a design of 100,000 trajectories is never held whole.
 * @example for (const rows of morrisTrajectories(100_000, 5, stream(42, 0, 'morris'))) use(rows);
 */
export function* morrisTrajectories(
  r: number,
  d: number,
  random: () => number,
  options: { levels?: number } = {},
): Generator<number[][]> {
  const levels = options.levels ?? 4;
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new RangeError(`levels must be an even integer >= 2, got ${levels}`);
  }
  if (!Number.isInteger(r) || r < 1) throw new RangeError(`r must be a positive integer, got ${r}`);
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`d must be a positive integer, got ${d}`);
  const delta = morrisDelta(levels);
  for (let t = 0; t < r; t++) {
    // Lower end of each parameter's step: a grid level l with l + Δ <= 1.
    const low = Array.from({ length: d }, () => randomIndex(levels / 2, random) / (levels - 1));
    const up = Array.from({ length: d }, () => random() < 0.5);
    const order = shuffle(
      Array.from({ length: d }, (_, i) => i),
      random,
    );
    const x = low.map((l, i) => (up[i] ? l : l + delta));
    const rows = [x.slice()];
    for (const i of order) {
      x[i] = up[i] ? low[i] + delta : low[i];
      rows.push(x.slice());
    }
    yield rows;
  }
}

/** Options of {@link morrisAnalyze}. */
export interface MorrisAnalyzeOptions {
  /** Uniform [0, 1) source for the bootstrap of the mu* confidence interval. */
  random: () => number;
  /** Bootstrap resamples (default 1000). */
  resamples?: number;
  /** Confidence level of the mu* interval (default 0.95). */
  confidenceLevel?: number;
}

/** Elementary-effect statistics of every parameter (arrays indexed by parameter). */
export interface MorrisResult {
  /** Mean elementary effect. */
  mu: number[];
  /** Mean absolute elementary effect. */
  muStar: number[];
  /** Standard deviation (ddof 1) of the elementary effects: interactions and non-linearity. */
  sigma: number[];
  /** Half-width of the bootstrap confidence interval of mu*. */
  muStarConf: number[];
  /** effects[i][t]: elementary effect of parameter i in trajectory t. */
  effects: number[][];
}

/**
 * Elementary-effects analysis of a Morris design (as SALib's `morris.analyze`). Each step of
 * a trajectory changes exactly one coordinate; its elementary effect is
 * (y_after − y_before) / (x_after − x_before). Pass the unit-cube design from
 * {@link morrisSample} to get SALib's scaling (effects per unit of the unit cube); pass the
 * points in parameter units to get effects per unit of each parameter. mu, mu* and sigma
 * (ddof 1) are taken over trajectories; the mu* confidence half-width is
 * z_{(1+level)/2} × the standard deviation (ddof 1) of mu* over bootstrap resamples of the
 * trajectories.
 * @example
 * const x = morrisSample(50, 3, stream(1, 0, 'morris'));
 * const { muStar } = morrisAnalyze(x, x.map(f), { random: stream(1, 0, 'bootstrap') });
 */
export function morrisAnalyze(
  points: readonly (readonly number[])[],
  outputs: ArrayLike<number>,
  options: MorrisAnalyzeOptions,
): MorrisResult {
  if (points.length === 0 || points.length !== outputs.length) {
    throw new RangeError(
      `need one output per point; got ${points.length} points and ${outputs.length} outputs`,
    );
  }
  const d = points[0].length;
  const size = d + 1;
  if (points.length % size !== 0) {
    throw new RangeError(
      `a Morris design in ${d} dimensions has a multiple of ${size} rows; got ${points.length}`,
    );
  }
  const r = points.length / size;
  const effects = Array.from({ length: d }, () => new Array<number>(r).fill(Number.NaN));
  for (let t = 0; t < r; t++) {
    for (let s = 0; s < d; s++) {
      const before = points[t * size + s];
      const after = points[t * size + s + 1];
      const changed = before.flatMap((x, i) => (x !== after[i] ? [i] : []));
      if (changed.length !== 1) {
        throw new RangeError(`step ${s} of trajectory ${t} changes ${changed.length} coordinates, not 1`);
      }
      const i = changed[0];
      if (!Number.isNaN(effects[i][t])) throw new RangeError(`trajectory ${t} moves parameter ${i} twice`);
      effects[i][t] = (outputs[t * size + s + 1] - outputs[t * size + s]) / (after[i] - before[i]);
    }
  }
  const resamples = options.resamples ?? 1000;
  const level = options.confidenceLevel ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`confidenceLevel must be in (0, 1), got ${level}`);
  const z = normalQuantile(0.5 + level / 2);
  const mu = effects.map((ee) => mean(ee));
  const muStar = effects.map((ee) => mean(ee.map(Math.abs)));
  const sigma = effects.map((ee) => (r > 1 ? standardDeviation(ee, 1) : Number.NaN));
  const muStarConf = effects.map((ee) => {
    if (resamples < 2) return Number.NaN;
    const resampled = new Array<number>(resamples);
    for (let b = 0; b < resamples; b++) {
      let sum = 0;
      for (let t = 0; t < r; t++) sum += Math.abs(ee[randomIndex(r, options.random)]);
      resampled[b] = sum / r;
    }
    return z * standardDeviation(resampled, 1);
  });
  return { mu, muStar, sigma, muStarConf, effects };
}
