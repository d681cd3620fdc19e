import type { RunKey } from './observe/observer.js';

/** The accountability measures, one value per run and area. */
export const MEASURES = [
  'retention1',
  'retention3',
  'retention5',
  'retention10',
  'retained5',
  'retained10',
  'movedToMetro5',
  'movedToSmaller5',
  'leftRegion5',
  'movedToMetro10',
  'movedToSmaller10',
  'leftRegion10',
  'matchedShare',
  'equityMean',
  'engagedShare',
  'populationChange',
  'personYears',
  'labourGap',
  'programmeCost',
  'grossSpending',
  'clawbacks',
  'programmeCost5',
  'programmeCost10',
  'costPerRetained5',
  'unattributedSpending',
  'income',
  'uptake',
] as const;
/** One of the accountability {@link MEASURES}, e.g. `'retention5'`. */
export type Measure = (typeof MEASURES)[number];

/** How a measure's values read: a share as a percentage, a decimal, a count of people or things, or dollars. */
export type MeasureFormat = 'percent' | 'decimal' | 'count' | 'dollars';

/** What a measure means, in what unit, and how it reads in a table. */
export interface MeasureInfo {
  /** A short label for tables and charts. */
  label: string;
  /** What the value is, in a sentence (summary.json's `measures`). */
  description: string;
  /** The unit of the value. */
  unit: string;
  /** How the value reads in a table. */
  format: MeasureFormat;
}

