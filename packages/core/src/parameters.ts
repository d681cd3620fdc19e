/**
 * The behavioural parameters, in one table: each parameter's default, plausible range,
 * hard bounds, unit, meaning and source. `BehaviourParams`, `DEFAULT_PARAMS`, the bounds of
 * the scenario schema, the explorer's controls, the default ranges of experiment files and
 * the table in docs/MODEL.md all come from here. Adding a parameter = one entry below (and
 * the submodel that reads it).
 */

/** A parameter's value: a number, or one number per occupation group (regulated, trade, other). */
export type ParameterValue = number | [number, number, number];

/** Everything known about one behavioural parameter. */
export interface ParameterInfo<V extends ParameterValue = ParameterValue> {
  /** The default value (per occupation group for a vector). */
  default: V;
  /** Plausible range for sensitivity analysis and calibration (of each element for a vector). */
  range: [number, number];
  /** Hard bounds a scenario may set (of each element): wide enough for any experiment, narrow enough to catch typos of sign or scale. */
  bounds: [number, number];
  /** Unit of the value, in words (e.g. "share a year", "utility per log person"). */
  unit: string;
  /** What it does, in a sentence. */
  description: string;
  /** "calibrated" (fitted to the retention targets), "literature: ..." or "assumption". */
  source: string;
}

const A = 'assumption';
/** Bounds of a share or a chance. */
const SHARE: [number, number] = [0, 1];
/** Bounds of a utility weight or a count: non-negative, and not off by orders of magnitude. */
const WIDE: [number, number] = [0, 100];
/** Bounds of each element of a per-occupation vector. */
const PER_OCCUPATION: [number, number] = [0, 10];

/**
 * Every behavioural parameter. Values marked "calibrated" were fitted (scripts/fit-defaults.mts)
 * so that the baseline reproduces the observed retention targets (docs/CALIBRATION.md); the
 * others are assumptions with a plausible range (docs/MODEL.md, section 8).
 */
