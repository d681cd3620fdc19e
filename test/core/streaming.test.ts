// The heap-limit check runs the built `settle` command and packages (run `npm run build` first).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Model, type PlaceRow, simulate } from '@smart-settlement/core';
import { namedScenario, resolveScenario } from '@smart-settlement/scenarios';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'settle-streaming-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('placeSink', () => {
  const { config } = resolveScenario({ ...namedScenario('welcome')!, years: 6, agentScale: 400 });

  it('hands on each year of place rows as the year ends, keeping none, and the rows equal the kept ones', () => {
    const streamed: PlaceRow[] = [];
    const model = new Model(config, { seed: 3, placeSink: (row) => streamed.push(row) });
    const perYear: number[] = [];
    while (model.year < config.years) {
      model.step();
      perYear.push(streamed.length);
    }
    const places = config.places.length;
    expect(perYear).toEqual(perYear.map((_, y) => (y + 1) * places));
    expect(model.result().places).toEqual([]);
    expect(streamed).toEqual(simulate(config, { seed: 3 }).places);
  });
});

describe('an ensemble larger than the heap', () => {
  const HEAP_MB = 64;
  // 2 scenarios x 20 replications x 100 years: about 200,000 table rows, about 22 MB as CSV.
  const ensemble = ['baseline', 'dispersion'];
  const overrides = { years: 100, replications: 20, sets: ['agentScale=3000'] };

  it('does not fit in a 64 MB heap when the ensemble keeps every run (the control: runEnsemble without a sink)', () => {
    const packages = new URL('../../packages/', import.meta.url).href;
    const script = `
      const { jobConfigs, prepareJob } = await import('${packages}cli/dist/index.js');
      const { runEnsemble } = await import('${packages}core/dist/index.js');
      const { namedScenario } = await import('${packages}scenarios/dist/index.js');
      const job = prepareJob(${JSON.stringify(ensemble)}.map((n) => ({ scenario: namedScenario(n), where: n })), ${JSON.stringify(overrides)});
      await runEnsemble(jobConfigs(job), { replications: job.replications, seed: job.seed });`;
    const control = spawnSync(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, '--input-type=module', '-e', script],
      {
        encoding: 'utf8',
      },
    );
    expect(control.status).not.toBe(0);
    expect(control.stderr).toMatch(/heap out of memory/i);
  });

  // settle's table writing (executeJob, as run and compare call it) without the briefing
  // stages that main.ts registers: those read the written tables back for charts, and
  // test/viz/node/pack-memory.test.ts runs the whole settle compare, charts included, in this heap.
  it('is written whole by executeJob in that heap, its sink appending each run as it finishes', () => {
    const out = join(dir, 'big');
    const packages = new URL('../../packages/', import.meta.url).href;
    const script = `
      const { prepareJob } = await import('${packages}cli/dist/job.js');
      const { executeJob } = await import('${packages}cli/dist/execute.js');
      const { namedScenario } = await import('${packages}scenarios/dist/index.js');
      const job = prepareJob(${JSON.stringify(ensemble)}.map((n) => ({ scenario: namedScenario(n), where: n })), ${JSON.stringify(overrides)});
      await executeJob(job, ${JSON.stringify(out)}, { quiet: true, workers: 0 });`;
    execFileSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--input-type=module', '-e', script], {
      stdio: 'pipe',
    });
    const runs = ensemble.length * overrides.replications;
    const places = readFileSync(join(out, 'places.csv'), 'utf8').trimEnd().split('\n');
    const header = places[0].split(',');
    const year = header.indexOf('year');
    const body = places.slice(1);
    const placeCount = resolveScenario(namedScenario('baseline')!).config.places.length;
    expect(body.length).toBe(runs * overrides.years * placeCount);
    // Every run is complete: each (scenario, replication) has every year of every place.
    const perRun = new Map<string, Set<string>>();
    for (const line of body) {
      const cells = line.split(',');
      const run = `${cells[0]},${cells[1]}`;
      if (!perRun.has(run)) perRun.set(run, new Set());
      perRun.get(run)!.add(cells[year]);
    }
    expect(perRun.size).toBe(runs);
    for (const years of perRun.values()) expect(years.size).toBe(overrides.years);
    const retention = readFileSync(join(out, 'retention.csv'), 'utf8').trimEnd().split('\n');
    const retentionRuns = new Set(retention.slice(1).map((l) => l.split(',').slice(0, 2).join(',')));
    expect(retentionRuns.size).toBe(runs);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.summary.every((row: { n: number }) => row.n <= overrides.replications)).toBe(true);
    expect(summary.summary.some((row: { n: number }) => row.n === overrides.replications)).toBe(true);
  });
});
