import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type DuckDBAppender, type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { RunOutput } from '../run-spec.js';
import { PLACE_STORE_COLUMNS, RETENTION_STORE_COLUMNS, type StoreTable, tableDefinitions } from './tables.js';

/** One run as registered in the store before it runs: its id, design point, seed and parameter values. */
export interface RunRecord {
  /** Stable run id (see ExperimentPlan.runId). */
  id: number;
  /** Design point (or simulation index for calibration). */
  point: number;
  replication: number;
  seed: number;
  /** One value per parameter, in the order of the store's parameter names. */
  parameters: readonly number[];
  /** What the run is for ('sweep', 'rejection', 'smc', 'predictive'...). */
  stage?: string;
}

/** Run counts by status. */
export interface StoreCounts {
  total: number;
  done: number;
  failed: number;
  pending: number;
}

/** Options of {@link ResultsStore.open}. */
export interface ResultsStoreOptions {
  /** Identifies the experiment: a store made for another fingerprint is refused. */
  fingerprint: string;
  /** Parameter names: one DOUBLE column each in the runs table. */
  parameterNames: readonly string[];
  /** Result tables kept per run (default: measures). */
  tables?: readonly StoreTable[];
  /** Read only (export, analysis of a finished store). */
  readOnly?: boolean;
}

/** The store at this path holds another experiment. */
export class StoreMismatchError extends Error {
  constructor(
    readonly path: string,
    readonly found: string,
    readonly expected: string,
  ) {
    super(
      `${path} holds the results of another experiment (fingerprint ${found}, this one is ${expected}); use another folder or delete it`,
    );
    this.name = 'StoreMismatchError';
  }
}

/** Columns of the runs table that a parameter may not be named (compared in lower case). */
export const RESERVED_COLUMNS: ReadonlySet<string> = new Set([
  'id',
  'point',
  'replication',
  'seed',
  'status',
  'stage',
  'error',
]);
const RESERVED = RESERVED_COLUMNS;

/** Records of registerRuns looked up in the store at once. */
const REGISTER_CHUNK = 4096;

/** Quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The results of an experiment in an embedded DuckDB file: a `runs` table with one row per
 * run (id, point, replication, seed, status, stage, error and one column per parameter) and
 * tidy result tables keyed by `run_id` (`measures`, optionally `retention` and `places`),
 * plus a `meta` table (fingerprint, the experiment as JSON...).
 *
 * Recording is idempotent and atomic: {@link recordRuns} writes a batch of results and marks
 * the runs done in one transaction, and skips runs already done. A process killed at any
 * moment leaves every run either wholly recorded or still pending, so a rerun completes the
 * experiment with no run missing and none counted twice. Only one process may write a store
 * at a time (DuckDB locks the file); a cluster funnels results through one writer.
 * @example
 * const store = await ResultsStore.open('out/results.duckdb', { fingerprint, parameterNames: ['incentive'] });
 * await store.registerRuns([{ id: 0, point: 0, replication: 0, seed: 1, parameters: [5000] }]);
 * for (const id of await store.pendingRunIds()) await store.recordRun(id, executeRun(specOf(id)));
 * store.close();
 */
export class ResultsStore {
  private constructor(
    /** Path of the DuckDB file. */
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** Parameter names (columns of runs). */
    readonly parameterNames: readonly string[],
    /** Result tables kept. */
    readonly tables: readonly StoreTable[],
  ) {}

  /** Opens (creating if needed) the store at `path`; refuses a store of another fingerprint. */
  static async open(path: string, options: ResultsStoreOptions): Promise<ResultsStore> {
    for (const name of options.parameterNames) {
      if (RESERVED.has(name)) throw new Error(`parameter name "${name}" is reserved in the runs table`);
    }
    if (!options.readOnly) mkdirSync(dirname(path), { recursive: true });
    const instance = await DuckDBInstance.create(path, options.readOnly ? { access_mode: 'READ_ONLY' } : {});
    const connection = await instance.connect();
    try {
      const tables = options.tables ?? ['measures'];
      if (!options.readOnly) {
        const parameterColumns = options.parameterNames.map((n) => `${quoteIdent(n)} DOUBLE`);
        for (const sql of tableDefinitions(parameterColumns, tables)) await connection.run(sql);
      }
      const store = new ResultsStore(path, instance, connection, options.parameterNames, tables);
      const found = await store.getMeta('fingerprint');
      if (found === undefined && !options.readOnly) await store.setMeta('fingerprint', options.fingerprint);
      else if (found !== options.fingerprint && options.fingerprint !== '*')
        throw new StoreMismatchError(path, found ?? 'none', options.fingerprint);
      return store;
    } catch (error) {
      connection.closeSync();
      instance.closeSync();
      throw error;
    }
  }

