import type { ForkableRandom } from '../random.js';
import { randomIndex } from './statistics.js';

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
  checkSize(n, d);
  const points = Array.from({ length: n }, () => new Array<number>(d));
  for (let k = 0; k < d; k++) {
    const strata = shuffledStrata(n, random);
    for (let i = 0; i < n; i++) points[i][k] = stratumValue(strata[i], n, options.centered ? 0.5 : random());
  }
  return points;
}

/**
 * The points of {@link latinHypercube}(n, d, random) one at a time, in the same order and with
 * the same values when `random` gives the same draws (e.g. forkableStream and stream with the
 * same key). The eager sample draws dimension by dimension (a shuffle of the strata, then one
 * offset per point); to give row by row without keeping n × d offsets, this keeps each
 * dimension's shuffled strata (4 bytes a point a dimension, outside the JavaScript heap) and a
 * fork of `random` where that dimension's offsets begin, and draws them again as rows go by.
 * @example for (const point of latinHypercubeRows(10_000_000, 3, forkableStream(42, 0, 'design'))) use(point);
 */
export function* latinHypercubeRows(
  n: number,
  d: number,
  random: ForkableRandom,
  options: { centered?: boolean } = {},
): Generator<number[]> {
  checkSize(n, d);
  const strata: Uint32Array[] = [];
  const offsets: ForkableRandom[] = [];
  for (let k = 0; k < d; k++) {
    strata.push(shuffledStrata(n, random));
    if (options.centered) continue;
    offsets.push(random.fork());
    for (let i = 0; i < n; i++) random();
  }
  for (let i = 0; i < n; i++) {
    const point = new Array<number>(d);
    for (let k = 0; k < d; k++)
      point[k] = stratumValue(strata[k][i], n, options.centered ? 0.5 : offsets[k]());
    yield point;
  }
}

function checkSize(n: number, d: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`d must be a positive integer, got ${d}`);
}

/** The strata 0..n-1 in the order of a Fisher–Yates shuffle (the draws of statistics' shuffle). */
function shuffledStrata(n: number, random: () => number): Uint32Array {
  const strata = new Uint32Array(n);
  for (let i = 0; i < n; i++) strata[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = randomIndex(i + 1, random);
    const tmp = strata[i];
    strata[i] = strata[j];
    strata[j] = tmp;
  }
  return strata;
}

/** The coordinate of a point in `stratum` of n at `offset` in [0, 1) within it. */
function stratumValue(stratum: number, n: number, offset: number): number {
  const x = (stratum + offset) / n;
  // Rounding can carry an offset just below 1 into the next stratum: fall back to the centre.
  return Math.floor(x * n) === stratum ? x : (stratum + 0.5) / n;
}
