// The whole `settle compare` (tables, charts and report.html) in a small heap. Runs the built
// `settle` command and packages (run `npm run build` first).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { namedScenario, resolveScenario } from '@smart-settlement/scenarios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACK_CHARTS as CHART_NAMES, PACK_CHART_FILES } from '../../helpers/charts.js';
import { BIN, tempDir } from '../../helpers/cli.js';

const HEAP_MB = 64;
// 2 scenarios x 20 replications x 100 years: about 200,000 table rows, about 22 MB as CSV
// (the size of test/core/streaming.test.ts's ensemble).
const SCENARIOS = ['baseline', 'dispersion'];
const REPLICATIONS = 20;
const YEARS = 100;

/** Runs node with a heap limit; returns its exit status and what it printed to stderr. */
function nodeWithHeap(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { status: r.status, stderr: r.stderr };
}

describe(`settle compare of an ensemble whose tables do not fit in a ${HEAP_MB} MB heap as row objects`, () => {
  const dir = tempDir('viz-pack-memory-');
  const out = join(dir, 'results');
  let compared: { status: number | null; stderr: string };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => {
    compared = nodeWithHeap(
      [
        BIN,
        'compare',
        ...SCENARIOS,
        '--years',
        String(YEARS),
        '--replications',
        String(REPLICATIONS),
        '--set',
        'agentScale=3000',
        '--workers',
        '0',
        '--out',
        out,
        '--quiet',
      ],
      dir,
    );
  });

  it('writes the whole folder in that heap: every table in full, every chart in four formats, report.html', () => {
    expect(compared.status, compared.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      [
        '.settle-folder',
        'charts',
        'cohorts.csv',
        'flows.csv',
        'manifest.json',
        'measures.csv',
        'places.csv',
        'report.html',
        'retention.csv',
        'summary.json',
      ].sort(),
    );
    const places = resolveScenario(namedScenario('baseline')!).config.places.length;
    const placeLines = readFileSync(join(out, 'places.csv'), 'utf8').trimEnd().split('\n').length - 1;
    expect(placeLines).toBe(SCENARIOS.length * REPLICATIONS * YEARS * places);
    const expected = PACK_CHART_FILES;
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(expected.sort());
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    for (const name of CHART_NAMES) expect(report).toContain(`charts/${name}.png`);
    expect(report).toContain(`${REPLICATIONS} replications`);
  });

  it('draws the charts over every year and replication of the tables', () => {
    const spec = (name: string) => JSON.parse(readFileSync(join(out, 'charts', `${name}.vl.json`), 'utf8'));
    // Population of the smaller places: one point per scenario and year of the run.
    const population = spec('smaller-places').vconcat[0].data.values as { scenario: string; year: number }[];
    expect(population).toHaveLength(SCENARIOS.length * YEARS);
    expect(new Set(population.map((d) => d.scenario))).toEqual(new Set(SCENARIOS));
    // Retention curves: one point per scenario and year since arrival, bands from the replications.
    const curves = spec('retention-curves').data.values as { lo: number; median: number; hi: number }[];
    expect(curves).toHaveLength(SCENARIOS.length * YEARS);
    for (const d of curves) {
      expect(d.lo).toBeLessThanOrEqual(d.median);
      expect(d.median).toBeLessThanOrEqual(d.hi);
    }
    // With 20 replications the 90% band has width somewhere (it would be flat from one).
    expect(curves.some((d) => d.hi > d.lo)).toBe(true);
  });

  it('the control: parsing those tables into one object per row, as the pack used to, runs out of that heap', () => {
    expect(compared.status, compared.stderr).toBe(0);
    const viz = new URL('../../../packages/viz/dist/index.js', import.meta.url).href;
    const script = `
      const { readFileSync } = await import('node:fs');
      const { parseCsv } = await import('${viz}');
      const retention = parseCsv(readFileSync(${JSON.stringify(join(out, 'retention.csv'))}, 'utf8'));
      const places = parseCsv(readFileSync(${JSON.stringify(join(out, 'places.csv'))}, 'utf8'));
      console.log(retention.length + places.length);`;
    const control = nodeWithHeap(['--input-type=module', '-e', script], dir);
    expect(control.status).not.toBe(0);
    expect(control.stderr).toMatch(/heap out of memory/i);
  });
});
