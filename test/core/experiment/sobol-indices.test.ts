import {
  saltelliSample,
  scaleUnitPoints,
  sobolFirstOrder,
  sobolIndices,
  sobolTotalOrder,
  stream,
} from '@smart-settlement/core';
import { describe, expect, it } from 'vitest';
import {
  ISHIGAMI_RANGES,
  ishigami,
  ishigamiIndices,
  sobolG,
  sobolGIndices,
} from '../../helpers/test-functions.js';

function ishigamiOutputs(n: number): number[] {
  return scaleUnitPoints(ISHIGAMI_RANGES, saltelliSample(n, 3)).map((x) => ishigami(x));
}

describe('analytic indices of the test functions', () => {
  it('Ishigami (a=7, b=0.1): S1 = [0.3139, 0.4424, 0], ST = [0.5576, 0.4424, 0.2437] to 4 decimals', () => {
    const { S1, ST } = ishigamiIndices();
    [0.3139, 0.4424, 0].forEach((s, i) => {
      expect(S1[i]).toBeCloseTo(s, 4);
    });
    [0.5576, 0.4424, 0.2437].forEach((s, i) => {
      expect(ST[i]).toBeCloseTo(s, 4);
    });
  });

  it('Sobol G with a = [0, 1, 4.5, 9, 99 x4]: S1_1 = 0.7162, ST_1 = 0.7871 and S1 <= ST everywhere', () => {
    const { S1, ST } = sobolGIndices([0, 1, 4.5, 9, 99, 99, 99, 99]);
    expect(S1[0]).toBeCloseTo(0.7162, 4);
    expect(ST[0]).toBeCloseTo(0.7871, 4);
    S1.forEach((s, i) => {
      expect(s).toBeLessThanOrEqual(ST[i]);
    });
  });
});

