import { intakeClasses, MATCHED_JOB, UNEMPLOYED } from '../config.js';
import { ASSIGNED, BENEFIT, DISPERSED, MOVER, SERVED, SPONSORED } from '../people.js';
import type { Assignment, IncentiveOffer } from '../policy.js';
import { counterUniform, counterUniformAt, yearHash } from '../random.js';
import { countFlags, type World } from '../world.js';
import { quotaPick } from './assignment.js';
import { acceptanceProbability } from './offer-acceptance.js';
import { moverExitExtra } from './propensity.js';

/** How a newcomer's first place is found (see FirstPlaceRule). */
const CHOICE = 0;
const SPONSOR = 1;
const DESTINED = 2;

/** Newcomers whose sequential draws are taken together (the draws' scratch is sized for one block). */
const BLOCK = 1024;
/** Sequential draws per newcomer: occupation, origin, family, age (two), language. */
const DRAWS = 6;
/** Length of the world's scratch for a block's sequential draws. */
export const ARRIVAL_DRAWS_SCRATCH = BLOCK * DRAWS;

/**
 * Submodel "arrivals": the year's intake draws its class and attributes; each newcomer's
 * first place is then found by their class's rule: their own choice by a multinomial logit
 * on size, co-ethnic network, jobs, real wage and amenity (or an accepted incentive offer to
 * an eligible place for a term), where a sponsor lives, or where the state destines them;
 * or they are placed by allocation (submodel "assignment"). Welcome services then serve a
 * share of each place's newcomers.
 */
export function arrivals(world: World): void {
  const { config, people } = world;
  const agents = Math.round(config.intake.perYear / config.agentScale);
  if (agents <= 0) return;
  const tables = arrivalTables(world);
  people.reserve(agents);
  const first = people.count;
  // The sequential draws of a block of newcomers are taken in one tight loop, in the order
  // the newcomers use them (the same stream, the same numbers), so that the loop that settles
  // them boxes no number and the JIT compiles each loop whole.
  const draws = world.scratch.arrivalDraws;
  for (let done = 0; done < agents; done += BLOCK) {
    const m = Math.min(BLOCK, agents - done);
    fillDraws(world.arrivalStream, draws, m * DRAWS);
    settleBlock(world, tables, draws, m);
  }
  serveNewcomers(world, first);
  countNewcomers(world, first);
}

/** The year's lookup tables of the arrivals submodel: computed once a year, read per newcomer. */
interface ArrivalTables {
  /** exp of the destination utility by [(occupation * origins + origin) * places + place]. */
  weights: Float64Array;
  /** Sum of the weights of each (occupation, origin) row, over all places and over the offer's eligible places. */
  rowTotal: Float64Array;
  rowEligible: Float64Array;
  /** Co-ethnic stock summed over places, by origin: where sponsors are. */
  sponsorTotal: Float64Array;
  /** Weight of each place among the destined places, and their sum. */
  destined: Float64Array;
  destinedTotal: number;
  /** Cumulative class shares. */
  classCut: Float64Array;
  /** Per class: cumulative shares of the first two occupation groups. */
  occCut0: Float64Array;
  occCut1: Float64Array;
  familyShare: Float64Array;
  ageMean: Float64Array;
  languageMean: Float64Array;
  /** Per class, by [class * 3 + occupation]. */
  credential: Float64Array;
  jobOffer: Float64Array;
  /** Per class, the first-place rule: choice, choice + sponsor, and choice + sponsor + destined. */
  choice: Float64Array;
  choiceSponsor: Float64Array;
  ruleTotal: Float64Array;
  /** Sum of the assignment's positive quota weights (0 without an assignment). */
  quotaTotal: number;
  /** Placements by allocation so far this year, by place, and their sum. */
  placed: Float64Array;
  placedTotal: number;
}

