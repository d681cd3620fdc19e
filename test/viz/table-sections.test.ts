import { classGroupArea, type SummaryDocument } from '@smart-settlement/core';
import { areaCostTable, type ResultTables, tableSections } from '@smart-settlement/viz';
import { reportHtml } from '@smart-settlement/viz/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyTables, fixtureResults } from '../helpers/results-fixture.ts';

let tables: ResultTables;
beforeAll(async () => {
  tables = (await fixtureResults()).tables;
}, 240_000);

/** The rows of the first table of an HTML fragment, each as the text of its cells. */
function tableRows(html: string): string[][] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return body
    .split('</tr>')
    .filter((r) => r.includes('<td'))
    .map((r) =>
      [...r.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) =>
        m[1].replace(/<br>/g, ' ').replace(/<[^>]+>/g, ''),
      ),
    );
}

describe('tableSections: the accountability tables of the report and the explorer', () => {
  it('starts with the cost per additional person kept; ids are unique; each place and each class has its sections', () => {
    const s = tables.summary;
    const sections = tableSections(s);
    expect(sections[0].id).toBe('cost-per-additional');
    expect(sections[0].tables).toContain('Cost per additional person retained after 5 years');
    expect(new Set(sections.map((x) => x.id)).size).toBe(sections.length);
    const ids = sections.map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['places-destinations', 'places-cost']));
    expect((s.classes ?? []).length).toBeGreaterThan(1);
    expect(ids).toEqual(
      expect.arrayContaining([
        'classes-retention',
        'classes-destinations',
        'classes-acted-on',
        'classes-cost',
      ]),
    );
  });

  it('each place: a block of rows per place, a row per scenario, the four destinations at 5 and 10 years with intervals', () => {
    const s = tables.summary;
    const section = tableSections(s).find((x) => x.id === 'places-destinations')!;
    const withDestinations = s.places.filter((p) => s.destinations.some((d) => d.area === p.name));
    expect(withDestinations.length).toBeGreaterThan(s.places.length / 2);
    for (const place of withDestinations) expect(section.tables).toContain(`>${place.name}</th>`);
    const rows = tableRows(section.tables);
    // A place's first row carries its name (rowspan), then the scenario, then 2 × 4 shares.
    const first = rows[0];
    expect(first).toHaveLength(2 + 8);
    for (const shares of first.slice(2)) expect(shares).toMatch(/^\d+\.\d% \d+\.\d% to \d+\.\d%$/);
    expect(rows.filter((r) => r.length === 2 + 8)).toHaveLength(withDestinations.length);
    // One row per scenario that has the place's destinations.
    const expected = withDestinations.reduce(
      (n, p) =>
        n +
        s.scenarios.filter((x) => s.destinations.some((d) => d.area === p.name && d.scenario === x.name))
          .length,
      0,
    );
    expect(rows).toHaveLength(expected);
  });

  it('cost by place: gross, clawbacks, net, additional people and the cost of each; "no gain" where the scenario kept nobody more there', () => {
    const copy = copyTables(tables).summary as SummaryDocument;
    const spent = copy.summary.find(
      (r) =>
        r.scenario !== copy.reference &&
        r.measure === 'grossSpending' &&
        r.hi > 0 &&
        copy.places.some((p) => p.name === r.area),
    )!;
    expect(spent).toBeDefined();
    const inc = copy.incremental.find(
      (r) =>
        r.scenario === spent.scenario && r.area === spent.area && r.measure === 'costPerAdditionalRetained5',
    )!;
    Object.assign(inc, { median: null, lo: null, hi: null, gainShare: 0 });
    const html = areaCostTable(copy, [{ area: spent.area, label: spent.area }], [spent.scenario]);
    const [row] = tableRows(html);
    expect(row[0]).toBe(spent.area);
    expect(row[1]).toBe(spent.scenario);
    expect(row[2]).toMatch(/^\$/);
    expect(row[6]).toBe('no gain');
  });

  it('by class: the cost per additional person of a class is not split for a scenario that spends on places (engagement)', () => {
    const s = tables.summary;
    const area = classGroupArea(s.smallerPlacesArea, s.classes![0]);
    expect(s.incremental.some((r) => r.scenario === 'engagement' && r.area === area)).toBe(false);
    const section = tableSections(s).find((x) => x.id === 'classes-cost')!;
    // Engagement pays no one, so it has no row; dispersion pays incentive takers.
    expect(section.tables).toContain('dispersion');
  });

  it('report.html shows every section, the long tables of each place after the charts', () => {
    const html = reportHtml(tables, []);
    const sections = tableSections(tables.summary);
    for (const section of sections) expect(html).toContain(`<h2 id="${section.id}">`);
    expect(html.indexOf('<h2 id="places-destinations">')).toBeGreaterThan(
      html.indexOf('<h2 id="charts">Charts</h2>'),
    );
    expect(html.indexOf('<h2 id="cost-per-additional">')).toBeLessThan(
      html.indexOf('<h2 id="charts">Charts</h2>'),
    );
  });
});
