import { MATCHED_JOB, UNEMPLOYED } from '../config.js';
import { ASSIGNED, BENEFIT, DISPERSED, MOVER } from '../people.js';
import { counterUniformAt, yearHash } from '../random.js';
import { countFlags, type World } from '../world.js';

/**
 * Submodel "relocation": each person weighs staying against the alternatives (every other
 * place and leaving the region) in a random-utility model. Staying is valued for income,
 * a job that matches skills, the co-ethnic network, amenity, access to learning, and the
 * anchors of community equity and bridging ties; moving costs more with age and family;
 * during an incentive term, leaving also costs the clawback. The alternatives form a
 * nested choice: P(move) = S / (S + exp(U_stay)), with S the sum of exp(V) over the
 * alternatives; the destination is then drawn in proportion to exp(V).
 */
export function relocation(world: World): void {
  relocationTables(world);
  const { people, places, scratch, tallies, keys, config } = world;
  const p = config.params;
  const year = world.year;
  const n = places.n;
  const g = places.origins;
  const alts = n + 1;
  const { altWeight, altWeightSum, stayBase } = scratch;
  const C = world.classNames.length;
  const moverExtra = Math.expm1(p.moverGap);

  const hashedYear = yearHash(year);
  // Columns and constants in locals for the stay-or-move decision every person makes (the
  // columns are not reallocated here: swapRemove moves values, not arrays).
  const {
    place,
    occupation,
    origin: origins,
    employment,
    ageAtArrival,
    arrival,
    equity,
    ties,
    taste,
    family,
    flags,
  } = people;
  const { contractYearsLeft, clawback, id: ids } = people;
  const { utilEquity, utilTies, moveConstant, moveCostAge, moveCostFamily, utilMoneyPerThousand } = p;
  const relocationKey = keys.relocation;
  let i = 0;
  while (i < people.count) {
    const j = place[i];
    const occ = occupation[i];
    const origin = origins[i];
    const emp = employment[i];
    const age = ageAtArrival[i] + (year - arrival[i]);
    let stay =
      stayBase[((j * 3 + occ) * 3 + emp) * g + origin] +
      utilEquity * equity[i] +
      utilTies * ties[i] +
      taste[i] +
      moveConstant +
      (age > 25 ? (moveCostAge * (age - 25)) / 10 : 0) +
      moveCostFamily * family[i];
    const underContract = contractYearsLeft[i] > 0;
    // Money at stake on leaving: the clawback, or the benefit payments still to come.
    if (underContract)
      stay +=
        (utilMoneyPerThousand * (flags[i] & BENEFIT ? clawback[i] * contractYearsLeft[i] : clawback[i])) /
        1000;

    const row = (occ * g + origin) * alts;
    // A mover's exit weighs e^moverGap more (submodel "propensity"); 0 added for everyone else.
    let others = altWeightSum[occ * g + origin] - altWeight[row + j];
    if (flags[i] & MOVER) others += altWeight[row + n] * moverExtra;
    const id = ids[i];
    if (!movesOn(counterUniformAt(relocationKey, id, hashedYear), others, stay)) {
      if (underContract) {
        // A year served: the benefit of the year is paid, and the term counts down.
        if (flags[i] & BENEFIT) {
          tallies.cost[j] += clawback[i] * config.agentScale;
          tallies.spendingByClass[j * C + people.immigrantClass[i]] += clawback[i] * config.agentScale;
        }
        contractYearsLeft[i] -= 1;
      }
      i++;
      continue;
    }

    // Choose among the alternatives other than the current place (the exit takes what the places leave).
    let target = counterUniformAt(keys.destinationOnMove, id, hashedYear) * others;
    let dest = n;
    for (let a = 0; a < n; a++) {
      if (a === j) continue;
      target -= altWeight[row + a];
      if (target < 0) {
        dest = a;
        break;
      }
    }
    if (underContract) {
      // Leaving early: the clawback is repaid to the programme of the place left (a benefit just stops).
      if (!(flags[i] & BENEFIT)) {
        tallies.cost[j] -= people.clawback[i] * config.agentScale;
        tallies.clawbacks[j] += people.clawback[i] * config.agentScale;
        tallies.clawbacksByClass[j * C + people.immigrantClass[i]] += people.clawback[i] * config.agentScale;
      }
      people.contractYearsLeft[i] = 0;
    }
    if (dest === n) {
      tallies.leftRegion[j] += 1;
      world.leftByCohort[people.arrival[i] * n + people.firstPlace[i]] += 1;
      if (people.flags[i] & DISPERSED) world.leftOnOfferByCohort[people.arrival[i]] += 1;
      if (people.flags[i] & ASSIGNED) world.leftAssignedByCohort[people.arrival[i]] += 1;
      world.leftByClass[people.arrival[i] * C + people.immigrantClass[i]] += 1;
      world.leftByPlaceClass[(people.arrival[i] * n + people.firstPlace[i]) * C + people.immigrantClass[i]] +=
        1;
      countFlags(world.leftByFlagClass, people.flags[i], people.arrival[i], people.immigrantClass[i], C);
      people.swapRemove(i);
      continue; // row i now holds the former last person, not yet visited
    }
    tallies.movedOut[j] += 1;
    tallies.movedIn[dest] += 1;
    people.place[i] = dest;
    people.taste[i] = p.tastePersistence * -Math.log(altWeight[row + dest] / others);
    people.ties[i] *= p.tiesKeptOnMove;
    people.equity[i] = 0;
    people.engaged[i] = 0;
    people.employment[i] = UNEMPLOYED;
    i++;
  }
}

