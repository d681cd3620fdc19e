import { RETENTION_TARGETS } from '@smart-settlement/scenarios';

// The calibration's targets, apart from the calibration itself: the experiment's consistency
// check (plan.ts) names them without depending on the calibration, which depends on the plan.

/** A target of a calibration: an observed value of one measure in one area, with its scale. */
export interface CalibrationTarget {
  id: string;
  measure: string;
  area: string;
  /** Observed value (retention as a share). */
  value: number;
  /** Scale of its distance term: the target's uncertainty. */
  sd: number;
}

/**
 * The targets of the shipped retention data that the defaults are fitted to: Ontario 5-year
 * retention (1 point of uncertainty), Toronto 2014 and the 2007-2011 small-centre rates
 * (3 points: their source table's alignment is probable, not certain). The 2002-2006 and
 * adjusted Toronto rows are not fitted (see docs/CALIBRATION.md).
 */
export function defaultRetentionTargets(): CalibrationTarget[] {
  return RETENTION_TARGETS.filter(
    (t) =>
      t.id === 'on-5y-2016' ||
      t.id === 'toronto-5y-2014' ||
      (t.id.endsWith('-0711') && !t.id.startsWith('toronto')),
  ).map((t) => ({
    id: t.id,
    measure: `retention${t.yearsSinceArrival}`,
    area: t.area,
    value: t.valuePct / 100,
    sd: t.id.startsWith('on-') ? 0.01 : 0.03,
  }));
}
