import type { ClassSpec } from '@smart-settlement/core';

/**
 * Ontario's intake by immigrant class (admission category), with the attributes that differ
 * between classes. Shares: admissions of permanent residents whose intended destination was
 * Ontario, 2019, by immigration category (IRCC, Open Data "Permanent Residents - Monthly
 * IRCC Updates", table by province/territory and immigration category; also summarised in
 * IRCC's Annual Report to Parliament on Immigration 2020). Ontario admitted about 153,000
 * permanent residents in 2019: about 51% economic through the federal streams (Express
 * Entry's skilled-worker and experience classes, caregivers, business), 6% provincial
 * nominees, 28% family class, 15% refugees and protected persons; the 2% in other
 * humanitarian categories are spread over the four in proportion.
 *
 * Quality: an assumption recalled from those tables; IRCC's Ontario-by-category table itself
 * was searched for and not found in the stored public pages (2026-11-29; the searches and what
 * they found are in docs/MODEL.md, section 6). What was found agrees with the recalled shares or
 * bounds them: Canada 2019, 341,180 admissions, about 58% economic (IRCC, "Infographic:
 * Immigration to Canada in 2019", canada.ca, 2020-10), 27% family, 15% refugees, 45% of them
 * to Ontario (CIC News summaries of IRCC data, 2020); Ontario 2015, 28.6% family class and
 * 14.4% refugees (canadaimmigrants.com, "Immigrants by class and province (2015)", from IRCC
 * Facts and Figures 2015); Ontario's 6,850 nominations of 2018 stood for 13,571 people with
 * their families (OINP 2018 report, via CIC News 2019-02-22), at most 9% of 2019's admissions
 * once landed, so the nominee share is between the recalled 6% and about 9%. Each share stays
 * uncertain by about 3 points, the range in `CLASS_SHARE_RANGES`. Per-class attributes are
 * assumptions with the ranges in docs/MODEL.md (section 6), chosen so that the classes together
 * give the intake's overall shares (occupation, age, language) of `DEFAULT_INTAKE`.
 */
export const ONTARIO_CLASSES: ClassSpec[] = [
  {
    // Express Entry requires language test results (CLB 7 for skilled workers) and assesses
    // education: higher language and more regulated professions; they choose their place.
    name: 'economic',
    share: 0.51,
    occupationShares: [0.35, 0.08, 0.57],
    familyShare: 0.45,
    ageMean: 31,
    languageMean: 0.75,
    credentialAtArrival: [0.35, 0.5, 1],
    firstPlace: { choice: 1, sponsor: 0, destined: 0 },
    jobOffer: 0,
  },
  {
    // Ontario Immigrant Nominee Program: bound to the province by the nomination; the
    // employer job-offer streams (foreign workers, international students, in-demand
    // skills) were about a third of nominations in the late 2010s (assumption, 0.25-0.5).
    name: 'nominee',
    share: 0.06,
    occupationShares: [0.3, 0.15, 0.55],
    familyShare: 0.45,
    ageMean: 32,
    languageMean: 0.7,
    credentialAtArrival: [0.4, 0.6, 1],
    firstPlace: { choice: 1, sponsor: 0, destined: 0 },
    jobOffer: 0.35,
  },
  {
    // Spouses, partners, children and parents joining a sponsor who lives in Ontario.
    name: 'family',
    share: 0.28,
    occupationShares: [0.15, 0.1, 0.75],
    familyShare: 0.9,
    ageMean: 36,
    languageMean: 0.5,
    credentialAtArrival: [0.25, 0.45, 1],
    firstPlace: { choice: 0, sponsor: 1, destined: 0 },
    jobOffer: 0,
  },
  {
    // Government-assisted refugees are destined by the state (about 15% of Ontario's refugee
    // admissions), privately sponsored refugees go where their sponsors are (about 35%), and
    // protected persons, already in Ontario when their claim is accepted, choose (about 50%).
    // Shares of 2019 admissions, recalled from the same tables; each uncertain by 10 points.
    name: 'refugee',
    share: 0.15,
    occupationShares: [0.1, 0.15, 0.75],
    familyShare: 0.65,
    ageMean: 30,
    languageMean: 0.35,
    credentialAtArrival: [0.15, 0.35, 1],
    firstPlace: { choice: 0.5, sponsor: 0.35, destined: 0.15 },
    jobOffer: 0,
  },
];

/** Plausible range of each class's share of Ontario's intake (see ONTARIO_CLASSES). */
export const CLASS_SHARE_RANGES: Record<string, [number, number]> = {
  economic: [0.45, 0.58],
  nominee: [0.04, 0.1],
  family: [0.22, 0.32],
  refugee: [0.12, 0.19],
};

/**
 * The Ontario communities with a Resettlement Assistance Program (RAP) service provider,
 * where government-assisted refugees are destined: six (Government of Ontario, "Refugees:
 * your first year in Ontario", ontario.ca/page/refugees-first-year-ontario: "6 RAP agencies in
 * Ontario"), in Toronto (serving the Greater Toronto Area), Ottawa, London, Windsor, Hamilton
 * and Kitchener-Waterloo (Ontario Minister of Municipal Affairs and Housing, letter to heads of
 * council on the Syrian resettlement, 2015-11-27, reprinted at robinthemayor.com; the same six
 * in the Immigration Partnership of Waterloo Region's 2015 briefing, reported by CBC News).
 * Weights: assumption, roughly the spread of government-assisted refugees over these
 * communities in the Syrian resettlement of 2015-2016 (Toronto took a smaller share than its
 * population because of housing); each uncertain by half (no published split was found).
 */
export const RAP_COMMUNITIES: Record<string, number> = {
  Toronto: 0.35,
  'Ottawa (Ontario part)': 0.15,
  Hamilton: 0.1,
  'Kitchener-Cambridge-Waterloo': 0.12,
  London: 0.13,
  Windsor: 0.15,
};
