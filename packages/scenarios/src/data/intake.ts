import type { IntakeSpec } from '@smart-settlement/core';

/**
 * The default yearly intake. All values are assumptions (ranges in docs/MODEL.md): no
 * intake breakdown for Ontario is in the project's evidence. perYear is of the order of
 * Ontario's yearly admissions of permanent residents in the late 2010s.
 */
export const DEFAULT_INTAKE: IntakeSpec = {
  perYear: 150_000,
  occupationShares: [0.25, 0.1, 0.65],
  originShares: [0.4, 0.15, 0.2, 0.1, 0.15],
  originNames: ['South Asia', 'East Asia', 'Africa and Middle East', 'Europe', 'Americas'],
  familyShare: 0.55,
  ageMean: 32,
  ageSd: 9,
  languageMean: 0.6,
  languageSpread: 0.3,
  credentialAtArrival: [0.3, 0.5, 1],
};
