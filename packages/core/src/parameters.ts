import type { BehaviourParams } from './config.js';

/** Where a parameter's value comes from. */
export interface ParameterInfo {
  /** What it does, in a sentence. */
  description: string;
  /** Plausible range for sensitivity analysis and calibration. */
  range: [number, number];
  /** "calibrated" (fitted to the retention targets), "literature: ..." or "assumption". */
  source: string;
}

/**
 * Default behavioural parameters. Values marked "calibrated" were fitted (scripts/fit-defaults.mts) so that the
 * baseline reproduces the observed retention targets (docs/CALIBRATION.md); the others are
 * assumptions with the plausible range given in PARAMETER_INFO and docs/MODEL.md.
 */
export const DEFAULT_PARAMS: BehaviourParams = {
  destSize: 0.6,
  destNetwork: 0.8,
  destJobs: 0.3,
  destWage: 1.0,
  destAmenity: 1.0,
  matchRate: 0.35,
  survivalRate: 0.6,
  upgradeRate: 0.6,
  jobLossRate: 0.04,
  vacancyCarryOver: 0.5,
  survivalPay: 0.55,
  noJobPay: 0.3,
  occupationPay: [1.25, 1.0, 0.8],
  tieRate: 0.5,
  tieDecay: 0.02,
  tiesKeptOnMove: 0.3,
  credentialRate: 0.25,
  languageRate: 0.15,
  participationScale: 1.5,
  equityGain: 0.25,
  equityFade: 0.1,
  moverShare: 0,
  moverGap: 0,
  sponsorAnchor: 0,
  tastePersistence: 0.3,
  dispersedTaste: 0.25,
  moveConstant: 4.45,
  moveCostAge: 0.2,
  moveCostFamily: 0.5,
  utilIncome: 1.0,
  utilMatch: 0.3,
  utilNetwork: 1.32,
  utilSize: 0.03,
  utilAmenity: 1.0,
  utilLearning: 0.5,
  utilEquity: 2.0,
  utilTies: 1.0,
  utilMoneyPerThousand: 0.15,
  exitConstant: 4.66,
  exitIncomeIndex: 1.0,
  averageEarnings: 50000,
  initiativeDecay: 0.1,
  initiativesFromLeadership: 1.0,
  criticalMass: 12,
  bigBangSteepness: 0.6,
  inclusionAdjust: 0.3,
  leadershipDecay: 0.1,
  leadershipFromEngaged: 0.01,
  opennessFromEngaged: 0.01,
  opennessDecay: 0.05,
};

const A = 'assumption';

