import { type ParameterRange, scaleUnitValue } from './parameters.js';

/**
 * Full factorial design: every combination of the given values, one array of values per
 * factor. The last factor varies fastest. The design has the product of the lengths rows.
 * @example fullFactorial([[0, 1], [10, 20, 30]]);
 * // [[0, 10], [0, 20], [0, 30], [1, 10], [1, 20], [1, 30]]
 */
export function fullFactorial(levels: readonly (readonly number[])[]): number[][] {
  return Array.from(fullFactorialRows(levels));
}

/**
 * The rows of {@link fullFactorial} one at a time, in the same order, from row `from`: row k
 * is k written in the mixed radix of the factors' lengths (the last factor the lowest digit),
 * so no row before it is made.
 * @example [...fullFactorialRows([[0, 1], [10, 20, 30]], 4)]; // [[1, 20], [1, 30]]
 */
export function* fullFactorialRows(levels: readonly (readonly number[])[], from = 0): Generator<number[]> {
  const count = levels.reduce((n, values) => n * values.length, 1);
  for (let k = from; k < count; k++) {
    const row = new Array<number>(levels.length);
    let rest = k;
    for (let f = levels.length - 1; f >= 0; f--) {
      const size = levels[f].length;
      row[f] = levels[f][rest % size];
      rest = Math.floor(rest / size);
    }
    yield row;
  }
}

/**
 * The levels of one range for a factorial design: its `values` if it has them, otherwise
 * `levels` points evenly spaced on its scale from `min` to `max` inclusive (the midpoint if
 * `levels` is 1).
 * @example factorialLevels({ name: 'k', min: 1, max: 100, scale: 'log' }, 3); // [1, 10, 100]
 */
export function factorialLevels(range: ParameterRange, levels: number): number[] {
  if (range.values && range.values.length > 0) return [...range.values];
  if (!Number.isInteger(levels) || levels < 1)
    throw new RangeError(`levels must be a positive integer, got ${levels}`);
  if (levels === 1) return [scaleUnitValue({ ...range, values: undefined }, 0.5)];
  return Array.from({ length: levels }, (_, i) =>
    scaleUnitValue({ ...range, values: undefined }, i / (levels - 1)),
  );
}

/**
 * Full factorial design over parameter ranges, with `levels` levels per continuous range
 * (or one count per range), in parameter units.
 * @example factorialDesign([{ name: 'a', min: 0, max: 1 }, { name: 'b', min: 0, max: 1, values: [0, 1] }], 3);
 * // 6 rows: a in {0, 0.5, 1} crossed with b in {0, 1}
 */
export function factorialDesign(
  ranges: readonly ParameterRange[],
  levels: number | readonly number[],
): number[][] {
  return fullFactorial(
    ranges.map((range, k) => factorialLevels(range, typeof levels === 'number' ? levels : levels[k])),
  );
}
