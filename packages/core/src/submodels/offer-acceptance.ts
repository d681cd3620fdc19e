/**
 * Submodel "offer-acceptance": a newcomer reached by an incentive offer accepts or refuses
 * it with the same random-utility model that prices the clawback in relocation. Accepting
 * narrows the choice of first place to the eligible places (the loss is the difference of
 * the two logsums of the destination logit), pays the incentive, and binds the person for
 * the term: each year of it, leaving costs the clawback. The expected utility lost to that
 * binding in a year is the logsum difference of staying against moving with and without the
 * money at stake (Small & Rosen 1981): ln((1 + odds) / (1 + odds e^(-m × clawback))), with
 * odds the person's odds of moving on from that place in their first year. The decision is
 * a binary logit on the sum, so those who lose least by accepting are those who accept.
 */

/** Inputs of the acceptance decision of one newcomer. */
export interface AcceptanceInputs {
  /** ln(sum of destination weights of the eligible places / sum over all places): 0 or less. */
  choiceLoss: number;
  /** Dollars paid on accepting. */
  incentive: number;
  /** Dollars repaid on leaving before the term ends. */
  clawback: number;
  /** Years of the term. */
  termYears: number;
  /** The person's odds of moving on from the eligible place in a year (P(move) / P(stay)). */
  odds: number;
  /** Utility of $1,000 (the parameter that prices the clawback). */
  utilMoneyPerThousand: number;
}

/** Expected utility lost over the term to being bound by the clawback: years x the yearly logsum loss. */
export function termCost(odds: number, termYears: number, clawbackUtility: number): number {
  if (termYears <= 0 || clawbackUtility <= 0 || odds <= 0) return 0;
  return termYears * Math.log((1 + odds) / (1 + odds * Math.exp(-clawbackUtility)));
}

/** Probability that a newcomer reached by the offer accepts it (binary logit, scale 1). */
export function acceptanceProbability(x: AcceptanceInputs): number {
  const m = x.utilMoneyPerThousand / 1000;
  const v = x.choiceLoss + m * x.incentive - termCost(x.odds, x.termYears, m * x.clawback);
  return 1 / (1 + Math.exp(-v));
}
