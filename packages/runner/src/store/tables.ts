import {
  PLACE_COLUMN_KINDS,
  PLACE_COLUMNS as PLACE_TABLE,
  RETENTION_COLUMNS as RETENTION_TABLE,
} from '@smart-settlement/core';

/**
 * The tables of a results store. Result tables are tidy: one row per run and key (area,
 * measure; area, years since arrival; year, place), with `run_id` joining them to `runs`.
 */

/** Result tables a store can keep per run. */
export type StoreTable = 'measures' | 'retention' | 'places';

type RetentionColumn = (typeof RETENTION_TABLE)[number];
type PlaceColumn = (typeof PLACE_TABLE)[number];
const RETENTION_KEYS: readonly RetentionColumn[] = ['scenario', 'replication', 'seed', 'area'];
type PlaceValueColumn = {
  [C in PlaceColumn]: (typeof PLACE_COLUMN_KINDS)[C] extends 'key' ? never : C;
}[PlaceColumn];

/** Numeric columns of the retention table after run_id and area (retention.csv's, less its keys). */
export const RETENTION_STORE_COLUMNS = RETENTION_TABLE.filter(
  (c): c is Exclude<RetentionColumn, 'scenario' | 'replication' | 'seed' | 'area'> =>
    !RETENTION_KEYS.includes(c),
);

/** Numeric columns of the places table after run_id, year, place, kind, smaller (places.csv's, less its keys). */
export const PLACE_STORE_COLUMNS = PLACE_TABLE.filter(
  (c): c is PlaceValueColumn => PLACE_COLUMN_KINDS[c] !== 'key',
);

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
      `CREATE TABLE IF NOT EXISTS retention (run_id BIGINT NOT NULL, area VARCHAR NOT NULL, ${RETENTION_STORE_COLUMNS.map((c) => `${q(c)} DOUBLE`).join(', ')})`,
    );
  if (tables.includes('places'))
    sql.push(
      `CREATE TABLE IF NOT EXISTS places (run_id BIGINT NOT NULL, "year" INTEGER NOT NULL, place VARCHAR NOT NULL, kind VARCHAR, smaller BOOLEAN, ${PLACE_STORE_COLUMNS.map((c) => `${q(c)} DOUBLE`).join(', ')})`,
    );
  return sql;
}
