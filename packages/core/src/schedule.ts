import type { Observer } from './observe/observer.js';
import { arrivals } from './submodels/arrivals.js';
import { equity } from './submodels/equity.js';
import { labour } from './submodels/labour.js';
import { learning } from './submodels/learning.js';
import { placesRespond } from './submodels/places-respond.js';
import { policiesAct } from './submodels/policies-act.js';
import { relocation } from './submodels/relocation.js';
import { ties } from './submodels/ties.js';
import { resetTallies, type World } from './world.js';
import { refreshYearTables } from './year-tables.js';

/** The submodels in the order one year runs them (docs/MODEL.md, "Process overview and scheduling"). */
export const SCHEDULE = [
  'policies-act',
  'arrivals',
  'labour',
  'ties',
  'learning',
  'equity',
  'relocation',
  'places-respond',
  'observation',
] as const;

/** Runs one year: the whole schedule in one readable function. */
export function step(world: World, observers: readonly Observer[] = []): void {
  resetTallies(world.tallies);
  policiesAct(world); // 1. programmes spend and act; incentive offers are made
  refreshYearTables(world);
  arrivals(world); // 2. intake, first-place choice or an accepted offer, welcome services
  labour(world); // 3. search and matching
  ties(world); // 4. bridging ties
  learning(world); // 5. credentials and language
  equity(world); // 6. participation and community equity
  relocation(world); // 7. stay, move within the region, or leave it
  placesRespond(world); // 8. initiatives, inclusion, institutions, population, vacancies
  for (const observer of observers) observer.observe(world); // 9. observation
  world.year += 1;
}
