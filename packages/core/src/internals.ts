// @smart-settlement/core/internals: the engine room, for tests, benchmarks and people changing
// the engine (as fast-check's _internals): the people table and its flags, the world, the yearly
// step and each submodel, keyed random draws. Not a stable API: the main entry is.
export { createWorld } from './create-world.js';
export {
  ASSIGNED,
  BENEFIT,
  BYTES_PER_PERSON,
  DISPERSED,
  MOVER,
  PersonTable,
  SERVED,
  SPONSORED,
} from './people.js';
export { createEffects, resetEffects } from './policy.js';
export { counterUniform, type StreamKeys, streamKey, streamKeys } from './random.js';
export { step } from './schedule.js';
export { arrivals } from './submodels/arrivals.js';
export { quotaPick } from './submodels/assignment.js';
export { equity } from './submodels/equity.js';
export { labour } from './submodels/labour.js';
export { learning } from './submodels/learning.js';
export { type AcceptanceInputs, acceptanceProbability, termCost } from './submodels/offer-acceptance.js';
export { openInitialVacancies, placesRespond } from './submodels/places-respond.js';
export { policiesAct } from './submodels/policies-act.js';
export { drawMover, moverExitExtra } from './submodels/propensity.js';
export { movesOn, relocation, relocationTables } from './submodels/relocation.js';
export { ties } from './submodels/ties.js';
export { countFlags, FLAG_BITS, resetTallies, type Scratch, type World, type YearTallies } from './world.js';
export { refreshYearTables } from './year-tables.js';
