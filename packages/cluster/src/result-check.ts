import {
  COHORT_COLUMN_KINDS,
  COHORT_COLUMNS,
  type ColumnKind,
  FLOW_COLUMN_KINDS,
  FLOW_COLUMNS,
  HORIZONS,
  MEASURE_COLUMNS,
  MEASURE_INFO,
  MEASURES,
  PLACE_COLUMN_KINDS,
  PLACE_COLUMNS,
  RETENTION_COLUMN_KINDS,
  RETENTION_COLUMNS,
} from '@smart-settlement/core';
import type { RunOutput } from '@smart-settlement/runner';

/** What the coordinator knows a run's output must match: from the run's own spec. */
export interface ExpectedRun {
  /** The scenario's name. */
  scenario: string;
  seed: number;
  replication: number;
  years: number;
  /** The places of the scenario, by name. */
  places: readonly string[];
  /** The immigrant classes of the scenario's intake, by name (absent: any short names, at most MAX_CLASSES). */
  classes?: readonly string[];
}

/** Classes a run may have when the expected run does not list them: a generous bound. */
const MAX_CLASSES = 8;

const OUTPUT_KEYS = [
  'areas',
  'cohorts',
  'finalAgents',
  'flows',
  'measures',
  'offers',
  'places',
  'replication',
  'retention',
  'scenario',
  'seed',
];
/** Keys an output may have besides OUTPUT_KEYS. */
const OUTPUT_OPTIONAL_KEYS = ['classCosts'];
const CLASS_COST_KEYS = ['classes', 'clawbacks', 'placeSpending', 'places', 'spending', 'years'];
const AREA_KEYS = ['kind', 'name', 'places'];
/** Keys an area may have besides AREA_KEYS: a class, and for a group by class the group. */
const AREA_OPTIONAL_KEYS = ['immigrantClass', 'group'];
const AREA_KINDS = new Set(['region', 'place', 'places', 'people', 'class']);
const HORIZON_SET = new Set<number>(HORIZONS);
const OFFER_KEYS = ['accepted', 'reached'];
const SHARE = 'a share from 0 to 1, or NaN';
const COUNT = 'a number of 0 or more';
/** Measures that are shares (read as percentages): from 0 to 1, or NaN. */
const MEASURE_SHARES = new Set<string>(MEASURES.filter((m) => MEASURE_INFO[m].format === 'percent'));
const MEASURE_NAMES = new Set<string>(MEASURES);
/**
 * Areas a retention or measure row may name besides the places (region, pooled groups), per
 * immigrant class plus one (each group is also broken down by class): a generous bound.
 */
const EXTRA_AREAS = 16;

/** A problem found: where, what was there, what is allowed. */
class Malformed extends Error {}

function fail(path: string, value: unknown, allowed: string): never {
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : String(value);
  throw new Malformed(`${path}: got ${Array.isArray(value) ? 'a list' : shown}; allowed: ${allowed}`);
}

/**
 * Checks a run's output, as decoded from a worker's result, against the shape of RunOutput and
 * the ranges its numbers can take, and against the run it answers (scenario, seed, replication,
 * years, places). Returns the first problem found, or undefined if the output is well formed.
 * It cannot tell a well-formed wrong number from a right one: that is what the results'
 * authentication code is for.
 */
export function checkRunOutput(value: unknown, expected: ExpectedRun): string | undefined {
  try {
    checkOutput(value, expected);
    return undefined;
  } catch (error) {
    if (error instanceof Malformed) return error.message;
    throw error;
  }
}