function arrivalTables(world: World): ArrivalTables {
  const { config, places, scratch } = world;
  const { intake, params } = config;
  const n = places.n;
  const g = places.origins;
  const classes = intakeClasses(intake);
  const C = classes.length;

  // Destination weights by (occupation, origin), once a year.
  const groups = 3 * g;
  const weights = new Float64Array(groups * n);
  for (let o = 0; o < 3; o++) {
    for (let k = 0; k < g; k++) {
      const row = (o * g + k) * n;
      for (let j = 0; j < n; j++) {
        const jobs = Math.log1p((places.vacancies[j * 3 + o] / places.population[j]) * 1000);
        const v =
          params.destSize * Math.log(places.population[j]) +
          params.destNetwork * scratch.networkLog[j * g + k] +
          params.destJobs * jobs +
          params.destWage * Math.log(places.wageIndex[j] / places.costOfLiving[j]) +
          params.destAmenity * places.amenity[j];
        weights[row + j] = Math.exp(v);
      }
    }
  }
  const rowTotal = new Float64Array(groups);
  const rowEligible = new Float64Array(groups);
  const offer = world.offer;
  for (let r = 0; r < groups; r++) {
    for (let j = 0; j < n; j++) {
      rowTotal[r] += weights[r * n + j];
      if (offer?.eligible[j]) rowEligible[r] += weights[r * n + j];
    }
  }

  // Sponsors are earlier immigrants of the same origin: a sponsored newcomer's place is drawn
  // in proportion to the co-ethnic stock. Destined newcomers go to the receiving places by weight.
  const sponsorTotal = new Float64Array(g);
  for (let j = 0; j < n; j++) for (let k = 0; k < g; k++) sponsorTotal[k] += places.stock[j * g + k];
  const destined = new Float64Array(n);
  let destinedTotal = 0;
  for (const [name, weight] of Object.entries(intake.destinedPlaces ?? {})) {
    const j = places.indexOf(name);
    if (j >= 0 && weight > 0) {
      destined[j] += weight;
      destinedTotal += weight;
    }
  }
  let quotaTotal = 0;
  if (world.assignment) for (let j = 0; j < n; j++) quotaTotal += Math.max(world.assignment.quota[j], 0);

  const perClass = () => new Float64Array(C);
  const t: ArrivalTables = {
    weights,
    rowTotal,
    rowEligible,
    sponsorTotal,
    destined,
    destinedTotal,
    classCut: perClass(),
    occCut0: perClass(),
    occCut1: perClass(),
    familyShare: perClass(),
    ageMean: perClass(),
    languageMean: perClass(),
    credential: new Float64Array(C * 3),
    jobOffer: perClass(),
    choice: perClass(),
    choiceSponsor: perClass(),
    ruleTotal: perClass(),
    quotaTotal,
    placed: new Float64Array(n),
    placedTotal: 0,
  };
  for (let c = 0, acc = 0; c < C; c++) {
    const spec = classes[c];
    t.classCut[c] = acc += spec.share;
    t.occCut0[c] = spec.occupationShares[0];
    t.occCut1[c] = t.occCut0[c] + spec.occupationShares[1];
    t.familyShare[c] = spec.familyShare;
    t.ageMean[c] = spec.ageMean;
    t.languageMean[c] = spec.languageMean;
    for (let o = 0; o < 3; o++) t.credential[c * 3 + o] = spec.credentialAtArrival[o];
    t.jobOffer[c] = spec.jobOffer;
    const rules = spec.firstPlace;
    t.choice[c] = rules.choice;
    t.choiceSponsor[c] = rules.choice + rules.sponsor;
    t.ruleTotal[c] = rules.choice + rules.sponsor + rules.destined;
  }
  return t;
}

/** Takes the next `count` draws of a sequential stream into `into`, in order. */
function fillDraws(next: () => number, into: Float64Array, count: number): void {
  for (let k = 0; k < count; k++) into[k] = next();
}

/**
 * Settles a block of `m` newcomers: first who they are, then where they first settle. Two
 * passes, each a small loop the JIT compiles whole: no newcomer's attributes depend on where
 * an earlier one settled, and the places are found in the newcomers' order.
 */
function settleBlock(world: World, t: ArrivalTables, u: Float64Array, m: number): void {
  const first = world.people.count;
  drawNewcomers(world, t, u, m);
  placeNewcomers(world, t, first, m);
}

