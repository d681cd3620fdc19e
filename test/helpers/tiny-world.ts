/**
 * Hand-built tiny worlds for submodel tests: a few places and a few people whose columns
 * are set by hand, so that the expected value of an equation can be worked out on paper.
 */
import {
  type BehaviourParams,
  DEFAULT_PARAMS,
  type IntakeSpec,
  type ModelConfig,
  type PlaceSpec,
  type Policy,
} from '@smart-settlement/core';
import {
  createWorld,
  openInitialVacancies,
  refreshYearTables,
  type World,
} from '@smart-settlement/core/internals';

/** A place with round, neutral numbers; override what the test is about. */
export function tinyPlace(name: string, overrides: Partial<PlaceSpec> = {}): PlaceSpec {
  return {
    name,
    kind: 'small',
    population: 100_000,
    lat: 45,
    lon: -80,
    foreignBornShare: 0.1,
    vacancyRate: 0.01,
    wageIndex: 1,
    costOfLiving: 1,
    amenity: 0,
    learningAccess: 0.5,
    leadership: 0.3,
    inclusion: 0.3,
    hostOpenness: 0.5,
    initiatives: 3,
    institutions: 5,
    champion: 0.5,
    diversityCommitment: 0.5,
    recognisedNeed: 0.5,
    smaller: true,
    ...overrides,
  };
}

/** One origin group, everyone in the "other" occupation, no family, fixed language: nothing random but what a test wants. */
export const TINY_INTAKE: IntakeSpec = {
  perYear: 0,
  occupationShares: [0, 0, 1],
  originShares: [1],
  originNames: ['all'],
  familyShare: 0,
  ageMean: 30,
  ageSd: 0,
  languageMean: 0.6,
  languageSpread: 0,
  credentialAtArrival: [0.3, 0.5, 1],
};

/** Parameters under which every systematic utility is 0: choices are even unless a test sets one term. */
export const NEUTRAL_UTILITY: Partial<BehaviourParams> = {
  destSize: 0,
  destNetwork: 0,
  destJobs: 0,
  destWage: 0,
  destAmenity: 0,
  utilIncome: 0,
  utilMatch: 0,
  utilNetwork: 0,
  utilSize: 0,
  utilAmenity: 0,
  utilLearning: 0,
  utilEquity: 0,
  utilTies: 0,
  moveConstant: 0,
  moveCostAge: 0,
  moveCostFamily: 0,
  exitConstant: 0,
  tastePersistence: 0,
};

export interface TinyOptions {
  places?: PlaceSpec[];
  intake?: Partial<IntakeSpec>;
  params?: Partial<BehaviourParams>;
  policies?: Policy[];
  years?: number;
  agentScale?: number;
  name?: string;
}

/** A model configuration built by hand (no scenarios package): two places unless given. */
export function tinyConfig(o: TinyOptions = {}): ModelConfig {
  return {
    name: o.name ?? 'tiny',
    region: 'Tinyland',
    years: o.years ?? 5,
    startYear: 2026,
    agentScale: o.agentScale ?? 1,
    places: o.places ?? [tinyPlace('A'), tinyPlace('B')],
    intake: { ...TINY_INTAKE, ...o.intake },
    params: { ...DEFAULT_PARAMS, ...o.params },
    policies: o.policies ?? [],
  };
}

/** A world at the start of year 0, with the first vacancies open and the year's lookup tables filled. */
export function tinyWorld(config: ModelConfig = tinyConfig(), seed = 1, replication = 0): World {
  const world = createWorld(config, seed, replication);
  openInitialVacancies(world);
  refreshYearTables(world);
  return world;
}

/** The attributes of a person a test may set; the rest stay at the values a newcomer starts with. */
export interface PersonAttributes {
  place: number;
  firstPlace: number;
  arrival: number;
  ageAtArrival: number;
  family: number;
  occupation: number;
  origin: number;
  language: number;
  credential: number;
  employment: number;
  ties: number;
  equity: number;
  engaged: number;
  contractYearsLeft: number;
  clawback: number;
  taste: number;
  flags: number;
}

/** Appends one person (id = next id) and returns their row. */
export function addPerson(world: World, attributes: Partial<PersonAttributes> = {}): number {
  const people = world.people;
  people.reserve(1);
  const i = people.append();
  people.id[i] = world.nextId++;
  const a: PersonAttributes = {
    place: 0,
    firstPlace: attributes.place ?? 0,
    arrival: 0,
    ageAtArrival: 30,
    family: 0,
    occupation: 2,
    origin: 0,
    language: 1,
    credential: 1,
    employment: 0,
    ties: 0,
    equity: 0,
    engaged: 0,
    contractYearsLeft: 0,
    clawback: 0,
    taste: 0,
    flags: 0,
    ...attributes,
  };
  for (const [key, value] of Object.entries(a)) {
    (people[key as keyof PersonAttributes] as { [i: number]: number })[i] = value;
  }
  return i;
}

/** Adds n people with the same attributes and returns their rows. */
export function addPeople(world: World, n: number, attributes: Partial<PersonAttributes> = {}): number[] {
  return Array.from({ length: n }, () => addPerson(world, attributes));
}

/** The people's column values by id (rows move when people leave; ids do not). */
export function byId<T>(world: World, read: (row: number) => T): Map<number, T> {
  const out = new Map<number, T>();
  for (let i = 0; i < world.people.count; i++) out.set(world.people.id[i], read(i));
  return out;
}
