import type { PlaceState, Policy } from '@smart-settlement/core';
import * as z from 'zod';
import { bool, either, list, num, str, strict } from '../schema/fields.js';
import { definePolicy } from './definition.js';
import { placeName, placeSelector, selectPlaces } from './select.js';

/** The levers of the engagement programme, with their bounds and defaults. */
export const engagementSchema = strict({
  type: z.literal('engagement'),
  name: str({ minLength: 1 }).optional(),
  pilots: either(
    num({ integer: true, min: 0, max: 1000 }),
    list(placeName),
    'the number of pilot places taken by readiness ranking, or their names',
  ).default(5),
  candidates: placeSelector.default('smaller'),
  budgetPerPilot: num({
    min: 0,
    max: 1e9,
    description: 'dollars a year per pilot place at full ramp-up',
  }).default(500_000),
  fullBudgetPer100k: num({
    min: 1,
    max: 1e9,
    description: 'dollars a year that fund every block fully in a place of 100,000 people',
  }).default(500_000),
  rampUpYears: num({ integer: true, min: 1, max: 50, description: 'years to reach the full budget' }).default(
    3,
  ),
  leadership: bool('build leadership, the institutional network and initiatives').default(true),
  socialCapital: bool(
    'social-connection programmes: mentoring, bridging, opportunities to take part',
  ).default(true),
  humanCapital: bool('links to institutions of learning and advancement').default(true),
  leadershipPerYear: num({ min: 0, max: 1, description: 'leadership added a year at full funding' }).default(
    0.08,
  ),
  institutionsPerYear: num({
    min: 0,
    max: 100,
    description: 'institutions joining the network a year at full funding',
  }).default(1.5),
  initiativesPerYear: num({
    min: 0,
    max: 100,
    description: 'initiatives added a year at full funding',
  }).default(2),
  bridgingBoost: num({
    min: 0,
    max: 10,
    description: 'added to the tie-formation multiplier at full funding',
  }).default(1),
  participationBoost: num({
    min: 0,
    max: 10,
    description: 'added to the participation multiplier at full funding',
  }).default(0.5),
  learningLink: num({ min: 0, max: 1, description: 'added to learning access at full funding' }).default(0.3),
});
/** The levers of {@link engagement}, as validated by {@link engagementSchema} (defaults filled). */
export type EngagementLevers = z.output<typeof engagementSchema>;

/** Shares of the budget each block takes; a switched-off block is neither built nor paid for. */
export const BLOCK_SHARES = { leadership: 0.4, socialCapital: 0.35, humanCapital: 0.25 } as const;

/** Readiness for a pilot: champion x commitment to diversity x recognised need. */
export function readiness(places: PlaceState, j: number): number {
  return places.champion[j] * places.diversityCommitment[j] * places.recognisedNeed[j];
}

/** Pilot places: the named ones, or the most ready candidates (ties broken by name). */
export function choosePilots(
  places: PlaceState,
  levers: Pick<EngagementLevers, 'pilots' | 'candidates'>,
): Uint8Array {
  const out = new Uint8Array(places.n);
  const pilots = levers.pilots;
  if (Array.isArray(pilots)) {
    for (let j = 0; j < places.n; j++) out[j] = pilots.includes(places.names[j]) ? 1 : 0;
    return out;
  }
  const candidates = selectPlaces(places, levers.candidates);
  const ranked = [...candidates.keys()]
    .filter((j) => candidates[j])
    .sort(
      (a, b) => readiness(places, b) - readiness(places, a) || (places.names[a] < places.names[b] ? -1 : 1),
    );
  for (const j of ranked.slice(0, pilots)) out[j] = 1;
  return out;
}

/**
 * Builds the engagement policy from its levers (defaults filled by validation). Besides
 * `act`, it tells which places are its pilots.
 * @example
 * const { config } = resolveScenario({ name: 'e', policies: [{ type: 'engagement', pilots: 3 }] });
 */
export function engagement(levers: EngagementLevers): Policy & {
  /** 1 for each pilot place. */
  pilots(places: PlaceState): Uint8Array;
} {
  let pilots: Uint8Array | undefined;
  const blocks =
    (levers.leadership ? BLOCK_SHARES.leadership : 0) +
    (levers.socialCapital ? BLOCK_SHARES.socialCapital : 0) +
    (levers.humanCapital ? BLOCK_SHARES.humanCapital : 0);
  return {
    name: levers.name ?? 'engagement',
    kind: 'engagement',
    levers,
    pilots(places) {
      pilots ??= choosePilots(places, levers);
      return pilots;
    },
    act(view, year, effects) {
      const places = view.places;
      pilots ??= choosePilots(places, levers);
      const ramp = Math.min(1, (year + 1) / levers.rampUpYears);
      const spend = levers.budgetPerPilot * ramp * blocks;
      if (!(spend > 0)) return;
      for (let j = 0; j < places.n; j++) {
        if (!pilots[j]) continue;
        // Funding relative to what the place's size needs, capped at full.
        const need = (levers.fullBudgetPer100k * places.basePopulation[j]) / 100_000;
        const f = Math.min(1, (levers.budgetPerPilot * ramp) / need);
        effects.cost[j] += spend;
        if (levers.leadership) {
          effects.leadershipInvestment[j] += levers.leadershipPerYear * f;
          effects.institutionsAdded[j] += levers.institutionsPerYear * f;
          effects.initiativesAdded[j] += levers.initiativesPerYear * f;
        }
        if (levers.socialCapital) {
          effects.bridgingBoost[j] += levers.bridgingBoost * f;
          effects.participationBoost[j] += levers.participationBoost * f;
        }
        if (levers.humanCapital) effects.learningLink[j] += levers.learningLink * f;
      }
    },
  };
}

/**
 * The community-engagement model (PROMPT): in pilot places chosen by readiness (a local
 * champion, a commitment to diversity, a recognised need), a funded programme builds
 * three blocks: leadership (champion, a network of institutions, initiatives towards a
 * critical mass), social capital (connecting newcomers to community networks,
 * opportunities to take part) and human capital (links to learning, local or regional).
 * Effects scale with funding against what a place of its size needs, and ramp up.
 */
export const engagementPolicy = definePolicy({
  description:
    'the community-engagement model: leadership, social capital and links to learning in pilot places',
  schema: engagementSchema,
  build: engagement,
});
