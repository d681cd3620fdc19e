import type { IntakeSpec } from '@smart-settlement/core';
import { ONTARIO_CLASSES, RAP_COMMUNITIES } from './immigrant-classes.js';

/**
 * The default yearly intake. perYear is of the order of Ontario's yearly admissions of
 * permanent residents in the late 2010s; the class shares are IRCC's admissions to Ontario
 * by category (`immigrant-classes.ts`); the other values are assumptions (ranges in
 * docs/MODEL.md). The classes carry their own occupation, family, age, language and
 * credential figures; the overall ones below are what they add up to, and the occupation
 * shares also set each place's vacancies by occupation.
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
  classes: ONTARIO_CLASSES,
  destinedPlaces: RAP_COMMUNITIES,
};
