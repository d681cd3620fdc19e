import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ResultTables, resultTables } from '../tables.js';

/** The files of a results folder the charts are built from. */
export const RESULT_FILES = ['summary.json', 'retention.csv', 'places.csv'] as const;

/**
 * Reads the result tables of a results folder (as `settle run` or `settle compare` write it).
 * @example
 * const tables = readResults('out');
 */
export function readResults(dir: string): ResultTables {
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return resultTables({
    summary: read('summary.json'),
    retention: read('retention.csv'),
    places: read('places.csv'),
  });
}
