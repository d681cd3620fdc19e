import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { RESULT_FILES, type SummaryDocument } from '@smart-settlement/core';
import type { CsvRecords } from '../csv-records.js';
import type { ResultTables } from '../tables.js';
import { ResultTablesBuilder, type ResultTablesOptions } from '../tables-builder.js';

/** Bytes read at a time: the most of a table's text held at once. */
const CHUNK_BYTES = 1 << 20;

/** Feeds a file's text to a CSV reader a chunk at a time (UTF-8 characters split across chunks are joined). */
export function readCsvFile(path: string, csv: CsvRecords): void {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const decoder = new TextDecoder('utf-8');
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (n === 0) break;
      csv.push(decoder.decode(buffer.subarray(0, n), { stream: true }));
    }
    csv.push(decoder.decode());
    csv.end();
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the result tables of a results folder (as `settle run` or `settle compare` write it):
 * its CHART_INPUT_FILES.
 * The CSV tables are read line by line and only what the charts need is kept, so a folder
 * with tables of any size is read in memory that grows with scenarios × replications × years.
 * @example
 * const tables = readResults('out');
 * const thunderBay = readResults('out', { retentionAreas: ['Thunder Bay'] }); // for its retention curves
 */
export function readResults(dir: string, options: ResultTablesOptions = {}): ResultTables {
  const summary = JSON.parse(readFileSync(join(dir, RESULT_FILES.summary), 'utf8')) as SummaryDocument;
  const builder = new ResultTablesBuilder(summary, options);
  readCsvFile(join(dir, RESULT_FILES.retention), builder.retentionCsv());
  readCsvFile(join(dir, RESULT_FILES.places), builder.placesCsv());
  return builder.finish();
}