/** Appends `m` newcomers with their class, attributes and propensity (submodel "propensity"). */
function drawNewcomers(world: World, t: ArrivalTables, u: Float64Array, m: number): void {
  const { config, people, places, keys } = world;
  const { intake, params } = config;
  const year = world.year;
  const g = places.origins;
  const C = t.classCut.length;
  const { classCut, occCut0, occCut1, familyShare, ageMean, languageMean, credential } = t;
  const { originShares, ageSd, languageSpread } = intake;
  const { moverShare } = params;
  // A newcomer's counter-based draws are addressed by (person, 0) in the place of the year.
  const h0 = yearHash(0);
  const { immigrantClass: classKey, propensity: propensityKey } = keys;
  // The columns do not move within a block: reserve() was called for the whole intake.
  const { id: ids, arrival, occupation, origin: origins, immigrantClass, family, ageAtArrival } = people;
  const { language, credential: credentials, flags } = people;
  for (let a = 0; a < m; a++) {
    const at = a * DRAWS;
    const u1 = u[at];
    const u2 = u[at + 1];
    const u3 = u[at + 2];
    const u4 = u[at + 3];
    const u5 = u[at + 4];
    const u6 = u[at + 5];
    const i = people.append();
    const id = world.nextId++;
    let cls = 0;
    if (C > 1) {
      const uc = counterUniformAt(classKey, id, h0) * classCut[C - 1];
      while (cls < C - 1 && uc >= classCut[cls]) cls++;
    }
    const occ = u1 < occCut0[cls] ? 0 : u1 < occCut1[cls] ? 1 : 2;
    let origin = 0;
    let acc = originShares[0];
    while (u2 >= acc && origin < g - 1) acc += originShares[++origin];
    const gaussian = Math.sqrt(-2 * Math.log(1 - u4)) * Math.cos(2 * Math.PI * u5);
    ids[i] = id;
    arrival[i] = year;
    occupation[i] = occ;
    origins[i] = origin;
    immigrantClass[i] = cls;
    family[i] = u3 < familyShare[cls] ? 1 : 0;
    ageAtArrival[i] = Math.min(64, Math.max(18, Math.round(ageMean[cls] + ageSd * gaussian)));
    language[i] = Math.min(1, Math.max(0, languageMean[cls] + languageSpread * (2 * u6 - 1)));
    credentials[i] = credential[cls * 3 + occ];
    // The mover-stayer mixture (submodel "propensity").
    if (moverShare > 0 && counterBelow(propensityKey, id, h0, moverShare)) flags[i] |= MOVER;
  }
}

/**
 * Finds the first place of newcomers first..first+m-1, in order, by their class's rule:
 * placement by allocation, where a sponsor lives, where the state destines them, or their own
 * choice (perhaps on an incentive offer); a job offer comes with a matched job.
 */
function placeNewcomers(world: World, t: ArrivalTables, first: number, m: number): void {
  const { config, people, places, tallies, keys } = world;
  const year = world.year;
  const n = places.n;
  const g = places.origins;
  const C = t.classCut.length;
  const { jobOffer, choice, choiceSponsor, ruleTotal, weights, rowTotal, sponsorTotal } = t;
  const { destined, destinedTotal } = t;
  const { sponsorAnchor, tastePersistence } = config.params;
  const offer = world.offer;
  const reach = offer && offer.reach > 0 ? offer.reach : 0;
  const assignment = world.assignment;
  // A newcomer's counter-based draws are addressed by (person, 0), (person, 1) or (person, 2)
  // in the place of the year (see counterUniform): those parts are hashed once.
  const h0 = yearHash(0);
  const h1 = yearHash(1);
  const h2 = yearHash(2);
  const { firstPlace: firstPlaceKey, destination: destinationKey } = keys;
  const { uptake: uptakeKey, assignment: assignmentKey } = keys;
  const { id: ids, occupation, origin: origins, immigrantClass, flags, taste, employment } = people;
  const { place, firstPlace } = people;
  const { arrivals: arrivalsTally } = tallies;
  const { arrivedByCohort, arrivedByClass } = world;
  const { stock, vacancies } = places;
  const scale = config.agentScale;
  for (let i = first; i < first + m; i++) {
    const id = ids[i];
    const cls = immigrantClass[i];
    const occ = occupation[i];
    const origin = origins[i];
    let rule = CHOICE;
    if (choice[cls] < 1)
      rule = drawRule(firstPlaceKey, id, h0, choice[cls], choiceSponsor[cls], ruleTotal[cls]);
    if (rule === SPONSOR && !(sponsorTotal[origin] > 0)) rule = CHOICE;
    if (rule === DESTINED && !(destinedTotal > 0)) rule = CHOICE;

    const group = occ * g + origin;
    const row = group * n;
    let chosen = -1;
    let jobOffered = false;
    if (
      assignment?.classes[cls] &&
      t.quotaTotal > 0 &&
      counterBelow(assignmentKey, id, h0, assignment.share)
    ) {
      chosen = assignPlace(world, t, assignment, i);
    } else if (rule === SPONSOR) {
      chosen = pickSharesAt(stock, g, origin, n, sponsorTotal[origin], firstPlaceKey, id, h1);
      // The sponsor (family, or the sponsoring group) anchors the person to this place.
      taste[i] = sponsorAnchor;
      flags[i] |= SPONSORED;
    } else if (rule === DESTINED) {
      chosen = pickSharesAt(destined, 1, 0, n, destinedTotal, firstPlaceKey, id, h1);
      taste[i] = 0;
    } else {
      jobOffered = jobOffer[cls] > 0 && counterBelow(firstPlaceKey, id, h2, jobOffer[cls]);
      if (
        reach > 0 &&
        !jobOffered &&
        (!offer!.classes || offer!.classes[cls] === 1) &&
        counterBelow(uptakeKey, id, h0, reach)
      )
        chosen = offerPlace(world, t, offer!, i, group);
      if (chosen < 0) {
        chosen = pick(weights, row, n, undefined, rowTotal[group], counterUniformAt(destinationKey, id, h0));
        // In a logit, E[taste for the chosen place] = -log P(chosen): a rare choice reveals a strong taste.
        taste[i] = tastePersistence * -Math.log(weights[row + chosen] / rowTotal[group]);
      }
    }
    if (jobOffered) {
      // A job offer (provincial nominees' employer streams): a matched job from the start, filling a vacancy.
      employment[i] = MATCHED_JOB;
      const v = chosen * 3 + occ;
      vacancies[v] = Math.max(0, vacancies[v] - scale);
    } else {
      employment[i] = UNEMPLOYED;
    }
    place[i] = chosen;
    firstPlace[i] = chosen;
    arrivalsTally[chosen] += 1;
    arrivedByCohort[year * n + chosen] += 1;
    arrivedByClass[year * C + cls] += 1;
  }
}

