import { JOE_KUO_6_21201 } from './sobol-directions.js';

const BITS = 32;
const SCALE = 2 ** -BITS;

/** The largest dimension the embedded Joe–Kuo direction numbers support. */
export const SOBOL_MAX_DIMENSION = 256;

let table: Uint32Array[] | undefined;

/** Direction numbers v_k (k < 32, scaled to 32 bits) for every supported dimension. */
function directionTable(): Uint32Array[] {
  if (table) return table;
  const rows: Uint32Array[] = [];
  const first = new Uint32Array(BITS);
  for (let k = 0; k < BITS; k++) first[k] = (1 << (BITS - 1 - k)) >>> 0;
  rows.push(first);
  for (const line of JOE_KUO_6_21201.trim().split('\n')) {
    const [, s, a, ...m] = line.trim().split(/\s+/).map(Number);
    const v = new Uint32Array(BITS);
    for (let k = 0; k < Math.min(s, BITS); k++) v[k] = (m[k] << (BITS - 1 - k)) >>> 0;
    for (let k = s; k < BITS; k++) {
      let value = v[k - s] ^ (v[k - s] >>> s);
      for (let j = 1; j < s; j++) if ((a >>> (s - 1 - j)) & 1) value ^= v[k - j];
      v[k] = value >>> 0;
    }
    rows.push(v);
  }
  table = rows;
  return rows;
}

/** Number of trailing zero bits of a positive integer below 2^32. */
function trailingZeros(n: number): number {
  return 31 - Math.clz32(n & -n);
}

/**
 * The (unscrambled) Sobol low-discrepancy sequence in [0, 1)^d with the Joe–Kuo
 * `new-joe-kuo-6.21201` direction numbers, in Gray-code order. Point i is the same as
 * scipy's `qmc.Sobol(d, scramble=False)` point i; the first point is the origin.
 * Deterministic: no randomness is involved.
 * @example
 * const sobol = new SobolSequence(2);
 * sobol.next(); // [0, 0]
 * sobol.next(); // [0.5, 0.5]
 * sobol.next(); // [0.75, 0.25]
 */
export class SobolSequence {
  /** Number of coordinates of each point. */
  readonly dimension: number;
  private readonly directions: Uint32Array[];
  private readonly state: Uint32Array;
  private position = 0;

  /** A sequence in `dimension` dimensions whose first returned point is point `skip`. */
  constructor(dimension: number, skip = 0) {
    if (!Number.isInteger(dimension) || dimension < 1 || dimension > SOBOL_MAX_DIMENSION) {
      throw new RangeError(
        `Sobol dimension must be an integer in 1..${SOBOL_MAX_DIMENSION}, got ${dimension}`,
      );
    }
    this.dimension = dimension;
    this.directions = directionTable().slice(0, dimension);
    this.state = new Uint32Array(dimension);
    this.seek(skip);
  }

  /** Index of the point the next call to {@link SobolSequence.next} returns. */
  get index(): number {
    return this.position;
  }

  /** Moves to point `index` (0 <= index < 2^32) directly, without generating the ones before. */
  seek(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= 2 ** BITS) {
      throw new RangeError(`Sobol index must be an integer in [0, 2^32), got ${index}`);
    }
    const gray = (index ^ Math.floor(index / 2)) >>> 0;
    for (let j = 0; j < this.dimension; j++) {
      let x = 0;
      for (let k = 0; k < BITS; k++) if ((gray >>> k) & 1) x ^= this.directions[j][k];
      this.state[j] = x >>> 0;
    }
    this.position = index;
  }

  /** Returns the current point and advances to the next. */
  next(): number[] {
    if (this.position >= 2 ** BITS) throw new RangeError('Sobol sequence exhausted (2^32 points)');
    const point = Array.from(this.state, (x) => x * SCALE);
    this.position += 1;
    if (this.position < 2 ** BITS) {
      const c = trailingZeros(this.position);
      for (let j = 0; j < this.dimension; j++) this.state[j] = (this.state[j] ^ this.directions[j][c]) >>> 0;
    }
    return point;
  }
}

/**
 * The first `n` points of the `d`-dimensional Sobol sequence after skipping `skip` points.
 * Powers of two for `n` (and for `skip`) keep the balance properties of the sequence.
 * @example sobolSequence(4, 2); // [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75]]
 */
export function sobolSequence(n: number, d: number, options: { skip?: number } = {}): number[][] {
  const sequence = new SobolSequence(d, options.skip ?? 0);
  return Array.from({ length: n }, () => sequence.next());
}