describe('Sobol indices on the Saltelli design', () => {
  it('Ishigami, N = 2^13 (40 960 runs): every S1 and ST within ±0.01 of the analytic values (measured max error 0.0011)', () => {
    const result = sobolIndices(ishigamiOutputs(2 ** 13), 3, { random: stream(1, 0, 'bootstrap') });
    const analytic = ishigamiIndices();
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(result.S1[i] - analytic.S1[i])).toBeLessThan(0.01);
      expect(Math.abs(result.ST[i] - analytic.ST[i])).toBeLessThan(0.01);
    }
    // The first-order / total gap of x1 and x3 (0.24) is what a formula swap would break.
    expect(result.ST[0] - result.S1[0]).toBeGreaterThan(0.2);
    expect(result.ST[2] - result.S1[2]).toBeGreaterThan(0.2);
  });

  it('Sobol G (8 inputs, a = [0, 1, 4.5, 9, 99 x4]), N = 2^12: every S1 and ST within ±0.01 of the analytic values (measured max error 0.0016)', () => {
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const outputs = saltelliSample(2 ** 12, 8).map((x) => sobolG(x, a));
    const result = sobolIndices(outputs, 8, { random: stream(1, 0, 'bootstrap'), resamples: 50 });
    const analytic = sobolGIndices(a);
    for (let i = 0; i < 8; i++) {
      expect(Math.abs(result.S1[i] - analytic.S1[i])).toBeLessThan(0.01);
      expect(Math.abs(result.ST[i] - analytic.ST[i])).toBeLessThan(0.01);
    }
  });

  it('estimators equal SALib first_order / total_order on a fixed 4 x (3+2) output table (numpy reference, 1e-12)', () => {
    // Outputs in Saltelli row order; reference computed with SALib's formulas in numpy
    // after SALib's standardisation (Y - mean) / std.
    const y = [
      3.1, -0.4, 2.2, 1.0, 0.5, -1.2, 0.3, 0.9, 2.5, -0.7, 0.0, 1.1, -2.0, 0.4, 1.6, 2.2, 2.9, -0.5, 0.8, 1.3,
    ];
    const result = sobolIndices(y, 3, { random: stream(1, 0, 'bootstrap'), resamples: 10 });
    const s1 = [0.003973509933774854, -0.7721854304635762, -0.7019867549668874];
    const st = [1.0728476821192052, 1.0933774834437084, 1.3390728476821194];
    for (let i = 0; i < 3; i++) {
      expect(result.S1[i]).toBeCloseTo(s1[i], 12);
      expect(result.ST[i]).toBeCloseTo(st[i], 12);
    }
  });

  it('first order is mean(fB (fABi - fA)) / var([fA, fB]) and total is mean((fA - fABi)^2) / (2 var([fA, fB])) with population variance (hand example)', () => {
    // fA = [0, 2], fB = [1, 3]: var([0, 2, 1, 3]) = 1.25.
    expect(sobolFirstOrder([0, 2], [1, 2], [1, 3])).toBeCloseTo((1 * 1 + 3 * 0) / 2 / 1.25, 15);
    expect(sobolTotalOrder([0, 2], [1, 2], [1, 3])).toBeCloseTo((0.5 * (1 + 0)) / 2 / 1.25, 15);
    expect(sobolFirstOrder([1, 1], [1, 1], [1, 1])).toBe(0);
  });

  it('second-order indices of Ishigami: S2(x1, x3) = ST1 - S1_1 = 0.2437 within ±0.03, other pairs within ±0.03 of 0 (N = 2^12)', () => {
    const n = 2 ** 12;
    const outputs = scaleUnitPoints(ISHIGAMI_RANGES, saltelliSample(n, 3, { secondOrder: true })).map((x) =>
      ishigami(x),
    );
    const result = sobolIndices(outputs, 3, {
      random: stream(1, 0, 'bootstrap'),
      secondOrder: true,
      resamples: 20,
    });
    const analytic = ishigamiIndices();
    expect(Math.abs((result.S2?.[0][2] ?? Number.NaN) - analytic.ST[2])).toBeLessThan(0.03);
    expect(Math.abs(result.S2?.[0][1] ?? Number.NaN)).toBeLessThan(0.03);
    expect(Math.abs(result.S2?.[1][2] ?? Number.NaN)).toBeLessThan(0.03);
    expect(result.S2?.[1][0]).toBeNaN();
  });

  it('bootstrap confidence half-widths cover the analytic values at N = 2^10 and shrink by about 1/2 from N = 2^10 to 2^12', () => {
    const small = sobolIndices(ishigamiOutputs(2 ** 10), 3, { random: stream(2, 0, 'bootstrap') });
    const large = sobolIndices(ishigamiOutputs(2 ** 12), 3, { random: stream(2, 0, 'bootstrap') });
    const analytic = ishigamiIndices();
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(small.S1[i] - analytic.S1[i])).toBeLessThan(small.S1Conf[i]);
      expect(Math.abs(small.ST[i] - analytic.ST[i])).toBeLessThan(small.STConf[i]);
      expect(large.S1Conf[i] / small.S1Conf[i]).toBeGreaterThan(0.3);
      expect(large.S1Conf[i] / small.S1Conf[i]).toBeLessThan(0.7);
      expect(large.STConf[i] / small.STConf[i]).toBeGreaterThan(0.3);
      expect(large.STConf[i] / small.STConf[i]).toBeLessThan(0.7);
    }
  });

  it('is deterministic: the same bootstrap seed gives identical confidence intervals, another seed different ones', () => {
    const y = ishigamiOutputs(256);
    const a = sobolIndices(y, 3, { random: stream(5, 0, 'bootstrap') });
    expect(sobolIndices(y, 3, { random: stream(5, 0, 'bootstrap') })).toEqual(a);
    expect(sobolIndices(y, 3, { random: stream(6, 0, 'bootstrap') }).S1Conf).not.toEqual(a.S1Conf);
  });

  it('rejects outputs that do not fit the design or are not finite', () => {
    expect(() => sobolIndices([1, 2, 3, 4], 3, { random: Math.random })).toThrow(RangeError);
    expect(() => sobolIndices([1, 2, Number.NaN, 4, 5], 3, { random: Math.random })).toThrow(RangeError);
  });
});