/** Description, range and source of every behavioural parameter (occupationPay is a vector, listed once). */
export const PARAMETER_INFO: Record<keyof BehaviourParams, ParameterInfo> = {
  destSize: { description: 'first-place choice: weight of log population', range: [0.3, 1.0], source: A },
  destNetwork: {
    description: 'first-place choice: weight of log co-ethnic stock (networks pull; patterns 2-3)',
    range: [0.3, 1.5],
    source: 'assumption; sign from Aslund 2001, Damm 2005, Mossaad et al. 2020',
  },
  destJobs: {
    description: 'first-place choice: weight of log vacancies per 1,000 residents',
    range: [0, 1],
    source: A,
  },
  destWage: { description: 'first-place choice: weight of log real wage', range: [0, 2], source: A },
  destAmenity: { description: 'first-place choice: weight of amenity', range: [0, 2], source: A },
  matchRate: {
    description:
      'yearly chance of a skills-matched job for a seeker with full credentials and language in a slack market',
    range: [0.2, 0.5],
    source: A,
  },
  survivalRate: {
    description: 'yearly chance that an unmatched, jobless seeker takes a survival job',
    range: [0.4, 0.8],
    source: A,
  },
  upgradeRate: {
    description: 'matching chance of a survival-job holder relative to a jobless seeker',
    range: [0.3, 1],
    source: A,
  },
  jobLossRate: { description: 'yearly chance of losing a matched job', range: [0.02, 0.08], source: A },
  vacancyCarryOver: {
    description: 'share of unfilled vacancies still open the next year',
    range: [0, 0.8],
    source: A,
  },
  survivalPay: {
    description: 'pay of a survival job relative to a matched job',
    range: [0.4, 0.7],
    source: A,
  },
  noJobPay: {
    description: 'income without a job (benefits, savings) relative to a matched job',
    range: [0.2, 0.4],
    source: A,
  },
  occupationPay: {
    description:
      'pay of a matched job by occupation group (regulated, trade, other) relative to the local wage level',
    range: [0.8, 1.3],
    source: A,
  },
  tieRate: {
    description: 'yearly growth of bridging ties at full host openness',
    range: [0.2, 0.8],
    source: A,
  },
  tieDecay: { description: 'yearly fading of bridging ties', range: [0, 0.05], source: A },
  tiesKeptOnMove: { description: 'share of bridging ties kept after moving', range: [0.1, 0.5], source: A },
  credentialRate: {
    description: 'yearly credential-recognition progress at full learning access and language',
    range: [0.1, 0.4],
    source: A,
  },
  languageRate: {
    description: 'yearly progress in official-language level at full learning access',
    range: [0.05, 0.25],
    source: A,
  },
  participationScale: {
    description: 'participation chance at leadership x inclusion x ties = 1',
    range: [0.5, 3],
    source: A,
  },
  equityGain: {
    description: 'share of the remaining distance to full equity gained in a year of participation',
    range: [0.1, 0.4],
    source: A,
  },
  equityFade: {
    description: 'share of equity lost in a year without participation',
    range: [0.05, 0.2],
    source: A,
  },
  moverShare: {
    description:
      'share of newcomers who are "movers", with a lasting higher propensity to move on out of the region (mover-stayer mixture)',
    range: [0, 0.3],
    source: 'assumption until fitted; the mixture from Blumen, Kogan & McCarthy 1955, Goodman 1961',
  },
  moverGap: {
    description:
      "how much lower a mover's utility of staying is (0 = no heterogeneity: the model without it)",
    range: [0, 6],
    source: 'assumption until fitted; selection by duration from Vaupel et al. 1979, Heckman & Singer 1984',
  },
  sponsorAnchor: {
    description:
      "utility of living where one's sponsor (family, or the sponsoring group) lives; lost on moving away",
    range: [0, 3],
    source: 'assumption until fitted; sign from Yoshida et al. (family anchors)',
  },
  tastePersistence: {
    description:
      'share of the idiosyncratic taste behind a free choice of place that lasts (E[taste given chosen] = -log P(chosen) in a logit)',
    range: [0, 0.6],
    source: 'calibrated',
  },
  dispersedTaste: {
    description: 'share of that lasting taste held by a person who settled on an incentive offer',
    range: [0, 1],
    source:
      'assumption: the study says incentive takers have no stake; 1 means they chose as freely as anyone',
  },
  moveConstant: {
    description: 'utility of staying put before any attribute (the fixed cost of moving)',
    range: [3, 5.5],
    source: 'calibrated',
  },
  moveCostAge: { description: 'added cost of moving per decade of age over 25', range: [0, 0.5], source: A },
  moveCostFamily: {
    description: 'added cost of moving for a person who landed with family (pattern 4)',
    range: [0.2, 1],
    source: 'assumption; sign from Yoshida et al. (Atlantic Canada)',
  },
  utilIncome: { description: 'utility of log income', range: [0.5, 2], source: A },
  utilMatch: {
    description: 'utility of a job that matches skills, beyond its pay',
    range: [0, 1],
    source: A,
  },
  utilNetwork: {
    description: 'utility of log co-ethnic share of residents where one lives (patterns 1 and 3)',
    range: [0.5, 1.5],
    source: 'calibrated; sign from Esses & Carter 2019, Damm 2005, Mossaad et al. 2020',
  },
  utilSize: {
    description: 'utility of log population where one lives or might move (depth of job and social markets)',
    range: [0, 0.3],
    source: 'calibrated',
  },
  utilAmenity: { description: 'utility of amenity (remoteness)', range: [0.5, 1.5], source: A },
  utilLearning: {
    description: 'utility of access to learning (isolation when absent)',
    range: [0, 1],
    source: A,
  },
  utilEquity: {
    description: 'utility of community equity: the anchor the engagement model claims',
    range: [0, 4],
    source: 'assumption: the study claims a strong effect but gives no estimate; 0 switches the claim off',
  },
  utilTies: { description: 'utility of local bridging ties', range: [0, 2], source: A },
  utilMoneyPerThousand: {
    description: 'utility of $1,000 (prices the clawback)',
    range: [0.05, 0.3],
    source: A,
  },
  exitConstant: {
    description: 'utility of leaving the region, before income',
    range: [3, 5.5],
    source: 'calibrated',
  },
  exitIncomeIndex: {
    description: 'wage level outside the region relative to the region average',
    range: [0.9, 1.1],
    source: A,
  },
  averageEarnings: {
    description: 'yearly dollars a wage index of 1 stands for (income figures only; no effect on behaviour)',
    range: [40000, 60000],
    source: A,
  },
  initiativeDecay: { description: 'share of initiatives retired each year', range: [0.05, 0.2], source: A },
  initiativesFromLeadership: {
    description: 'initiatives a year at full leadership without a programme',
    range: [0.5, 2],
    source: A,
  },
  criticalMass: {
    description:
      'initiatives (weighted by the institutional network) at which inclusion jumps: the "big bang"',
    range: [6, 20],
    source: 'assumption (the study names the threshold effect, not its size)',
  },
  bigBangSteepness: {
    description: 'steepness of the threshold (logistic slope)',
    range: [0.2, 2],
    source: A,
  },
  inclusionAdjust: {
    description: 'share of the gap to its target that inclusion closes in a year',
    range: [0.1, 0.5],
    source: A,
  },
  leadershipDecay: {
    description: 'yearly return of leadership towards its starting level',
    range: [0.05, 0.2],
    source: A,
  },
  leadershipFromEngaged: {
    description: 'leadership gained per percentage point of the population engaged',
    range: [0, 0.1],
    source: A,
  },
  opennessFromEngaged: {
    description: 'host openness gained per percentage point of the population engaged (mutual exchange)',
    range: [0, 0.1],
    source: A,
  },
  opennessDecay: {
    description: 'yearly return of host openness towards its starting level',
    range: [0.02, 0.1],
    source: A,
  },
};
