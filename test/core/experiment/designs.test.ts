import {
  factorialDesign,
  fullFactorial,
  latinHypercube,
  namedParameters,
  saltelliSample,
  scaleUnitPoint,
  scaleUnitValue,
  sobolSequence,
  splitSaltelliOutputs,
  stream,
  unitValue,
} from '@smart-settlement/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('parameter ranges', () => {
  it('maps unit coordinates linearly, logarithmically and onto discrete values, and unitValue inverts the continuous maps', () => {
    expect(scaleUnitValue({ name: 'a', min: 2, max: 4 }, 0.25)).toBe(2.5);
    expect(scaleUnitValue({ name: 'k', min: 1, max: 100, scale: 'log' }, 0.5)).toBeCloseTo(10, 12);
    const discrete = { name: 'n', min: 1, max: 3, values: [1, 2, 3] };
    expect([0, 0.33, 0.34, 0.66, 0.67, 0.999999].map((u) => scaleUnitValue(discrete, u))).toEqual([
      1, 1, 2, 2, 3, 3,
    ]);
    expect(unitValue({ name: 'k', min: 1, max: 100, scale: 'log' }, 10)).toBeCloseTo(0.5, 12);
    expect(unitValue({ name: 'a', min: 2, max: 4 }, 3.5)).toBe(0.75);
    expect(scaleUnitPoint([{ name: 'a', min: 0, max: 2 }, discrete], [0.5, 0.9])).toEqual([1, 3]);
    expect(namedParameters([{ name: 'a', min: 0, max: 1 }], [0.3])).toEqual({ a: 0.3 });
  });

  it('rejects a log range that is not positive and a point of the wrong length', () => {
    expect(() => scaleUnitValue({ name: 'k', min: 0, max: 1, scale: 'log' }, 0.5)).toThrow(RangeError);
    expect(() => scaleUnitPoint([{ name: 'a', min: 0, max: 1 }], [0.1, 0.2])).toThrow(RangeError);
  });
});

describe('full factorial', () => {
  it('crosses every level of every factor, last factor fastest', () => {
    expect(
      fullFactorial([
        [0, 1],
        [10, 20, 30],
      ]),
    ).toEqual([
      [0, 10],
      [0, 20],
      [0, 30],
      [1, 10],
      [1, 20],
      [1, 30],
    ]);
  });

  it('uses evenly spaced levels on each range scale and the discrete values when given (3 x 2 x 3 = 18 rows)', () => {
    const design = factorialDesign(
      [
        { name: 'a', min: 0, max: 1 },
        { name: 'b', min: 0, max: 1, values: [5, 7] },
        { name: 'c', min: 1, max: 100, scale: 'log' },
      ],
      3,
    );
    expect(design).toHaveLength(18);
    expect(new Set(design.map((row) => row[0]))).toEqual(new Set([0, 0.5, 1]));
    expect(new Set(design.map((row) => row[1]))).toEqual(new Set([5, 7]));
    const logLevels = design.slice(0, 3).map((row) => row[2]);
    [1, 10, 100].forEach((level, k) => {
      expect(logLevels[k]).toBeCloseTo(level, 10);
    });
    expect(new Set(design.map((row) => row.join()))).toHaveProperty('size', 18);
  });
});

describe('Latin hypercube', () => {
  it('property: in every dimension each of the n strata [i/n, (i+1)/n) holds exactly one point', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer(),
        fc.boolean(),
        (n, d, seed, centered) => {
          const points = latinHypercube(n, d, stream(seed, 0, 'lhs'), { centered });
          expect(points).toHaveLength(n);
          for (let k = 0; k < d; k++) {
            const strata = points.map((p) => Math.floor(p[k] * n)).sort((a, b) => a - b);
            expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
          }
        },
      ),
    );
  });

  it('is deterministic: the same seed gives identical samples, another seed different ones', () => {
    const a = latinHypercube(20, 4, stream(7, 0, 'lhs'));
    expect(latinHypercube(20, 4, stream(7, 0, 'lhs'))).toEqual(a);
    expect(latinHypercube(20, 4, stream(8, 0, 'lhs'))).not.toEqual(a);
  });
});

describe('Saltelli design', () => {
  it('has N(d+2) rows in SALib order A, AB_1..AB_d, B, with AB_i = A except column i from B, all from a 2d-dimensional Sobol base', () => {
    const n = 16;
    const d = 3;
    const rows = saltelliSample(n, d);
    const base = sobolSequence(n, 2 * d);
    expect(rows).toHaveLength(n * (d + 2));
    for (let j = 0; j < n; j++) {
      const a = base[j].slice(0, d);
      const b = base[j].slice(d);
      const block = rows.slice(j * (d + 2), (j + 1) * (d + 2));
      expect(block[0]).toEqual(a);
      expect(block[d + 1]).toEqual(b);
      for (let i = 0; i < d; i++) expect(block[1 + i]).toEqual(a.map((x, k) => (k === i ? b[i] : x)));
    }
  });

  it('with second order has N(2d+2) rows with BA_i = B except column i from A, and splitSaltelliOutputs recovers every matrix', () => {
    const n = 8;
    const d = 2;
    const rows = saltelliSample(n, d, { secondOrder: true, skip: 8 });
    const base = sobolSequence(n, 2 * d, { skip: 8 });
    expect(rows).toHaveLength(n * (2 * d + 2));
    const step = 2 * d + 2;
    for (let j = 0; j < n; j++) {
      const a = base[j].slice(0, d);
      const b = base[j].slice(d);
      for (let i = 0; i < d; i++)
        expect(rows[j * step + 1 + d + i]).toEqual(b.map((x, k) => (k === i ? a[i] : x)));
    }
    // Encode each row as a number to check the split.
    const outputs = rows.map((_, r) => r);
    const split = splitSaltelliOutputs(outputs, d, true);
    expect(split.fA).toEqual(Array.from({ length: n }, (_, j) => j * step));
    expect(split.fB).toEqual(Array.from({ length: n }, (_, j) => j * step + step - 1));
    expect(split.fAB[1]).toEqual(Array.from({ length: n }, (_, j) => j * step + 2));
    expect(split.fBA?.[0]).toEqual(Array.from({ length: n }, (_, j) => j * step + 3));
    expect(() => splitSaltelliOutputs(outputs.slice(1), d, true)).toThrow(RangeError);
  });
});
