import {
  forkableStream,
  fullFactorialRows,
  latinHypercube,
  latinHypercubeRows,
  morrisSample,
  morrisTrajectories,
  saltelliRows,
  saltelliSample,
  stream,
} from '@smart-settlement/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The designs made one point (or trajectory) at a time must be the designs made whole, point
// for point: experiment folders and stores made before keep their meaning, and a resumed
// sweep finds at point k the point it registered there.

/** The Latin hypercube as it was made before the lazy one existed (a shuffled array per dimension). */
function previousLatinHypercube(n: number, d: number, random: () => number, centered: boolean): number[][] {
  const points = Array.from({ length: n }, () => new Array<number>(d));
  for (let k = 0; k < d; k++) {
    // statistics.ts's Fisher–Yates shuffle of an array of the strata.
    const strata = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.min(Math.floor(random() * (i + 1)), i);
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    for (let i = 0; i < n; i++) {
      const x = (strata[i] + (centered ? 0.5 : random())) / n;
      points[i][k] = Math.floor(x * n) === strata[i] ? x : (strata[i] + 0.5) / n;
    }
  }
  return points;
}

/** The full factorial as it was made before: crossing the rows made so far with each factor. */
function previousFullFactorial(levels: number[][]): number[][] {
  let rows: number[][] = [[]];
  for (const values of levels) rows = rows.flatMap((row) => values.map((v) => [...row, v]));
  return rows;
}

/** A uniform source that counts its draws. */
function counted(random: () => number): { random: () => number; draws: () => number } {
  let draws = 0;
  return {
    random: () => {
      draws += 1;
      return random();
    },
    draws: () => draws,
  };
}

describe('forkableStream', () => {
  it('gives the draws of stream with the same key, and a fork gives the draws to come without moving the original', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 50 }), (seed, before) => {
        const plain = stream(seed, 0, 'fork-test');
        const forkable = forkableStream(seed, 0, 'fork-test');
        for (let i = 0; i < before; i++) expect(forkable()).toBe(plain());
        const fork = forkable.fork();
        const ahead = Array.from({ length: 20 }, () => fork());
        expect(Array.from({ length: 20 }, () => forkable())).toEqual(ahead);
        expect(Array.from({ length: 20 }, () => plain())).toEqual(ahead);
      }),
      { numRuns: 50 },
    );
  });
});

describe('designs made one point at a time are the designs made whole', () => {
  it('Latin hypercube, row by row (strata kept, offsets drawn again from a fork): the points of the eager sample and of the previous code, for every size, dimension, seed and centring', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.boolean(),
        (n, d, seed, centered) => {
          const lazy = [...latinHypercubeRows(n, d, forkableStream(seed, 0, 'lhs'), { centered })];
          expect(lazy).toEqual(latinHypercube(n, d, stream(seed, 0, 'lhs'), { centered }));
          expect(lazy).toEqual(previousLatinHypercube(n, d, stream(seed, 0, 'lhs'), centered));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('Saltelli rows entered at any base sample (the Sobol sequence sought directly) are the tail of the whole design', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 63 }),
        (n, d, secondOrder, at) => {
          const j = at % n;
          const whole = saltelliSample(n, d, { secondOrder });
          const rows = secondOrder ? 2 * d + 2 : d + 2;
          expect(whole).toHaveLength(n * rows);
          expect([...saltelliRows(n - j, d, { secondOrder, skip: j })]).toEqual(whole.slice(j * rows));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('Morris trajectories one at a time are the rows of the whole sample, and taking t of them draws only what t trajectories need', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(2, 4, 6, 8),
        fc.integer({ min: 0, max: 1e6 }),
        (r, d, levels, seed) => {
          const whole = morrisSample(r, d, stream(seed, 0, 'morris'), { levels });
          const trajectories = [...morrisTrajectories(r, d, stream(seed, 0, 'morris'), { levels })];
          expect(trajectories.every((t) => t.length === d + 1)).toBe(true);
          expect(trajectories.flat()).toEqual(whole);
          const source = counted(stream(seed, 0, 'morris'));
          const lazy = morrisTrajectories(r, d, source.random, { levels });
          lazy.next();
          const one = source.draws();
          lazy.next();
          expect(source.draws()).toBe(2 * one);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('full factorial rows from any index (decoded in the mixed radix of the factors) are the tail of the crossing made whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 0, maxLength: 4 }), {
          minLength: 0,
          maxLength: 4,
        }),
        fc.nat(300),
        (levels, at) => {
          const whole = previousFullFactorial(levels);
          const from = whole.length === 0 ? 0 : at % whole.length;
          expect([...fullFactorialRows(levels, from)]).toEqual(whole.slice(from));
        },
      ),
      { numRuns: 200 },
    );
  });
});
