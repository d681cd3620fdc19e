/**
 * The tables of a results store. Result tables are tidy: one row per run and key (area,
 * measure; area, years since arrival; year, place), with `run_id` joining them to `runs`.
 */

/** Result tables a store can keep per run. */
export type StoreTable = 'measures' | 'retention' | 'places';

/** Numeric columns of the retention table after run_id and area (names as in retention.csv). */
export const RETENTION_COLUMNS = [
  'yearsSinceArrival',
  'cohorts',
  'arrived',
  'stayed',
  'moved',
  'left',
  'retention',
  'departures',
] as const;

/** Numeric columns of the places table after run_id, year, place, kind, smaller (as in places.csv). */
export const PLACE_COLUMNS = [
  'population',
  'newcomers',
  'arrivals',
  'movedIn',
  'movedOut',
  'leftRegion',
  'served',
  'acceptedOffer',
  'matchedShare',
  'equityMean',
  'engagedShare',
  'vacancies',
  'labourGap',
  'leadership',
  'inclusion',
  'hostOpenness',
  'initiatives',
  'programmeCost',
  'income',
] as const;

const q = (name: string) => `"${name}"`;

/** The CREATE TABLE statements of a store (idempotent). */
export function tableDefinitions(
  parameterColumns: readonly string[],
  tables: readonly StoreTable[],
): string[] {
  const sql = [
    'CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)',
    `CREATE TABLE IF NOT EXISTS runs (id BIGINT PRIMARY KEY, point INTEGER NOT NULL, replication INTEGER NOT NULL,
      seed BIGINT NOT NULL, status VARCHAR NOT NULL, stage VARCHAR NOT NULL, error VARCHAR${parameterColumns.map((c) => `, ${c}`).join('')})`,
    'CREATE TABLE IF NOT EXISTS measures (run_id BIGINT NOT NULL, area VARCHAR NOT NULL, measure VARCHAR NOT NULL, value DOUBLE)',
  ];
  if (tables.includes('retention'))
    sql.push(
      `CREATE TABLE IF NOT EXISTS retention (run_id BIGINT NOT NULL, area VARCHAR NOT NULL, ${RETENTION_COLUMNS.map((c) => `${q(c)} DOUBLE`).join(', ')})`,
    );
  if (tables.includes('places'))
    sql.push(
      `CREATE TABLE IF NOT EXISTS places (run_id BIGINT NOT NULL, "year" INTEGER NOT NULL, place VARCHAR NOT NULL, kind VARCHAR, smaller BOOLEAN, ${PLACE_COLUMNS.map((c) => `${q(c)} DOUBLE`).join(', ')})`,
    );
  return sql;
}