export const PARAMETER_INFO = {
  destSize: {
    default: 0.6,
    range: [0.3, 1],
    bounds: WIDE,
    unit: 'utility per log person',
    description: 'first-place choice: weight of log population',
    source: A,
  },
  destNetwork: {
    default: 0.8,
    range: [0.3, 1.5],
    bounds: WIDE,
    unit: 'utility per log person',
    description: 'first-place choice: weight of log co-ethnic stock (networks pull; patterns 2-3)',
    source: 'assumption; sign from Aslund 2001, Damm 2005, Mossaad et al. 2020',
  },
  destJobs: {
    default: 0.3,
    range: [0, 1],
    bounds: WIDE,
    unit: 'utility per log vacancy rate',
    description: 'first-place choice: weight of log vacancies per 1,000 residents',
    source: A,
  },
  destWage: {
    default: 1,
    range: [0, 2],
    bounds: WIDE,
    unit: 'utility per log wage',
    description: 'first-place choice: weight of log real wage',
    source: A,
  },
  destAmenity: {
    default: 1,
    range: [0, 2],
    bounds: WIDE,
    unit: 'utility per amenity unit',
    description: 'first-place choice: weight of amenity',
    source: A,
  },
  matchRate: {
    default: 0.35,
    range: [0.2, 0.5],
    bounds: SHARE,
    unit: 'chance a year',
    description:
      'yearly chance of a skills-matched job for a seeker with full credentials and language in a slack market',
    source: A,
  },
  survivalRate: {
    default: 0.6,
    range: [0.4, 0.8],
    bounds: SHARE,
    unit: 'chance a year',
    description: 'yearly chance that an unmatched, jobless seeker takes a survival job',
    source: A,
  },
  upgradeRate: {
    default: 0.6,
    range: [0.3, 1],
    bounds: SHARE,
    unit: 'ratio',
    description: 'matching chance of a survival-job holder relative to a jobless seeker',
    source: A,
  },
  jobLossRate: {
    default: 0.04,
    range: [0.02, 0.08],
    bounds: SHARE,
    unit: 'chance a year',
    description: 'yearly chance of losing a matched job',
    source: A,
  },
  vacancyCarryOver: {
    default: 0.5,
    range: [0, 0.8],
    bounds: WIDE,
    unit: 'share',
    description: 'share of unfilled vacancies still open the next year',
    source: A,
  },
  survivalPay: {
    default: 0.55,
    range: [0.4, 0.7],
    bounds: SHARE,
    unit: 'ratio',
    description: 'pay of a survival job relative to a matched job',
    source: A,
  },
  noJobPay: {
    default: 0.3,
    range: [0.2, 0.4],
    bounds: SHARE,
    unit: 'ratio',
    description: 'income without a job (benefits, savings) relative to a matched job',
    source: A,
  },
  occupationPay: {
    default: [1.25, 1, 0.8] as [number, number, number],
    range: [0.8, 1.3],
    bounds: PER_OCCUPATION,
    unit: 'ratio',
    description:
      'pay of a matched job by occupation group (regulated, trade, other) relative to the local wage level',
    source: A,
  },
  tieRate: {
    default: 0.5,
    range: [0.2, 0.8],
    bounds: SHARE,
    unit: 'share a year',
    description: 'yearly growth of bridging ties at full host openness',
    source: A,
  },
  tieDecay: {
    default: 0.02,
    range: [0, 0.05],
    bounds: SHARE,
    unit: 'share a year',
    description: 'yearly fading of bridging ties',
    source: A,
  },
  tiesKeptOnMove: {
    default: 0.3,
    range: [0.1, 0.5],
    bounds: SHARE,
    unit: 'share',
    description: 'share of bridging ties kept after moving',
    source: A,
  },
  credentialRate: {
    default: 0.25,
    range: [0.1, 0.4],
    bounds: SHARE,
    unit: 'share a year',
    description: 'yearly credential-recognition progress at full learning access and language',
    source: A,
  },
  languageRate: {
    default: 0.15,
    range: [0.05, 0.25],
    bounds: SHARE,
    unit: 'share a year',
    description: 'yearly progress in official-language level at full learning access',
    source: A,
  },
  participationScale: {
    default: 1.5,
    range: [0.5, 3],
    bounds: WIDE,
    unit: 'chance',
    description: 'participation chance at leadership x inclusion x ties = 1',
    source: A,
  },
  equityGain: {
    default: 0.25,
    range: [0.1, 0.4],
    bounds: SHARE,
    unit: 'share a year',
    description: 'share of the remaining distance to full equity gained in a year of participation',
    source: A,
  },
  equityFade: {
    default: 0.1,
    range: [0.05, 0.2],
    bounds: SHARE,
    unit: 'share a year',
    description: 'share of equity lost in a year without participation',
    source: A,
  },
  moverShare: {
    default: 0.042,
    range: [0, 0.3],
    bounds: SHARE,
    unit: 'share',
    description:
      'share of newcomers who are "movers", with a lasting higher propensity to move on out of the region (mover-stayer mixture)',
    source: 'calibrated; the mixture from Blumen, Kogan & McCarthy 1955, Goodman 1961',
  },
  moverGap: {
    default: 8.3,
    range: [0, 10],
    bounds: WIDE,
    unit: 'utility',
    description:
      "how much higher a mover's utility of leaving the region is (0 = no heterogeneity: the model without it)",
    source: 'calibrated; selection by duration from Vaupel et al. 1979, Heckman & Singer 1984',
  },
  sponsorAnchor: {
    default: 3.4,
    range: [0, 5],
    bounds: WIDE,
    unit: 'utility',
    description:
      "utility of living where one's sponsor (family, or the sponsoring group) lives; lost on moving away",
    source: 'calibrated (to the family-economic gap); sign from Yoshida et al. (family anchors)',
  },
  tastePersistence: {
    default: 0.3,
    range: [0, 0.6],
    bounds: SHARE,
    unit: 'share',
    description:
      'share of the idiosyncratic taste behind a free choice of place that lasts (E[taste given chosen] = -log P(chosen) in a logit)',
    source: 'calibrated',
  },
  dispersedTaste: {
    default: 0.25,
    range: [0, 1],
    bounds: SHARE,
    unit: 'share',
    description: 'share of that lasting taste held by a person who settled on an incentive offer',
    source:
      'assumption: the study says incentive takers have no stake; 1 means they chose as freely as anyone',
  },
  moveConstant: {
    default: 4.27,
    range: [3, 5.5],
    bounds: WIDE,
    unit: 'utility',
    description: 'utility of staying put before any attribute (the fixed cost of moving)',
    source: 'calibrated',
  },
  moveCostAge: {
    default: 0.2,
    range: [0, 0.5],
    bounds: WIDE,
    unit: 'utility per decade',
    description: 'added cost of moving per decade of age over 25',
    source: A,
  },
  moveCostFamily: {
    default: 0.5,
    range: [0.2, 1],
    bounds: WIDE,
    unit: 'utility',
    description: 'added cost of moving for a person who landed with family (pattern 4)',
    source: 'assumption; sign from Yoshida et al. (Atlantic Canada)',
  },
  utilIncome: {
    default: 1,
    range: [0.5, 2],
    bounds: WIDE,
    unit: 'utility per log income',
    description: 'utility of log income',
    source: A,
  },
  utilMatch: {
    default: 0.3,
    range: [0, 1],
    bounds: WIDE,
    unit: 'utility',
    description: 'utility of a job that matches skills, beyond its pay',
    source: A,
  },
  utilNetwork: {
    default: 1.24,
    range: [0.5, 1.5],
    bounds: WIDE,
    unit: 'utility per log share',
    description: 'utility of log co-ethnic share of residents where one lives (patterns 1 and 3)',
    source: 'calibrated; sign from Esses & Carter 2019, Damm 2005, Mossaad et al. 2020',
  },
  utilSize: {
    default: 0,
    range: [0, 0.3],
    bounds: WIDE,
    unit: 'utility per log person',
    description: 'utility of log population where one lives or might move (depth of job and social markets)',
    source: 'calibrated',
  },
  utilAmenity: {
    default: 1,
    range: [0.5, 1.5],
    bounds: WIDE,
    unit: 'utility per amenity unit',
    description: 'utility of amenity (remoteness)',
    source: A,
  },
  utilLearning: {
    default: 0.5,
    range: [0, 1],
    bounds: WIDE,
    unit: 'utility',
    description: 'utility of access to learning (isolation when absent)',
    source: A,
  },
  utilEquity: {
    default: 2,
    range: [0, 4],
    bounds: WIDE,
    unit: 'utility',
    description: 'utility of community equity: the anchor the engagement model claims',
    source: 'assumption: the study claims a strong effect but gives no estimate; 0 switches the claim off',
  },
  utilTies: {
    default: 1,
    range: [0, 2],
    bounds: WIDE,
    unit: 'utility',
    description: 'utility of local bridging ties',
    source: A,
  },
  utilMoneyPerThousand: {
    default: 0.15,
    range: [0.05, 0.3],
    bounds: WIDE,
    unit: 'utility per $1,000',
    description: 'utility of $1,000 (prices the clawback)',
    source: A,
  },
  exitConstant: {
    default: 3.96,
    range: [3, 5.5],
    bounds: WIDE,
    unit: 'utility',
    description: 'utility of leaving the region, before income',
    source: 'calibrated',
  },
  exitIncomeIndex: {
    default: 1,
    range: [0.9, 1.1],
    bounds: WIDE,
    unit: 'ratio',
    description: 'wage level outside the region relative to the region average',
    source: A,
  },
  averageEarnings: {
    default: 50000,
    range: [40000, 60000],
    bounds: [0, 600000],
    unit: 'dollars a year',
    description: 'yearly dollars a wage index of 1 stands for (income figures only; no effect on behaviour)',
    source: A,
  },
  initiativeDecay: {
    default: 0.1,
    range: [0.05, 0.2],
    bounds: SHARE,
    unit: 'share a year',
    description: 'share of initiatives retired each year',
    source: A,
  },
  initiativesFromLeadership: {
    default: 1,
    range: [0.5, 2],
    bounds: WIDE,
    unit: 'initiatives a year',
    description: 'initiatives a year at full leadership without a programme',
    source: A,
  },
  criticalMass: {
    default: 12,
    range: [6, 20],
    bounds: [0, 200],
    unit: 'initiatives',
    description:
      'initiatives (weighted by the institutional network) at which inclusion jumps: the "big bang"',
    source: 'assumption (the study names the threshold effect, not its size)',
  },
  bigBangSteepness: {
    default: 0.6,
    range: [0.2, 2],
    bounds: WIDE,
    unit: 'per initiative',
    description: 'steepness of the threshold (logistic slope)',
    source: A,
  },
  inclusionAdjust: {
    default: 0.3,
    range: [0.1, 0.5],
    bounds: SHARE,
    unit: 'share a year',
    description: 'share of the gap to its target that inclusion closes in a year',
    source: A,
  },
  leadershipDecay: {
    default: 0.1,
    range: [0.05, 0.2],
    bounds: SHARE,
    unit: 'share a year',
    description: 'yearly return of leadership towards its starting level',
    source: A,
  },
  leadershipFromEngaged: {
    default: 0.01,
    range: [0, 0.1],
    bounds: WIDE,
    unit: 'per point engaged',
    description: 'leadership gained per percentage point of the population engaged',
    source: A,
  },
  opennessFromEngaged: {
    default: 0.01,
    range: [0, 0.1],
    bounds: WIDE,
    unit: 'per point engaged',
    description: 'host openness gained per percentage point of the population engaged (mutual exchange)',
    source: A,
  },
  opennessDecay: {
    default: 0.05,
    range: [0.02, 0.1],
    bounds: SHARE,
    unit: 'share a year',
    description: 'yearly return of host openness towards its starting level',
    source: A,
  },
} satisfies Record<string, ParameterInfo>;

/** A behavioural parameter's name. */
export type ParameterName = keyof typeof PARAMETER_INFO;

/**
 * The behavioural parameters: every coefficient of every submodel, by name (see
 * {@link PARAMETER_INFO} for each one's meaning, range and source).
 */
export type BehaviourParams = { [K in ParameterName]: (typeof PARAMETER_INFO)[K]['default'] };

/** The parameter names, in the table's order. */
export const PARAMETER_NAMES = Object.keys(PARAMETER_INFO) as ParameterName[];

/** The default behavioural parameters (docs/MODEL.md, section 8). */
export const DEFAULT_PARAMS: BehaviourParams = Object.fromEntries(
  PARAMETER_NAMES.map((name) => [name, PARAMETER_INFO[name].default]),
) as BehaviourParams;
