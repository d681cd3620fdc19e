import { intakeClasses, MATCHED_JOB, UNEMPLOYED } from '../config.js';
import { ASSIGNED, BENEFIT, DISPERSED, MOVER, SERVED, SPONSORED } from '../people.js';
import { counterUniform } from '../random.js';
import type { World } from '../world.js';
import { quotaPick } from './assignment.js';
import { acceptanceProbability } from './offer-acceptance.js';
import { drawMover, moverExitExtra } from './propensity.js';

/** How a newcomer's first place is found (see FirstPlaceRule). */
const CHOICE = 0;
const SPONSOR = 1;
const DESTINED = 2;

/**
 * Submodel "arrivals": the year's intake draws its class and attributes; each newcomer's
 * first place is then found by their class's rule: their own choice by a multinomial logit
 * on size, co-ethnic network, jobs, real wage and amenity (or an accepted incentive offer to
 * an eligible place for a term), where a sponsor lives, or where the state destines them;
 * or they are placed by allocation (submodel "assignment"). Welcome services then serve a
 * share of each place's newcomers.
 */
export function arrivals(world: World): void {
  const { config, people, places, scratch, tallies, keys, effects } = world;
  const { intake, params } = config;
  const year = world.year;
  const agents = Math.round(intake.perYear / config.agentScale);
  if (agents <= 0) return;
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
  const reach = offer && offer.reach > 0 ? offer.reach : 0;

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
  const assignment = world.assignment;
  const placed = new Float64Array(n);
  let placedTotal = 0;
  let quotaTotal = 0;
  if (assignment) for (let j = 0; j < n; j++) quotaTotal += Math.max(assignment.quota[j], 0);
  const classCut = new Float64Array(C);
  for (let c = 0, acc = 0; c < C; c++) classCut[c] = acc += classes[c].share;

  people.reserve(agents);
  const first = people.count;
  const rnd = world.arrivalStream;
  for (let a = 0; a < agents; a++) {
    // A fixed number of sequential draws per newcomer keeps the intake identical across scenarios;
    // the class, the propensity and the placement draws are counter-based, keyed by the person.
    const u1 = rnd();
    const u2 = rnd();
    const u3 = rnd();
    const u4 = rnd();
    const u5 = rnd();
    const u6 = rnd();
    const i = people.append();
    const id = world.nextId++;
    let cls = 0;
    if (C > 1) {
      const uc = counterUniform(keys.immigrantClass, id, 0) * classCut[C - 1];
      while (cls < C - 1 && uc >= classCut[cls]) cls++;
    }
    const spec = classes[cls];
    const occCut0 = spec.occupationShares[0];
    const occCut1 = occCut0 + spec.occupationShares[1];
    const occ = u1 < occCut0 ? 0 : u1 < occCut1 ? 1 : 2;
    let origin = 0;
    let acc = intake.originShares[0];
    while (u2 >= acc && origin < g - 1) acc += intake.originShares[++origin];
    const gaussian = Math.sqrt(-2 * Math.log(1 - u4)) * Math.cos(2 * Math.PI * u5);
    people.id[i] = id;
    people.arrival[i] = year;
    people.occupation[i] = occ;
    people.origin[i] = origin;
    people.immigrantClass[i] = cls;
    people.family[i] = u3 < spec.familyShare ? 1 : 0;
    people.ageAtArrival[i] = Math.min(64, Math.max(18, Math.round(spec.ageMean + intake.ageSd * gaussian)));
    people.language[i] = Math.min(1, Math.max(0, spec.languageMean + intake.languageSpread * (2 * u6 - 1)));
    people.credential[i] = spec.credentialAtArrival[occ];
    // The mover-stayer mixture (submodel "propensity").
    if (drawMover(keys.propensity, id, params.moverShare)) people.flags[i] |= MOVER;

    const rules = spec.firstPlace;
    let rule = CHOICE;
    if (rules.choice < 1) {
      const ur = counterUniform(keys.firstPlace, id, 0) * (rules.choice + rules.sponsor + rules.destined);
      rule = ur < rules.choice ? CHOICE : ur < rules.choice + rules.sponsor ? SPONSOR : DESTINED;
    }
    if (rule === SPONSOR && !(sponsorTotal[origin] > 0)) rule = CHOICE;
    if (rule === DESTINED && !(destinedTotal > 0)) rule = CHOICE;

    const group = occ * g + origin;
    const row = group * n;
    let chosen = -1;
    let jobOffer = false;
    if (
      assignment?.classes[cls] &&
      quotaTotal > 0 &&
      counterUniform(keys.assignment, id, 0) < assignment.share
    ) {
      chosen = quotaPick(assignment.quota, quotaTotal, placed, placedTotal);
      placed[chosen] += 1;
      placedTotal += 1;
      // Nothing about the place was revealed by a choice: no lasting taste (submodel "assignment").
      people.taste[i] = 0;
      people.flags[i] |= ASSIGNED;
      if (assignment.termYears > 0 && assignment.benefitPerYear > 0) {
        people.contractYearsLeft[i] = Math.min(255, assignment.termYears);
        people.clawback[i] = assignment.benefitPerYear;
        people.flags[i] |= BENEFIT;
      }
      tallies.assigned[chosen] += 1;
      world.arrivedAssignedByCohort[year] += 1;
    } else if (rule === SPONSOR) {
      chosen = pickShares(
        places.stock,
        g,
        origin,
        n,
        sponsorTotal[origin],
        counterUniform(keys.firstPlace, id, 1),
      );
      // The sponsor (family, or the sponsoring group) anchors the person to this place.
      people.taste[i] = params.sponsorAnchor;
      people.flags[i] |= SPONSORED;
    } else if (rule === DESTINED) {
      chosen = pickShares(destined, 1, 0, n, destinedTotal, counterUniform(keys.firstPlace, id, 1));
      people.taste[i] = 0;
    } else {
      jobOffer = spec.jobOffer > 0 && counterUniform(keys.firstPlace, id, 2) < spec.jobOffer;
      const reached =
        reach > 0 &&
        !jobOffer &&
        (!offer!.classes || offer!.classes[cls] === 1) &&
        counterUniform(keys.uptake, id, 0) < reach;
      if (reached) {
        const e = pick(
          weights,
          row,
          n,
          offer!.eligible,
          rowEligible[group],
          counterUniform(keys.uptake, id, 1),
        );
        if (e >= 0) {
          // Chose among the eligible places only, and for the money: a weaker lasting taste.
          const taste =
            params.dispersedTaste *
            params.tastePersistence *
            -Math.log(weights[row + e] / rowEligible[group]);
          const accepts =
            counterUniform(keys.uptake, id, 2) <
            acceptanceProbability({
              choiceLoss: Math.log(rowEligible[group] / rowTotal[group]),
              incentive: offer!.incentive,
              clawback: offer!.clawback,
              termYears: offer!.termYears,
              odds: firstYearOdds(
                world,
                e,
                occ,
                origin,
                people.ageAtArrival[i],
                people.family[i],
                taste,
                people.flags[i],
              ),
              utilMoneyPerThousand: params.utilMoneyPerThousand,
            });
          tallies.offered[e] += 1;
          world.offersMade += 1;
          if (accepts) {
            chosen = e;
            people.taste[i] = taste;
            people.contractYearsLeft[i] = Math.min(255, offer!.termYears);
            people.clawback[i] = offer!.clawback;
            people.flags[i] |= DISPERSED;
            tallies.acceptedOffer[chosen] += 1;
            world.offersAccepted += 1;
            world.arrivedOnOfferByCohort[year] += 1;
            tallies.cost[chosen] += offer!.incentive * config.agentScale;
          }
        }
      }
      if (chosen < 0) {
        chosen = pick(weights, row, n, undefined, rowTotal[group], counterUniform(keys.destination, id, 0));
        // In a logit, E[taste for the chosen place] = -log P(chosen): a rare choice reveals a strong taste.
        people.taste[i] = params.tastePersistence * -Math.log(weights[row + chosen] / rowTotal[group]);
      }
    }
    if (jobOffer) {
      // A job offer (provincial nominees' employer streams): a matched job from the start, filling a vacancy.
      people.employment[i] = MATCHED_JOB;
      const v = chosen * 3 + occ;
      places.vacancies[v] = Math.max(0, places.vacancies[v] - config.agentScale);
    } else {
      people.employment[i] = UNEMPLOYED;
    }
    people.place[i] = chosen;
    people.firstPlace[i] = chosen;
    tallies.arrivals[chosen] += 1;
    world.arrivedByCohort[year * n + chosen] += 1;
    world.arrivedByClass[year * C + cls] += 1;
  }

  // Welcome services serve a share of each place's newcomers.
  for (let i = first; i < people.count; i++) {
    const j = people.place[i];
    if (
      scratch.serviceShare[j] > 0 &&
      counterUniform(keys.services, people.id[i], 0) < scratch.serviceShare[j]
    ) {
      people.flags[i] |= SERVED;
      tallies.served[j] += 1;
      tallies.cost[j] += effects.serviceCostPerPerson[j] * config.agentScale;
    }
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