/** What each of the {@link MEASURES} means: label, description, unit and format, in one place. */
export const MEASURE_INFO: Record<Measure, MeasureInfo> = {
  retention1: {
    label: 'Retention after 1 year',
    description: 'share still in their first place 1 year after arrival (region: still in the region)',
    unit: 'share of arrivals',
    format: 'percent',
  },
  retention3: {
    label: 'Retention after 3 years',
    description: 'same, 3 years after arrival',
    unit: 'share of arrivals',
    format: 'percent',
  },
  retention5: {
    label: 'Retention after 5 years',
    description: 'same, 5 years after arrival',
    unit: 'share of arrivals',
    format: 'percent',
  },
  retention10: {
    label: 'Retention after 10 years',
    description: 'same, 10 years after arrival',
    unit: 'share of arrivals',
    format: 'percent',
  },
  retained5: {
    label: 'People still in their first place after 5 years',
    description:
      'people of the cohorts that reached 5 years still in their first place 5 years after arrival (region: still in the region)',
    unit: 'people',
    format: 'count',
  },
  retained10: {
    label: 'People still in their first place after 10 years',
    description: 'same, 10 years after arrival, of the cohorts that reached 10 years',
    unit: 'people',
    format: 'count',
  },
  movedToMetro5: {
    label: 'Moved to a metro within 5 years',
    description: 'share of arrivals in a metro (a place not among the smaller places) 5 years after arrival',
    unit: 'share of arrivals',
    format: 'percent',
  },
  movedToSmaller5: {
    label: 'Moved to another smaller place within 5 years',
    description: 'share of arrivals in a smaller place other than their first 5 years after arrival',
    unit: 'share of arrivals',
    format: 'percent',
  },
  leftRegion5: {
    label: 'Left the region within 5 years',
    description: 'share of arrivals who had left the region 5 years after arrival',
    unit: 'share of arrivals',
    format: 'percent',
  },
  movedToMetro10: {
    label: 'Moved to a metro within 10 years',
    description: 'same as movedToMetro5, 10 years after arrival',
    unit: 'share of arrivals',
    format: 'percent',
  },
  movedToSmaller10: {
    label: 'Moved to another smaller place within 10 years',
    description: 'same as movedToSmaller5, 10 years after arrival',
    unit: 'share of arrivals',
    format: 'percent',
  },
  leftRegion10: {
    label: 'Left the region within 10 years',
    description: 'same as leftRegion5, 10 years after arrival',
    unit: 'share of arrivals',
    format: 'percent',
  },
  matchedShare: {
    label: 'Newcomers in jobs matching their skills',
    description: 'share of newcomers present in jobs that match their skills, last year',
    unit: 'share of newcomers present',
    format: 'percent',
  },
  equityMean: {
    label: 'Community equity of newcomers (0 to 1)',
    description: 'mean community equity (0-1) of newcomers present, last year',
    unit: 'index from 0 to 1',
    format: 'decimal',
  },
  engagedShare: {
    label: 'Newcomers engaged in community building',
    description: 'share of newcomers present engaged in community building, last year',
    unit: 'share of newcomers present',
    format: 'percent',
  },
  populationChange: {
    label: 'Population added by newcomers still present',
    description: 'people added by the newcomers still present at the end',
    unit: 'people',
    format: 'count',
  },
  personYears: {
    label: 'Person-years lived by newcomers',
    description:
      'years lived in the area by newcomers over the run: the newcomers present at the end of each year, summed',
    unit: 'person-years',
    format: 'count',
  },
  labourGap: {
    label: 'Unfilled vacancies, last year',
    description: 'vacancies left unfilled in the last year',
    unit: 'vacancies',
    format: 'count',
  },
  programmeCost: {
    label: 'Net programme cost, whole run',
    description: 'programme dollars over the whole run, net of clawbacks repaid (grossSpending - clawbacks)',
    unit: 'dollars',
    format: 'dollars',
  },
  grossSpending: {
    label: 'Gross programme spending, whole run',
    description:
      'programme dollars paid out over the whole run (incentives, services, engagement), before clawbacks',
    unit: 'dollars',
    format: 'dollars',
  },
  clawbacks: {
    label: 'Clawbacks repaid, whole run',
    description: 'dollars repaid over the whole run by incentive takers who left before their term ended',
    unit: 'dollars',
    format: 'dollars',
  },
  programmeCost5: {
    label: 'Net programme cost, years whose cohorts reached 5 years',
    description:
      'net programme dollars spent in the years whose cohorts reached 5 years (the numerator of the 5-year cost figures)',
    unit: 'dollars',
    format: 'dollars',
  },
  programmeCost10: {
    label: 'Net programme cost, years whose cohorts reached 10 years',
    description: 'same as programmeCost5, for the cohorts that reached 10 years',
    unit: 'dollars',
    format: 'dollars',
  },
  costPerRetained5: {
    label: 'Average cost per newcomer still present after 5 years (all of them, not additional)',
    description:
      'average cost: programmeCost5 divided by everyone still in their first place 5 years after arrival, including those who would have stayed without the programme (for the cost of an additional person retained see costPerAdditionalRetained5)',
    unit: 'dollars per person',
    format: 'dollars',
  },
  unattributedSpending: {
    label: 'Programme money spent on places, not on people of any class',
    description:
      "immigrant classes and groups of places by class: programme dollars over the whole run spent on the area's places rather than paid to or for particular people (community engagement), which no class can be charged with; the cost measures of a class leave it out, and a cost per additional person of a class is given only where the scenario spent on places what the reference did",
    unit: 'dollars',
    format: 'dollars',
  },
  income: {
    label: "Newcomers' earnings, last year",
    description: "newcomers' earnings in the last year, dollars",
    unit: 'dollars',
    format: 'dollars',
  },
  uptake: {
    label: 'Uptake of the incentive offer',
    description: 'share of the newcomers an incentive offer reached who accepted it (region only)',
    unit: 'share of newcomers reached',
    format: 'percent',
  },
};

/** One measure of one run for one area. */
export interface MeasureRow extends RunKey {
  area: string;
  measure: Measure;
  value: number;
}

/** The columns of measures.csv, in order. */
export const MEASURE_COLUMNS = [
  'scenario',
  'replication',
  'seed',
  'area',
  'measure',
  'value',
] as const satisfies readonly (keyof MeasureRow)[];