function checkOutput(value: unknown, expected: ExpectedRun): asserts value is RunOutput {
  const output = checkKeys(value, OUTPUT_KEYS, 'output', OUTPUT_OPTIONAL_KEYS);
  if (output.scenario !== expected.scenario)
    fail('scenario', output.scenario, JSON.stringify(expected.scenario));
  if (output.seed !== expected.seed) fail('seed', output.seed, String(expected.seed));
  if (output.replication !== expected.replication)
    fail('replication', output.replication, String(expected.replication));
  if (!Number.isSafeInteger(output.finalAgents) || (output.finalAgents as number) < 0)
    fail('finalAgents', output.finalAgents, 'an integer of 0 or more');
  const offers = checkKeys(output.offers, OFFER_KEYS, 'offers');
  checkCount(offers.reached, 'offers.reached');
  checkCount(offers.accepted, 'offers.accepted');
  if ((offers.accepted as number) > (offers.reached as number))
    fail('offers.accepted', offers.accepted, `at most offers.reached (${offers.reached})`);
  const places = new Set(expected.places);
  const rows = (name: string, max: number) => {
    const list = output[name];
    if (!Array.isArray(list)) fail(name, list, 'a list of rows');
    if (list.length > max) fail(`${name}.length`, list.length, `at most ${max}`);
    return list as unknown[];
  };

  if (output.classCosts !== undefined) checkClassCosts(output.classCosts, expected);

  const placeRows = rows('places', places.size * expected.years);
  if (placeRows.length !== places.size * expected.years)
    fail('places.length', placeRows.length, `${places.size * expected.years} (a row per place and year)`);
  placeRows.forEach((item, i) => {
    const at = `places[${i}]`;
    const row = checkRow(item, PLACE_COLUMNS, at, expected);
    if (!Number.isInteger(row.year) || (row.year as number) < 0 || (row.year as number) >= expected.years)
      fail(`${at}.year`, row.year, `an integer from 0 to ${expected.years - 1}`);
    if (typeof row.place !== 'string' || !places.has(row.place))
      fail(`${at}.place`, row.place, 'a place of the scenario');
    if (typeof row.kind !== 'string' || row.kind.length > 100) fail(`${at}.kind`, row.kind, 'a short text');
    if (typeof row.smaller !== 'boolean') fail(`${at}.smaller`, row.smaller, 'true or false');
    checkValues(row, PLACE_COLUMN_KINDS, at);
  });

  const classes = expected.classes?.length ?? MAX_CLASSES;
  const areas = places.size + EXTRA_AREAS * (classes + 1);
  rows('retention', areas * expected.years).forEach((item, i) => {
    const at = `retention[${i}]`;
    const row = checkRow(item, RETENTION_COLUMNS, at, expected);
    checkArea(row.area, `${at}.area`);
    const years = row.yearsSinceArrival;
    if (!Number.isInteger(years) || (years as number) < 1 || (years as number) > expected.years)
      fail(`${at}.yearsSinceArrival`, years, `an integer from 1 to ${expected.years}`);
    checkValues(row, RETENTION_COLUMN_KINDS, at);
    const departures = row.departures;
    if (typeof departures !== 'number' || departures < -1 || departures > 1)
      fail(`${at}.departures`, departures, 'a number from -1 to 1, or NaN');
  });

  const areaList = rows('areas', areas);
  areaList.forEach((item, i) => {
    const at = `areas[${i}]`;
    const area = checkKeys(item, AREA_KEYS, at, AREA_OPTIONAL_KEYS);
    for (const key of AREA_OPTIONAL_KEYS) if (key in area) checkArea(area[key], `${at}.${key}`);
    checkArea(area.name, `${at}.name`);
    if (typeof area.kind !== 'string' || !AREA_KINDS.has(area.kind))
      fail(`${at}.kind`, area.kind, [...AREA_KINDS].join(', '));
    if (!Array.isArray(area.places) || !area.places.every((p) => typeof p === 'string' && places.has(p)))
      fail(`${at}.places`, area.places, 'a list of places of the scenario');
  });

  const horizons = HORIZONS.filter((k) => k <= expected.years).length;
  rows('flows', horizons * places.size * (places.size + 1) * classes).forEach((item, i) => {
    const at = `flows[${i}]`;
    const row = checkRow(item, FLOW_COLUMNS, at, expected);
    if (
      !HORIZON_SET.has(row.yearsSinceArrival as number) ||
      (row.yearsSinceArrival as number) > expected.years
    )
      fail(
        `${at}.yearsSinceArrival`,
        row.yearsSinceArrival,
        `one of ${HORIZONS.join(', ')} up to ${expected.years}`,
      );
    if (typeof row.firstPlace !== 'string' || !places.has(row.firstPlace))
      fail(`${at}.firstPlace`, row.firstPlace, 'a place of the scenario');
    if (expected.classes ? !expected.classes.includes(row.immigrantClass as string) : false)
      fail(`${at}.immigrantClass`, row.immigrantClass, "a class of the scenario's intake");
    checkArea(row.immigrantClass, `${at}.immigrantClass`);
    if (
      typeof row.destination !== 'string' ||
      (!places.has(row.destination) && !row.destination.startsWith('left '))
    )
      fail(`${at}.destination`, row.destination, 'a place of the scenario, or "left <region>"');
    checkValues(row, FLOW_COLUMN_KINDS, at);
  });

  rows('cohorts', areas * horizons * expected.years).forEach((item, i) => {
    const at = `cohorts[${i}]`;
    const row = checkRow(item, COHORT_COLUMNS, at, expected);
    checkArea(row.area, `${at}.area`);
    if (
      !Number.isInteger(row.cohort) ||
      (row.cohort as number) < 0 ||
      (row.cohort as number) >= expected.years
    )
      fail(`${at}.cohort`, row.cohort, `an integer from 0 to ${expected.years - 1}`);
    if (!HORIZON_SET.has(row.yearsSinceArrival as number))
      fail(`${at}.yearsSinceArrival`, row.yearsSinceArrival, `one of ${HORIZONS.join(', ')}`);
    checkValues(row, COHORT_COLUMN_KINDS, at);
  });

  rows('measures', areas * MEASURES.length).forEach((item, i) => {
    const at = `measures[${i}]`;
    const row = checkRow(item, MEASURE_COLUMNS, at, expected);
    checkArea(row.area, `${at}.area`);
    if (typeof row.measure !== 'string' || !MEASURE_NAMES.has(row.measure))
      fail(`${at}.measure`, row.measure, `one of ${MEASURES.join(', ')}`);
    if (MEASURE_SHARES.has(row.measure)) checkShare(row.value, `${at}.value`);
    else if (typeof row.value !== 'number') fail(`${at}.value`, row.value, 'a number');
  });
}

