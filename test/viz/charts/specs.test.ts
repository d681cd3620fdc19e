import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  CHART_NAMES,
  CHARTS,
  incentiveTerms,
  PAIRED_MEASURES,
  pairedDifferenceData,
  type ResultTables,
  retentionCliffSpec,
  retentionCurveData,
  sourceLine,
} from '@smart-settlement/viz';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACK_CHARTS } from '../../helpers/charts.js';
import {
  copyTables,
  FIXTURE_REPLICATIONS,
  FIXTURE_SCENARIOS,
  FIXTURE_SEED,
  fixtureResults,
} from '../../helpers/results-fixture.ts';

// The schema the installed vega-lite ships, resolved from the viz package that depends on it.
const vizRequire = createRequire(join(import.meta.dirname, '../../../packages/viz/package.json'));
const schemaPath = vizRequire.resolve('vega-lite/vega-lite-schema.json');

let tables: ResultTables;
beforeAll(async () => {
  ({ tables } = await fixtureResults());
});

/** Every `data.values` array in a spec, however deeply layered. */
function inlineData(spec: unknown): unknown[][] {
  const found: unknown[][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const data = o.data as { values?: unknown[] } | undefined;
      if (data && Array.isArray(data.values)) found.push(data.values);
      Object.values(o).forEach(walk);
    }
  };
  walk(spec);
  return found;
}

describe('chart specs', () => {
  it('the pack has the charts of the issues, each with a distinct name', () => {
    expect(CHART_NAMES).toEqual(PACK_CHARTS);
  });

  it('every spec validates against the Vega-Lite JSON schema shipped with vega-lite', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    for (const chart of CHARTS) {
      const ok = validate(chart.build(tables));
      expect(ok, `${chart.name}: ${ajv.errorsText(validate.errors?.slice(0, 3))}`).toBe(true);
    }
    // The validator does reject a broken spec, so the check above can fail.
    expect(validate({ mark: 'no-such-mark', data: { values: [] } })).toBe(false);
  });

  it('a spec is a pure function of the tables: same tables, equal specs, tables untouched', () => {
    const before = JSON.stringify(tables);
    for (const chart of CHARTS) expect(chart.build(tables)).toEqual(chart.build(copyTables(tables)));
    expect(JSON.stringify(tables)).toBe(before);
  });

  it('every spec carries its data inline (non-empty) and the source line naming scenarios and seed', () => {
    const line = sourceLine(tables);
    for (const s of FIXTURE_SCENARIOS) expect(line).toContain(s);
    expect(line).toContain(`seed ${FIXTURE_SEED}`);
    expect(line).toContain(`${FIXTURE_REPLICATIONS} replications`);
    for (const chart of CHARTS) {
      const spec = chart.build(tables) as { title: { text: string; subtitle: string[] } };
      expect(
        inlineData(spec).some((d) => d.length > 0),
        chart.name,
      ).toBe(true);
      expect(spec.title.text.length, chart.name).toBeGreaterThan(10);
      expect(spec.title.subtitle.join(' '), chart.name).toContain(`seed ${FIXTURE_SEED}`);
    }
  });

  it('a scenario keeps its colour in every chart (one shared colour scale)', () => {
    const ranges = new Map<string, string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (!v || typeof v !== 'object') return;
      const o = v as { field?: string; scale?: { domain?: string[]; range?: string[] } };
      if (o.field === 'scenario' && Array.isArray(o.scale?.domain) && Array.isArray(o.scale?.range))
        o.scale.domain.forEach((s, i) => {
          const colour = o.scale!.range![i];
          expect(ranges.get(s) ?? colour, s).toBe(colour);
          ranges.set(s, colour);
        });
      Object.values(o).forEach(walk);
    };
    for (const chart of CHARTS) walk(chart.build(tables));
    expect([...ranges.keys()].sort()).toEqual([...FIXTURE_SCENARIOS].sort());
    expect(new Set(ranges.values()).size).toBe(FIXTURE_SCENARIOS.length);
  });

  it('retention curves: medians lie in their bands and within [0, 1], one point per scenario and year', () => {
    const data = retentionCurveData(tables, tables.summary.smallerPlacesArea);
    expect(data.length).toBe(FIXTURE_SCENARIOS.length * tables.summary.years);
    for (const d of data) {
      expect(d.lo).toBeLessThanOrEqual(d.median);
      expect(d.median).toBeLessThanOrEqual(d.hi);
      expect(d.lo).toBeGreaterThanOrEqual(0);
      expect(d.hi).toBeLessThanOrEqual(1);
    }
  });

  it("retention cliff: the term-end line sits at the dispersion policy's term, read from summary.json", () => {
    expect(incentiveTerms(tables)).toEqual([{ scenario: 'dispersion', termYears: 3 }]);
    const longer = copyTables(tables);
    const policy = longer.summary.scenarios.find((s) => s.name === 'dispersion')!.policies[0];
    policy.facts = { incentiveTermYears: 6 };
    const rules = (spec: unknown) =>
      inlineData(spec)
        .flatMap((d) => d as { termYears?: number }[])
        .filter((d) => d.termYears !== undefined);
    expect(rules(retentionCliffSpec(tables)).map((r) => r.termYears)).toEqual([3]);
    expect(rules(retentionCliffSpec(longer)).map((r) => r.termYears)).toEqual([6]);
  });

  it("paired difference: the plotted values are summary.json's paired medians and intervals in the stated units", () => {
    const data = pairedDifferenceData(tables, tables.summary.smallerPlacesArea, PAIRED_MEASURES);
    expect(data.length).toBeGreaterThan(0);
    for (const d of data) {
      const m = PAIRED_MEASURES.find((x) => x.measure === d.measure)!;
      const row = tables.summary.paired.find(
        (r) =>
          r.scenario === d.scenario && r.measure === d.measure && r.area === tables.summary.smallerPlacesArea,
      )!;
      // Inlined data keep 6 significant digits.
      const near = (a: number, b: number) => Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b));
      expect(near(d.median, row.median * m.factor), `${d.measure} median`).toBe(true);
      expect(near(d.lo, row.lo * m.factor), `${d.measure} lo`).toBe(true);
      expect(near(d.hi, row.hi * m.factor), `${d.measure} hi`).toBe(true);
      expect(d.scenario).not.toBe(tables.summary.reference);
    }
  });

  it('charts that compare against the reference say why they cannot be drawn from one scenario', () => {
    const one = copyTables(tables);
    one.summary.paired = [];
    one.summary.incremental = [];
    one.summary.scenarios = one.summary.scenarios.slice(0, 1);
    const unavailable = CHARTS.filter((c) => c.unavailable?.(one)).map((c) => c.name);
    expect(unavailable).toEqual(['place-map', 'cost-per-retained', 'paired-difference']);
    expect(CHARTS.filter((c) => c.unavailable?.(tables))).toEqual([]);
  });
});
