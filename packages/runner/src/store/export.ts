import { join } from 'node:path';
import { EXPORT_FOLDER } from '../output/folder-rule.js';
import { ResultsFolder } from '../output/results-folder.js';
import { quoteIdent, ResultsStore } from './results-store.js';

/** Formats `exportStore` writes. */
export const EXPORT_FORMATS = ['parquet', 'csv'] as const;
/** A format `settle export` writes: parquet or csv. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One output of the experiment, as kept in the store's meta (for the wide `outputs` table). */
interface StoredOutput {
  name: string;
  measure: string;
  area: string;
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * Writes every table of a results store as files R, pandas and DuckDB read
 * (`runs`, `measures`, and `retention`/`places` when kept, plus `outputs`: one row per done
 * run with its parameters and one column per output of the experiment), sorted by run id so
 * the files are the same however the runs were scheduled. The folder is written whole or
 * not at all, under the overwrite rule of every settle folder (ResultsFolder): a new folder,
 * or an export folder settle wrote; `force` also replaces an earlier settle folder. Returns
 * the file names.
 * @example await exportStore('out/results.duckdb', 'out/export', 'parquet');
 */
export async function exportStore(
  storePath: string,
  outDir: string,
  format: ExportFormat,
  options: { force?: boolean } = {},
): Promise<string[]> {
  const folder = ResultsFolder.open(outDir, { kind: EXPORT_FOLDER, force: options.force });
  let store: ResultsStore;
  try {
    store = await ResultsStore.openExisting(storePath);
  } catch (error) {
    folder.abort();
    throw error;
  }
  const temp = folder.temp;
  const copyOptions = format === 'parquet' ? '(FORMAT parquet)' : '(FORMAT csv, HEADER true)';
  const files: string[] = [];
  const copy = async (name: string, select: string) => {
    const file = `${name}.${format}`;
    await store.execute(`COPY (${select}) TO ${sqlString(join(temp, file))} ${copyOptions}`);
    files.push(file);
  };
  try {
    await copy('runs', 'SELECT * FROM runs ORDER BY id');
    await copy('measures', 'SELECT * FROM measures ORDER BY run_id, area, measure');
    if (store.tables.includes('retention'))
      await copy('retention', 'SELECT * FROM retention ORDER BY run_id, area, yearsSinceArrival');
    if (store.tables.includes('places'))
      await copy('places', 'SELECT * FROM places ORDER BY run_id, "year", place');
    const outputs = JSON.parse((await store.getMeta('outputs')) ?? '[]') as StoredOutput[];
    if (outputs.length > 0) {
      const columns = outputs.map(
        (o) =>
          `max(m.value) FILTER (m.measure = ${sqlString(o.measure)} AND m.area = ${sqlString(o.area)}) AS ${quoteIdent(o.name)}`,
      );
      const parameters = store.parameterNames.map((n) => `r.${quoteIdent(n)}`);
      await copy(
        'outputs',
        `SELECT r.id, r.stage, r.point, r.replication, r.seed${parameters.map((p) => `, ${p}`).join('')}, ${columns.join(', ')}
         FROM runs r JOIN measures m ON m.run_id = r.id WHERE r.status = 'done'
         GROUP BY ALL ORDER BY r.id`,
      );
    }
  } catch (error) {
    folder.abort();
    throw error;
  } finally {
    store.close();
  }
  folder.commit();
  return files;
}
