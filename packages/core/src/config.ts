/** Occupation groups: who needs a recognised credential to work in their field. */
export const OCCUPATIONS = ['regulated', 'trade', 'other'] as const;
/** One of {@link OCCUPATIONS}. */
export type Occupation = (typeof OCCUPATIONS)[number];
/** Index of the regulated occupations (a recognised credential is needed) in per-occupation arrays. */
export const REGULATED = 0;
/** Index of the trades in per-occupation arrays. */
export const TRADE = 1;
/** Index of the other occupations in per-occupation arrays. */
export const OTHER = 2;

/** Employment states. */
export const EMPLOYMENT = ['none', 'survival', 'matched'] as const;
/** Employment code: no job. */
export const UNEMPLOYED = 0;
/** Employment code: a survival job below the person's skills. */
export const SURVIVAL_JOB = 1;
/** Employment code: a job that matches the person's skills. */
export const MATCHED_JOB = 2;

/** Place kinds, by population: metro (500,000 or more), mid-size city, small centre (under 100,000). */
export const PLACE_KINDS = ['metro', 'mid-size', 'small'] as const;
/** One of {@link PLACE_KINDS}. */
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** One place as the engine needs it: every attribute resolved to a number. */
export interface PlaceSpec {
  name: string;
  kind: PlaceKind;
  /** People living there at the start. */
  population: number;
  lat: number;
  lon: number;
  /** Share of the population born abroad (0-1): the existing immigrant stock. */
  foreignBornShare: number;
  /** New vacancies a year open to newcomers, as a share of population. */
  vacancyRate: number;
  /** Wage level relative to the provincial average (1 = average). */
  wageIndex: number;
  /** Cost of living relative to the provincial average. */
  costOfLiving: number;
  /** Amenity and remoteness, in utility units (0 = neutral). */
  amenity: number;
  /** Access to learning and advancement (0-1): a local college or university, or a regional link. */
  learningAccess: number;
  /** Institutional state at the start (0-1 each): leadership, inclusion, host openness. */
  leadership: number;
  inclusion: number;
  hostOpenness: number;
  /** Progressive initiatives in force and institutions in the multi-stakeholder network. */
  initiatives: number;
  institutions: number;
  /** Readiness for a community-engagement pilot (0-1 each). */
  champion: number;
  diversityCommitment: number;
  recognisedNeed: number;
  /** Whether the place counts among the "smaller places" that policies target. */
  smaller: boolean;
}

/**
 * How a class's newcomers find their first place, as shares that sum to 1: by their own
 * choice (the destination logit), where a sponsor lives (family class, privately sponsored
 * refugees), or destined by the state (government-assisted refugees).
 */
export interface FirstPlaceRule {
  choice: number;
  sponsor: number;
  destined: number;
}

/**
 * An immigrant class (admission category): its share of the intake and the attributes
 * that differ from the other classes. See submodel "arrivals" in docs/MODEL.md.
 */
export interface ClassSpec {
  /** Name as it appears in outputs, e.g. "economic", "nominee", "family", "refugee". */
  name: string;
  /** Share of the year's intake (the classes' shares sum to 1). */
  share: number;
  /** Shares of the occupation groups regulated, trade, other (sum to 1). */
  occupationShares: [number, number, number];
  /** Share arriving with family. */
  familyShare: number;
  /** Mean age at arrival (the intake's ageSd applies). */
  ageMean: number;
  /** Mean official-language level at arrival (the intake's languageSpread applies). */
  languageMean: number;
  /** Credential recognition at arrival by occupation group. */
  credentialAtArrival: [number, number, number];
  /** How the first place is chosen. */
  firstPlace: FirstPlaceRule;
  /** Share who land with a job offer in their first place: a matched job from the first year (0-1). */
  jobOffer: number;
}

/** The year's intake and the distribution of newcomers' attributes. */
export interface IntakeSpec {
  /** People arriving in the region each year. */
  perYear: number;
  /** Shares of the occupation groups regulated, trade, other (sum to 1). */
  occupationShares: [number, number, number];
  /** Shares of the origin groups (sum to 1); their names are in originNames. */
  originShares: number[];
  originNames: string[];
  /** Share arriving with family. */
  familyShare: number;
  /** Age at arrival: mean and standard deviation, bounded to 18-64. */
  ageMean: number;
  ageSd: number;
  /** Official-language level at arrival (0-1): mean and spread. */
  languageMean: number;
  languageSpread: number;
  /** Credential recognition at arrival (0-1) by occupation group. */
  credentialAtArrival: [number, number, number];
  /**
   * Immigrant classes and their shares. Absent: one class, "all", with the attributes above
   * and a free choice of first place (the model before classes, draw for draw).
   */
  classes?: ClassSpec[];
  /**
   * Places that receive the newcomers the state destines (government-assisted refugees),
   * by name, with the weight of each place in their allocation.
   */
  destinedPlaces?: Record<string, number>;
}

/** The single class of an intake that lists none: the intake's own attributes, free choice of place. */
export function singleClass(intake: IntakeSpec): ClassSpec {
  return {
    name: 'all',
    share: 1,
    occupationShares: intake.occupationShares,
    familyShare: intake.familyShare,
    ageMean: intake.ageMean,
    languageMean: intake.languageMean,
    credentialAtArrival: intake.credentialAtArrival,
    firstPlace: { choice: 1, sponsor: 0, destined: 0 },
    jobOffer: 0,
  };
}

/** The classes of an intake: its list, or the single class. */
export function intakeClasses(intake: IntakeSpec): ClassSpec[] {
  return intake.classes && intake.classes.length > 0 ? intake.classes : [singleClass(intake)];
}