/**
 * counterUniformAt(key, person, hashedYear) < p. Out of line where a loop holds many draws:
 * it returns a boolean, so a call that is not inlined boxes no number.
 */
function counterBelow(key: number, person: number, hashedYear: number, p: number): boolean {
  return counterUniformAt(key, person, hashedYear) < p;
}

/** The first-place rule of a newcomer whose class mixes rules: the draw against the rule shares. */
function drawRule(
  key: number,
  id: number,
  hashedYear: number,
  choice: number,
  choiceSponsor: number,
  ruleTotal: number,
): number {
  const ur = counterUniformAt(key, id, hashedYear) * ruleTotal;
  return ur < choice ? CHOICE : ur < choiceSponsor ? SPONSOR : DESTINED;
}

/** pickShares with its draw counterUniformAt(key, id, hashedYear): returns a place, boxes no number. */
function pickSharesAt(
  shares: Float64Array,
  stride: number,
  column: number,
  n: number,
  total: number,
  key: number,
  id: number,
  hashedYear: number,
): number {
  return pickShares(shares, stride, column, n, total, counterUniformAt(key, id, hashedYear));
}

/**
 * Places newcomer i by allocation (submodel "assignment") and returns the place: the one
 * furthest below its quota so far this year.
 */
function assignPlace(world: World, t: ArrivalTables, assignment: Assignment, i: number): number {
  const { people, tallies } = world;
  const chosen = quotaPick(assignment.quota, t.quotaTotal, t.placed, t.placedTotal);
  t.placed[chosen] += 1;
  t.placedTotal += 1;
  // Nothing about the place was revealed by a choice: no lasting taste (submodel "assignment").
  people.taste[i] = 0;
  people.flags[i] |= ASSIGNED;
  if (assignment.termYears > 0 && assignment.benefitPerYear > 0) {
    people.contractYearsLeft[i] = Math.min(255, assignment.termYears);
    people.clawback[i] = assignment.benefitPerYear;
    people.flags[i] |= BENEFIT;
  }
  tallies.assigned[chosen] += 1;
  world.arrivedAssignedByCohort[world.year] += 1;
  return chosen;
}

/**
 * Newcomer i, reached by the incentive offer, weighs it (submodel "offer-acceptance"): returns
 * the eligible place if they accept (and binds them to its term), or -1 to choose freely.
 */
function offerPlace(world: World, t: ArrivalTables, offer: IncentiveOffer, i: number, group: number): number {
  const { people, places, tallies, keys, config } = world;
  const params = config.params;
  const n = places.n;
  const row = group * n;
  const id = people.id[i];
  const { weights, rowEligible } = t;
  const e = pick(weights, row, n, offer.eligible, rowEligible[group], counterUniform(keys.uptake, id, 1));
  if (e < 0) return -1;
  // Chose among the eligible places only, and for the money: a weaker lasting taste.
  const taste =
    params.dispersedTaste * params.tastePersistence * -Math.log(weights[row + e] / rowEligible[group]);
  const accepts =
    counterUniform(keys.uptake, id, 2) <
    acceptanceProbability({
      choiceLoss: Math.log(rowEligible[group] / t.rowTotal[group]),
      incentive: offer.incentive,
      clawback: offer.clawback,
      termYears: offer.termYears,
      odds: firstYearOdds(
        world,
        e,
        people.occupation[i],
        people.origin[i],
        people.ageAtArrival[i],
        people.family[i],
        taste,
        people.flags[i],
      ),
      utilMoneyPerThousand: params.utilMoneyPerThousand,
    });
  tallies.offered[e] += 1;
  world.offersMade += 1;
  if (!accepts) return -1;
  people.taste[i] = taste;
  people.contractYearsLeft[i] = Math.min(255, offer.termYears);
  people.clawback[i] = offer.clawback;
  people.flags[i] |= DISPERSED;
  tallies.acceptedOffer[e] += 1;
  world.offersAccepted += 1;
  world.arrivedOnOfferByCohort[world.year] += 1;
  tallies.cost[e] += offer.incentive * config.agentScale;
  tallies.spendingByClass[e * world.classNames.length + people.immigrantClass[i]] +=
    offer.incentive * config.agentScale;
  return e;
}

