/**
 * Observed retention rates that the baseline is calibrated against (copied from the
 * project's evidence with their sources). Small-centre rows (Esses & Carter 2019) come
 * from a table whose column alignment is probable, not certain: about 3 points of
 * uncertainty. Province rows count leaving Ontario; place rows count leaving the place.
 */
export interface RetentionTarget {
  id: string;
  /** Area as named in the model's outputs. */
  area: string;
  yearsSinceArrival: number;
  valuePct: number;
  cohort: string;
  definition: string;
  source: string;
  sourceQuality: string;
}

/**
 * The observed retention rates (see {@link RetentionTarget}), each with its source.
 * @example
 * RETENTION_TARGETS.find((t) => t.id === 'on-5y-2016')?.valuePct; // 93.1
 */
export const RETENTION_TARGETS: readonly RetentionTarget[] = [
  {
    id: 'on-5y-2016',
    area: 'Ontario',
    yearsSinceArrival: 5,
    valuePct: 93.1,
    cohort: '2016 admissions',
    definition:
      'share of immigrants admitted in the year who filed taxes in the province five years later (Longitudinal Immigration Database, IMDB)',
    source:
      "Statistics Canada, The Daily, 2024-02-14, 'Provincial variation in the retention rates of immigrants, 2022'",
    sourceQuality: 'secondary reprint of the release',
  },
  {
    id: 'on-1y-2021',
    area: 'Ontario',
    yearsSinceArrival: 1,
    valuePct: 94.6,
    cohort: '2021 admissions',
    definition: 'as on-5y-2016 but one year after admission',
    source: 'Statistics Canada, The Daily, 2024-12-19 (IMDB 2023)',
    sourceQuality: 'primary excerpt',
  },
  {
    id: 'toronto-5y-2014',
    area: 'Toronto',
    yearsSinceArrival: 5,
    valuePct: 85.5,
    cohort: '2014 admissions',
    definition: 'share still in the same census metropolitan area five years later (IMDB)',
    source: 'Statistics Canada, The Daily, January 2022 (IMDB 2020), via secondary reprints',
    sourceQuality: 'secondary reprint',
  },
  {
    id: 'toronto-5y-0711',
    area: 'Toronto',
    yearsSinceArrival: 5,
    valuePct: 91.6,
    cohort: '2007-2011 landings',
    definition: 'IMDB-based community retention, adjusted for non-mobility factors',
    source:
      'Esses & Carter (2019), Beyond the Big City, Public Policy Forum / Pathways to Prosperity (analysis by Bozheva & Esses)',
    sourceQuality: 'table read from an extracted copy; column alignment probable',
  },
  {
    id: 'sault-ste-marie-5y-0711',
    area: 'Sault Ste. Marie',
    yearsSinceArrival: 5,
    valuePct: 73.2,
    cohort: '2007-2011 landings',
    definition: 'as toronto-5y-0711',
    source: "as toronto-5y-0711 (the city's own 2019-09-18 release says 73.4)",
    sourceQuality: 'probable',
  },
  {
    id: 'chatham-kent-5y-0711',
    area: 'Chatham-Kent',
    yearsSinceArrival: 5,
    valuePct: 67.7,
    cohort: '2007-2011 landings',
    definition: 'as toronto-5y-0711',
    source: 'as toronto-5y-0711',
    sourceQuality: 'probable',
  },
  {
    id: 'greater-sudbury-5y-0711',
    area: 'Greater Sudbury',
    yearsSinceArrival: 5,
    valuePct: 59.8,
    cohort: '2007-2011 landings',
    definition: 'as toronto-5y-0711',
    source: 'as toronto-5y-0711',
    sourceQuality: 'probable',
  },
  {
    id: 'sault-ste-marie-5y-0206',
    area: 'Sault Ste. Marie',
    yearsSinceArrival: 5,
    valuePct: 69.0,
    cohort: '2002-2006 landings',
    definition: 'as toronto-5y-0711',
    source: 'as toronto-5y-0711',
    sourceQuality: 'probable',
  },
  {
    id: 'chatham-kent-5y-0206',
    area: 'Chatham-Kent',
    yearsSinceArrival: 5,
    valuePct: 60.0,
    cohort: '2002-2006 landings',
    definition: 'as toronto-5y-0711',
    source: 'as toronto-5y-0711',
    sourceQuality: 'probable',
  },
  {
    id: 'greater-sudbury-5y-0206',
    area: 'Greater Sudbury',
    yearsSinceArrival: 5,
    valuePct: 60.3,
    cohort: '2002-2006 landings',
    definition: 'as toronto-5y-0711',
    source: 'as toronto-5y-0711',
    sourceQuality: 'probable',
  },
  {
    id: 'toronto-5y-0206',
    area: 'Toronto',
    yearsSinceArrival: 5,
    valuePct: 91.2,
    cohort: '2002-2006 landings',
    definition: 'as toronto-5y-0711',
    source: 'as toronto-5y-0711',
    sourceQuality: 'probable',
  },
  {
    id: 'pnp-on-1y-2019',
    area: 'Nominee class',
    yearsSinceArrival: 1,
    valuePct: 97,
    cohort: '2019 nominees',
    definition:
      'share of provincial nominees still in the nominating province at the end of the landing year (the model: still in Ontario 1 year after arrival)',
    source:
      'Picot, Crossman & Hou (2023), Statistics Canada Economic and Social Reports 36-28-0001 (2023011)',
    sourceQuality: 'primary abstract',
  },
  {
    id: 'ca-family-5y-2016',
    area: 'Family class',
    yearsSinceArrival: 5,
    valuePct: 91.7,
    cohort: '2016 admissions',
    definition:
      'family class, all of Canada: share still in the province of admission five years later (IMDB); the model is Ontario, where retention is higher for every class, so only the gap between classes is fitted (ca-class-gap)',
    source: 'as on-5y-2016 (Statistics Canada, The Daily, 2024-02-14)',
    sourceQuality: 'secondary reprint',
  },
  {
    id: 'ca-economic-5y-2016',
    area: 'Economic class',
    yearsSinceArrival: 5,
    valuePct: 77.9,
    cohort: '2016 admissions',
    definition:
      'economic class (federal and provincial streams together), all of Canada: as ca-family-5y-2016',
    source: 'as on-5y-2016 (Statistics Canada, The Daily, 2024-02-14)',
    sourceQuality: 'secondary reprint',
  },
];
