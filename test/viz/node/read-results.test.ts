import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from '@smart-settlement/cli';
import type { PlaceRow, RetentionRow } from '@smart-settlement/core';
import {
  CsvRecords,
  chartRetentionAreas,
  parseCsv,
  type ResultTables,
  resultTables,
  resultTablesFromRows,
  retentionCurveData,
  retentionCurvesSpec,
  type SummaryDocument,
} from '@smart-settlement/viz';
import { readResults } from '@smart-settlement/viz/node';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/cli.js';
import { fixtureResults } from '../../helpers/results-fixture.ts';

let dir: string;
let tables: ResultTables;
let summary: SummaryDocument;
let retentionRows: RetentionRow[];
let placeRows: PlaceRow[];
beforeAll(async () => {
  ({ dir, tables } = await fixtureResults());
  summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  // The tables as one object per row: fine for the small fixture.
  retentionRows = parseCsv<RetentionRow>(readFileSync(join(dir, 'retention.csv'), 'utf8'));
  placeRows = parseCsv<PlaceRow>(readFileSync(join(dir, 'places.csv'), 'utf8'));
});

describe('CsvRecords', () => {
  it('gives the records of toCsv(rows) however the text is cut into chunks, with \\n or \\r\\n line ends', () => {
    const text = fc.string({ maxLength: 8 }).filter((s) => !s.includes('\r'));
    const cell = fc.oneof(text, fc.constantFrom('a,b', 'say "hi"', 'two\nlines', '"', ''));
    const row = fc.record({ a: cell, b: fc.integer(), c: cell });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.boolean(),
        (rows, cuts, crlf) => {
          // Line ends between records only: a quoted cell keeps its own line break.
          const lines = [
            'a,b,c',
            ...rows.map((r) => toCsv([r], ['a', 'b', 'c']).split('\n').slice(1, -1).join('\n')),
          ];
          const csvText = lines.join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
          const records: string[][] = [];
          const csv = new CsvRecords((cells) => records.push(cells));
          const at = [...new Set(cuts.map((c) => c % (csvText.length + 1)))].sort((x, y) => x - y);
          let from = 0;
          for (const cut of [...at, csvText.length]) {
            csv.push(csvText.slice(from, cut));
            from = cut;
          }
          csv.end();
          // CsvRecords only splits cells: the ' the writer puts before formula-like text stays (parseCsv drops it).
          const written = (t: string) => (/^[=+\-@\t\r']/.test(t) ? `'${t}` : t);
          expect(records).toEqual([
            ['a', 'b', 'c'],
            ...rows.map((r) => [written(r.a), String(r.b), written(r.c)]),
          ]);
          expect(csv.count).toBe(rows.length + 1);
        },
      ),
    );
  });
});

describe('readResults', () => {
  it('keeps, of the retention table, exactly the rows of the areas the charts read, in order', () => {
    const areas = chartRetentionAreas(summary);
    const kept = retentionRows.filter((r) => areas.includes(r.area));
    const t = tables.retention;
    expect(t.areas).toEqual(areas);
    expect(t.length).toBe(kept.length);
    expect(t.length).toBeGreaterThan(0);
    kept.forEach((r, i) => {
      expect(t.scenarios[t.scenario[i]]).toBe(r.scenario);
      expect(t.areas[t.area[i]]).toBe(r.area);
      expect(t.replication[i]).toBe(r.replication);
      expect(t.yearsSinceArrival[i]).toBe(r.yearsSinceArrival);
      expect(t.retention[i]).toBe(r.retention);
      expect(t.departures[i]).toBe(r.departures);
    });
  });

  it("sums the smaller places' rows of the places table per scenario, replication and year", () => {
    const sums = new Map<
      string,
      { population: number; labourGap: number; equity: number; newcomers: number }
    >();
    for (const r of placeRows) {
      if (!r.smaller) continue;
      const key = `${r.scenario}|${r.replication}|${r.year}`;
      const s = sums.get(key) ?? { population: 0, labourGap: 0, equity: 0, newcomers: 0 };
      sums.set(key, s);
      s.population += r.population;
      s.labourGap += r.labourGap;
      if (r.newcomers > 0 && Number.isFinite(r.equityMean)) {
        s.equity += r.equityMean * r.newcomers;
        s.newcomers += r.newcomers;
      }
    }
    const t = tables.smallerPlaces;
    expect(t.length).toBe(summary.scenarios.length * summary.replications * summary.years);
    expect([...sums.keys()]).toEqual(
      Array.from(
        { length: t.length },
        (_, i) => `${t.scenarios[t.scenario[i]]}|${t.replication[i]}|${t.year[i]}`,
      ),
    );
    [...sums.values()].forEach((s, i) => {
      expect(t.population[i]).toBe(s.population);
      expect(t.labourGap[i]).toBe(s.labourGap);
      expect(t.equityWeighted[i]).toBe(s.equity);
      expect(t.equityNewcomers[i]).toBe(s.newcomers);
    });
  });

  it('gives the same tables as resultTables from the whole text and resultTablesFromRows from row objects', () => {
    const text = (name: string) => readFileSync(join(dir, name), 'utf8');
    const fromText = resultTables({
      summary: text('summary.json'),
      retention: text('retention.csv'),
      places: text('places.csv'),
    });
    expect(fromText).toEqual(tables);
    expect(resultTablesFromRows(summary, retentionRows, placeRows)).toEqual(tables);
  });

  it('keeps the retention of the places asked for, and a chart of a place not read says how to read it', () => {
    expect(() => retentionCurvesSpec(tables, { area: 'Thunder Bay' })).toThrow(
      /no retention of "Thunder Bay".*retentionAreas/,
    );
    const more = readResults(dir, { retentionAreas: ['Thunder Bay'] });
    expect(more.retention.areas).toEqual([...chartRetentionAreas(summary), 'Thunder Bay']);
    const rows = retentionRows.filter((r) => r.area === 'Thunder Bay');
    expect(rows.length).toBeGreaterThan(0);
    const data = retentionCurveData(more, 'Thunder Bay');
    expect(data.length).toBe(new Set(rows.map((r) => `${r.scenario}|${r.yearsSinceArrival}`)).size);
    const all = readResults(dir, { retentionAreas: 'all' });
    expect(all.retention.length).toBe(retentionRows.length);
  });

  it('a places table that disagrees with summary.json is refused, naming the file, the line and the value', () => {
    const broken = join(tempDir('viz-read-'), 'results');
    mkdirSync(broken);
    for (const f of ['summary.json', 'retention.csv']) copyFileSync(join(dir, f), join(broken, f));
    const lines = readFileSync(join(dir, 'places.csv'), 'utf8').split('\n');
    const at = lines.findIndex((l, i) => i > 0 && l.includes(',true,'));
    const cells = lines[at].split(',');
    cells[1] = String(summary.replications + 5);
    lines[at] = cells.join(',');
    writeFileSync(join(broken, 'places.csv'), lines.join('\n'));
    expect(() => readResults(broken)).toThrow(
      `places.csv line ${at + 1}: replication ${summary.replications + 5} is outside`,
    );
  });
});
