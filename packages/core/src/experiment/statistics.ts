/**
 * Small numerical helpers shared by the experiment modules: moments, quantiles, the
 * normal distribution and weighted sample statistics. Pure functions of their inputs.
 */

/** Arithmetic mean of `xs` (NaN for an empty array). */
export function mean(xs: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i];
  return sum / xs.length;
}

/**
 * Variance of `xs` with `ddof` delta degrees of freedom (0: population variance, as
 * numpy's `np.var`; 1: sample variance). Two-pass, so it is accurate for large offsets.
 * @example variance([1, 2, 3, 4]); // 1.25
 */
export function variance(xs: ArrayLike<number>, ddof = 0): number {
  const m = mean(xs);
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += (xs[i] - m) ** 2;
  return sum / (xs.length - ddof);
}

/** Standard deviation of `xs` with `ddof` delta degrees of freedom (see {@link variance}). */
export function standardDeviation(xs: ArrayLike<number>, ddof = 0): number {
  return Math.sqrt(variance(xs, ddof));
}

/**
 * The `q` quantile (0 <= q <= 1) of `xs` with linear interpolation between order
 * statistics (numpy's default "linear" method).
 * @example quantile([1, 2, 3, 4], 0.5); // 2.5
 */
export function quantile(xs: ArrayLike<number>, q: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = Array.from(xs).sort((a, b) => a - b);
  const position = Math.min(Math.max(q, 0), 1) * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Inverse of the standard normal cumulative distribution function (Acklam's rational
 * approximation, relative error below 1.2e-9).
 * @example normalQuantile(0.975); // ≈ 1.959964
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  let x: number;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - pLow) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  return x;
}

/**
 * One standard normal draw from the injected uniform source (Box–Muller, using two
 * uniforms per draw so that the number of uniforms consumed is always the same).
 * @example const z = standardNormal(stream(1, 0, 'abc'));
 */
export function standardNormal(random: () => number): number {
  const u1 = 1 - random(); // in (0, 1], so log is finite
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Uniform integer in [0, n) from the injected uniform source. */
export function randomIndex(n: number, random: () => number): number {
  return Math.min(Math.floor(random() * n), n - 1);
}

/** In-place Fisher–Yates shuffle of `xs` using the injected uniform source; returns `xs`. */
export function shuffle<T>(xs: T[], random: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1, random);
    const tmp = xs[i];
    xs[i] = xs[j];
    xs[j] = tmp;
  }
  return xs;
}

/**
 * Weighted mean of the rows of `points` (weights need not be normalised).
 * @example weightedMean([[0], [2]], [1, 3]); // [1.5]
 */
export function weightedMean(points: readonly (readonly number[])[], weights: readonly number[]): number[] {
  const d = points[0]?.length ?? 0;
  const result = new Array<number>(d).fill(0);
  let total = 0;
  for (let i = 0; i < points.length; i++) {
    total += weights[i];
    for (let k = 0; k < d; k++) result[k] += weights[i] * points[i][k];
  }
  for (let k = 0; k < d; k++) result[k] /= total;
  return result;
}

/**
 * Weighted covariance matrix of the rows of `points`, normalised by the sum of the
 * weights (the "population" form; weights need not be normalised).
 * @example weightedCovariance([[0], [2]], [1, 1]); // [[1]]
 */
export function weightedCovariance(
  points: readonly (readonly number[])[],
  weights: readonly number[],
): number[][] {
  const d = points[0]?.length ?? 0;
  const m = weightedMean(points, weights);
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  let total = 0;
  for (let i = 0; i < points.length; i++) {
    const w = weights[i];
    total += w;
    for (let j = 0; j < d; j++) {
      const dj = points[i][j] - m[j];
      for (let k = 0; k <= j; k++) cov[j][k] += w * dj * (points[i][k] - m[k]);
    }
  }
  for (let j = 0; j < d; j++) {
    for (let k = 0; k <= j; k++) {
      cov[j][k] /= total;
      cov[k][j] = cov[j][k];
    }
  }
  return cov;
}

/**
 * Lower-triangular Cholesky factor L of a symmetric positive semi-definite matrix
 * (L Lᵀ = matrix). Tiny negative pivots from rounding are clamped to zero.
 */
export function cholesky(matrix: readonly (readonly number[])[]): number[][] {
  const n = matrix.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i][j];
      for (let k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
      if (i === j) l[i][i] = Math.sqrt(Math.max(sum, 0));
      else l[i][j] = l[j][j] > 0 ? sum / l[j][j] : 0;
    }
  }
  return l;
}
