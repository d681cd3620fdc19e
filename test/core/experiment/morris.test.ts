import {
  morrisAnalyze,
  morrisDelta,
  morrisSample,
  normalQuantile,
  scaleUnitPoints,
  stream,
} from '@smart-settlement/core';
import { describe, expect, it } from 'vitest';

describe('Morris design', () => {
  it('each trajectory has d+1 points on the 4-level grid and moves every parameter exactly once by ±2/3', () => {
    const d = 5;
    const points = morrisSample(30, d, stream(3, 0, 'morris'));
    expect(points).toHaveLength(30 * (d + 1));
    const grid = [0, 1 / 3, 2 / 3, 1];
    for (const p of points) for (const x of p) expect(grid.some((g) => Math.abs(g - x) < 1e-12)).toBe(true);
    for (let t = 0; t < 30; t++) {
      const moved: number[] = [];
      for (let s = 0; s < d; s++) {
        const before = points[t * (d + 1) + s];
        const after = points[t * (d + 1) + s + 1];
        const changed = before.flatMap((x, i) => (x !== after[i] ? [i] : []));
        expect(changed).toHaveLength(1);
        expect(Math.abs(after[changed[0]] - before[changed[0]])).toBeCloseTo(morrisDelta(4), 12);
        moved.push(changed[0]);
      }
      expect(moved.sort()).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it('is deterministic: the same seed gives identical trajectories', () => {
    expect(morrisSample(10, 4, stream(9, 0, 'morris'))).toEqual(morrisSample(10, 4, stream(9, 0, 'morris')));
    expect(morrisSample(10, 4, stream(9, 0, 'morris'))).not.toEqual(
      morrisSample(10, 4, stream(10, 0, 'morris')),
    );
  });
});

describe('Morris elementary effects', () => {
  it('linear function 3 x1 - 2 x2 + 0.5 x3: mu equals each coefficient (1e-12), mu* = |coefficient|, sigma = 0 and mu* CI = 0', () => {
    const coefficients = [3, -2, 0.5];
    const points = morrisSample(25, 3, stream(1, 0, 'morris'));
    const y = points.map((x) => x.reduce((s, xi, i) => s + coefficients[i] * xi, 0));
    const result = morrisAnalyze(points, y, { random: stream(1, 0, 'bootstrap') });
    coefficients.forEach((c, i) => {
      expect(result.mu[i]).toBeCloseTo(c, 12);
      expect(result.muStar[i]).toBeCloseTo(Math.abs(c), 12);
      expect(result.sigma[i]).toBeCloseTo(0, 12);
      expect(result.muStarConf[i]).toBeCloseTo(0, 12);
    });
  });

  it('on points in parameter units, effects are per parameter unit: y = 3a - 2b with a in [0, 10], b in [-1, 1] gives mu = [3, -2]', () => {
    const ranges = [
      { name: 'a', min: 0, max: 10 },
      { name: 'b', min: -1, max: 1 },
    ];
    const points = scaleUnitPoints(ranges, morrisSample(10, 2, stream(2, 0, 'morris')));
    const result = morrisAnalyze(
      points,
      points.map(([a, b]) => 3 * a - 2 * b),
      { random: stream(2, 0, 'bootstrap') },
    );
    expect(result.mu[0]).toBeCloseTo(3, 10);
    expect(result.mu[1]).toBeCloseTo(-2, 10);
  });

  it('non-linear function that ignores x3: mu*, mu and sigma of x3 are exactly 0 while x1 and x2 have mu* > 0.5 and sigma > 0', () => {
    const f = ([x1, x2]: number[]) => Math.sin(2 * Math.PI * x1) + 5 * x2 * x2 + 2 * x1 * x2;
    const points = morrisSample(40, 3, stream(4, 0, 'morris'));
    const result = morrisAnalyze(points, points.map(f), { random: stream(4, 0, 'bootstrap') });
    expect(result.muStar[2]).toBe(0);
    expect(result.mu[2]).toBe(0);
    expect(result.sigma[2]).toBe(0);
    expect(result.muStar[0]).toBeGreaterThan(0.5);
    expect(result.muStar[1]).toBeGreaterThan(0.5);
    expect(result.sigma[0]).toBeGreaterThan(0);
    expect(result.sigma[1]).toBeGreaterThan(0);
  });

  it('mu* bootstrap CI half-width is close (±15%) to z × sd(|EE|) / sqrt(r), the standard error of a mean of r effects', () => {
    const f = ([x1, x2]: number[]) => Math.sin(2 * Math.PI * x1) + 5 * x2 * x2 + 2 * x1 * x2;
    const r = 200;
    const points = morrisSample(r, 2, stream(5, 0, 'morris'));
    const result = morrisAnalyze(points, points.map(f), {
      random: stream(5, 0, 'bootstrap'),
      resamples: 2000,
    });
    for (let i = 0; i < 2; i++) {
      const abs = result.effects[i].map(Math.abs);
      const m = abs.reduce((s, x) => s + x, 0) / r;
      const sd = Math.sqrt(abs.reduce((s, x) => s + (x - m) ** 2, 0) / r);
      const expected = (normalQuantile(0.975) * sd) / Math.sqrt(r);
      expect(result.muStarConf[i] / expected).toBeGreaterThan(0.85);
      expect(result.muStarConf[i] / expected).toBeLessThan(1.15);
    }
  });

  it('rejects a design whose steps move more than one coordinate', () => {
    expect(() =>
      morrisAnalyze(
        [
          [0, 0],
          [1, 1],
          [1, 0],
        ],
        [0, 1, 2],
        { random: Math.random },
      ),
    ).toThrow(RangeError);
  });
});
