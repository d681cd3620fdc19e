import {
  CHARTS,
  costPerRetainedData,
  costPerRetainedSpec,
  pairedDifferenceSpec,
  placeMapSpec,
  type ResultTables,
  retentionCliffSpec,
  retentionCurveData,
  retentionCurvesSpec,
} from '@smart-settlement/viz';
import { renderChart, renderSvg, standaloneHtml, svgToPng } from '@smart-settlement/viz/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { pngContent, pngSize } from '../../helpers/png.ts';
import { FIXTURE_SCENARIOS, fixtureResults } from '../../helpers/results-fixture.ts';
import { markItems, pathPoints, translation } from '../../helpers/svg.ts';

let tables: ResultTables;
const svgs = new Map<string, string>();
beforeAll(async () => {
  ({ tables } = await fixtureResults());
  for (const chart of CHARTS) svgs.set(chart.name, await renderSvg(chart.build(tables)));
});

/** The svg element's width and height attributes. */
function svgSize(svg: string): { width: number; height: number } {
  const m = svg.match(/<svg[^>]*\swidth="([\d.]+)"\s+height="([\d.]+)"/)!;
  return { width: Number(m[1]), height: Number(m[2]) };
}

describe('rendering', () => {
  it('every chart renders to an SVG with data marks, and to a PNG that is a real picture', () => {
    for (const chart of CHARTS) {
      const svg = svgs.get(chart.name)!;
      expect(svg.startsWith('<svg'), chart.name).toBe(true);
      const marks = ['line', 'area', 'symbol', 'rect', 'rule'].flatMap((t) => markItems(svg, t));
      expect(marks.length, chart.name).toBeGreaterThan(2);
      const png = svgToPng(svg, { scale: 1 });
      const { inked, colours } = pngContent(png);
      expect(inked, `${chart.name}: share of inked pixels`).toBeGreaterThan(0.02);
      expect(colours, `${chart.name}: distinct colours`).toBeGreaterThan(20);
    }
  });

  it('the blank-picture check does fail on a blank picture', () => {
    const blank = svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"></svg>', {
      scale: 1,
    });
    expect(pngContent(blank).inked).toBe(0);
  });

  it('rendering is deterministic: the same spec gives the same SVG and PNG bytes', async () => {
    const spec = retentionCliffSpec(tables);
    const [a, b] = [await renderSvg(spec), await renderSvg(spec)];
    expect(a).toBe(b);
    expect(Buffer.from(svgToPng(a)).equals(Buffer.from(svgToPng(b)))).toBe(true);
    expect(a).not.toMatch(/\d{4}-\d\d-\d\dT/); // no timestamps
  });

  it('--scale multiplies the PNG size (3.125 = 300 dpi)', () => {
    const svg = svgs.get('cost-per-retained')!;
    const { width, height } = svgSize(svg);
    expect(pngSize(svgToPng(svg, { scale: 1 }))).toEqual({
      width: Math.ceil(width),
      height: Math.ceil(height),
    });
    const print = pngSize(svgToPng(svg, { scale: 3.125 }));
    expect(print.width).toBeCloseTo(width * 3.125, -1);
    expect(print.height).toBeCloseTo(height * 3.125, -1);
  });

  it('retention curves: one line per scenario, one vertex per year, at the height of its median', async () => {
    const spec = retentionCurvesSpec(tables, { width: 600, height: 300 });
    const lines = markItems(await renderSvg(spec), 'line');
    expect(lines).toHaveLength(FIXTURE_SCENARIOS.length);
    const data = retentionCurveData(tables, tables.summary.smallerPlacesArea);
    for (const line of lines) {
      const scenario = line.label!.match(/Scenario: (\w+)/)![1];
      const points = pathPoints(line.d!);
      expect(points).toHaveLength(tables.summary.years);
      const first = data.find((d) => d.scenario === scenario && d.yearsSinceArrival === 1)!;
      // The y axis runs from 0 (bottom, y = 300) to 100% (top, y = 0).
      expect(points[0][1]).toBeCloseTo(300 * (1 - first.median), 0);
      expect(points[0][0]).toBeCloseTo(0, 5);
      expect(points.at(-1)![0]).toBeCloseTo(600, 0);
    }
  });

  it('retention cliff: the term-end rule is drawn at year 3 of the 1-to-12-year axis', async () => {
    const rules = markItems(await renderSvg(retentionCliffSpec(tables, { width: 660 })), 'rule');
    expect(rules).toHaveLength(1);
    expect(translation(rules[0].transform)[0]).toBeCloseTo(((3 - 1) / (12 - 1)) * 660, 1);
  });

  it('cost per additional person: bar lengths are proportional to the medians, one panel per horizon', async () => {
    // Bars carry the scenario in their tooltip; the grey ticks (average cost) do not.
    const bars = markItems(await renderSvg(costPerRetainedSpec(tables)), 'rect').filter((x) =>
      x.label?.includes('Scenario: '),
    );
    const area = tables.summary.smallerPlacesArea;
    const five = costPerRetainedData(tables, area, 'costPerAdditionalRetained5');
    const ten = costPerRetainedData(tables, area, 'costPerAdditionalRetained10');
    expect(five.map((d) => d.scenario)).toEqual(FIXTURE_SCENARIOS.slice(1));
    expect(bars).toHaveLength(five.length + ten.length);
    const length = (d: string) => Number(d.match(/h(-?[\d.]+)/)![1]);
    // The first panel (5 years) is drawn first.
    const firstPanel = bars.slice(0, five.length);
    const barOf = (s: string) => firstPanel.find((x) => x.label!.includes(`Scenario: ${s}`))!;
    const [a, b] = five.filter((d) => d.median !== null && d.median > 0);
    expect(length(barOf(a.scenario).d!) / length(barOf(b.scenario).d!)).toBeCloseTo(a.median! / b.median!, 2);
  });

  it('map: one circle per place in each scenario compared with the reference', async () => {
    const circles = markItems(await renderSvg(placeMapSpec(tables)), 'symbol');
    expect(circles).toHaveLength(tables.summary.places.length * (FIXTURE_SCENARIOS.length - 1));
  });

  it('paired difference: one dot per scenario other than the reference in each measure panel', async () => {
    const dots = markItems(await renderSvg(pairedDifferenceSpec(tables)), 'symbol');
    const panels = new Set(tables.summary.paired.map((r) => r.measure));
    const shown = [
      'retention5',
      'retention10',
      'populationChange',
      'labourGap',
      'engagedShare',
      'equityMean',
    ];
    expect(dots).toHaveLength(shown.filter((m) => panels.has(m)).length * (FIXTURE_SCENARIOS.length - 1));
  });

  it('standalone HTML inlines vega, vega-lite, vega-embed and the spec: nothing loaded from the network', async () => {
    const spec = retentionCurvesSpec(tables);
    const html = standaloneHtml(spec);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href="?https?:/);
    expect(html).toContain('vegaEmbed(');
    expect(html).toMatch(/vega-lite/);
    expect(html.length).toBeGreaterThan(500_000);
    expect(await renderChart(spec, 'html')).toBe(html);
    expect(JSON.parse((await renderChart(spec, 'vl.json')) as string)).toEqual(spec);
  });
});