/** Steps per unit of utility of the grid of exp values that bounds e^stay (see movesOn). */
const GRID_STEPS = 8;
/** The grid covers utilities of stay in [-GRID_RANGE, GRID_RANGE); outside it, exp is computed. */
const GRID_RANGE = 64;
/** exp(k / GRID_STEPS) for k = -GRID_RANGE * GRID_STEPS .. GRID_RANGE * GRID_STEPS. */
const EXP_GRID = Float64Array.from({ length: 2 * GRID_RANGE * GRID_STEPS + 1 }, (_, k) =>
  Math.exp((k - GRID_RANGE * GRID_STEPS) / GRID_STEPS),
);
/** Relative slack on the bounds: far more than the rounding of exp and of the division (a few in 1e16). */
const SLACK = 1e-9;

/**
 * Whether a person with draw u moves on: not u >= P(move) = others / (others + e^stay), the
 * same decision as computing P(move), but most people are decided without calling exp. e^stay lies
 * between two neighbouring values of a grid of exp, so P(move) lies between two bounds; only a
 * draw that falls between the bounds (widened by SLACK, a few in a thousand people) needs
 * P(move) itself. Any other input (NaN, a utility off the grid) takes the exact path.
 */
export function movesOn(u: number, others: number, stay: number): boolean {
  const x = stay * GRID_STEPS;
  // The bounds hold for a positive, finite sum of the other alternatives' weights.
  if (
    others > 0 &&
    others < Number.POSITIVE_INFINITY &&
    x >= -GRID_RANGE * GRID_STEPS &&
    x < GRID_RANGE * GRID_STEPS
  ) {
    const k = Math.floor(x) + GRID_RANGE * GRID_STEPS;
    // e^(k/8) <= e^stay <= e^((k+1)/8), so others / (others + e^stay) lies between these.
    if (u >= (others / (others + EXP_GRID[k])) * (1 + SLACK)) return false;
    if (u < (others / (others + EXP_GRID[k + 1])) * (1 - SLACK)) return true;
  }
  // As the loop always decided: stay when u >= P(move), move otherwise (a NaN moves, as before).
  return !(u >= others / (others + Math.exp(stay)));
}

/**
 * The relocation model's yearly tables: each alternative's systematic utility by (occupation,
 * origin), and the place-level terms of staying. Also read by "offer-acceptance" (a newcomer's
 * odds of moving on), which is why the world computes them once when it is created.
 */
export function relocationTables(world: World): void {
  const { places, scratch, config } = world;
  const p = config.params;
  const n = places.n;
  const g = places.origins;
  const alts = n + 1;
  const { altUtility, altWeight, altWeightSum, logIncome, networkLog, learning, tightness, stayBase } =
    scratch;
  // Alternatives' systematic utility by (occupation, origin), once a year.
  for (let o = 0; o < 3; o++) {
    const exitIncome = Math.log(p.exitIncomeIndex * p.occupationPay[o]);
    for (let k = 0; k < g; k++) {
      const row = (o * g + k) * alts;
      let sum = 0;
      for (let j = 0; j < n; j++) {
        const pm = Math.min(1, p.matchRate * tightness[j * 3 + o]);
        const expected =
          pm * Math.exp(logIncome[j * 9 + o * 3 + 2]) + (1 - pm) * Math.exp(logIncome[j * 9 + o * 3 + 1]);
        const v =
          p.utilIncome * Math.log(expected) +
          p.utilMatch * pm +
          p.utilNetwork * networkLog[j * g + k] +
          p.utilSize * scratch.logPopulation[j] +
          p.utilAmenity * places.amenity[j] +
          p.utilLearning * learning[j];
        altUtility[row + j] = v;
        altWeight[row + j] = Math.exp(v);
        sum += altWeight[row + j];
      }
      const vExit = p.exitConstant + p.utilIncome * exitIncome;
      altUtility[row + n] = vExit;
      altWeight[row + n] = Math.exp(vExit);
      altWeightSum[o * g + k] = sum + altWeight[row + n];
    }
  }

  // The place-level terms of staying, by (place, occupation, employment, origin), once a year;
  // summed in the same order as in the person loop's expression, so the sums are the same.
  for (let j = 0; j < n; j++) {
    for (let occ = 0; occ < 3; occ++) {
      for (let emp = 0; emp < 3; emp++) {
        for (let origin = 0; origin < g; origin++) {
          stayBase[((j * 3 + occ) * 3 + emp) * g + origin] =
            p.utilIncome * logIncome[j * 9 + occ * 3 + emp] +
            (emp === MATCHED_JOB ? p.utilMatch : 0) +
            p.utilNetwork * networkLog[j * g + origin] +
            p.utilSize * scratch.logPopulation[j] +
            p.utilAmenity * places.amenity[j] +
            p.utilLearning * learning[j];
        }
      }
    }
  }
}
