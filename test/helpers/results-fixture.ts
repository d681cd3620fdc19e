/** A small results folder for the chart tests, simulated once per test file in this process. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { executeJob, loadScenario, prepareJob } from '@smart-settlement/cli';
import type { ResultTables } from '@smart-settlement/viz';
import { readResults } from '@smart-settlement/viz/node';

/** Scenarios of the fixture: the reference, one with an incentive term, one with engagement. */
export const FIXTURE_SCENARIOS = ['baseline', 'dispersion', 'engagement'];
/** Long enough for 10-year retention; few replications and coarse agents to stay fast. */
export const FIXTURE_YEARS = 12;
export const FIXTURE_REPLICATIONS = 3;
export const FIXTURE_SEED = 11;

let cached: Promise<{ dir: string; tables: ResultTables }> | undefined;

/** Writes the tables of a small compare (no briefing pack) into a temporary folder and reads them back. */
export function fixtureResults(): Promise<{ dir: string; tables: ResultTables }> {
  cached ??= (async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'viz-fixture-')), 'results');
    const job = prepareJob(FIXTURE_SCENARIOS.map(loadScenario), {
      years: FIXTURE_YEARS,
      replications: FIXTURE_REPLICATIONS,
      seed: FIXTURE_SEED,
      sets: ['agentScale=100'],
    });
    await executeJob(job, dir, { quiet: true, workers: 0 });
    return { dir, tables: readResults(dir) };
  })();
  return cached;
}

/** A deep copy of the tables, to change one thing in a test. */
export function copyTables(tables: ResultTables): ResultTables {
  return structuredClone(tables);
}
