import { splitSaltelliOutputs } from './saltelli.js';
import { mean, normalQuantile, standardDeviation, variance } from './statistics.js';

/** Population variance (numpy's `np.var`) of the concatenation [fA, fB]. */
function pooledVariance(fA: ArrayLike<number>, fB: ArrayLike<number>): number {
  const all = new Float64Array(fA.length + fB.length);
  all.set(Array.from(fA));
  all.set(Array.from(fB), fA.length);
  return variance(all);
}

/**
 * First-order Sobol index of parameter i from outputs on A, AB_i and B (Saltelli et al. 2010,
 * as SALib's `first_order`): mean(f(B) (f(AB_i) − f(A))) / Var([f(A), f(B)]), with the
 * population variance of A and B concatenated. Returns 0 when that variance is 0.
 * @example sobolFirstOrder(fA, fAB[0], fB);
 */
export function sobolFirstOrder(
  fA: ArrayLike<number>,
  fABi: ArrayLike<number>,
  fB: ArrayLike<number>,
): number {
  const v = pooledVariance(fA, fB);
  if (v === 0) return 0;
  let sum = 0;
  for (let j = 0; j < fA.length; j++) sum += fB[j] * (fABi[j] - fA[j]);
  return sum / fA.length / v;
}

/**
 * Total Sobol index of parameter i (Jansen 1999 estimator, as SALib's `total_order`):
 * ½ mean((f(A) − f(AB_i))²) / Var([f(A), f(B)]). Returns 0 when that variance is 0.
 * @example sobolTotalOrder(fA, fAB[0], fB);
 */
export function sobolTotalOrder(
  fA: ArrayLike<number>,
  fABi: ArrayLike<number>,
  fB: ArrayLike<number>,
): number {
  const v = pooledVariance(fA, fB);
  if (v === 0) return 0;
  let sum = 0;
  for (let j = 0; j < fA.length; j++) sum += (fA[j] - fABi[j]) ** 2;
  return (0.5 * sum) / fA.length / v;
}

/**
 * Second-order Sobol index of parameters i and k (Saltelli 2002, as SALib's `second_order`):
 * mean(f(BA_i) f(AB_k) − f(A) f(B)) / Var([f(A), f(B)]) − S_i − S_k.
 */
export function sobolSecondOrder(
  fA: ArrayLike<number>,
  fABi: ArrayLike<number>,
  fABk: ArrayLike<number>,
  fBAi: ArrayLike<number>,
  fB: ArrayLike<number>,
): number {
  const v = pooledVariance(fA, fB);
  if (v === 0) return 0;
  let sum = 0;
  for (let j = 0; j < fA.length; j++) sum += fBAi[j] * fABk[j] - fA[j] * fB[j];
  return sum / fA.length / v - sobolFirstOrder(fA, fABi, fB) - sobolFirstOrder(fA, fABk, fB);
}

/** Options of {@link sobolIndices}. */
export interface SobolIndicesOptions {
  /** Uniform [0, 1) source for the bootstrap resampling of rows. */
  random: () => number;
  /** The design has the BA_i rows (`saltelliSample(..., { secondOrder: true })`); also compute S2. */
  secondOrder?: boolean;
  /** Bootstrap resamples for the confidence intervals (default 100, as SALib). */
  resamples?: number;
  /** Confidence level of the intervals (default 0.95). */
  confidenceLevel?: number;
}

/** Sobol indices of every parameter with bootstrap confidence half-widths. */
export interface SobolIndicesResult {
  /** First-order indices, one per parameter. */
  S1: number[];
  /** Half-width of the confidence interval of each S1: z × bootstrap standard deviation. */
  S1Conf: number[];
  /** Total indices, one per parameter. */
  ST: number[];
  /** Half-width of the confidence interval of each ST. */
  STConf: number[];
  /** Second-order indices S2[i][k] for i < k (NaN elsewhere), with `secondOrder`. */
  S2?: number[][];
  /** Half-widths of the confidence intervals of S2, with `secondOrder`. */
  S2Conf?: number[][];
  /** Number of base samples. */
  n: number;
}

