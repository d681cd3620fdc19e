/**
 * Parameter ranges, and the map from points of the unit cube [0, 1)^d (where all the
 * designs live) to parameter values.
 */

/**
 * The range explored for one parameter.
 *
 * - `scale: 'linear'` (default): u in [0, 1] maps to `min + u (max - min)`.
 * - `scale: 'log'`: u maps to `min (max / min)^u` (needs `0 < min`).
 * - `values`: a discrete set; u maps to `values[floor(u * values.length)]` and `min`/`max`
 *   are then informative only.
 * @example const r: ParameterRange = { name: 'matchRate', min: 0.1, max: 0.6 };
 */
export interface ParameterRange {
  name: string;
  min: number;
  max: number;
  scale?: 'linear' | 'log';
  values?: readonly number[];
}

/**
 * Maps one unit coordinate `u` to a value of `range` (see {@link ParameterRange}).
 * @example scaleUnitValue({ name: 'k', min: 1, max: 100, scale: 'log' }, 0.5); // 10
 */
export function scaleUnitValue(range: ParameterRange, u: number): number {
  const { values } = range;
  if (values && values.length > 0) {
    const index = Math.min(Math.max(Math.floor(u * values.length), 0), values.length - 1);
    return values[index];
  }
  if (range.scale === 'log') {
    if (!(range.min > 0 && range.max > 0)) {
      throw new RangeError(`log-scaled parameter ${range.name} needs a positive range`);
    }
    return range.min * (range.max / range.min) ** u;
  }
  return range.min + u * (range.max - range.min);
}

/**
 * Inverse of {@link scaleUnitValue} for continuous ranges: the unit coordinate of `value`.
 * For a discrete range it returns the centre of the value's cell (NaN if absent).
 * @example unitValue({ name: 'k', min: 0, max: 10 }, 2.5); // 0.25
 */
export function unitValue(range: ParameterRange, value: number): number {
  const { values } = range;
  if (values && values.length > 0) {
    const index = values.indexOf(value);
    return index < 0 ? Number.NaN : (index + 0.5) / values.length;
  }
  if (range.scale === 'log') return Math.log(value / range.min) / Math.log(range.max / range.min);
  return (value - range.min) / (range.max - range.min);
}

/**
 * Maps a point of the unit cube to parameter values, coordinate k by `ranges[k]`.
 * @example scaleUnitPoint([{ name: 'a', min: 0, max: 2 }, { name: 'b', min: 10, max: 20 }], [0.5, 0.1]); // [1, 11]
 */
export function scaleUnitPoint(ranges: readonly ParameterRange[], point: readonly number[]): number[] {
  if (point.length !== ranges.length) {
    throw new RangeError(`point has ${point.length} coordinates but there are ${ranges.length} ranges`);
  }
  return ranges.map((range, k) => scaleUnitValue(range, point[k]));
}

/** Maps every point of a unit-cube design to parameter values (see {@link scaleUnitPoint}). */
export function scaleUnitPoints(
  ranges: readonly ParameterRange[],
  points: readonly (readonly number[])[],
): number[][] {
  return points.map((point) => scaleUnitPoint(ranges, point));
}

/**
 * Names the coordinates of a parameter vector: `{ [ranges[k].name]: values[k] }`.
 * @example namedParameters([{ name: 'a', min: 0, max: 1 }], [0.3]); // { a: 0.3 }
 */
export function namedParameters(
  ranges: readonly ParameterRange[],
  values: readonly number[],
): Record<string, number> {
  const named: Record<string, number> = {};
  ranges.forEach((range, k) => {
    named[range.name] = values[k];
  });
  return named;
}
