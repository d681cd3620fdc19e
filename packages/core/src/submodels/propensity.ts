import { MOVER } from '../people.js';
import { counterUniform } from '../random.js';

/**
 * Submodel "propensity": people differ, for good, in their propensity to move on out of
 * the region. A mover-stayer mixture (Blumen, Kogan & McCarthy 1955; Goodman 1961): at
 * arrival a newcomer is a "mover" with probability `moverShare`, and a mover's utility of
 * leaving the region is higher by `moverGap` wherever they live. Movers leave early, so a
 * cohort's hazard of leaving falls with duration as it loses them (selection; Vaupel, Manton
 * & Stallard 1979; Heckman & Singer 1984). With `moverGap` 0 the model is the model without
 * heterogeneity, draw for draw.
 */
export function drawMover(key: number, id: number, moverShare: number): boolean {
  return moverShare > 0 && counterUniform(key, id, 0) < moverShare;
}

/**
 * What a mover adds to the sum of the weights of the alternatives to staying: the exit's
 * weight e^V_exit times (e^moverGap - 1), so that their exit weighs e^(V_exit + moverGap).
 * 0 for everyone else, and for everyone when the gap is 0.
 */
export function moverExitExtra(flags: number, exitWeight: number, moverGap: number): number {
  return flags & MOVER ? exitWeight * Math.expm1(moverGap) : 0;
}