/**
 * First-order and total Sobol indices (and optionally second-order ones) from model outputs
 * on a Saltelli design ({@link saltelliSample}), as SALib's `sobol.analyze`: the outputs are
 * first standardised ((y − mean) / sd over all rows), then {@link sobolFirstOrder} and
 * {@link sobolTotalOrder} are applied; confidence half-widths are
 * z_{(1+level)/2} × the standard deviation (ddof 1) of the index over `resamples` bootstrap
 * resamples of the n base rows (the same resampled rows for every parameter).
 * @example
 * const points = saltelliSample(1024, 3);
 * const y = scaleUnitPoints(ranges, points).map((x) => model(x)); // ranges and model: yours
 * const { S1, ST } = sobolIndices(y, 3, { random: stream(1, 0, 'bootstrap') });
 */
export function sobolIndices(
  outputs: ArrayLike<number>,
  d: number,
  options: SobolIndicesOptions,
): SobolIndicesResult {
  const secondOrder = options.secondOrder ?? false;
  const resamples = options.resamples ?? 100;
  const level = options.confidenceLevel ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`confidenceLevel must be in (0, 1), got ${level}`);
  for (let j = 0; j < outputs.length; j++) {
    if (!Number.isFinite(outputs[j])) throw new RangeError(`output ${j} is not finite (${outputs[j]})`);
  }
  const m = mean(outputs);
  const sd = standardDeviation(outputs);
  const standardised = Array.from(outputs, (y) => (sd > 0 ? (y - m) / sd : 0));
  const { n, fA, fB, fAB, fBA } = splitSaltelliOutputs(standardised, d, secondOrder);

  // Bootstrap row indices, drawn once and shared by all indices.
  const rows = Array.from({ length: resamples }, () => {
    const r = new Int32Array(n);
    for (let j = 0; j < n; j++) r[j] = Math.min(Math.floor(options.random() * n), n - 1);
    return r;
  });
  const pick = (xs: number[], r: Int32Array) => Array.from(r, (j) => xs[j]);
  const z = normalQuantile(0.5 + level / 2);
  const conf = (estimate: (r: Int32Array) => number) =>
    resamples > 1 ? z * standardDeviation(rows.map(estimate), 1) : Number.NaN;

  const S1: number[] = [];
  const S1Conf: number[] = [];
  const ST: number[] = [];
  const STConf: number[] = [];
  for (let i = 0; i < d; i++) {
    S1.push(sobolFirstOrder(fA, fAB[i], fB));
    ST.push(sobolTotalOrder(fA, fAB[i], fB));
    S1Conf.push(conf((r) => sobolFirstOrder(pick(fA, r), pick(fAB[i], r), pick(fB, r))));
    STConf.push(conf((r) => sobolTotalOrder(pick(fA, r), pick(fAB[i], r), pick(fB, r))));
  }
  const result: SobolIndicesResult = { S1, S1Conf, ST, STConf, n };
  if (secondOrder && fBA) {
    const S2 = Array.from({ length: d }, () => new Array<number>(d).fill(Number.NaN));
    const S2Conf = Array.from({ length: d }, () => new Array<number>(d).fill(Number.NaN));
    for (let i = 0; i < d; i++) {
      for (let k = i + 1; k < d; k++) {
        S2[i][k] = sobolSecondOrder(fA, fAB[i], fAB[k], fBA[i], fB);
        S2Conf[i][k] = conf((r) =>
          sobolSecondOrder(pick(fA, r), pick(fAB[i], r), pick(fAB[k], r), pick(fBA[i], r), pick(fB, r)),
        );
      }
    }
    result.S2 = S2;
    result.S2Conf = S2Conf;
  }
  return result;
}