/** Welcome services serve a share of each place's newcomers (rows first.. of this year's intake). */
function serveNewcomers(world: World, first: number): void {
  const { people, scratch, tallies, keys, effects, config } = world;
  const { serviceShare } = scratch;
  const { id, place, flags } = people;
  const { served, cost, spendingByClass } = tallies;
  const { serviceCostPerPerson } = effects;
  const { immigrantClass } = people;
  const C = world.classNames.length;
  const key = keys.services;
  const h0 = yearHash(0);
  const scale = config.agentScale;
  for (let i = first; i < people.count; i++) {
    const j = place[i];
    if (serviceShare[j] > 0 && counterUniformAt(key, id[i], h0) < serviceShare[j]) {
      flags[i] |= SERVED;
      served[j] += 1;
      cost[j] += serviceCostPerPerson[j] * scale;
      spendingByClass[j * C + immigrantClass[i]] += serviceCostPerPerson[j] * scale;
    }
  }
}

/**
 * Counts this year's newcomers (rows first..) by first place and class, and by each flag they
 * carry and class, once their flags are final: what the outputs break down by class.
 */
function countNewcomers(world: World, first: number): void {
  const { people, places } = world;
  const { firstPlace, immigrantClass, flags } = people;
  const { arrivedByPlaceClass, arrivedByFlagClass } = world;
  const n = places.n;
  const C = world.classNames.length;
  const year = world.year;
  for (let i = first; i < people.count; i++) {
    const cls = immigrantClass[i];
    arrivedByPlaceClass[(year * n + firstPlace[i]) * C + cls] += 1;
    if (flags[i] !== 0) countFlags(arrivedByFlagClass, flags[i], year, cls, C);
  }
}

/**
 * A newcomer's odds of moving on from place j in their first year (no job, equity or ties
 * yet), by the relocation model with the utilities of its last computation (a mover's exit
 * weighs more): what they expect a term in j to hold them against.
 */
function firstYearOdds(
  world: World,
  j: number,
  occ: number,
  origin: number,
  age: number,
  family: number,
  taste: number,
  flags: number,
): number {
  const { scratch, places, config } = world;
  const p = config.params;
  const g = places.origins;
  const row = (occ * g + origin) * (places.n + 1);
  const others =
    scratch.altWeightSum[occ * g + origin] -
    scratch.altWeight[row + j] +
    moverExitExtra(flags, scratch.altWeight[row + places.n], p.moverGap);
  if (!(others > 0)) return 0;
  const stay =
    scratch.stayBase[((j * 3 + occ) * 3 + UNEMPLOYED) * g + origin] +
    taste +
    p.moveConstant +
    (age > 25 ? (p.moveCostAge * (age - 25)) / 10 : 0) +
    p.moveCostFamily * family;
  return others / Math.exp(stay);
}

/**
 * Inverse-CDF choice among places with positive weight (restricted to `allowed` when given);
 * -1 if none. `total` is the sum of the allowed weights in place order (rowTotal, rowEligible).
 */
function pick(
  weights: Float64Array,
  row: number,
  n: number,
  allowed: Uint8Array | undefined,
  total: number,
  u: number,
): number {
  if (total <= 0) return -1;
  let target = u * total;
  let last = -1;
  for (let j = 0; j < n; j++) {
    if (allowed && !allowed[j]) continue;
    last = j;
    target -= weights[row + j];
    if (target < 0) return j;
  }
  return last;
}

/** Inverse-CDF choice of a place in proportion to shares[j * stride + column]; `total` is their sum. */
function pickShares(
  shares: Float64Array,
  stride: number,
  column: number,
  n: number,
  total: number,
  u: number,
): number {
  let target = u * total;
  let last = 0;
  for (let j = 0; j < n; j++) {
    const w = shares[j * stride + column];
    if (!(w > 0)) continue;
    last = j;
    target -= w;
    if (target < 0) return j;
  }
  return last;
}
