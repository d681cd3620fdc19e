import {
  cholesky,
  normalQuantile,
  quantile,
  standardNormal,
  stream,
  weightedCovariance,
  weightedMean,
} from '@smart-settlement/core';
import { describe, expect, it } from 'vitest';

describe('statistics helpers', () => {
  it('normalQuantile matches tabulated values to 1e-8 (0.975 -> 1.959963985, 0.5 -> 0, 0.001 -> -3.090232306)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 8);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306, 8);
  });

  it('quantile interpolates linearly between order statistics like numpy', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 0.25)).toBe(1.75);
    expect(quantile([4, 1, 3, 2], 1)).toBe(4);
  });

  it('standardNormal draws have mean within ±0.02 and variance within ±0.03 of 0 and 1 (20 000 draws)', () => {
    const random = stream(1, 0, 'normal');
    const draws = Array.from({ length: 20_000 }, () => [standardNormal(random)]);
    const w = draws.map(() => 1);
    expect(Math.abs(weightedMean(draws, w)[0])).toBeLessThan(0.02);
    expect(Math.abs(weightedCovariance(draws, w)[0][0] - 1)).toBeLessThan(0.03);
  });

  it('weighted mean and covariance use normalised weights; cholesky reproduces the matrix', () => {
    expect(weightedMean([[0], [2]], [1, 3])).toEqual([1.5]);
    expect(
      weightedCovariance(
        [
          [0, 0],
          [2, 4],
        ],
        [1, 1],
      ),
    ).toEqual([
      [1, 2],
      [2, 4],
    ]);
    const m = [
      [4, 2],
      [2, 3],
    ];
    const l = cholesky(m);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) expect(l[i][0] * l[j][0] + l[i][1] * l[j][1]).toBeCloseTo(m[i][j], 12);
    }
  });
});
