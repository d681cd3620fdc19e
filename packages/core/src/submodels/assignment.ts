/**
 * Submodel "assignment": placement by allocation. A share of this year's newcomers of the
 * classes an assignment names is placed by quota: each placement goes to the place furthest
 * below its quota so far this year (largest deficit), so the year's placements follow the
 * quota weights exactly up to one person, whatever the draws. An assigned person chose
 * nothing, so nothing about the place is revealed: their lasting taste for it is zero (the
 * free chooser's taste is -ln P(chosen) > 0 and the incentive taker's a share of it). With
 * a condition, they hold a yearly benefit while they stay for the term, lost on leaving.
 */
export function quotaPick(
  quota: Float64Array,
  quotaTotal: number,
  placed: Float64Array,
  placedTotal: number,
): number {
  let best = -1;
  let bestDeficit = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < quota.length; j++) {
    if (!(quota[j] > 0)) continue;
    const deficit = (quota[j] / quotaTotal) * (placedTotal + 1) - placed[j];
    if (deficit > bestDeficit) {
      bestDeficit = deficit;
      best = j;
    }
  }
  return best;
}
