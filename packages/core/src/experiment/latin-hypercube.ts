import { shuffle } from './statistics.js';

/**
 * Latin hypercube sample of `n` points in the unit cube [0, 1)^d: in every dimension each
 * of the `n` strata [i/n, (i+1)/n) holds exactly one point. Within a stratum the point is
 * uniform (or at its centre with `centered`).
 * @example const points = latinHypercube(10, 3, stream(42, 0, 'design'));
 */
export function latinHypercube(
  n: number,
  d: number,
  random: () => number,
  options: { centered?: boolean } = {},
): number[][] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`d must be a positive integer, got ${d}`);
  const points = Array.from({ length: n }, () => new Array<number>(d));
  for (let k = 0; k < d; k++) {
    const strata = shuffle(
      Array.from({ length: n }, (_, i) => i),
      random,
    );
    for (let i = 0; i < n; i++) {
      const offset = options.centered ? 0.5 : random();
      const x = (strata[i] + offset) / n;
      // Rounding can carry an offset just below 1 into the next stratum: fall back to the centre.
      points[i][k] = Math.floor(x * n) === strata[i] ? x : (strata[i] + 0.5) / n;
    }
  }
  return points;
}
