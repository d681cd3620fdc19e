import { cloneJson } from './clone-json.js';
import type { Scenario } from './schema/scenario.js';

/**
 * The named scenarios. The first six put each policy on the default Ontario setting and
 * are what `npm start` compares; the others are the stress tests the study's
 * argument must survive (or fail) from the mechanisms alone.
 */
export const LIBRARY: Record<string, Scenario & { description: string }> = {
  baseline: { name: 'baseline', description: 'No programme: Ontario as it is.', policies: [] },
  dispersion: {
    name: 'dispersion',
    description:
      'Incentives to settle in a smaller place for a 3-year term, with a clawback for leaving early.',
    policies: [{ type: 'dispersion' }],
  },
  welcome: {
    name: 'welcome',
    description:
      'Welcome services in the smaller places: orientation and job-search help in the first two years.',
    policies: [{ type: 'welcome' }],
  },
  engagement: {
    name: 'engagement',
    description: 'The community-engagement model in five pilot places chosen by readiness.',
    policies: [{ type: 'engagement' }],
  },
  hybrid: {
    name: 'hybrid',
    description: 'Dispersion incentives towards the engagement pilots, with the engagement programme.',
    policies: [{ type: 'hybrid' }],
  },
  assignment: {
    name: 'assignment',
    description:
      'Refugees placed in the smaller places by quota (in proportion to population), with $2,000 a year for 3 years kept while they stay.',
    policies: [{ type: 'assignment', termYears: 3, benefitPerYear: 2000 }],
  },
  'dispersion-long-term': {
    name: 'dispersion-long-term',
    description: 'Dispersion with a 6-year term: does a longer term keep people or only move the cliff?',
    policies: [{ type: 'dispersion', termYears: 6 }],
  },
  'engagement-underfunded': {
    name: 'engagement-underfunded',
    description: 'Engagement with a fifth of the budget: below the critical mass, no "big bang".',
    policies: [{ type: 'engagement', budgetPerPilot: 100_000 }],
  },
  'engagement-no-blocks': {
    name: 'engagement-no-blocks',
    description:
      'Engagement with its three building blocks switched off: a control that must equal the baseline.',
    policies: [{ type: 'engagement', leadership: false, socialCapital: false, humanCapital: false }],
  },
  'engagement-no-jobs': {
    name: 'engagement-no-jobs',
    description: 'Engagement where the pilot places open almost no vacancies to newcomers.',
    policies: [
      { type: 'engagement', pilots: ['Sault Ste. Marie', 'Timmins', 'North Bay', 'Cornwall', 'Owen Sound'] },
    ],
    places: Object.fromEntries(
      ['Sault Ste. Marie', 'Timmins', 'North Bay', 'Cornwall', 'Owen Sound'].map((name) => [
        name,
        { vacancyRate: 0.001 },
      ]),
    ),
  },
};

/** The scenarios `settle compare` runs when none are named. */
export const DEFAULT_COMPARISON = ['baseline', 'dispersion', 'welcome', 'engagement', 'hybrid'];

/** A copy of a named scenario, or undefined. */
export function namedScenario(name: string): Scenario | undefined {
  // Own names only: `settle run constructor` is not a scenario.
  return Object.hasOwn(LIBRARY, name) ? cloneJson(LIBRARY[name]) : undefined;
}