  /** Opens an existing store read-only, whatever its fingerprint, with its parameter names. */
  static async openExisting(path: string): Promise<ResultsStore> {
    if (!existsSync(path)) throw new Error(`no results store at ${path}`);
    const store = await ResultsStore.open(path, { fingerprint: '*', parameterNames: [], readOnly: true });
    const columns = await store.connection.runAndReadAll(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'runs' ORDER BY ordinal_position`,
    );
    const names = columns.getRowsJS().map((r) => String(r[0]));
    const tables = await store.connection.runAndReadAll(
      `SELECT table_name FROM information_schema.tables WHERE table_name IN ('measures', 'retention', 'places')`,
    );
    const kept = tables.getRowsJS().map((r) => String(r[0]) as StoreTable);
    return new ResultsStore(
      path,
      store.instance,
      store.connection,
      names.filter((n) => !RESERVED.has(n)),
      kept,
    );
  }

  /** A value of the meta table. */
  async getMeta(key: string): Promise<string | undefined> {
    const reader = await this.connection.runAndReadAll('SELECT value FROM meta WHERE key = $1', [key]);
    const rows = reader.getRowsJS();
    return rows.length ? String(rows[0][0]) : undefined;
  }

  /** Sets a value of the meta table. */
  async setMeta(key: string, value: string): Promise<void> {
    await this.connection.run('INSERT OR REPLACE INTO meta VALUES ($1, $2)', [key, value]);
  }

  /**
   * Adds runs as pending, skipping ids already registered (so it can be called again on
   * resume, or with each new batch of an adaptive calibration), in one transaction. Records
   * may be generated lazily: they are appended as they come, and the ids already there are
   * looked up a chunk at a time (only for records whose id is not above every id registered
   * so far), so registering millions of runs holds no more than a chunk of them.
   */
  async registerRuns(records: Iterable<RunRecord>): Promise<number> {
    const [[max]] = (await this.connection.runAndReadAll('SELECT max(id) FROM runs')).getRowsJS();
    let highest = max === null ? -1 : Number(max);
    let added = 0;
    await this.transaction(async () => {
      let appender = await this.connection.createAppender('runs');
      const append = (r: RunRecord) => {
        appender.appendBigInt(BigInt(r.id));
        appender.appendInteger(r.point);
        appender.appendInteger(r.replication);
        appender.appendBigInt(BigInt(r.seed));
        appender.appendVarchar('pending');
        appender.appendVarchar(r.stage ?? 'sweep');
        appender.appendNull();
        for (const v of r.parameters) appendNumber(appender, v);
        appender.endRow();
        added += 1;
        highest = Math.max(highest, r.id);
      };
      let doubtful: RunRecord[] = [];
      const settle = async () => {
        // What the appender holds goes in first, so that the look-up sees it.
        appender.closeSync();
        const ids = doubtful.map((r) => Math.trunc(r.id));
        const reader = await this.connection.runAndReadAll(
          `SELECT id FROM runs WHERE id IN (${ids.join(',')})`,
        );
        const existing = new Set(reader.getRowsJS().map((row) => Number(row[0])));
        appender = await this.connection.createAppender('runs');
        for (const r of doubtful) {
          if (existing.has(r.id)) continue;
          existing.add(r.id);
          append(r);
        }
        doubtful = [];
      };
      try {
        for (const r of records) {
          if (r.id > highest) append(r);
          else {
            doubtful.push(r);
            if (doubtful.length >= REGISTER_CHUNK) await settle();
          }
        }
        if (doubtful.length > 0) await settle();
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    });
    return added;
  }

  /** Ids of the runs not yet done (pending or failed), in increasing order. */
  async pendingRunIds(stage?: string): Promise<number[]> {
    const reader = await this.connection.runAndReadAll(
      `SELECT id FROM runs WHERE status <> 'done'${stage ? ' AND stage = $1' : ''} ORDER BY id`,
      stage ? [stage] : [],
    );
    return reader.getRowsJS().map((r) => Number(r[0]));
  }

  /**
   * The runs not yet done (pending or failed), with their parameters, in increasing id order,
   * `chunk` at a time: a sweep of millions of runs never lists them all. It reads on a
   * connection of its own, so results may be recorded while it goes; a run recorded before
   * its chunk is read is not given.
   */
  async *pendingRuns(stage?: string, chunk = 4096): AsyncGenerator<RunRecord[]> {
    const connection = await this.instance.connect();
    const columns = ['id', 'point', 'replication', 'seed', 'stage', ...this.parameterNames.map(quoteIdent)];
    try {
      for (let after = -1; ; ) {
        const reader = await connection.runAndReadAll(
          `SELECT ${columns.join(', ')} FROM runs WHERE status <> 'done' AND id > ${after}${stage ? ' AND stage = $1' : ''} ORDER BY id LIMIT ${Math.max(1, Math.trunc(chunk))}`,
          stage ? [stage] : [],
        );
        const rows = reader.getRowsJS();
        if (rows.length === 0) return;
        const runs = rows.map((row) => ({
          id: Number(row[0]),
          point: Number(row[1]),
          replication: Number(row[2]),
          seed: Number(row[3]),
          stage: String(row[4]),
          parameters: row.slice(5).map((v) => (v === null ? Number.NaN : Number(v))),
        }));
        after = runs[runs.length - 1].id;
        yield runs;
      }
    } finally {
      connection.closeSync();
    }
  }

  /** Ids of the runs done, among `ids` (all done runs if omitted). */
  async doneRunIds(ids?: readonly number[]): Promise<Set<number>> {
    if (ids && ids.length === 0) return new Set();
    const reader = await this.connection.runAndReadAll(
      `SELECT id FROM runs WHERE status = 'done'${ids ? ` AND id IN (${ids.map((id) => Math.trunc(id)).join(',')})` : ''}`,
    );
    return new Set(reader.getRowsJS().map((r) => Number(r[0])));
  }

  /** Records one run's results (see {@link recordRuns}); true if newly recorded. */
  async recordRun(id: number, output: RunOutput): Promise<boolean> {
    return (await this.recordRuns([{ id, output }])) === 1;
  }

  /**
   * Records a batch of run results in one transaction and marks them done. Runs already
   * done (or repeated in the batch) are skipped, so recording twice never counts twice.
   * Returns the number newly recorded.
   */
  async recordRuns(batch: readonly { id: number; output: RunOutput }[]): Promise<number> {
    if (batch.length === 0) return 0;
    let recorded = 0;
    await this.transaction(async () => {
      const done = await this.doneRunIds(batch.map((b) => b.id));
      const fresh = batch.filter((b) => {
        if (done.has(b.id)) return false;
        done.add(b.id);
        return true;
      });
      if (fresh.length === 0) return;
      await this.append('measures', (a) => {
        for (const { id, output } of fresh) {
          for (const m of output.measures) {
            a.appendBigInt(BigInt(id));
            a.appendVarchar(m.area);
            a.appendVarchar(m.measure);
            appendNumber(a, m.value);
            a.endRow();
          }
        }
      });
      if (this.tables.includes('retention')) {
        await this.append('retention', (a) => {
          for (const { id, output } of fresh) {
            for (const row of output.retention) {
              a.appendBigInt(BigInt(id));
              a.appendVarchar(row.area);
              for (const c of RETENTION_STORE_COLUMNS) appendNumber(a, row[c]);
              a.endRow();
            }
          }
        });
      }
      if (this.tables.includes('places')) {
        await this.append('places', (a) => {
          for (const { id, output } of fresh) {
            for (const row of output.places) {
              a.appendBigInt(BigInt(id));
              a.appendInteger(row.year);
              a.appendVarchar(row.place);
              a.appendVarchar(row.kind);
              a.appendBoolean(row.smaller);
              for (const c of PLACE_STORE_COLUMNS) appendNumber(a, row[c]);
              a.endRow();
            }
          }
        });
      }
      const ids = fresh.map((b) => Math.trunc(b.id)).join(',');
      await this.connection.run(`UPDATE runs SET status = 'done', error = NULL WHERE id IN (${ids})`);
      recorded = fresh.length;
    });
    return recorded;
  }

  /** Marks a run failed with its error (a rerun tries it again). */
  async recordFailure(id: number, message: string): Promise<void> {
    await this.connection.run(
      `UPDATE runs SET status = 'failed', error = $2 WHERE id = $1 AND status <> 'done'`,
      [BigInt(id), message],
    );
  }

  /** Run counts by status (optionally for one stage). */
  async counts(stage?: string): Promise<StoreCounts> {
    const reader = await this.connection.runAndReadAll(
      `SELECT count(*), count(*) FILTER (status = 'done'), count(*) FILTER (status = 'failed') FROM runs${stage ? ' WHERE stage = $1' : ''}`,
      stage ? [stage] : [],
    );
    const [total, done, failed] = reader.getRowsJS()[0].map(Number);
    return { total, done, failed, pending: total - done };
  }

  /**
   * The values of one measure in one area for every done run (optionally of one stage, and
   * with ids from `ids.from` to `ids.to`), in run id order: a few numbers per run, never the
   * whole result tables.
   */
  async measureValues(
    measure: string,
    area: string,
    stage?: string,
    ids?: { from: number; to: number },
  ): Promise<{ id: number; point: number; replication: number; value: number }[]> {
    const range = ids
      ? ` AND r.id BETWEEN ${Math.trunc(ids.from)} AND ${Math.trunc(ids.to)} AND m.run_id BETWEEN ${Math.trunc(ids.from)} AND ${Math.trunc(ids.to)}`
      : '';
    const reader = await this.connection.runAndReadAll(
      `SELECT r.id, r.point, r.replication, m.value FROM runs r JOIN measures m ON m.run_id = r.id
       WHERE r.status = 'done' AND m.measure = $1 AND m.area = $2${stage ? ' AND r.stage = $3' : ''}${range} ORDER BY r.id`,
      stage ? [measure, area, stage] : [measure, area],
    );
    return reader.getRowsJS().map((r) => ({
      id: Number(r[0]),
      point: Number(r[1]),
      replication: Number(r[2]),
      value: r[3] === null ? Number.NaN : Number(r[3]),
    }));
  }

  /** How many done runs (optionally of one stage) have a value (not NULL) of a measure in an area. */
  async measureCount(measure: string, area: string, stage?: string): Promise<number> {
    const reader = await this.connection.runAndReadAll(
      `SELECT count(m.value) FROM runs r JOIN measures m ON m.run_id = r.id
       WHERE r.status = 'done' AND m.measure = $1 AND m.area = $2${stage ? ' AND r.stage = $3' : ''}`,
      stage ? [measure, area, stage] : [measure, area],
    );
    return Number(reader.getRowsJS()[0][0]);
  }

  /**
   * The parameters of design points `from` to `to` (from their replication 0 in `stage`), in
   * point order: the values the runs were registered with.
   */
  async pointParameters(
    from: number,
    to: number,
    stage = 'sweep',
  ): Promise<{ point: number; parameters: number[] }[]> {
    const columns = this.parameterNames.map(quoteIdent);
    const reader = await this.connection.runAndReadAll(
      `SELECT point${columns.map((c) => `, ${c}`).join('')} FROM runs
       WHERE stage = $1 AND replication = 0 AND point BETWEEN ${Math.trunc(from)} AND ${Math.trunc(to)} ORDER BY point`,
      [stage],
    );
    return reader.getRowsJS().map((row) => ({
      point: Number(row[0]),
      parameters: row.slice(1).map((v) => (v === null ? Number.NaN : Number(v))),
    }));
  }

  /** Runs an SQL query and returns its rows as objects of JS values (bigints become numbers). */
  async query(sql: string, values: (string | number)[] = []): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql, values);
    return reader
      .getRowObjectsJS()
      .map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
      );
  }

  /** Runs an SQL statement (export uses COPY). */
  async execute(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** Closes the store. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private async transaction(body: () => Promise<void>): Promise<void> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      await body();
      await this.connection.run('COMMIT');
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    }
  }

  private async append(table: string, fill: (appender: DuckDBAppender) => void): Promise<void> {
    const appender = await this.connection.createAppender(table);
    try {
      fill(appender);
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }
}

/** Appends a number, or NULL when it is not finite (NULL is what R, pandas and DuckDB read as missing). */
function appendNumber(appender: DuckDBAppender, value: number | boolean): void {
  const n = Number(value);
  if (Number.isFinite(n)) appender.appendDouble(n);
  else appender.appendNull();
}
