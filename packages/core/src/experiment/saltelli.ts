import { SobolSequence } from './sobol-sequence.js';

/** Options of {@link saltelliSample}. */
export interface SaltelliOptions {
  /** Also generate the BA_i rows needed for second-order indices (default false). */
  secondOrder?: boolean;
  /** Sobol points to skip before the first base sample (default 0, as SALib's `sobol.sample`). */
  skip?: number;
}

/**
 * Saltelli's sampling scheme on the unit cube. A base sample of `n` points of the
 * 2d-dimensional Sobol sequence is split into matrices A (first d coordinates) and B (last d);
 * AB_i is A with column i taken from B (and BA_i is B with column i taken from A).
 *
 * Rows come in SALib's order (`SALib.sample.sobol.sample(scramble=False)`): for each base
 * sample j, the row of A, then AB_1 … AB_d, then (with `secondOrder`) BA_1 … BA_d, then the
 * row of B. That is n (d + 2) rows, or n (2d + 2) with `secondOrder`. Evaluate the model on
 * every row (after {@link scaleUnitPoints}) and pass the outputs, in order, to
 * {@link sobolIndices}. Powers of two for `n` are best.
 * @example
 * const points = saltelliSample(1024, 3); // 5120 rows of 3 coordinates in [0, 1)
 */
export function saltelliSample(n: number, d: number, options: SaltelliOptions = {}): number[][] {
  return Array.from(saltelliRows(n, d, options));
}

/**
 * The rows of {@link saltelliSample} one at a time, in the same order: a design of millions of
 * rows is never held whole. With `skip` = s + j it gives the rows of base samples j, j + 1, …
 * of the design whose `skip` is s (the Sobol sequence is entered at any index directly).
 * @example for (const row of saltelliRows(1 << 20, 3)) use(row);
 */
export function* saltelliRows(n: number, d: number, options: SaltelliOptions = {}): Generator<number[]> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`d must be a positive integer, got ${d}`);
  const sequence = new SobolSequence(2 * d, options.skip ?? 0);
  for (let j = 0; j < n; j++) {
    const base = sequence.next();
    const a = base.slice(0, d);
    const b = base.slice(d);
    yield a;
    for (let i = 0; i < d; i++) {
      const ab = a.slice();
      ab[i] = b[i];
      yield ab;
    }
    if (options.secondOrder) {
      for (let i = 0; i < d; i++) {
        const ba = b.slice();
        ba[i] = a[i];
        yield ba;
      }
    }
    yield b;
  }
}

/** Model outputs on a Saltelli design, split by matrix (see {@link splitSaltelliOutputs}). */
export interface SaltelliOutputs {
  /** Number of base samples. */
  n: number;
  /** Number of parameters. */
  d: number;
  /** f(A), length n. */
  fA: number[];
  /** f(B), length n. */
  fB: number[];
  /** fAB[i] = f(AB_i), each of length n. */
  fAB: number[][];
  /** fBA[i] = f(BA_i) when the design has second-order rows, else undefined. */
  fBA?: number[][];
}

/**
 * Splits the outputs of a Saltelli design (in the row order of {@link saltelliSample}) into
 * f(A), f(B), f(AB_i) and, with `secondOrder`, f(BA_i).
 * @example const { fA, fB, fAB } = splitSaltelliOutputs(outputs, 3);
 */
export function splitSaltelliOutputs(
  outputs: ArrayLike<number>,
  d: number,
  secondOrder = false,
): SaltelliOutputs {
  const step = secondOrder ? 2 * d + 2 : d + 2;
  if (outputs.length === 0 || outputs.length % step !== 0) {
    throw new RangeError(
      `a Saltelli design in ${d} dimensions${secondOrder ? ' with second order' : ''} has a multiple of ${step} rows; got ${outputs.length} outputs`,
    );
  }
  const n = outputs.length / step;
  const fA = new Array<number>(n);
  const fB = new Array<number>(n);
  const fAB = Array.from({ length: d }, () => new Array<number>(n));
  const fBA = secondOrder ? Array.from({ length: d }, () => new Array<number>(n)) : undefined;
  for (let j = 0; j < n; j++) {
    const row = j * step;
    fA[j] = outputs[row];
    for (let i = 0; i < d; i++) fAB[i][j] = outputs[row + 1 + i];
    if (fBA) for (let i = 0; i < d; i++) fBA[i][j] = outputs[row + 1 + d + i];
    fB[j] = outputs[row + step - 1];
  }
  return { n, d, fA, fB, fAB, fBA };
}