/** The money by year, place and class of a run: its places, its classes, and lists of numbers of the sizes they give. */
function checkClassCosts(value: unknown, expected: ExpectedRun): void {
  const costs = checkKeys(value, CLASS_COST_KEYS, 'classCosts');
  const places = costs.places;
  if (
    !Array.isArray(places) ||
    places.length !== expected.places.length ||
    !places.every((p, i) => p === expected.places[i])
  )
    fail('classCosts.places', places, 'the places of the scenario, in order');
  const classes = costs.classes;
  const allowed = expected.classes;
  if (
    !Array.isArray(classes) ||
    classes.length < 1 ||
    classes.length > (allowed?.length ?? MAX_CLASSES) ||
    !classes.every((c, i) => typeof c === 'string' && (allowed ? c === allowed[i] : c.length <= 200))
  )
    fail('classCosts.classes', classes, "the classes of the scenario's intake, in order");
  const years = costs.years;
  if (!Number.isInteger(years) || (years as number) < 1 || (years as number) > expected.years)
    fail('classCosts.years', years, `an integer from 1 to ${expected.years}`);
  const cells = (years as number) * places.length;
  const numbers = (name: string, length: number) => {
    const list = costs[name];
    if (
      !Array.isArray(list) ||
      list.length !== length ||
      !list.every((v) => typeof v === 'number' && Number.isFinite(v))
    )
      fail(
        `classCosts.${name}`,
        Array.isArray(list) ? list.length : list,
        `a list of ${length} finite numbers`,
      );
  };
  numbers('spending', cells * classes.length);
  numbers('clawbacks', cells * classes.length);
  numbers('placeSpending', cells);
}

/** An object with exactly `keys` as its own fields. */
function checkKeys(
  value: unknown,
  keys: readonly string[],
  at: string,
  optional: readonly string[] = [],
): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(at, value, 'an object');
  const own = Object.keys(value);
  const extra = own.filter((k) => !keys.includes(k));
  if (!keys.every((k) => Object.hasOwn(value, k)) || !extra.every((k) => optional.includes(k)))
    fail(
      `${at} fields`,
      own.sort().join(', '),
      [...keys].sort().join(', ') + (optional.length ? ` (and optionally ${optional.join(', ')})` : ''),
    );
  return value as Record<string, unknown>;
}

/** A row with exactly `columns`, whose run key is the expected run's. */
function checkRow(
  value: unknown,
  columns: readonly string[],
  at: string,
  expected: ExpectedRun,
): Record<string, unknown> {
  const row = checkKeys(value, columns, at);
  if (row.scenario !== expected.scenario)
    fail(`${at}.scenario`, row.scenario, JSON.stringify(expected.scenario));
  if (row.seed !== expected.seed) fail(`${at}.seed`, row.seed, String(expected.seed));
  if (row.replication !== expected.replication)
    fail(`${at}.replication`, row.replication, String(expected.replication));
  return row;
}

/** Each value column of a row against its kind (core's table of the columns): counts, shares, numbers. */
function checkValues(
  row: Record<string, unknown>,
  kinds: Readonly<Record<string, ColumnKind>>,
  at: string,
): void {
  for (const [column, kind] of Object.entries(kinds)) {
    const value = row[column];
    if (kind === 'count') checkCount(value, `${at}.${column}`);
    else if (kind === 'share') checkShare(value, `${at}.${column}`);
    else if (kind === 'number' && typeof value !== 'number') fail(`${at}.${column}`, value, 'a number');
  }
}

function checkShare(value: unknown, at: string): void {
  if (typeof value !== 'number' || value < 0 || value > 1) fail(at, value, SHARE);
}

function checkCount(value: unknown, at: string): void {
  if (typeof value !== 'number' || !(value >= 0) || value === Number.POSITIVE_INFINITY)
    fail(at, value, COUNT);
}

function checkArea(value: unknown, at: string): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) fail(at, value, 'a short text');
}
