import { movesOn } from '@smart-settlement/core/internals';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** The decision as the relocation loop always took it: stay when u >= P(move), move otherwise. */
function exactMovesOn(u: number, others: number, stay: number): boolean {
  return !(u >= others / (others + Math.exp(stay)));
}

/** The largest double below x (x > 0). */
function nextDown(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}

const others = fc.double({ min: 1e-6, max: 1e6, noNaN: true });
const stay = fc.double({ min: -80, max: 80, noNaN: true });

describe('submodel relocation: the stay-or-move decision without exp (movesOn)', () => {
  it('decides as P(move) computed with exp, for any draw, weight of the alternatives and utility of staying', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), others, stay, (u, o, s) => {
        expect(movesOn(u, o, s)).toBe(exactMovesOn(u, o, s));
      }),
      { numRuns: 20_000 },
    );
  });

  it('decides as P(move) for the draws at P(move) itself and the double just below it (stays, then moves)', () => {
    fc.assert(
      fc.property(others, stay, (o, s) => {
        const p = o / (o + Math.exp(s));
        fc.pre(p > 0 && p < 1);
        expect(movesOn(p, o, s)).toBe(false);
        expect(movesOn(nextDown(p), o, s)).toBe(true);
        expect(movesOn(nextDown(p), o, s)).toBe(exactMovesOn(nextDown(p), o, s));
      }),
      { numRuns: 20_000 },
    );
  });

  it('decides as P(move) at the grid points of the utility and off the grid, and for weights of 0, NaN or infinity', () => {
    const cases: [number, number, number][] = [];
    for (let k = -520; k <= 520; k += 1)
      for (const s of [k / 8, nextDown(k / 8 + 1e-12), k / 8 + 1e-12])
        for (const o of [0.5, 7, 300]) {
          const p = o / (o + Math.exp(s));
          if (p > 0) cases.push([p, o, s], [nextDown(p), o, s]);
          cases.push([0.5, o, s]);
        }
    for (const o of [0, Number.NaN, Number.POSITIVE_INFINITY, -1])
      for (const s of [-1, 0, 3, 100, Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY])
        cases.push([0, o, s], [0.3, o, s]);
    for (const [u, o, s] of cases) expect(movesOn(u, o, s)).toBe(exactMovesOn(u, o, s));
  });
});
