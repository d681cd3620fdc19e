import { SOBOL_MAX_DIMENSION, SobolSequence, sobolSequence } from '@smart-settlement/core';
import { describe, expect, it } from 'vitest';

// Reference points: scipy.stats.qmc.Sobol(d, scramble=False), which uses the same Joe–Kuo
// new-joe-kuo-6.21201 direction numbers (also the published table of Joe & Kuo's sobol.cc).
const FIRST_EIGHT_5D = [
  [0, 0, 0, 0, 0],
  [0.5, 0.5, 0.5, 0.5, 0.5],
  [0.75, 0.25, 0.25, 0.25, 0.75],
  [0.25, 0.75, 0.75, 0.75, 0.25],
  [0.375, 0.375, 0.625, 0.875, 0.375],
  [0.875, 0.875, 0.125, 0.375, 0.875],
  [0.625, 0.125, 0.875, 0.625, 0.625],
  [0.125, 0.625, 0.375, 0.125, 0.125],
];

describe('Sobol sequence', () => {
  it('first 8 points in 5 dimensions equal the published (scipy / Joe–Kuo) sequence exactly', () => {
    expect(sobolSequence(8, 5)).toEqual(FIRST_EIGHT_5D);
  });

  it('point 5 in dimensions 31-40 equals scipy (checks the embedded direction numbers beyond dimension 30)', () => {
    const [point] = sobolSequence(1, 40, { skip: 5 });
    expect(point.slice(30, 40)).toEqual([
      0.875, 0.625, 0.375, 0.375, 0.125, 0.125, 0.125, 0.375, 0.875, 0.375,
    ]);
  });

  it('skip n returns the same points as generating and dropping the first n (seek is consistent with Gray-code stepping)', () => {
    const all = sobolSequence(300, 12);
    expect(sobolSequence(44, 12, { skip: 256 })).toEqual(all.slice(256));
    const sequence = new SobolSequence(12);
    sequence.seek(77);
    expect(sequence.index).toBe(77);
    expect(sequence.next()).toEqual(all[77]);
  });

  it(`every one of the ${SOBOL_MAX_DIMENSION} dimensions of the first 2^k points hits each of the 2^k dyadic cells exactly once (k = 1..8)`, () => {
    const points = sobolSequence(256, SOBOL_MAX_DIMENSION);
    for (let k = 1; k <= 8; k++) {
      const n = 2 ** k;
      for (let j = 0; j < SOBOL_MAX_DIMENSION; j++) {
        const cells = new Set(points.slice(0, n).map((p) => Math.floor(p[j] * n)));
        expect(cells.size).toBe(n);
      }
    }
  });

  it('dimensions outside 1..256 are rejected', () => {
    expect(() => sobolSequence(1, 0)).toThrow(RangeError);
    expect(() => sobolSequence(1, SOBOL_MAX_DIMENSION + 1)).toThrow(RangeError);
  });
});
